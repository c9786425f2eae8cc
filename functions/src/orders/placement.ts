// Turns a customer's `submitted` cart into a `placed` order priced from the menu, or a `rejected`
// one with a reason. Two round trips after the trigger fires: one batched read (restaurant, dishes,
// customer, and the count of the customer's open orders beside it), then one write that holds
// only if the order is still exactly as created, so a replayed event or a racing instance (or the
// reconciler) leaves one result.

import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { ACCEPT_TIMEOUT_SECONDS } from "../config";
import {
  asMenuItem,
  checkOrder,
  LIMITS,
  localDay,
  parseCart,
  paths,
  QUERIES,
  reject,
  restaurantProblem,
  transition,
  type MenuItem,
  type Order,
  type OrderCheck,
  type Restaurant,
  type UserProfile,
} from "../domain";
import type { Deps } from "../deps";
import { isAlreadyExists, isFailedPrecondition } from "../errors";
import { adminQuery } from "../query";

/** Document ids as the web SDK makes them, or as seeds name them; anything else cannot exist. */
const DOC_ID = /^[A-Za-z0-9_-]{1,128}$/;

async function readContext(db: Firestore, order: Order) {
  const rid = typeof order.restaurantId === "string" && DOC_ID.test(order.restaurantId) ? order.restaurantId : null;
  const lines = parseCart(order.items);
  // Read only as much menu as a valid order could need.
  const itemIds =
    rid && lines && lines.length <= LIMITS.maxOrderLines
      ? [...new Set(lines.map((l) => l.itemId))].filter((id) => DOC_ID.test(id))
      : [];
  const refs = [
    db.doc(paths.user(order.customerId)),
    ...(rid ? [db.doc(paths.restaurant(rid))] : []),
    ...itemIds.map((id) => db.doc(paths.menuItem(rid!, id))),
  ];
  const [docs, open] = await Promise.all([
    db.getAll(...refs),
    adminQuery(db, QUERIES.openOrdersOf(order.customerId)).count().get(),
  ]);
  const [customer, restaurant, ...items] = docs;
  const menu = new Map<string, MenuItem>();
  for (const doc of rid ? items : []) {
    if (!doc.exists) continue;
    // A malformed menu document is treated as sold out rather than priced from bad data.
    const item = asMenuItem(doc.data());
    menu.set(doc.id, item ?? { ...(doc.data() as MenuItem), available: false, optionGroups: [] });
  }
  return {
    restaurant: rid && restaurant?.exists ? (restaurant.data() as Restaurant) : null,
    customer: customer.data() as UserProfile | undefined,
    menu,
    openOrders: open.data().count,
  };
}

/** Tells a restaurant's staff, once a day, that its settings stop it from taking orders. */
async function reportUnreadableRestaurant(db: Firestore, rid: string, problem: string, now: Date) {
  const staff = await adminQuery(db, QUERIES.staffOf(rid)).select().get();
  const id = `restaurant-problem-${localDay(now, "UTC")}`;
  await Promise.all(
    staff.docs.map((s) =>
      db
        .doc(paths.notification(s.id, id))
        .create({
          orderId: null,
          status: "rejected",
          audience: "staff",
          link: "/dashboard/settings",
          title: "Orders are being refused",
          body: `Your restaurant's settings have a problem, so customers cannot order: ${problem} Fix it in Settings.`,
          read: false,
          createdAt: FieldValue.serverTimestamp(),
        })
        .catch((err: unknown) => {
          if (!isAlreadyExists(err)) throw err; // else: already told today
        }),
    ),
  );
}

export type Outcome = "placed" | "rejected" | "already processed";

/** Processes one order from a snapshot of it (the trigger's, or a fresh read by the reconciler). */
export async function processSubmittedOrder({ db, now }: Deps, snapshot: DocumentSnapshot): Promise<Outcome> {
  const order = snapshot.data() as Order | undefined;
  if (!order || order.status !== "submitted" || !snapshot.updateTime) return "already processed";
  const at = now();
  const ctx = await readContext(db, order);
  const result: OrderCheck =
    ctx.openOrders > LIMITS.maxOpenOrdersPerCustomer
      ? reject("too_many_open_orders")
      : checkOrder({
          items: order.items,
          deliveryAddress: order.deliveryAddress,
          restaurant: ctx.restaurant,
          menu: ctx.menu,
          now: at,
        });
  const stamp = FieldValue.serverTimestamp();
  const common = { "timeline.submitted": order.createdAt ?? stamp, restaurantName: ctx.restaurant?.name ?? "" };
  const patch = result.ok
    ? transition("placed", stamp, {
        ...common,
        pricing: result.pricing,
        customerName: ctx.customer?.displayName ?? "Customer",
        restaurantAddress: ctx.restaurant!.address,
        timeZone: ctx.restaurant!.timeZone,
        courierId: null,
        acceptBy: Timestamp.fromMillis(at.getTime() + ACCEPT_TIMEOUT_SECONDS.value() * 1000),
      })
    : transition("rejected", stamp, { ...common, rejection: result.rejection });
  try {
    await snapshot.ref.update(patch, { lastUpdateTime: snapshot.updateTime });
  } catch (err) {
    if (isFailedPrecondition(err)) return "already processed";
    throw err;
  }
  if (!result.ok && result.rejection.code === "restaurant_unavailable") {
    const problem = restaurantProblem(ctx.restaurant) ?? "";
    logger.warn("order refused: restaurant cannot be read", { orderId: snapshot.id, problem });
    await reportUnreadableRestaurant(db, order.restaurantId, problem, at);
  }
  return result.ok ? "placed" : "rejected";
}

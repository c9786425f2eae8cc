// Turns a customer's `submitted` cart into a `placed` order priced from the menu (`scheduled` when
// ordered ahead for a slot), or a `rejected` one with a reason. Two round trips after the trigger fires: one batched read (restaurant, dishes,
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
  STAFF_NOTICES,
  transition,
  type MenuItem,
  type Order,
  type OrderCheck,
  type Restaurant,
  type UserProfile,
} from "../domain";
import type { Deps } from "../deps";
import { isFailedPrecondition } from "../errors";
import { tellStaff } from "../notify/staffNotice";
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

export type Outcome = "placed" | "scheduled" | "rejected" | "already processed";

/** When the restaurant must have answered an order placed (or released to it) at `at`. */
export function acceptDeadline(at: Date): Timestamp {
  return Timestamp.fromMillis(at.getTime() + ACCEPT_TIMEOUT_SECONDS.value() * 1000);
}

/** Processes one order from a snapshot of it (the trigger's, or a fresh read by the reconciler). */
export async function processSubmittedOrder(deps: Deps, snapshot: DocumentSnapshot): Promise<Outcome> {
  const { db, now } = deps;
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
          slotStart: order.slotStart,
        });
  const stamp = FieldValue.serverTimestamp();
  const common = { "timeline.submitted": order.createdAt ?? stamp, restaurantName: ctx.restaurant?.name ?? "" };
  const accepted = result.ok && {
    ...common,
    pricing: result.pricing,
    estimate: result.estimate,
    customerName: ctx.customer?.displayName ?? "Customer",
    restaurantAddress: ctx.restaurant!.address,
    timeZone: ctx.restaurant!.timeZone,
    courierId: null,
  };
  const patch = !result.ok
    ? transition("rejected", stamp, { ...common, rejection: result.rejection })
    : result.releaseAt
      ? transition("scheduled", stamp, { ...accepted, releaseAt: Timestamp.fromDate(result.releaseAt) })
      : transition("placed", stamp, { ...accepted, acceptBy: acceptDeadline(at) });
  try {
    await snapshot.ref.update(patch, { lastUpdateTime: snapshot.updateTime });
  } catch (err) {
    if (isFailedPrecondition(err)) return "already processed";
    throw err;
  }
  if (!result.ok && result.rejection.code === "restaurant_unavailable") {
    const problem = restaurantProblem(ctx.restaurant) ?? "";
    logger.warn("order refused: restaurant cannot be read", { orderId: snapshot.id, problem });
    // Once a day per restaurant: the notice id carries the day.
    await tellStaff(
      deps,
      order.restaurantId,
      `restaurant-problem-${localDay(at, "UTC")}`,
      STAFF_NOTICES.unreadable(problem),
      "/dashboard/settings",
    );
  }
  return result.ok ? (result.releaseAt ? "scheduled" : "placed") : "rejected";
}

// Turns a customer's `submitted` cart into a `placed` order priced from the menu, or a
// `rejected` one with a reason. The write is a transaction that acts only while the order is
// still `submitted`, so a replayed event or a racing instance leaves exactly one result.

import { FieldValue, Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions/v2";
import { db } from "../admin";
import { acceptTimeoutSeconds, REGION } from "../config";
import { metered } from "../metering";
import {
  asMenuItem,
  checkOrder,
  LIMITS,
  parseCart,
  paths,
  type MenuItem,
  type Order,
  type Restaurant,
  type UserProfile,
} from "../domain";

/** Document ids as the web SDK makes them, or as seeds name them; anything else cannot exist. */
const DOC_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Reads what pricing needs: the restaurant, the dishes in the cart and the customer's name. */
async function loadContext(order: Order) {
  const rid = DOC_ID.test(order.restaurantId) ? order.restaurantId : null;
  const restaurant = rid
    ? (((await db.doc(paths.restaurant(rid)).get()).data() as Restaurant | undefined) ?? null)
    : null;
  // Read only as much menu as a valid order could need.
  const lines = parseCart(order.items);
  const menu = new Map<string, MenuItem>();
  if (rid && restaurant && lines && lines.length <= LIMITS.maxOrderLines) {
    const ids = [...new Set(lines.map((l) => l.itemId))].filter((id) => DOC_ID.test(id));
    const refs: DocumentReference[] = ids.map((id) => db.doc(paths.menuItem(rid, id)));
    for (const doc of refs.length > 0 ? await db.getAll(...refs) : []) {
      if (!doc.exists) continue;
      // A malformed menu document is treated as sold out rather than priced from bad data.
      const item = asMenuItem(doc.data());
      menu.set(doc.id, item ?? { ...(doc.data() as MenuItem), available: false, optionGroups: [] });
    }
  }
  const customer = (await db.doc(paths.user(order.customerId)).get()).data() as UserProfile | undefined;
  return { restaurant, menu, customer };
}

export async function processSubmittedOrder(
  orderId: string,
  now: () => Date = () => new Date(),
): Promise<string | null> {
  const orderRef = db.doc(paths.order(orderId));
  const first = (await orderRef.get()).data() as Order | undefined;
  if (!first || first.status !== "submitted") return null;
  // The restaurant, menu and profile are read outside the transaction: pricing uses the menu as
  // it is now, and only the order itself needs the transaction's guarantee (act once, while
  // still submitted). Fewer documents in the transaction, less contention under load.
  const { restaurant, menu, customer } = await loadContext(first);
  const result = checkOrder({
    items: first.items,
    deliveryAddress: first.deliveryAddress,
    restaurant,
    menu,
    now: now(),
  });
  return db.runTransaction(async (tx) => {
    const order = (await tx.get(orderRef)).data() as Order | undefined;
    if (!order || order.status !== "submitted") return null;
    const common = {
      "timeline.submitted": order.createdAt ?? FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
      restaurantName: restaurant?.name ?? "",
    };
    if (!result.ok) {
      tx.update(orderRef, {
        ...common,
        status: "rejected",
        rejection: result.rejection,
        "timeline.rejected": FieldValue.serverTimestamp(),
      });
      return "rejected";
    }
    tx.update(orderRef, {
      ...common,
      status: "placed",
      pricing: result.pricing,
      customerName: customer?.displayName ?? "Customer",
      restaurantAddress: restaurant!.address,
      courierId: null,
      acceptBy: Timestamp.fromMillis(now().getTime() + acceptTimeoutSeconds() * 1000),
      "timeline.placed": FieldValue.serverTimestamp(),
    });
    return "placed";
  });
}

export const processOrder = onDocumentCreated(
  { document: "orders/{orderId}", region: REGION, retry: true },
  async (event) => {
    const outcome = await metered("processOrder", event.params.orderId, () =>
      processSubmittedOrder(event.params.orderId),
    );
    logger.info("order processed", { orderId: event.params.orderId, outcome: outcome ?? "already processed" });
  },
);

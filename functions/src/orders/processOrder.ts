// Turns a customer's `submitted` cart into a `placed` order priced from the menu, or a
// `rejected` one with a reason. Runs in a transaction that acts only while the order is still
// `submitted`, so a replayed event or a racing instance leaves exactly one result.

import { FieldValue, Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions/v2";
import { db } from "../admin";
import { acceptTimeoutSeconds, REGION } from "../config";
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

export async function processSubmittedOrder(orderId: string, now: () => Date = () => new Date()): Promise<string | null> {
  const orderRef = db.doc(paths.order(orderId));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(orderRef);
    const order = snap.data() as Order | undefined;
    if (!order || order.status !== "submitted") return null;

    const rid = DOC_ID.test(order.restaurantId) ? order.restaurantId : null;
    const restaurantSnap = rid ? await tx.get(db.doc(paths.restaurant(rid))) : null;
    const restaurant = (restaurantSnap?.data() as Restaurant | undefined) ?? null;

    // Read only as much menu as a valid order could need.
    const lines = parseCart(order.items);
    const menu = new Map<string, MenuItem>();
    if (rid && restaurant && lines && lines.length <= LIMITS.maxOrderLines) {
      const ids = [...new Set(lines.map((l) => l.itemId))].filter((id) => DOC_ID.test(id));
      const refs: DocumentReference[] = ids.map((id) => db.doc(paths.menuItem(rid, id)));
      const docs = refs.length > 0 ? await tx.getAll(...refs) : [];
      for (const doc of docs) {
        if (!doc.exists) continue;
        // A malformed menu document is treated as sold out rather than priced from bad data.
        const item = asMenuItem(doc.data());
        menu.set(doc.id, item ?? { ...(doc.data() as MenuItem), available: false, optionGroups: [] });
      }
    }
    const customer = (await tx.get(db.doc(paths.user(order.customerId)))).data() as UserProfile | undefined;

    const result = checkOrder({ items: order.items, deliveryAddress: order.deliveryAddress, restaurant, menu, now: now() });
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
    const outcome = await processSubmittedOrder(event.params.orderId);
    logger.info("order processed", { orderId: event.params.orderId, outcome: outcome ?? "already processed" });
  },
);

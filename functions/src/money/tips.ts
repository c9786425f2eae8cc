// Raising a tip after delivery: the customer's callable. The order's prices, its receipt and the
// courier's earning change together in one transaction, so the three always agree.

import { HttpsError } from "firebase-functions/v2/https";
import type { Deps } from "../deps";
import { paths, tipRaiseProblem, withTip, type Order } from "../domain";
import { bookingWrites } from "./receipts";

export async function raiseTip(
  { db, now }: Pick<Deps, "db" | "now">,
  uid: string,
  input: unknown,
): Promise<{ tip: number; total: number }> {
  const { orderId, tip } = (input ?? {}) as { orderId?: unknown; tip?: unknown };
  if (typeof orderId !== "string" || !/^[A-Za-z0-9_-]{1,128}$/.test(orderId)) {
    throw new HttpsError("invalid-argument", "Which order?");
  }
  const orderRef = db.doc(paths.order(orderId));
  return db.runTransaction(async (tx) => {
    const order = (await tx.get(orderRef)).data() as Order | undefined;
    // Someone else's order is answered as if there were none.
    if (!order || order.customerId !== uid) throw new HttpsError("not-found", "No such order.");
    if (order.status !== "delivered" || !order.pricing?.split || !order.timeline?.delivered) {
      throw new HttpsError("failed-precondition", "A tip can be added once the order is delivered.");
    }
    const p = order.pricing;
    const problem = tipRaiseProblem(p.tip, tip, p.subtotal, order.timeline.delivered.toMillis(), now().getTime());
    if (problem) throw new HttpsError("invalid-argument", problem);
    const receiptRef = db.doc(paths.receipt(orderId));
    const earningRef = order.courierId ? db.doc(paths.earning(order.courierId, orderId)) : null;
    const [receipt, earning] = await Promise.all([tx.get(receiptRef), earningRef ? tx.get(earningRef) : null]);
    const next = withTip(p, tip as number);
    tx.update(orderRef, { pricing: next });
    if (receipt.exists) {
      tx.update(receiptRef, { tip: next.tip, total: next.total, split: next.split });
      if (earning?.exists) tx.update(earningRef!, { tip: next.tip, total: next.split.courierTotal });
    } else {
      // Not booked yet (the tip came within moments of delivery): book it here, with the new tip;
      // the booking effect then finds it done.
      for (const w of bookingWrites(orderId, { ...order, pricing: next })) {
        if (w.create) tx.create(db.doc(w.path), w.data);
        else tx.set(db.doc(w.path), w.data, { merge: true });
      }
    }
    return { tip: next.tip, total: next.total };
  });
}

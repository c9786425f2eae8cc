// Raising a tip after delivery: the customer's callable. The order's prices, its books, its
// receipt and the courier's earning change together in one transaction, so they always agree. The
// restaurant's statement line does not change: the tip is all the courier's. The cash was handed
// over at the door, so what the tip grows by is paid from the customer's Dishpatch credit, in the
// same transaction (a card pays it once card payments exist); without enough credit it is refused.

import { FieldValue } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import type { Deps } from "../deps";
import {
  amountsOf,
  creditEntryId,
  creditOf,
  isDocId,
  paths,
  paymentOf,
  splitOf,
  tipRaiseProblem,
  withMoreCredit,
  withTip,
  type CreditEntry,
  type Order,
  type OrderBooks,
} from "../domain";
import { bookingWrites } from "./receipts";

export async function raiseTip(
  { db, now }: Pick<Deps, "db" | "now">,
  uid: string,
  input: unknown,
): Promise<{ tip: number; total: number }> {
  const { orderId, tip } = (input ?? {}) as { orderId?: unknown; tip?: unknown };
  if (!isDocId(orderId)) {
    throw new HttpsError("invalid-argument", "Which order?");
  }
  const orderRef = db.doc(paths.order(orderId));
  const booksRef = db.doc(paths.books(orderId));
  const userRef = db.doc(paths.user(uid));
  return db.runTransaction(async (tx) => {
    const [orderSnap, booksSnap, userSnap] = await tx.getAll(orderRef, booksRef, userRef);
    const order = orderSnap.data() as Order | undefined;
    const books = booksSnap.data() as OrderBooks | undefined;
    // Someone else's order is answered as if there were none.
    if (!order || order.customerId !== uid) throw new HttpsError("not-found", "No such order.");
    if (order.status !== "delivered" || !order.pricing || !books || !order.timeline?.delivered) {
      throw new HttpsError("failed-precondition", "A tip can be added once the order is delivered.");
    }
    const p = order.pricing;
    const problem = tipRaiseProblem(p.tip, tip, p.subtotal, order.timeline.delivered.toMillis(), now().getTime());
    if (problem) throw new HttpsError("invalid-argument", problem);
    const receiptRef = db.doc(paths.receipt(orderId));
    const earningRef = order.courierId ? db.doc(paths.earning(order.courierId, orderId)) : null;
    const [receipt, earning] = await Promise.all([tx.get(receiptRef), earningRef ? tx.get(earningRef) : null]);
    const next = withTip(p, tip as number);
    const more = next.total - p.total;
    const credit = creditOf(userSnap.data());
    if (more > credit) {
      throw new HttpsError(
        "failed-precondition",
        `A tip after delivery is paid from your Dishpatch credit, and ${credit} cents are not enough.`,
        { reason: "tip_needs_credit", credit },
      );
    }
    const split = splitOf(next, books.split);
    const { tip: newTip, total } = amountsOf(next);
    const parts = withMoreCredit(order.payment?.parts ?? [], more);
    const entry: CreditEntry = {
      amount: -more,
      cause: "tip",
      orderId,
      number: order.code ?? "",
      createdAt: FieldValue.serverTimestamp() as never,
    };
    tx.update(userRef, { credit: FieldValue.increment(-more) });
    tx.create(db.doc(paths.creditEntry(uid, creditEntryId.tip(orderId, newTip))), entry);
    tx.update(orderRef, { pricing: next, payment: paymentOf(parts) });
    if (receipt.exists) {
      tx.update(booksRef, { tip: newTip, total, split });
      tx.update(receiptRef, { tip: newTip, total, payment: parts });
      if (earning?.exists) {
        tx.update(earningRef!, { tip: newTip, total: split.courierTotal });
        // The courier's running sums follow their earning.
        tx.set(
          db.doc(paths.courierCash(order.courierId!)),
          { earned: FieldValue.increment(split.courierTotal - (earning.get("total") as number)) },
          { merge: true },
        );
      }
    } else {
      // Not booked yet (the tip came within moments of delivery): book it here, with the new tip;
      // the booking effect then finds it done.
      const patch = { tip: newTip, total, split };
      const paid = { ...order, pricing: next, payment: paymentOf(parts) };
      for (const w of bookingWrites(orderId, paid, { ...books, ...patch }, patch)) {
        if (w.create) tx.create(db.doc(w.path), w.data);
        else tx.set(db.doc(w.path), w.data, { merge: true });
      }
    }
    return { tip: next.tip, total: next.total };
  });
}

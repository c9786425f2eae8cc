// Raising a tip after delivery: the customer's callable. The order's prices, its books, its
// receipt and the courier's earning change together in one transaction, so they always agree. The
// restaurant's statement line does not change: the tip is all the courier's. The cash was handed
// over at the door, so what the tip grows by is paid from the customer's Dishpatch credit in the
// same transaction; without enough credit it is refused. An order paid with a card the customer
// saved is charged again instead, off-session (payments/tips.ts): the charge comes first, and a
// charge whose books could not follow is refunded (here, or by the reconciler). A raise that fails
// leaves the tip as it was.

import { FieldValue, type Transaction } from "firebase-admin/firestore";
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
  withMore,
  withTip,
  type CardPayment,
  type CreditEntry,
  type Order,
  type OrderBooks,
  type Pricing,
} from "../domain";
import { bookingWrites } from "./receipts";

/** How the raise is paid: from credit, or by a charge already made on the saved card. */
type PaidBy = { method: "credit" } | { method: "card"; amount: number; intentId: string; n: number };

type Raised = { tip: number; total: number };

/** The order's pricing once the tip is `tip`, if the order may take it (the problem otherwise). */
function raisedPricing(order: Order | undefined, uid: string, tip: unknown, now: number): Pricing {
  // Someone else's order is answered as if there were none.
  if (!order || order.customerId !== uid) throw new HttpsError("not-found", "No such order.");
  if (order.status !== "delivered" || !order.pricing || !order.timeline?.delivered) {
    throw new HttpsError("failed-precondition", "A tip can be added once the order is delivered.");
  }
  const p = order.pricing;
  const problem = tipRaiseProblem(p.tip, tip, p.subtotal, order.timeline.delivered.toMillis(), now);
  if (problem) throw new HttpsError("invalid-argument", problem);
  return withTip(p, tip as number);
}

export async function raiseTip(deps: Pick<Deps, "db" | "now">, uid: string, input: unknown): Promise<Raised> {
  const { orderId, tip } = (input ?? {}) as { orderId?: unknown; tip?: unknown };
  if (!isDocId(orderId)) {
    throw new HttpsError("invalid-argument", "Which order?");
  }
  const { db } = deps;
  const [orderSnap, recordSnap] = await db.getAll(db.doc(paths.order(orderId)), db.doc(paths.payment(orderId)));
  const record = recordSnap.data() as CardPayment | undefined;
  const cardId = record?.saveCard && record.paymentMethodId;
  if (!cardId || !(await db.doc(paths.card(uid, cardId)).get()).exists) {
    return db.runTransaction((tx) => raiseIn(tx, deps, uid, orderId, tip, { method: "credit" }));
  }
  const order = orderSnap.data() as Order | undefined;
  const next = raisedPricing(order, uid, tip, deps.now().getTime());
  const { chargeTip, refundTip } = await import("../payments/tips");
  const paid = await chargeTip(deps, orderId, order!, cardId, next.total - order!.pricing!.total);
  try {
    return await db.runTransaction((tx) => raiseIn(tx, deps, uid, orderId, tip, paid));
  } catch (err) {
    // The charge is given back (the reconciler does it, should this fail too).
    await refundTip(db, orderId, String(paid.n), paid.intentId);
    throw err;
  }
}

/** The raise in `tx`: the order, its books, receipt and earning; the credit spent, or the card's
 * charge noted on the payment record. */
async function raiseIn(
  tx: Transaction,
  { db, now }: Pick<Deps, "db" | "now">,
  uid: string,
  orderId: string,
  tip: unknown,
  paidBy: PaidBy,
): Promise<Raised> {
  const orderRef = db.doc(paths.order(orderId));
  const booksRef = db.doc(paths.books(orderId));
  const userRef = db.doc(paths.user(uid));
  const recordRef = db.doc(paths.payment(orderId));
  const [orderSnap, booksSnap, userSnap, recordSnap] = await tx.getAll(orderRef, booksRef, userRef, recordRef);
  const order = orderSnap.data() as Order | undefined;
  const books = booksSnap.data() as OrderBooks | undefined;
  // The same charge applied already (a second call that came with the same tip and got the same
  // charge back from Stripe under its key): the books have it.
  if (paidBy.method === "card" && (recordSnap.data() as CardPayment | undefined)?.tips?.[paidBy.n]?.applied) {
    return { tip: order!.pricing!.tip, total: order!.pricing!.total };
  }
  const next = raisedPricing(order, uid, tip, now().getTime());
  if (!books) throw new HttpsError("failed-precondition", "A tip can be added once the order is delivered.");
  const p = order!.pricing!;
  const receiptRef = db.doc(paths.receipt(orderId));
  const earningRef = order!.courierId ? db.doc(paths.earning(order!.courierId, orderId)) : null;
  const [receipt, earning] = await Promise.all([tx.get(receiptRef), earningRef ? tx.get(earningRef) : null]);
  const more = next.total - p.total;
  if (paidBy.method === "credit") {
    const credit = creditOf(userSnap.data());
    if (more > credit) {
      throw new HttpsError(
        "failed-precondition",
        `A tip after delivery is paid from your Dishpatch credit, and ${credit} cents are not enough.`,
        { reason: "tip_needs_credit", credit },
      );
    }
  } else if (more !== paidBy.amount) {
    // The tip moved while the card was charged (another raise): this charge is given back.
    throw new HttpsError("aborted", "The tip changed meanwhile; try again.", { reason: "tip_changed" });
  }
  const split = splitOf(next, books.split);
  const { tip: newTip, total } = amountsOf(next);
  const parts = withMore(order!.payment?.parts ?? [], paidBy.method, more);
  if (paidBy.method === "credit") {
    const entry: CreditEntry = {
      amount: -more,
      cause: "tip",
      orderId,
      number: order!.code ?? "",
      createdAt: FieldValue.serverTimestamp() as never,
    };
    tx.update(userRef, { credit: FieldValue.increment(-more) });
    tx.create(db.doc(paths.creditEntry(uid, creditEntryId.tip(orderId, newTip))), entry);
  } else {
    tx.update(recordRef, {
      [`tips.${paidBy.n}.intentId`]: paidBy.intentId,
      [`tips.${paidBy.n}.state`]: "charged",
      [`tips.${paidBy.n}.applied`]: true,
      updatedAt: FieldValue.serverTimestamp(),
    });
  }
  tx.update(orderRef, { pricing: next, payment: paymentOf(parts) });
  if (receipt.exists) {
    tx.update(booksRef, { tip: newTip, total, split });
    tx.update(receiptRef, { tip: newTip, total, payment: parts });
    if (earning?.exists) {
      tx.update(earningRef!, { tip: newTip, total: split.courierTotal });
      // The courier's running sums follow their earning.
      tx.set(
        db.doc(paths.courierCash(order!.courierId!)),
        { earned: FieldValue.increment(split.courierTotal - (earning.get("total") as number)) },
        { merge: true },
      );
    }
  } else {
    // Not booked yet (the tip came within moments of delivery): book it here, with the new tip;
    // the booking effect then finds it done.
    const patch = { tip: newTip, total, split };
    const paid = { ...order!, pricing: next, payment: paymentOf(parts) };
    for (const w of bookingWrites(orderId, paid, { ...books, ...patch }, patch)) {
      if (w.create) tx.create(db.doc(w.path), w.data);
      else tx.set(db.doc(w.path), w.data, { merge: true });
    }
  }
  return { tip: next.tip, total: next.total };
}

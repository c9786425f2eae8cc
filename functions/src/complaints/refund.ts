// The money a decided complaint moves, written inside the transaction that decides it, so a
// complaint is refunded exactly when it is approved, and once: the customer's credit and its entry,
// the restaurant's statement line for its part, and the refund's books for the platform's
// revenue. Every id names the complaint, so a second attempt fails as a whole (create). An order
// paid by card gets its refund back on the card as far as the card paid (toCard, set aside on the
// payment record here); Stripe's refund itself follows the commit (payments/refunds.ts).

import {
  FieldValue,
  Timestamp,
  type DocumentReference,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";

/** The complaint's trigger makes the card refund at once; the reconciler looks after this long. */
const REFUND_CHECK_MS = 5 * 60_000;
import {
  creditEntryId,
  creditOf,
  paths,
  refundLineId,
  refundLineOf,
  reversalLineId,
  toCardOf,
  type CardPayment,
  type Complaint,
  type CreditEntry,
  type RefundBook,
} from "../domain";

/** The order's card payment as read in the deciding transaction (none for a cash order). */
export type PaymentRead = { ref: DocumentReference; data: CardPayment | undefined };

/** What of the complaint's amount goes back to the card. */
export const cardShareOf = (c: Pick<Complaint, "amount">, payment: PaymentRead) => toCardOf(c.amount, payment.data);

/** Writes the refund of an approved complaint; `user` is the customer's profile as read in `tx`
 * (null: the account is gone, and the credit with it; the books still record who paid), `c.toCard`
 * what goes back to the card (cardShareOf). */
export function writeRefund(
  db: Firestore,
  tx: Transaction,
  complaintId: string,
  c: Complaint,
  user: { ref: DocumentReference; data: { credit?: unknown } | undefined } | null,
  payment: PaymentRead,
) {
  const stamp = FieldValue.serverTimestamp();
  const toCard = c.toCard ?? 0;
  const toCredit = c.amount - toCard;
  if (toCard > 0) {
    // Until Stripe's refund is made, the reconciler comes back to it (payments/stale.ts).
    tx.update(payment.ref, {
      allotted: (payment.data?.allotted ?? 0) + toCard,
      [`pendingRefunds.${complaintId}`]: toCard,
      checkAt: Timestamp.fromMillis(Date.now() + REFUND_CHECK_MS),
      updatedAt: stamp,
    });
  }
  if (user?.data && toCredit > 0) {
    const entry: CreditEntry = {
      amount: toCredit,
      cause: "refund",
      orderId: c.orderId,
      complaintId,
      number: c.number,
    };
    tx.update(user.ref, { credit: creditOf(user.data) + toCredit });
    tx.create(db.doc(paths.creditEntry(c.customerId, creditEntryId.refund(complaintId))), {
      ...entry,
      createdAt: stamp,
    });
  }
  if (c.restaurantPays > 0) {
    tx.create(db.doc(paths.statementLine(refundLineId(complaintId))), {
      ...refundLineOf(c, complaintId, c.restaurantPays, stamp as never),
      createdAt: stamp,
    });
  }
  const book: Omit<RefundBook, "bookedAt"> = {
    complaintId,
    orderId: c.orderId,
    restaurantId: c.restaurantId,
    amount: c.amount,
    restaurantPays: c.restaurantPays,
    platformPays: c.platformPays,
    currency: c.currency,
  };
  tx.create(db.doc(paths.refundBook(refundLineId(complaintId))), { ...book, bookedAt: stamp });
}

/** Writes a dispute upheld: the restaurant's part comes back on its statement, the platform pays it. */
export function writeReversal(db: Firestore, tx: Transaction, complaintId: string, c: Complaint) {
  const stamp = FieldValue.serverTimestamp();
  tx.create(db.doc(paths.statementLine(reversalLineId(complaintId))), {
    ...refundLineOf(c, complaintId, -c.restaurantPays, stamp as never),
    createdAt: stamp,
  });
  const book: Omit<RefundBook, "bookedAt"> = {
    complaintId,
    orderId: c.orderId,
    restaurantId: c.restaurantId,
    amount: 0,
    restaurantPays: -c.restaurantPays,
    platformPays: c.restaurantPays,
    currency: c.currency,
  };
  tx.create(db.doc(paths.refundBook(reversalLineId(complaintId))), { ...book, bookedAt: stamp });
}

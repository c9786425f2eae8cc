// An approved complaint's refund to the card: after the commit that approved it (which set aside
// `toCard` on the payment record), Stripe refunds that much of the order's charge under the
// complaint's own key. The complaint's write event does it; the reconciler's complaint sweep and
// its look at payment records with refunds pending make sure it was done; the key makes a second
// attempt return the same refund.

import { FieldValue } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { paths, stripeKey, type CardPayment, type Complaint } from "../domain";
import { cardSettled } from "./record";
import { stripe } from "./stripe";

/** Whether the complaint's card refund is done, or it has none. */
export function cardRefundDone(c: Complaint): boolean {
  return c.status !== "approved" || !c.toCard || !!c.cardRefundId;
}

/** Makes the complaint's refund to the card, if it is still to be made; whether it made it. */
export async function refundToCard({ db }: Pick<Deps, "db">, complaintId: string, c: Complaint): Promise<boolean> {
  const recordRef = db.doc(paths.payment(c.orderId));
  if (cardRefundDone(c)) {
    // Made (or none): a pending mark left by an interrupted attempt goes.
    await recordRef.update({ [`pendingRefunds.${complaintId}`]: FieldValue.delete() }).catch(() => undefined);
    return false;
  }
  const record = (await recordRef.get()).data() as CardPayment | undefined;
  if (!record?.intentId) throw new Error(`complaint ${complaintId}: the order has no card payment to refund`);
  const refund = await stripe().refunds.create(
    {
      payment_intent: record.intentId,
      amount: c.toCard,
      reason: "requested_by_customer",
      metadata: { complaintId, orderId: c.orderId },
    },
    { idempotencyKey: stripeKey.refund(complaintId) },
  );
  await db.runTransaction(async (tx) => {
    const fresh = (await tx.get(recordRef)).data() as CardPayment;
    const refunds = { ...(fresh.refunds ?? {}), [refund.id]: { amount: refund.amount, complaintId } };
    const sum = Object.values(refunds).reduce((n, r) => n + r.amount, 0);
    const { [complaintId]: _made, ...pending } = fresh.pendingRefunds ?? {};
    tx.update(recordRef, {
      refunds,
      refunded: Math.max(fresh.refunded ?? 0, sum),
      pendingRefunds: pending,
      ...(Object.keys(pending).length === 0 && cardSettled(fresh) ? { checkAt: null } : {}),
      updatedAt: FieldValue.serverTimestamp(),
    });
    // Not a change anyone is told of: updatedAt stays.
    tx.update(db.doc(paths.complaint(complaintId)), { cardRefundId: refund.id });
  });
  return true;
}

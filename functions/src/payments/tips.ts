// A tip raised after delivery on an order paid with a saved card: a second charge of its own,
// off-session (the customer is not at hand to confirm), under the key of the order's next tip. A
// decline leaves the tip as it was and says why; a charge whose books could not follow
// (money/tips.ts) is refunded under its own key.

import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { paths, stripeKey, type CardPayment, type IntentMetadata, type Order } from "../domain";
import { stripeCustomerOf } from "./lifecycle";
import { intentOfError, stripe, Stripe } from "./stripe";

export interface TipCharge {
  method: "card";
  amount: number;
  intentId: string;
  n: number;
}

export async function chargeTip(
  db: Firestore,
  uid: string,
  orderId: string,
  order: Order,
  record: CardPayment,
  cardId: string,
  amount: number,
): Promise<TipCharge> {
  const n = Object.keys(record.tips ?? {}).length + 1;
  const customer = await stripeCustomerOf(db, uid, false);
  const metadata: IntentMetadata & Stripe.MetadataParam = { orderId, kind: "tip", n: String(n) };
  let pi: Stripe.PaymentIntent | null;
  try {
    pi = await stripe().paymentIntents.create(
      {
        amount,
        currency: (order.pricing?.currency ?? "EUR").toLowerCase(),
        customer,
        payment_method: cardId,
        off_session: true,
        confirm: true,
        description: `Dishpatch order ${order.code ?? orderId}: tip`,
        metadata,
      },
      { idempotencyKey: stripeKey.tip(orderId, n) },
    );
  } catch (err) {
    // Another raise of the same tip number with another amount, under way at the same moment.
    if (err instanceof Stripe.errors.StripeIdempotencyError) {
      throw new HttpsError("aborted", "The tip changed meanwhile; try again.", { reason: "tip_changed" });
    }
    const failed = intentOfError(err);
    // A card Stripe no longer has for the customer (removed there) cannot be charged either.
    if (!failed && !(err instanceof Stripe.errors.StripeInvalidRequestError && err.param === "payment_method"))
      throw err;
    pi = failed;
  }
  if (pi?.status !== "succeeded") {
    await db.doc(paths.payment(orderId)).update({
      [`tips.${n}.amount`]: amount,
      [`tips.${n}.intentId`]: pi?.id ?? null,
      [`tips.${n}.state`]: "failed",
      updatedAt: FieldValue.serverTimestamp(),
    });
    throw new HttpsError("failed-precondition", "Your saved card was declined; the tip stays as it was.", {
      reason: "tip_card_declined",
    });
  }
  return { method: "card", amount, intentId: pi.id, n };
}

/** Gives a tip's charge back (its books did not follow). */
export async function refundTip(db: Firestore, orderId: string, charge: TipCharge): Promise<void> {
  await stripe().refunds.create(
    { payment_intent: charge.intentId, metadata: { orderId, tip: String(charge.n) } },
    { idempotencyKey: `${stripeKey.tip(orderId, charge.n)}:refund` },
  );
  await db.doc(paths.payment(orderId)).update({ [`tips.${charge.n}.refunded`]: true });
}

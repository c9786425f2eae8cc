// A tip raised after delivery on an order paid with a saved card: a second charge of its own,
// off-session (the customer is not at hand to confirm), under the key of the order's next tip.
// The tip's number is reserved on the payment record before Stripe is asked, so a charge whose
// answer was lost, or whose books never followed (money/tips.ts), is found again by the reconciler
// and given back. A decline leaves the tip as it was and says why.

import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { PAYMENT_CHECK_SECONDS } from "../config";
import type { Deps } from "../deps";
import { paths, stripeKey, type CardPayment, type IntentMetadata, type Order, type TipCharge } from "../domain";
import { stripeCustomerOf } from "./lifecycle";
import { intentOfError, stripe, Stripe } from "./stripe";

/** A reserved charge younger than this may still be under way in its callable. */
const IN_FLIGHT_MS = 2 * 60_000;

export interface TipPaid {
  method: "card";
  amount: number;
  intentId: string;
  n: number;
}

/** The tip charge's intent, made the first time, the same again under its key. */
async function tipIntent(db: Firestore, order: Order, orderId: string, n: string, tip: TipCharge) {
  const customer = await stripeCustomerOf(db, order.customerId, false);
  const metadata: IntentMetadata & Stripe.MetadataParam = { orderId, kind: "tip", n };
  try {
    return await stripe().paymentIntents.create(
      {
        amount: tip.amount,
        currency: (order.pricing?.currency ?? "EUR").toLowerCase(),
        customer,
        payment_method: tip.cardId,
        off_session: true,
        confirm: true,
        description: `Dishpatch order ${order.code ?? orderId}: tip`,
        metadata,
      },
      { idempotencyKey: stripeKey.tip(orderId, Number(n)) },
    );
  } catch (err) {
    // Another raise under the same number with another amount, at the same moment.
    if (err instanceof Stripe.errors.StripeIdempotencyError) {
      throw new HttpsError("aborted", "The tip changed meanwhile; try again.", { reason: "tip_changed" });
    }
    const failed = intentOfError(err);
    // A card Stripe no longer has for the customer (removed there) cannot be charged either.
    if (failed || (err instanceof Stripe.errors.StripeInvalidRequestError && err.param === "payment_method")) {
      return failed;
    }
    throw err;
  }
}

export async function chargeTip(
  { db, now }: Pick<Deps, "db" | "now">,
  orderId: string,
  order: Order,
  cardId: string,
  amount: number,
): Promise<TipPaid> {
  const ref = db.doc(paths.payment(orderId));
  const tip: TipCharge = { amount, cardId, intentId: null, state: "charging", reservedAt: Timestamp.fromDate(now()) };
  const n = await db.runTransaction(async (tx) => {
    const record = (await tx.get(ref)).data() as CardPayment;
    const next = String(Object.keys(record.tips ?? {}).length + 1);
    tx.update(ref, {
      [`tips.${next}`]: tip,
      checkAt: Timestamp.fromMillis(now().getTime() + PAYMENT_CHECK_SECONDS.value() * 1000),
      updatedAt: FieldValue.serverTimestamp(),
    });
    return next;
  });
  const pi = await tipIntent(db, order, orderId, n, tip);
  if (pi?.status !== "succeeded") {
    await ref.update({
      [`tips.${n}.intentId`]: pi?.id ?? null,
      [`tips.${n}.state`]: "failed",
      updatedAt: FieldValue.serverTimestamp(),
    });
    throw new HttpsError("failed-precondition", "Your saved card was declined; the tip stays as it was.", {
      reason: "tip_card_declined",
    });
  }
  return { method: "card", amount, intentId: pi.id, n: Number(n) };
}

/** Gives a tip's charge back (its books did not follow). */
export async function refundTip(db: Firestore, orderId: string, n: string, intentId: string): Promise<void> {
  await stripe().refunds.create(
    { payment_intent: intentId, metadata: { orderId, tip: n } },
    { idempotencyKey: `${stripeKey.tip(orderId, Number(n))}:refund` },
  );
  await db
    .doc(paths.payment(orderId))
    .update({ [`tips.${n}.refunded`]: true, updatedAt: FieldValue.serverTimestamp() });
}

/** The reconciler's look at a tip charge never applied to the books: found again under its key,
 * and given back if it went through. Whether it did something. */
export async function settleTip(deps: Deps, orderId: string, n: string, tip: TipCharge): Promise<boolean> {
  const reserved = (tip.reservedAt as Timestamp | undefined)?.toMillis() ?? 0;
  if (deps.now().getTime() - reserved < IN_FLIGHT_MS) return false;
  const order = (await deps.db.doc(paths.order(orderId)).get()).data() as Order;
  const pi = tip.intentId
    ? await stripe().paymentIntents.retrieve(tip.intentId)
    : await tipIntent(deps.db, order, orderId, n, tip);
  if (pi?.status === "succeeded") {
    await refundTip(deps.db, orderId, n, pi.id);
  } else {
    await deps.db
      .doc(paths.payment(orderId))
      .update({ [`tips.${n}.state`]: "failed", [`tips.${n}.intentId`]: pi?.id ?? null });
  }
  return true;
}

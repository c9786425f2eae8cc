// An order's card payment from end to end, as side effects of its status (orders/effects.ts):
// awaiting_payment authorises (a PaymentIntent with manual capture, confirmed with the card
// checkout made), delivery captures what the order finally costs, and every other ending cancels
// the hold. Each call to Stripe carries its own idempotency key, so a retried effect, a racing
// instance or the reconciler gets the same intent back rather than a second one.

import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { Deps } from "../deps";
import { isAlreadyExists } from "../errors";
import {
  paths,
  stripeKey,
  type BackendActor,
  type CardFace,
  type CardPayment,
  type IntentMetadata,
  type Order,
} from "../domain";
import { cardAmountOf } from "./effects";
import { applyIntent } from "./record";
import { intentOfError, stripe, type Stripe } from "./stripe";

/** The customer's Stripe customer, made once (its id kept where only the backend reads it). */
export async function stripeCustomerOf(db: Firestore, uid: string, create: boolean): Promise<string | undefined> {
  const ref = db.doc(paths.stripeCustomer(uid));
  const have = (await ref.get()).get("id") as string | undefined;
  if (have || !create) return have;
  const customer = await stripe().customers.create({ metadata: { uid } }, { idempotencyKey: stripeKey.customer(uid) });
  await ref.set({ id: customer.id, createdAt: FieldValue.serverTimestamp() }, { merge: true });
  return customer.id;
}

/** The order's intent: made (and confirmed) the first time, the same one again after (its key). */
async function intentFor(db: Firestore, orderId: string, order: Order): Promise<Stripe.PaymentIntent> {
  const saved = (await db.doc(paths.card(order.customerId, order.paymentMethodId ?? "-")).get()).exists;
  // A saved card belongs to the customer's Stripe customer; a card to be saved joins it.
  const customer = saved || order.saveCard ? await stripeCustomerOf(db, order.customerId, true) : undefined;
  const metadata: IntentMetadata & Stripe.MetadataParam = { orderId, kind: "order" };
  try {
    return await stripe().paymentIntents.create(
      {
        amount: cardAmountOf(order),
        currency: (order.pricing?.currency ?? "EUR").toLowerCase(),
        capture_method: "manual",
        payment_method: order.paymentMethodId,
        // Cards only, confirmed here: no redirect to come back from.
        automatic_payment_methods: { enabled: true, allow_redirects: "never" },
        confirm: true,
        ...(customer ? { customer } : {}),
        ...(order.saveCard && !saved ? { setup_future_usage: "off_session" as const } : {}),
        description: `Dishpatch order ${order.code ?? orderId}`,
        metadata,
      },
      { idempotencyKey: stripeKey.intent(orderId) },
    );
  } catch (err) {
    // A decline answers 402 with the intent in it (requires_payment_method): the order fails.
    const pi = intentOfError(err);
    if (pi) return pi;
    throw err;
  }
}

/** The card's face, and the card itself kept for the customer when they agreed to it. */
async function rememberCard(db: Firestore, order: Order, pi: Stripe.PaymentIntent): Promise<void> {
  const pmId = typeof pi.payment_method === "string" ? pi.payment_method : pi.payment_method?.id;
  if (!pmId) return;
  const pm = await stripe().paymentMethods.retrieve(pmId);
  if (!pm.card) return;
  const face: CardFace = {
    brand: pm.card.brand,
    last4: pm.card.last4,
    expMonth: pm.card.exp_month,
    expYear: pm.card.exp_year,
  };
  const writes = db.batch().update(db.doc(paths.payment(pi.metadata.orderId)), { card: face, paymentMethodId: pm.id });
  if (order.saveCard && pm.customer) {
    writes.set(db.doc(paths.card(order.customerId, pm.id)), { ...face, createdAt: FieldValue.serverTimestamp() });
  }
  await writes.commit();
}

/** awaiting_payment: the record, then the intent, then what it says applied to the order. */
export async function authorise(deps: Deps, orderId: string, order: Order, by: BackendActor): Promise<void> {
  const { db } = deps;
  const ref = db.doc(paths.payment(orderId));
  const record = (await ref.get()).data() as CardPayment | undefined;
  // Past authorising: this effect's work is done (a requires_action intent waits for the customer).
  if (record && record.state !== "authorising") return;
  if (!record) {
    const fresh: CardPayment = {
      orderId,
      customerId: order.customerId,
      method: "card",
      intentId: null,
      state: "authorising",
      amount: cardAmountOf(order),
      authorised: 0,
      captured: 0,
      refunded: 0,
      refunds: {},
      tips: {},
      card: null,
      saveCard: order.saveCard === true,
    };
    await ref
      .create({ ...fresh, createdAt: FieldValue.serverTimestamp(), updatedAt: FieldValue.serverTimestamp() })
      .catch((err: unknown) => {
        if (!isAlreadyExists(err)) throw err;
      });
  }
  const pi = await intentFor(db, orderId, order);
  const applied = await applyIntent(db, pi, by, deps.now());
  if (applied.state === "authorised" || applied.state === "requires_action") {
    await rememberCard(db, order, pi).catch((err: unknown) =>
      logger.warn("could not read the card's face", { orderId, err: String(err) }),
    );
  }
  if (applied.cancel) await cancelHold(deps, orderId, order, by);
}

/** Delivered (or undeliverable, the customer's doing): capture what the order finally costs. */
export async function capture(deps: Deps, orderId: string, order: Order, by: BackendActor): Promise<void> {
  const { db } = deps;
  const record = (await db.doc(paths.payment(orderId)).get()).data() as CardPayment | undefined;
  if (!record || record.state === "captured") return;
  if (record.state !== "authorised" || !record.intentId) {
    throw new Error(`order ${orderId}: delivered with its card payment ${record.state}`);
  }
  let pi: Stripe.PaymentIntent;
  try {
    pi = await stripe().paymentIntents.capture(
      record.intentId,
      { amount_to_capture: cardAmountOf(order) },
      { idempotencyKey: stripeKey.capture(orderId) },
    );
  } catch (err) {
    // Captured already (a first attempt whose answer was lost): Stripe's state is the truth.
    if ((err as { code?: string }).code !== "payment_intent_unexpected_state") throw err;
    pi = await stripe().paymentIntents.retrieve(record.intentId);
  }
  await applyIntent(db, pi, by, deps.now());
}

/** Any ending without delivery: the hold on the card is let go. */
export async function cancelHold(deps: Deps, orderId: string, order: Order, by: BackendActor): Promise<void> {
  const { db } = deps;
  const record = (await db.doc(paths.payment(orderId)).get()).data() as CardPayment | undefined;
  if (!record || record.state === "captured" || record.state === "cancelled" || record.state === "failed") return;
  // An intent whose creation left no id here is found again under its key.
  const intentId = record.intentId ?? (await intentFor(db, orderId, order)).id;
  let pi: Stripe.PaymentIntent;
  try {
    pi = await stripe().paymentIntents.cancel(intentId, {}, { idempotencyKey: stripeKey.cancel(orderId) });
  } catch (err) {
    if ((err as { code?: string }).code !== "payment_intent_unexpected_state") throw err;
    pi = await stripe().paymentIntents.retrieve(intentId);
  }
  await applyIntent(db, pi, by, deps.now());
}

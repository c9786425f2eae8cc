// An order's card payment from end to end, as side effects of its status (orders/effects.ts) and
// the reconciler's checks (stale.ts): awaiting_payment authorises (a PaymentIntent with manual
// capture, confirmed with the card checkout made), delivery captures what the order was
// authorised for, and every other ending lets the hold go. Each call to Stripe carries its own
// idempotency key, so a retried effect, a racing instance or the reconciler gets the same intent
// back rather than a second one; the intent's parameters are fixed on the record at the first
// attempt, so that a retry asks exactly the same.

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
import { applyIntent, cardSettled, checkAtFor, failWithoutIntent, type Applied } from "./record";
import { intentOfError, stripe, Stripe } from "./stripe";

/** The customer's Stripe customer, made once (its id kept where only the backend reads it). */
export async function stripeCustomerOf(db: Firestore, uid: string, create: boolean): Promise<string | undefined> {
  const ref = db.doc(paths.stripeCustomer(uid));
  const have = (await ref.get()).get("id") as string | undefined;
  if (have || !create) return have;
  const customer = await stripe().customers.create({ metadata: { uid } }, { idempotencyKey: stripeKey.customer(uid) });
  await ref.set({ id: customer.id, createdAt: FieldValue.serverTimestamp() }, { merge: true });
  return customer.id;
}

/** The order's intent: made (and confirmed) the first time, the same one again after (its key);
 * null when Stripe refuses the request itself (an unknown card, one detached from its customer):
 * asked again, it would answer the same, so the payment has failed. */
async function intentFor(orderId: string, order: Order, record: CardPayment): Promise<Stripe.PaymentIntent | null> {
  const metadata: IntentMetadata & Stripe.MetadataParam = { orderId, kind: "order" };
  const params = record.intentParams ?? { customer: null, keepCard: false };
  try {
    return await stripe().paymentIntents.create(
      {
        amount: record.amount,
        currency: (order.pricing?.currency ?? "EUR").toLowerCase(),
        capture_method: "manual",
        payment_method: order.paymentMethodId,
        // Cards only, confirmed here: no redirect to come back from.
        automatic_payment_methods: { enabled: true, allow_redirects: "never" },
        confirm: true,
        ...(params.customer ? { customer: params.customer } : {}),
        ...(params.keepCard ? { setup_future_usage: "off_session" as const } : {}),
        description: `Dishpatch order ${order.code ?? orderId}`,
        metadata,
      },
      { idempotencyKey: stripeKey.intent(orderId) },
    );
  } catch (err) {
    // A decline answers 402 with the intent in it (requires_payment_method): the order fails.
    const pi = intentOfError(err);
    if (pi) return pi;
    if (err instanceof Stripe.errors.StripeInvalidRequestError) {
      logger.error("stripe refused the order's intent", {
        orderId,
        code: err.code,
        param: err.param,
        err: err.message,
      });
      return null;
    }
    throw err;
  }
}

/** The record of an order about to be authorised: made once, with the intent's parameters. */
async function recordFor(deps: Deps, orderId: string, order: Order): Promise<CardPayment> {
  const { db } = deps;
  const ref = db.doc(paths.payment(orderId));
  const have = (await ref.get()).data() as CardPayment | undefined;
  if (have) return have;
  const saved = (await db.doc(paths.card(order.customerId, order.paymentMethodId ?? "-")).get()).exists;
  // A saved card belongs to the customer's Stripe customer; a card to be kept joins it.
  const customer = saved || order.saveCard ? await stripeCustomerOf(db, order.customerId, true) : undefined;
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
    intentParams: { customer: customer ?? null, keepCard: order.saveCard === true && !saved },
  };
  const written = { ...fresh, checkAt: checkAtFor("authorising", undefined, deps.now()) };
  try {
    await ref.create({ ...written, createdAt: FieldValue.serverTimestamp(), updatedAt: FieldValue.serverTimestamp() });
    return fresh;
  } catch (err) {
    // Another attempt made it first: its parameters are the ones.
    if (!isAlreadyExists(err)) throw err;
    return (await ref.get()).data() as CardPayment;
  }
}

/** The card's face, and the card itself kept for the customer when they agreed to it. */
async function rememberCard(db: Firestore, record: CardPayment, pi: Stripe.PaymentIntent): Promise<void> {
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
  if (record.saveCard && pm.customer) {
    writes.set(db.doc(paths.card(record.customerId, pm.id)), { ...face, createdAt: FieldValue.serverTimestamp() });
  }
  await writes.commit();
}

/** What follows an intent applied, whoever saw it (our call's answer, a webhook, the reconciler):
 * the card's face once it is held (3-D Secure attaches a kept card only then), and the hold let
 * go where the order ended meanwhile. */
export async function afterApplied(
  deps: Deps,
  pi: Stripe.PaymentIntent,
  applied: Applied,
  by: BackendActor,
): Promise<void> {
  const orderId = pi.metadata?.orderId;
  if (!orderId || pi.metadata.kind !== "order") return;
  const { db } = deps;
  if (applied.state === "authorised" || applied.cancel) {
    const [orderSnap, recordSnap] = await db.getAll(db.doc(paths.order(orderId)), db.doc(paths.payment(orderId)));
    const order = orderSnap.data() as Order;
    const record = recordSnap.data() as CardPayment | undefined;
    if (applied.state === "authorised" && record && !record.card) {
      await rememberCard(db, record, pi).catch((err: unknown) =>
        logger.warn("could not read the card's face", { orderId, err: String(err) }),
      );
    }
    if (applied.cancel) await cancelHold(deps, orderId, order, by);
  }
}

/** awaiting_payment: the record, then the intent, then what it says applied to the order. */
export async function authorise(deps: Deps, orderId: string, order: Order, by: BackendActor): Promise<void> {
  const record = await recordFor(deps, orderId, order);
  // Past authorising: this effect's work is done (a requires_action intent waits for the customer).
  if (record.state !== "authorising") return;
  const pi = await intentFor(orderId, order, record);
  if (!pi) return failWithoutIntent(deps.db, orderId, by, deps.now());
  await afterApplied(deps, pi, await applyIntent(deps.db, pi, by, deps.now()), by);
}

/** Delivered (or undeliverable, the customer's doing): capture what was authorised for it (a tip
 * raised since is a charge of its own). */
export async function capture(deps: Deps, orderId: string, by: BackendActor): Promise<void> {
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
      { amount_to_capture: record.amount },
      { idempotencyKey: stripeKey.capture(orderId) },
    );
  } catch (err) {
    // Captured already (a first attempt whose answer was lost): Stripe's state is the truth.
    if ((err as { code?: string }).code !== "payment_intent_unexpected_state") throw err;
    pi = await stripe().paymentIntents.retrieve(record.intentId);
  }
  await applyIntent(db, pi, by, deps.now());
}

/** Any ending without delivery: the hold on the card (or an intent that could still take one) is
 * let go. */
export async function cancelHold(deps: Deps, orderId: string, order: Order, by: BackendActor): Promise<void> {
  const { db } = deps;
  const record = (await db.doc(paths.payment(orderId)).get()).data() as CardPayment | undefined;
  if (!record || cardSettled(record)) return;
  // An intent whose creation left no id here (its answer lost) is found again under its key, with
  // the same parameters.
  const intentId = record.intentId ?? (await intentFor(orderId, order, record))?.id;
  if (!intentId) return;
  let pi: Stripe.PaymentIntent;
  try {
    pi = await stripe().paymentIntents.cancel(intentId, {}, { idempotencyKey: stripeKey.cancel(orderId) });
  } catch (err) {
    if ((err as { code?: string }).code !== "payment_intent_unexpected_state") throw err;
    pi = await stripe().paymentIntents.retrieve(intentId);
  }
  await applyIntent(db, pi, by, deps.now());
}

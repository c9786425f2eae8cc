// What Stripe says of an order's PaymentIntent, applied to its payment record and, while the order
// waits for its card, to the order: held on the card -> placed (or scheduled), failed -> ended
// payment_failed. Our calls' answers, Stripe's webhooks and the reconciler's lookups all come
// through here, in one transaction; the record only moves forward (cardPayment.ts), so a late,
// repeated or out-of-order answer changes nothing. A webhook's event id is recorded in the same
// transaction: an event is applied once.

import { FieldValue, Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { PAYMENT_CHECK_SECONDS } from "../config";
import {
  CANCELLABLE_INTENT,
  cardStateMovesOn,
  cardStateOf,
  failureOf,
  isFinal,
  paths,
  QUERIES,
  transition,
  type BackendActor,
  type CardPayment,
  type CardState,
  type Order,
  type PaymentFailure,
} from "../domain";
import { acceptDeadline } from "../orders/placement";
import { adminQuery } from "../query";
import type { Stripe } from "./stripe";

/** Endings in which nothing is charged: an intent still holding money for one is cancelled. */
export function endedUnpaid(order: Pick<Order, "status">): boolean {
  return isFinal(order.status) && order.status !== "delivered" && order.status !== "undeliverable";
}

/** Whether Stripe holds nothing more for the record's intent: captured, let go, or never made
 * (the card itself refused). */
export function cardSettled(record: Pick<CardPayment, "state" | "intentStatus" | "intentId">): boolean {
  return (
    record.state === "captured" ||
    record.state === "cancelled" ||
    record.intentStatus === "canceled" ||
    record.intentStatus === "succeeded" ||
    (record.state === "failed" && !record.intentId)
  );
}

/** Stripe refused the card before any intent was made (unknown, or detached from its customer):
 * the payment failed, as a decline does. */
export async function failWithoutIntent(db: Firestore, orderId: string, by: BackendActor, now: Date): Promise<void> {
  const recordRef = db.doc(paths.payment(orderId));
  const orderRef = db.doc(paths.order(orderId));
  await db.runTransaction(async (tx) => {
    const [recordSnap, orderSnap] = await tx.getAll(recordRef, orderRef);
    const record = recordSnap.data() as CardPayment | undefined;
    const order = orderSnap.data() as Order | undefined;
    if (!order || !cardStateMovesOn(record?.state, "failed")) return;
    tx.set(
      recordRef,
      { state: "failed", failure: "card_declined", checkAt: null, updatedAt: FieldValue.serverTimestamp() },
      { merge: true },
    );
    const patch = orderPatch(order, "failed", "card_declined", by, now);
    if (patch) tx.update(orderRef, patch);
  });
}

export interface Applied {
  /** The event had been applied before. */
  duplicate: boolean;
  state: CardState | undefined;
  /** The intent holds money for an order that ended without delivery: cancel it. */
  cancel: boolean;
}

/** The order's fields once its card payment is settled one way or the other, or null when it is no
 * longer waiting for it. */
function orderPatch(order: Order, next: CardState, failure: PaymentFailure, by: BackendActor, now: Date) {
  if (order.status !== "awaiting_payment") return null;
  const stamp = FieldValue.serverTimestamp();
  if (next === "authorised") {
    const releaseAt = order.releaseAt?.toMillis();
    // The card's id stays with the payment record: the staff and couriers who read the order from
    // now on have no business with it.
    const card = { paymentMethodId: FieldValue.delete(), saveCard: FieldValue.delete() };
    return releaseAt !== undefined && releaseAt > now.getTime()
      ? transition("scheduled", stamp, by, card)
      : transition("placed", stamp, by, { ...card, acceptBy: acceptDeadline(now) });
  }
  if (next === "failed" || next === "cancelled")
    return transition("payment_failed", stamp, by, { paymentFailure: failure });
  return null;
}

/** Applies the order's intent (kind "order" in its metadata) in `tx`. */
async function applyOrderIntent(
  db: Firestore,
  tx: Transaction,
  orderId: string,
  pi: Stripe.PaymentIntent,
  by: BackendActor,
  now: Date,
): Promise<Omit<Applied, "duplicate">> {
  const recordRef = db.doc(paths.payment(orderId));
  const orderRef = db.doc(paths.order(orderId));
  const [recordSnap, orderSnap] = await tx.getAll(recordRef, orderRef);
  const record = recordSnap.data() as CardPayment | undefined;
  const order = orderSnap.data() as Order | undefined;
  if (!order) return { state: record?.state, cancel: false };
  const next = cardStateOf(pi.status);
  // An intent cancelled while the order waited is a payment never finished in time (or given up).
  const failure: PaymentFailure = next === "cancelled" ? "payment_timeout" : failureOf(pi.last_payment_error?.code);
  const moves = cardStateMovesOn(record?.state, next);
  // A failed intent let go later is noted too: it is cancelled, although the record stays failed.
  const released = pi.status === "canceled" && record?.intentStatus !== "canceled";
  if (moves || released) {
    tx.set(
      recordRef,
      {
        orderId,
        customerId: order.customerId,
        method: "card",
        intentId: pi.id,
        intentStatus: pi.status,
        ...(moves
          ? {
              state: next,
              authorised: next === "authorised" ? pi.amount_capturable : (record?.authorised ?? 0),
              captured: pi.amount_received ?? 0,
              checkAt: checkAtFor(next, record, now),
              ...(next === "failed" ? { failure } : {}),
            }
          : {}),
        updatedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
  }
  const patch = moves ? orderPatch(order, next, failure, by, now) : null;
  if (patch) tx.update(orderRef, patch);
  const state = moves ? next : record?.state;
  // An intent that can still hold money, for an order that ended without delivery: let it go.
  return { state, cancel: !patch && endedUnpaid(order) && CANCELLABLE_INTENT.includes(pi.status) };
}

/** When the reconciler should next look at a record that has just moved to `state`: soon while
 * Stripe's answer is awaited, after an order's usual span while the money is held (its capture or
 * cancel should have come), never once it is settled (unless refunds are pending). */
export function checkAtFor(state: CardState, record: Pick<CardPayment, "pendingRefunds"> | undefined, now: Date) {
  const seconds =
    state === "authorising" || state === "requires_action"
      ? PAYMENT_CHECK_SECONDS.value()
      : state === "authorised"
        ? HELD_CHECK_SECONDS
        : Object.keys(record?.pendingRefunds ?? {}).length > 0
          ? PAYMENT_CHECK_SECONDS.value()
          : null;
  return seconds === null ? null : Timestamp.fromMillis(now.getTime() + seconds * 1000);
}

/** An order is usually delivered within this long of its card being authorised. */
const HELD_CHECK_SECONDS = 2 * 3600;

/** A raised tip's own intent: the record notes whether it went through. */
async function applyTipIntent(db: Firestore, tx: Transaction, orderId: string, pi: Stripe.PaymentIntent) {
  const ref = db.doc(paths.payment(orderId));
  const record = (await tx.get(ref)).data() as CardPayment | undefined;
  const n = pi.metadata?.n;
  if (!record || !n) return;
  const state = pi.status === "succeeded" ? "charged" : pi.status === "requires_payment_method" ? "failed" : null;
  if (!state || record.tips?.[n]?.state === "charged") return;
  // Field by field: the books' mark (applied) stays.
  tx.update(ref, {
    [`tips.${n}.amount`]: pi.amount,
    [`tips.${n}.intentId`]: pi.id,
    [`tips.${n}.state`]: state,
    updatedAt: FieldValue.serverTimestamp(),
  });
}

/** Applies a PaymentIntent as Stripe showed it; `eventId` is the webhook event that carried it. */
export async function applyIntent(
  db: Firestore,
  pi: Stripe.PaymentIntent,
  by: BackendActor,
  now: Date,
  eventId?: string,
): Promise<Applied> {
  const orderId = pi.metadata?.orderId;
  if (!orderId) return { duplicate: false, state: undefined, cancel: false };
  return db.runTransaction(async (tx) => {
    const eventRef = eventId ? db.doc(paths.stripeEvent(eventId)) : null;
    if (eventRef && (await tx.get(eventRef)).exists) return { duplicate: true, state: undefined, cancel: false };
    let applied: Omit<Applied, "duplicate"> = { state: undefined, cancel: false };
    if (pi.metadata.kind === "tip") await applyTipIntent(db, tx, orderId, pi);
    else applied = await applyOrderIntent(db, tx, orderId, pi, by, now);
    if (eventRef) tx.create(eventRef, eventNote(pi.id, orderId, now));
    return { duplicate: false, ...applied };
  });
}

/** A refund seen on the order's charge (charge.refunded): the record keeps the largest refunded
 * sum it has seen, and each refund once. */
export async function applyRefunds(
  db: Firestore,
  charge: Stripe.Charge,
  now: Date,
  eventId: string,
): Promise<{ duplicate: boolean }> {
  const intentId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  if (!intentId) return { duplicate: false };
  const found = await adminQuery(db, QUERIES.paymentOfIntent(intentId)).get();
  const ref = found.docs[0]?.ref;
  return db.runTransaction(async (tx) => {
    const eventRef = db.doc(paths.stripeEvent(eventId));
    if ((await tx.get(eventRef)).exists) return { duplicate: true };
    if (ref) {
      const record = (await tx.get(ref)).data() as CardPayment;
      const refunds = { ...(record.refunds ?? {}) };
      for (const r of charge.refunds?.data ?? []) {
        refunds[r.id] ??= {
          amount: r.amount,
          ...(r.metadata?.complaintId ? { complaintId: r.metadata.complaintId } : {}),
        };
      }
      tx.update(ref, {
        refunded: Math.max(record.refunded ?? 0, charge.amount_refunded),
        refunds,
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
    tx.create(eventRef, eventNote(intentId, ref?.id ?? null, now));
    return { duplicate: false };
  });
}

/** stripeEvents/{id}: an event applied, kept so that a redelivery is recognised: 30 days (a TTL
 * policy, firestore.indexes.json), where Stripe stops resending after 3. */
function eventNote(intentId: string, orderId: string | null, now: Date) {
  return {
    intentId,
    orderId,
    appliedAt: FieldValue.serverTimestamp(),
    expireAt: Timestamp.fromMillis(now.getTime() + 30 * 864e5),
  };
}

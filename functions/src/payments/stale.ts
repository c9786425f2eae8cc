// The reconciler's part in card payments. Each payment record carries when it should next be
// looked at (`checkAt`, set whenever it moves): while Stripe's answer is awaited (a webhook may be
// lost, Stripe is asked), while money is held (the order should have been captured or let go by
// now), while a refund or a raised tip is not confirmed. Whatever is found undone is done with the
// same idempotent steps as the triggers, and a record with nothing to do is looked at again later
// and later. So a capture, cancel or refund that failed for longer than a trigger retries is still
// made, once. Separately, an order that has waited for its card past the timeout ends
// payment_failed (its effect then lets the hold go).

import { FieldValue, Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { PAYMENT_CHECK_SECONDS } from "../config";
import type { Deps } from "../deps";
import { paths, transition, type BackendActor, type CardPayment, type Complaint, type Order } from "../domain";
import { afterApplied, capture, cancelHold } from "./lifecycle";
import { applyIntent, endedUnpaid } from "./record";
import { refundToCard } from "./refunds";
import { settleTip } from "./tips";
import { stripe } from "./stripe";

/** The longest wait between two looks at a record that has nothing to do. */
const MAX_CHECK_GAP_SECONDS = 6 * 3600;

/** Does what is due for one record; whether something was done. */
export async function checkPayment(deps: Deps, snap: DocumentSnapshot, by: BackendActor): Promise<boolean> {
  const { db } = deps;
  const record = snap.data() as CardPayment | undefined;
  if (!record) return false;
  const order = (await db.doc(paths.order(snap.id)).get()).data() as Order | undefined;
  let done = false;
  for (const complaintId of Object.keys(record.pendingRefunds ?? {})) {
    const c = (await db.doc(paths.complaint(complaintId)).get()).data() as Complaint | undefined;
    if (c) done = (await refundToCard(deps, complaintId, c)) || done;
  }
  for (const [n, tip] of Object.entries(record.tips ?? {})) {
    if (!tip.applied && !tip.refunded && tip.state !== "failed")
      done = (await settleTip(deps, snap.id, n, tip)) || done;
  }
  if (order && record.intentId && (record.state === "authorising" || record.state === "requires_action")) {
    const pi = await stripe().paymentIntents.retrieve(record.intentId);
    const applied = await applyIntent(db, pi, by, deps.now());
    await afterApplied(deps, pi, applied, by);
    done = done || applied.state !== record.state;
  } else if (order && record.state === "authorised") {
    if (order.status === "delivered" || order.status === "undeliverable") {
      await capture(deps, snap.id, by);
      done = true;
    } else if (endedUnpaid(order)) {
      await cancelHold(deps, snap.id, order, by);
      done = true;
    }
  }
  if (!done) await later(deps, snap, record);
  return done;
}

/** Nothing was due: the next look comes after as long again as the record has been still. */
async function later({ db, now }: Deps, snap: DocumentSnapshot, record: CardPayment): Promise<void> {
  const still = now().getTime() - ((record.updatedAt as Timestamp | undefined)?.toMillis() ?? now().getTime());
  const gap = Math.min(Math.max(PAYMENT_CHECK_SECONDS.value() * 1000, still), MAX_CHECK_GAP_SECONDS * 1000);
  // Only if nothing moved it meanwhile (its own checkAt would be the newer one).
  await db
    .doc(paths.payment(snap.id))
    .update({ checkAt: Timestamp.fromMillis(now().getTime() + gap) }, { lastUpdateTime: snap.updateTime! })
    .catch((err: unknown) => logger.info("payment moved while checked", { orderId: snap.id, err: String(err) }));
}

/** An order still waiting for its card after the timeout: Stripe is asked first (the customer may
 * have just finished), and if it is still not authorised the order ends payment_failed. A lookup
 * that fails (Stripe down, cards turned off) does not keep it waiting: a late authorisation is let
 * go by the webhook, or by the reconciler's next look at the record. */
export async function endUnpaidIfDue(
  deps: Deps,
  orderId: string,
  by: BackendActor,
): Promise<"authorised" | "timed out" | "not waiting"> {
  const { db } = deps;
  const record = (await db.doc(paths.payment(orderId)).get()).data() as CardPayment | undefined;
  if (record?.intentId) {
    try {
      const pi = await stripe().paymentIntents.retrieve(record.intentId);
      const applied = await applyIntent(db, pi, by, deps.now());
      if (applied.state === "authorised") return "authorised";
    } catch (err) {
      logger.warn("payment timeout: Stripe could not be asked; ending the order", { orderId, err: String(err) });
    }
  }
  const ref = db.doc(paths.order(orderId));
  return db.runTransaction(async (tx) => {
    const order = (await tx.get(ref)).data() as Order | undefined;
    if (order?.status !== "awaiting_payment") return "not waiting";
    tx.update(
      ref,
      transition("payment_failed", FieldValue.serverTimestamp(), by, { paymentFailure: "payment_timeout" }),
    );
    return "timed out";
  });
}

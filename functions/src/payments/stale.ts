// The reconciler's part in card payments: a payment whose state has not moved for a while is looked
// up at Stripe (its webhook may have been lost) and what Stripe says is applied; an order that has
// waited for its card past the timeout ends payment_failed (its effect then lets the hold go).

import { FieldValue, type DocumentSnapshot } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { paths, transition, type BackendActor, type CardPayment, type Order } from "../domain";
import { applyIntent } from "./record";
import { stripe } from "./stripe";

/** Asks Stripe about a payment that has not moved; whether that moved it. */
export async function checkPayment(deps: Deps, snap: DocumentSnapshot, by: BackendActor): Promise<boolean> {
  const record = snap.data() as CardPayment | undefined;
  if (!record?.intentId) return false;
  const pi = await stripe().paymentIntents.retrieve(record.intentId);
  const applied = await applyIntent(deps.db, pi, by, deps.now());
  return applied.state !== record.state;
}

/** An order still waiting for its card after the timeout: Stripe is asked first (the customer may
 * have just finished), and if it is still not authorised the order ends payment_failed. */
export async function endUnpaidIfDue(
  deps: Deps,
  orderId: string,
  by: BackendActor,
): Promise<"authorised" | "timed out" | "not waiting"> {
  const { db } = deps;
  const record = (await db.doc(paths.payment(orderId)).get()).data() as CardPayment | undefined;
  if (record?.intentId) {
    const applied = await applyIntent(db, await stripe().paymentIntents.retrieve(record.intentId), by, deps.now());
    if (applied.state === "authorised") return "authorised";
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

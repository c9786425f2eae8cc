// The customer's card callables: the client secret of an intent that asks for 3-D Secure (given
// only to the order's customer, never stored where anyone else reads), and removing a saved card
// (detached at Stripe, then forgotten here).

import { HttpsError } from "firebase-functions/v2/https";
import type { Deps } from "../deps";
import { isDocId, paths, PAYMENT_METHOD_PATTERN, type CardPayment } from "../domain";
import { stripe } from "./stripe";
import { stripeCustomerOf } from "./lifecycle";

/** { orderId } -> { clientSecret } while the order's card asks for the customer's confirmation. */
export async function paymentAction({ db }: Pick<Deps, "db">, uid: string, input: unknown) {
  const { orderId } = (input ?? {}) as { orderId?: unknown };
  if (!isDocId(orderId)) throw new HttpsError("invalid-argument", "Which order?", { reason: "bad_order" });
  const record = (await db.doc(paths.payment(orderId)).get()).data() as CardPayment | undefined;
  // Someone else's order is answered as if there were none.
  if (!record || record.customerId !== uid)
    throw new HttpsError("not-found", "No such payment.", { reason: "no_payment" });
  if (record.state !== "requires_action" || !record.intentId) {
    throw new HttpsError("failed-precondition", "This payment needs nothing more from you.", { reason: "no_action" });
  }
  const pi = await stripe().paymentIntents.retrieve(record.intentId);
  if (pi.status !== "requires_action" || !pi.client_secret) {
    throw new HttpsError("failed-precondition", "This payment needs nothing more from you.", { reason: "no_action" });
  }
  return { clientSecret: pi.client_secret };
}

/** { cardId } -> removes one of the caller's saved cards. */
export async function removeCard({ db }: Pick<Deps, "db">, uid: string, input: unknown) {
  const { cardId } = (input ?? {}) as { cardId?: unknown };
  if (typeof cardId !== "string" || !PAYMENT_METHOD_PATTERN.test(cardId)) {
    throw new HttpsError("invalid-argument", "Which card?", { reason: "bad_card" });
  }
  const ref = db.doc(paths.card(uid, cardId));
  if (!(await ref.get()).exists) throw new HttpsError("not-found", "No such card.", { reason: "no_card" });
  const customer = await stripeCustomerOf(db, uid, false);
  const pm = await stripe().paymentMethods.retrieve(cardId);
  // Only a card of the caller's own Stripe customer is detached; one already detached is gone.
  if (pm.customer && pm.customer === customer) await stripe().paymentMethods.detach(cardId);
  await ref.delete();
  return { removed: cardId };
}

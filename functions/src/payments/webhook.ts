// Stripe's webhooks: the truth about each payment. The signature is checked on the raw body with
// the SDK (Stripe-Signature, 300 s tolerance); each event is applied once, by its id, in any order
// (the record only moves forward). Answering 2xx tells Stripe it arrived; a failure answers 500 and
// Stripe sends it again.

import type { Request } from "firebase-functions/v2/https";
import type { Response } from "express";
import { logger } from "firebase-functions/logger";
import { STRIPE_WEBHOOK_SECRET } from "../config";
import type { Deps } from "../deps";
import { afterApplied } from "./lifecycle";
import { applyIntent, applyRefunds } from "./record";
import { stripe, type Stripe } from "./stripe";

const TOLERANCE_SECONDS = 300;

const INTENT_EVENTS = new Set([
  "payment_intent.amount_capturable_updated",
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.canceled",
  "payment_intent.requires_action",
]);

/** Applies one verified event; what it did, for the log. */
export async function applyEvent(deps: Deps, event: Stripe.Event): Promise<string> {
  const { db } = deps;
  if (INTENT_EVENTS.has(event.type)) {
    const pi = event.data.object as Stripe.PaymentIntent;
    const applied = await applyIntent(db, pi, "backend:stripe", deps.now(), event.id);
    if (applied.duplicate) return "duplicate";
    await afterApplied(deps, pi, applied, "backend:stripe");
    return `applied ${applied.state ?? "nothing"}`;
  }
  if (event.type === "charge.refunded") {
    const { duplicate } = await applyRefunds(db, event.data.object as Stripe.Charge, deps.now(), event.id);
    return duplicate ? "duplicate" : "refunds";
  }
  return "ignored";
}

export async function stripeWebhook(deps: Deps, req: Request, res: Response): Promise<void> {
  if (req.method !== "POST") {
    res.status(405).set("Allow", "POST").send("POST only");
    return;
  }
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(
      req.rawBody,
      req.get("stripe-signature") ?? "",
      STRIPE_WEBHOOK_SECRET.value(),
      TOLERANCE_SECONDS,
    );
  } catch (err) {
    logger.warn("stripe webhook refused", { err: String(err) });
    res.status(400).send("Bad signature");
    return;
  }
  try {
    const outcome = await applyEvent(deps, event);
    logger.info("stripe event", { id: event.id, type: event.type, outcome });
    res.status(200).json({ received: true });
  } catch (err) {
    logger.error("stripe event failed; Stripe will send it again", { id: event.id, err: String(err) });
    res.status(500).send("Try again");
  }
}

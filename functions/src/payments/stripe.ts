// The Stripe client, made once per instance from the secret key. STRIPE_API_BASE points it at
// another address (the tests' stand-in); unset, the SDK talks to api.stripe.com.

import Stripe from "stripe";
import { STRIPE_API_BASE, STRIPE_SECRET_KEY } from "../config";
import { cardsEnabled } from "./enabled";

let client: { key: string; stripe: Stripe } | null = null;

export class CardsOff extends Error {
  constructor() {
    super("card payments are off (STRIPE_SECRET_KEY is not a Stripe key)");
  }
}

export function stripe(): Stripe {
  const key = STRIPE_SECRET_KEY.value();
  if (!cardsEnabled()) throw new CardsOff();
  if (client?.key !== key) {
    const base = STRIPE_API_BASE.value();
    const url = base ? new URL(base) : null;
    client = {
      key,
      stripe: new Stripe(key, {
        // The SDK retries network failures and 5xx with the same idempotency key.
        maxNetworkRetries: 2,
        timeout: 20_000,
        ...(url ? { host: url.hostname, port: url.port, protocol: url.protocol === "http:" ? "http" : "https" } : {}),
      }),
    };
  }
  return client.stripe;
}

/** The PaymentIntent in a Stripe error about one (a decline answers 402 and carries it). */
export function intentOfError(err: unknown): Stripe.PaymentIntent | null {
  if (!(err instanceof Stripe.errors.StripeError)) return null;
  const pi = (err.raw as { payment_intent?: Stripe.PaymentIntent }).payment_intent;
  return pi?.object === "payment_intent" ? pi : null;
}

export function isCardError(err: unknown): err is Stripe.errors.StripeCardError {
  return err instanceof Stripe.errors.StripeCardError;
}

export { Stripe };

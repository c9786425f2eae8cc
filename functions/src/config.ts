// Runtime settings: Cloud Functions parameters, with their values in functions/.env (deployed
// with the functions; the emulators read it too, and the test runner overrides values in
// functions/.env.local).
import { defineInt, defineSecret, defineString } from "firebase-functions/params";

export const ACCEPT_TIMEOUT_SECONDS = defineInt("ACCEPT_TIMEOUT_SECONDS", {
  default: 600,
  description: "How long a restaurant has to accept a placed order before the backend cancels it, in seconds.",
});

export const RECONCILE_GRACE_SECONDS = defineInt("RECONCILE_GRACE_SECONDS", {
  default: 60,
  description:
    "How long the reconciler lets a trigger work before it steps in: orders still submitted, or whose side effects are missing, this many seconds after their last change.",
});

export const FEES_CACHE_SECONDS = defineInt("FEES_CACHE_SECONDS", {
  default: 60,
  description:
    "How long an instance keeps the platform's fees and a restaurant's terms before reading them again, in seconds.",
});

export const TASK_EARLY_RETRY_SECONDS = defineInt("TASK_EARLY_RETRY_SECONDS", {
  default: 120,
  description:
    "A Cloud Task that arrives before its time is retried by its queue when it is due within this many seconds, and otherwise left to the reconciler (Cloud Tasks delivers on time; the emulator dispatches at once).",
});

// ---------- the partner API (api/) ----------

/** Signs the API's access tokens (HS256). On the emulators it comes from functions/.secret.local,
 * which npm start and npm test write. */
export const API_JWT_KEY = defineSecret("API_JWT_KEY");

/** Encrypts each webhook endpoint's signing secret at rest (AES-256-GCM; 32 bytes, base64). */
export const WEBHOOK_SECRET_KEY = defineSecret("WEBHOOK_SECRET_KEY");

export const API_RATE_LIMIT_PER_MINUTE = defineInt("API_RATE_LIMIT_PER_MINUTE", {
  default: 600,
  description: "Requests one API client may make per minute, across all instances; more are answered 429.",
});

export const WEBHOOK_ATTEMPTS = defineInt("WEBHOOK_ATTEMPTS", {
  default: 8,
  description: "Attempts to deliver one webhook event before it is marked failed (a resend starts again).",
});

export const WEBHOOK_MIN_BACKOFF_SECONDS = defineInt("WEBHOOK_MIN_BACKOFF_SECONDS", {
  default: 10,
  description: "The first wait before a failed webhook delivery is retried; each wait doubles from there.",
});

export const WEBHOOK_MAX_BACKOFF_SECONDS = defineInt("WEBHOOK_MAX_BACKOFF_SECONDS", {
  default: 300,
  description: "The longest wait between two attempts to deliver a webhook event.",
});

export const WEBHOOK_DOWN_PAUSE_SECONDS = defineInt("WEBHOOK_DOWN_PAUSE_SECONDS", {
  default: 300,
  description:
    "A restaurant whose webhook endpoint has failed for this long while orders wait for an answer is paused, and its staff are told.",
});

// ---------- card payments (payments/) ----------

/** Stripe's secret key. A value that is not a Stripe key (`none`, what npm start writes when no
 * key is given) turns card payments off: checkout offers cash and credit alone. */
export const STRIPE_SECRET_KEY = defineSecret("STRIPE_SECRET_KEY");

/** Verifies Stripe's webhook signatures (whsec_…): only the webhook function binds it. */
export const STRIPE_WEBHOOK_SECRET = defineSecret("STRIPE_WEBHOOK_SECRET");

/** What a function that may call Stripe binds (placement only asks whether cards are on). */
export const STRIPE_SECRETS = [STRIPE_SECRET_KEY];

export const STRIPE_API_BASE = defineString("STRIPE_API_BASE", {
  default: "",
  description:
    "Another address for Stripe's API (the tests' local stand-in, http://127.0.0.1:12111); empty in production, where the SDK talks to api.stripe.com.",
});

export const PAYMENT_CHECK_SECONDS = defineInt("PAYMENT_CHECK_SECONDS", {
  default: 300,
  description:
    "A card payment whose state has not moved for this long is looked up at Stripe by the reconciler (its webhook may have been lost).",
});

export const PAYMENT_TIMEOUT_SECONDS = defineInt("PAYMENT_TIMEOUT_SECONDS", {
  default: 900,
  description:
    "How long an order waits for its card to be authorised (3-D Secure included) before it ends payment_failed.",
});

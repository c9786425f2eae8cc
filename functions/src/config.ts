// Runtime settings: Cloud Functions parameters, with their values in functions/.env (deployed
// with the functions; the emulators read it too, and the test runner overrides values in
// functions/.env.local).
import { defineInt } from "firebase-functions/params";

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

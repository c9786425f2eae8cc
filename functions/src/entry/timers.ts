// Work at a time: the task queues (accept timeouts, delivery problems left unanswered, releasing
// orders ahead, ending pauses, expiring couriers' claims) and the
// reconciler's schedule. A task that came before its time answers 503 and its queue retries it.
import { HttpsError } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { TASK_QUEUE_CONCURRENCY } from "../domain/deployment";
import { NotDueYet, TASK_RETRY } from "../tasks";
import { STRIPE_SECRETS } from "../config";

/** Timers are small and many: a few handlers at a time are plenty (one answers in tens of
 * milliseconds), and the emulator starts a worker process for each concurrent dispatch, holding a
 * dispatch slot while a task waits for its next retry. */
const TIMER_DISPATCHES = { maxConcurrentDispatches: TASK_QUEUE_CONCURRENCY.timers };

async function unlessEarly(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof NotDueYet) throw new HttpsError("unavailable", err.message);
    throw err;
  }
}

export const acceptTimeout = onTaskDispatched<{ orderId: string }>(
  { retryConfig: TASK_RETRY, rateLimits: TIMER_DISPATCHES },
  (req) => unlessEarly(async () => (await import("../orders/acceptTimeout")).acceptTimeoutTask(req.data)),
);

export const problemTimeout = onTaskDispatched<{ orderId: string }>(
  { retryConfig: TASK_RETRY, rateLimits: TIMER_DISPATCHES },
  (req) => unlessEarly(async () => (await import("../orders/problemTimeout")).problemTimeoutTask(req.data)),
);

export const releaseOrder = onTaskDispatched<{ orderId: string }>(
  { retryConfig: TASK_RETRY, rateLimits: TIMER_DISPATCHES },
  (req) => unlessEarly(async () => (await import("../orders/release")).releaseTask(req.data)),
);

export const claimExpiry = onTaskDispatched<{ orderId: string; courierId: string }>(
  { retryConfig: TASK_RETRY, rateLimits: TIMER_DISPATCHES },
  (req) => unlessEarly(async () => (await import("../orders/claimExpiry")).claimExpiryTask(req.data)),
);

export const endPause = onTaskDispatched<{ rid: string }>(
  { retryConfig: TASK_RETRY, rateLimits: TIMER_DISPATCHES },
  (req) => unlessEarly(async () => (await import("../restaurants/rush")).endPauseTask(req.data)),
);

export const reconcileOrders = onSchedule(
  { schedule: "every 1 minutes", retryCount: 0, secrets: STRIPE_SECRETS },
  async () => (await import("../orders/reconcile")).scheduledReconcile(),
);

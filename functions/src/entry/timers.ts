// Work at a time: the task queues (accept timeouts, releasing orders ahead, ending pauses) and the
// reconciler's schedule.
import { onSchedule } from "firebase-functions/v2/scheduler";
import { onTaskDispatched } from "firebase-functions/v2/tasks";

export const acceptTimeout = onTaskDispatched<{ orderId: string }>(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 }, rateLimits: { maxConcurrentDispatches: 100 } },
  async (req) => (await import("../orders/acceptTimeout")).acceptTimeoutTask(req.data),
);

export const releaseOrder = onTaskDispatched<{ orderId: string }>(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 }, rateLimits: { maxConcurrentDispatches: 100 } },
  async (req) => (await import("../orders/release")).releaseTask(req.data),
);

export const endPause = onTaskDispatched<{ rid: string }>(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 } },
  async (req) => (await import("../restaurants/rush")).endPauseTask(req.data),
);

export const reconcileOrders = onSchedule({ schedule: "every 1 minutes", retryCount: 0 }, async () =>
  (await import("../orders/reconcile")).scheduledReconcile(),
);

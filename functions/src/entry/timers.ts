// Work at a time: the accept-timeout task queue and the reconciler's schedule.
import { onSchedule } from "firebase-functions/v2/scheduler";
import { onTaskDispatched } from "firebase-functions/v2/tasks";

export const acceptTimeout = onTaskDispatched<{ orderId: string }>(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 }, rateLimits: { maxConcurrentDispatches: 100 } },
  async (req) => (await import("../orders/acceptTimeout")).acceptTimeoutTask(req.data),
);

export const reconcileOrders = onSchedule({ schedule: "every 1 minutes", retryCount: 0 }, async () =>
  (await import("../orders/reconcile")).scheduledReconcile(),
);

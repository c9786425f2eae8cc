// Cancels an order the restaurant never answered. Scheduled per order as a Cloud Task when it
// becomes `placed`; the task id is derived from the order so a retried trigger schedules it
// once, and the handler acts only while the order is still `placed`.
// The handler also refuses to act before the order's `acceptBy`: Cloud Tasks honours the
// schedule, but the Cloud Tasks emulator dispatches at once, so an early task answers
// "not yet" and is retried with backoff until the deadline has passed.

import { FieldValue, type Timestamp } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { getFunctions } from "firebase-admin/functions";
import { logger } from "firebase-functions/v2";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { db } from "../admin";
import { acceptTimeoutSeconds, REGION } from "../config";
import { isAlreadyExists } from "../errors";
import { metered } from "../metering";
import { paths, type Order } from "../domain";

export const ACCEPT_TIMEOUT_REASON = "The restaurant did not accept the order in time.";

export type TimeoutOutcome = "cancelled" | "not_placed" | "too_early";

export async function cancelIfStillPlaced(orderId: string, now = new Date()): Promise<TimeoutOutcome> {
  const ref = db.doc(paths.order(orderId));
  return db.runTransaction(async (tx) => {
    const order = (await tx.get(ref)).data() as (Order & { acceptBy?: Timestamp }) | undefined;
    if (order?.status !== "placed") return "not_placed";
    if (order.acceptBy && order.acceptBy.toMillis() > now.getTime()) return "too_early";
    tx.update(ref, {
      status: "cancelled",
      cancelReason: ACCEPT_TIMEOUT_REASON,
      cancelledBy: "backend",
      "timeline.cancelled": FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
    return "cancelled";
  });
}

export const acceptTimeout = onTaskDispatched<{ orderId: string }>(
  {
    region: REGION,
    // Where tasks arrive early (the emulator) each comes back a few times before its deadline:
    // 30 s, 60 s, then every 120 s, enough attempts to outlast the default 10 minutes.
    retryConfig: { maxAttempts: 20, minBackoffSeconds: 30, maxBackoffSeconds: 120, maxDoublings: 2 },
    rateLimits: { maxConcurrentDispatches: 100 },
  },
  async (req) => {
    const orderId = req.data?.orderId;
    if (typeof orderId !== "string" || orderId.length === 0) {
      logger.error("acceptTimeout without an orderId", { data: req.data });
      return;
    }
    const outcome = await metered("acceptTimeout", orderId, () => cancelIfStillPlaced(orderId));
    if (outcome === "too_early") throw new HttpsError("unavailable", `order ${orderId} is not due yet`);
    logger.info("accept timeout", { orderId, outcome });
  },
);

export async function scheduleAcceptTimeout(orderId: string): Promise<void> {
  const queue = getFunctions().taskQueue(`locations/${REGION}/functions/acceptTimeout`);
  try {
    await queue.enqueue({ orderId }, { scheduleDelaySeconds: acceptTimeoutSeconds(), id: `accept-timeout-${orderId}` });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
}

// Cancels an order the restaurant never answered. Scheduled per order as a Cloud Task when it
// becomes `placed`; the task id is derived from the order so a retried trigger schedules it
// once, and the handler acts only while the order is still `placed`.

import { FieldValue } from "firebase-admin/firestore";
import { getFunctions } from "firebase-admin/functions";
import { logger } from "firebase-functions/v2";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { db } from "../admin";
import { acceptTimeoutSeconds, REGION } from "../config";
import { isAlreadyExists } from "../errors";
import { paths, type Order } from "../domain";

export const ACCEPT_TIMEOUT_REASON = "The restaurant did not accept the order in time.";

export async function cancelIfStillPlaced(orderId: string): Promise<boolean> {
  const ref = db.doc(paths.order(orderId));
  return db.runTransaction(async (tx) => {
    const order = (await tx.get(ref)).data() as Order | undefined;
    if (order?.status !== "placed") return false;
    tx.update(ref, {
      status: "cancelled",
      cancelReason: ACCEPT_TIMEOUT_REASON,
      cancelledBy: "backend",
      "timeline.cancelled": FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
    return true;
  });
}

export const acceptTimeout = onTaskDispatched<{ orderId: string }>(
  {
    region: REGION,
    retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 },
    rateLimits: { maxConcurrentDispatches: 20 },
  },
  async (req) => {
    const orderId = req.data?.orderId;
    if (typeof orderId !== "string" || orderId.length === 0) {
      logger.error("acceptTimeout without an orderId", { data: req.data });
      return;
    }
    const cancelled = await cancelIfStillPlaced(orderId);
    logger.info("accept timeout", { orderId, cancelled });
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

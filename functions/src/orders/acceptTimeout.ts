// Cancels an order the restaurant never answered. Scheduled per order as a Cloud Task for its
// `acceptBy` when it becomes `placed`; the task id derives from the order so a retried trigger
// schedules it once, and the handler acts only while the order is still `placed` and due.
// Where a task arrives early (the Cloud Tasks emulator dispatches at once) the handler does
// nothing and succeeds: one cheap invocation, no retry loop. The reconciler, which runs every
// minute, ends orders whose task never came.

import { FieldValue, type Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps, type Deps } from "../deps";
import { paths, transition, type Order } from "../domain";
import { enqueueOnce, taskId } from "../tasks";

export type TimeoutOutcome = "cancelled" | "not placed" | "not due";

type Placed = Order & { acceptBy?: Timestamp };

function outcomeFor(order: Placed | undefined, now: Date): TimeoutOutcome | null {
  if (order?.status !== "placed") return "not placed";
  if (!order.acceptBy || order.acceptBy.toMillis() > now.getTime()) return "not due";
  return null;
}

export async function cancelIfOverdue({ db, now }: Deps, orderId: string): Promise<TimeoutOutcome> {
  const ref = db.doc(paths.order(orderId));
  // A plain read first: most tasks find the order accepted (or, on the emulator, not yet due), and
  // a transaction would lock the order against the kitchen's own write for nothing.
  const early = outcomeFor((await ref.get()).data() as Placed | undefined, now());
  if (early) return early;
  return db.runTransaction(async (tx) => {
    const settled = outcomeFor((await tx.get(ref)).data() as Placed | undefined, now());
    if (settled) return settled;
    tx.update(
      ref,
      transition("cancelled", FieldValue.serverTimestamp(), { cancelReason: "accept_timeout", cancelledBy: "backend" }),
    );
    return "cancelled";
  });
}

/** The task handler (index.ts defines the task queue function). */
export async function acceptTimeoutTask(data: { orderId?: unknown } | undefined): Promise<void> {
  const orderId = data?.orderId;
  if (typeof orderId !== "string" || orderId.length === 0) {
    logger.error("acceptTimeout without an orderId", { data });
    return;
  }
  const outcome = await cancelIfOverdue(liveDeps(), orderId);
  logger.info("accept timeout", { orderId, outcome });
}

export async function scheduleAcceptTimeout(orderId: string, acceptBy: Date): Promise<void> {
  await enqueueOnce("acceptTimeout", { orderId }, acceptBy, taskId("accept-timeout", orderId));
}

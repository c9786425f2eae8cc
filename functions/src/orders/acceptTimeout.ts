// Cancels an order the restaurant never answered. Scheduled per order as a Cloud Task for its
// `acceptBy` when it becomes `placed`; the task id derives from the order so a retried trigger
// schedules it once, and the handler acts only while the order is still `placed` and due. A task
// that comes early is retried near its time (tasks.ts); the reconciler ends orders whose task
// never came.

import { FieldValue, type Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps, type Deps } from "../deps";
import { paths, transition, type BackendActor, type Order } from "../domain";
import { enqueueOnce, retryWhenNear, taskId, type TimerOutcome } from "../tasks";

export type TimeoutResult = TimerOutcome<"cancelled", "not placed">;

type Placed = Order & { acceptBy?: Timestamp };

function outcomeFor(order: Placed | undefined, now: Date): TimeoutResult | null {
  if (order?.status !== "placed") return { outcome: "not placed" };
  if (!order.acceptBy) return { outcome: "not placed" };
  if (order.acceptBy.toMillis() > now.getTime()) return { outcome: "not due", dueAt: order.acceptBy.toMillis() };
  return null;
}

export async function cancelIfOverdue({ db, now }: Deps, orderId: string, by: BackendActor): Promise<TimeoutResult> {
  const ref = db.doc(paths.order(orderId));
  // A plain read first: most tasks find the order accepted, and a transaction would lock the
  // order against the kitchen's own write for nothing.
  const early = outcomeFor((await ref.get()).data() as Placed | undefined, now());
  if (early) return early;
  return db.runTransaction(async (tx) => {
    const settled = outcomeFor((await tx.get(ref)).data() as Placed | undefined, now());
    if (settled) return settled;
    tx.update(
      ref,
      transition("cancelled", FieldValue.serverTimestamp(), by, {
        cancelReason: "accept_timeout",
        cancelledBy: "backend",
      }),
    );
    return { outcome: "cancelled" } as const;
  });
}

/** The task handler (index.ts defines the task queue function). */
export async function acceptTimeoutTask(data: { orderId?: unknown } | undefined): Promise<void> {
  const orderId = data?.orderId;
  if (typeof orderId !== "string" || orderId.length === 0) {
    logger.error("acceptTimeout without an orderId", { data });
    return;
  }
  const deps = liveDeps();
  const result = await cancelIfOverdue(deps, orderId, "backend:task");
  logger.info("accept timeout", { orderId, outcome: result.outcome });
  retryWhenNear(result, deps.now().getTime());
}

export async function scheduleAcceptTimeout(orderId: string, acceptBy: Date): Promise<void> {
  await enqueueOnce("acceptTimeout", { orderId }, acceptBy, taskId("accept-timeout", orderId));
}

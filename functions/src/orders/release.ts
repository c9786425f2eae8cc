// Releases a scheduled order to the kitchen at its release time (its slot less prep, pickup and
// travel): `scheduled` becomes `placed`, and from there the normal flow and the accept timeout
// apply. A Cloud Task per order does it on time (retried near its time when it comes early,
// tasks.ts); the reconciler releases any whose task was lost.

import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps, type Deps } from "../deps";
import { paths, transition, type BackendActor, type Order } from "../domain";
import { isFailedPrecondition } from "../errors";
import { enqueueOnce, retryWhenNear, taskId, type TimerOutcome } from "../tasks";
import { acceptDeadline } from "./placement";

export type ReleaseResult = TimerOutcome<"released", "not scheduled">;

export async function releaseIfDue({ db, now }: Deps, orderId: string, by: BackendActor): Promise<ReleaseResult> {
  const snap = await db.doc(paths.order(orderId)).get();
  const order = snap.data() as Order | undefined;
  if (order?.status !== "scheduled" || !snap.updateTime || !order.releaseAt) return { outcome: "not scheduled" };
  const at = now();
  if (order.releaseAt.toMillis() > at.getTime()) return { outcome: "not due", dueAt: order.releaseAt.toMillis() };
  try {
    // Only if the order is still exactly as read: a customer's cancel in between wins.
    await snap.ref.update(transition("placed", FieldValue.serverTimestamp(), by, { acceptBy: acceptDeadline(at) }), {
      lastUpdateTime: snap.updateTime,
    });
  } catch (err) {
    if (isFailedPrecondition(err)) return { outcome: "not scheduled" };
    throw err;
  }
  return { outcome: "released" };
}

/** The task handler (index.ts defines the task queue function). */
export async function releaseTask(data: { orderId?: unknown } | undefined): Promise<void> {
  const orderId = data?.orderId;
  if (typeof orderId !== "string" || orderId.length === 0) {
    logger.error("releaseOrder without an orderId", { data });
    return;
  }
  const deps = liveDeps();
  const result = await releaseIfDue(deps, orderId, "backend:task");
  logger.info("release scheduled order", { orderId, outcome: result.outcome });
  retryWhenNear(result, deps.now().getTime());
}

export async function scheduleRelease(orderId: string, releaseAt: Date): Promise<void> {
  await enqueueOnce("releaseOrder", { orderId }, releaseAt, taskId("release", orderId));
}

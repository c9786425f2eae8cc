// Releases a scheduled order to the kitchen at its release time (its slot less prep, pickup and
// travel): `scheduled` becomes `placed`, and from there the normal flow and the accept timeout
// apply. A Cloud Task per order does it on time; the reconciler releases any whose task was lost
// (or, on the emulator, came early).

import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps, type Deps } from "../deps";
import { paths, transition, type Order } from "../domain";
import { isFailedPrecondition } from "../errors";
import { enqueueOnce, taskId } from "../tasks";
import { acceptDeadline } from "./placement";

export type ReleaseOutcome = "released" | "not scheduled" | "not due";

export async function releaseIfDue({ db, now }: Deps, orderId: string): Promise<ReleaseOutcome> {
  const snap = await db.doc(paths.order(orderId)).get();
  const order = snap.data() as Order | undefined;
  if (order?.status !== "scheduled" || !snap.updateTime) return "not scheduled";
  const at = now();
  if (!order.releaseAt || order.releaseAt.toMillis() > at.getTime()) return "not due";
  try {
    // Only if the order is still exactly as read: a customer's cancel in between wins.
    await snap.ref.update(transition("placed", FieldValue.serverTimestamp(), { acceptBy: acceptDeadline(at) }), {
      lastUpdateTime: snap.updateTime,
    });
  } catch (err) {
    if (isFailedPrecondition(err)) return "not scheduled";
    throw err;
  }
  return "released";
}

/** The task handler (index.ts defines the task queue function). */
export async function releaseTask(data: { orderId?: unknown } | undefined): Promise<void> {
  const orderId = data?.orderId;
  if (typeof orderId !== "string" || orderId.length === 0) {
    logger.error("releaseOrder without an orderId", { data });
    return;
  }
  logger.info("release scheduled order", { orderId, outcome: await releaseIfDue(liveDeps(), orderId) });
}

export async function scheduleRelease(orderId: string, releaseAt: Date): Promise<void> {
  await enqueueOnce("releaseOrder", { orderId }, releaseAt, taskId("release", orderId));
}

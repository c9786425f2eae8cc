// Ends an order whose courier could not deliver it and whose customer did not answer in time
// (RESPOND_MIN after delivery_problem): undeliverable, the customer at fault. Scheduled per order
// as a Cloud Task when the problem is reported; acts only while the order still waits and no
// answer came (an answer sends it to the admins instead). A task that comes early is retried near
// its time; the reconciler ends orders whose task never came.

import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps, type Deps } from "../deps";
import { paths, respondBy, transition, type BackendActor, type Order } from "../domain";
import { claimEnd } from "./courierClaim";
import { enqueueOnce, retryWhenNear, taskId, type TimerOutcome } from "../tasks";

export type ProblemResult = TimerOutcome<"undeliverable", "not waiting">;

function outcomeFor(order: Order | undefined, now: Date): ProblemResult | null {
  if (order?.status !== "delivery_problem" || order.customerReply) return { outcome: "not waiting" };
  const due = respondBy(order);
  if (due === null) return { outcome: "not waiting" };
  if (due > now.getTime()) return { outcome: "not due", dueAt: due };
  return null;
}

export async function endIfUnanswered({ db, now }: Deps, orderId: string, by: BackendActor): Promise<ProblemResult> {
  const ref = db.doc(paths.order(orderId));
  return db.runTransaction(async (tx) => {
    const order = (await tx.get(ref)).data() as Order | undefined;
    const settled = outcomeFor(order, now());
    if (settled) return settled;
    // The courier's claim ends with it: they are free for the next.
    const endClaim = await claimEnd(db, tx, order!.courierId, orderId);
    tx.update(ref, transition("undeliverable", FieldValue.serverTimestamp(), by));
    endClaim();
    return { outcome: "undeliverable" } as const;
  });
}

/** The task handler (entry/timers.ts defines the task queue function). */
export async function problemTimeoutTask(data: { orderId?: unknown } | undefined): Promise<void> {
  const orderId = data?.orderId;
  if (typeof orderId !== "string" || orderId.length === 0) {
    logger.error("problemTimeout without an orderId", { data });
    return;
  }
  const deps = liveDeps();
  const result = await endIfUnanswered(deps, orderId, "backend:task");
  logger.info("delivery problem timeout", { orderId, outcome: result.outcome });
  retryWhenNear(result, deps.now().getTime());
}

export async function scheduleProblemTimeout(orderId: string, due: Date): Promise<void> {
  await enqueueOnce("problemTimeout", { orderId }, due, taskId("problem-timeout", orderId));
}

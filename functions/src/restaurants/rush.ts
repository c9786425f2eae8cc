// The backend's side of a rush: ending a pause on time (a Cloud Task at its end, the reconciler as
// a safety net) and pausing a restaurant that let AUTO_PAUSE_AFTER_MISSES orders in a row time out
// unanswered. Staff hear about both in their inbox and by push.

import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps, type Deps } from "../deps";
import {
  countsAsMissed,
  AUTO_PAUSE_AFTER_MISSES,
  AUTO_PAUSE_MIN,
  paths,
  QUERIES,
  type Order,
  type Restaurant,
  type StaffNotice,
} from "../domain";
import { isFailedPrecondition } from "../errors";
import { tellStaff } from "../notify/staffNotice";
import { adminQuery } from "../query";
import { enqueueOnce, retryWhenNear, taskId, type TimerOutcome } from "../tasks";

export type PauseResult = TimerOutcome<"resumed", "not paused">;

/** Clears a pause whose time is up, and tells the staff orders are back on. A restaurant changed
 * between the read and the write (its staff saving settings, say) is read again. */
export async function endPauseIfDue(deps: Deps, rid: string): Promise<PauseResult> {
  for (let attempt = 0; ; attempt++) {
    const snap = await deps.db.doc(paths.restaurant(rid)).get();
    const r = snap.data() as Restaurant | undefined;
    const until = r?.pausedUntil?.toMillis();
    if (!r || !until || !snap.updateTime) return { outcome: "not paused" };
    if (until > deps.now().getTime()) return { outcome: "not due", dueAt: until };
    try {
      await snap.ref.update(
        { pausedUntil: null, pausedBy: null, updatedAt: FieldValue.serverTimestamp() },
        { lastUpdateTime: snap.updateTime },
      );
    } catch (err) {
      if (isFailedPrecondition(err) && attempt < 3) continue;
      throw err;
    }
    await tellStaff(deps, rid, `resumed-${until}`, { key: "resumed" });
    return { outcome: "resumed" };
  }
}

/** After a restaurant write: a pause that was set or moved gets a task at its end. */
export async function schedulePauseEnd(rid: string, before?: Restaurant, after?: Restaurant): Promise<void> {
  const until = after?.pausedUntil?.toMillis();
  if (!until || until === before?.pausedUntil?.toMillis()) return;
  await enqueueOnce("endPause", { rid }, new Date(until), taskId("pause-end", `${rid}-${until}`));
}

export async function endPauseTask(data: { rid?: unknown } | undefined): Promise<void> {
  if (typeof data?.rid !== "string" || data.rid.length === 0) {
    logger.error("endPause without a restaurant id", { data });
    return;
  }
  const deps = liveDeps();
  const result = await endPauseIfDue(deps, data.rid);
  logger.info("end of pause", { rid: data.rid, outcome: result.outcome });
  retryWhenNear(result, deps.now().getTime());
}

/** Whether the restaurant's last AUTO_PAUSE_AFTER_MISSES orders placed up to this one were all
 * missed (timed out, or cancelled by the restaurant after accepting). */
async function missedInARow(db: Firestore, order: Order): Promise<boolean> {
  const placedAt = order.timeline?.placed;
  if (!placedAt) return false;
  const recent = await adminQuery(
    db,
    QUERIES.placedUpTo(order.restaurantId, Timestamp.fromMillis(placedAt.toMillis()), AUTO_PAUSE_AFTER_MISSES),
  ).get();
  return recent.size === AUTO_PAUSE_AFTER_MISSES && recent.docs.every((d) => countsAsMissed(d.data() as Order));
}

/** The effect of a missed order (countsAsMissed): pause after too many in a row. */
export async function autoPauseAfterMiss(deps: Deps, orderId: string, order: Order): Promise<boolean> {
  if (!countsAsMissed(order) || !(await missedInARow(deps.db, order))) return false;
  return autoPause(deps, order.restaurantId, orderId, { key: "autoPaused", minutes: AUTO_PAUSE_MIN });
}

/** Pauses the restaurant for AUTO_PAUSE_MIN as the backend ('auto') because of `cause` (a missed
 * order's id, an endpoint's failing spell) and tells its staff, once per cause. */
export async function autoPause(deps: Deps, rid: string, cause: string, notice: StaffNotice): Promise<boolean> {
  const ref = deps.db.doc(paths.restaurant(rid));
  // What paused it is the backend's own note, kept off the public restaurant document.
  const noteRef = deps.db.doc(paths.rushNote(rid));
  const paused = await deps.db.runTransaction(async (tx) => {
    const [snap, note] = await tx.getAll(ref, noteRef);
    const r = snap.data() as Restaurant | undefined;
    if (!r) return false;
    if (note.get("autoPausedFor") === cause) return true; // this cause paused it already: tell the staff (once)
    // Already paused (by this rule or by staff): later causes do not extend it. Extending on each
    // would rewrite the restaurant, its card and its end-of-pause task once per missed order.
    if ((r.pausedUntil?.toMillis() ?? 0) > deps.now().getTime()) return false;
    const until = deps.now().getTime() + AUTO_PAUSE_MIN * 60_000;
    tx.update(ref, {
      pausedUntil: Timestamp.fromMillis(until),
      pausedBy: "auto",
      updatedAt: FieldValue.serverTimestamp(),
    });
    tx.set(noteRef, { autoPausedFor: cause, at: FieldValue.serverTimestamp() });
    return true;
  });
  if (paused) {
    logger.warn("restaurant auto-paused", { rid, cause });
    await tellStaff(deps, rid, `auto-pause-${cause}`, notice);
  }
  return paused;
}

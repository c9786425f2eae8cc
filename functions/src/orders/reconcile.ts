// The reconciler: every minute (Cloud Scheduler) it finishes whatever the event-driven path left
// undone, so every order ends in a known state through the system itself:
// - orders still `submitted` well after they were written (a lost or failed creation event),
// - `scheduled` orders past their release time (a lost or early release task),
// - `placed` orders past their accept deadline (a lost or early accept-timeout task),
// - restaurants whose pause has ended but is still set (a lost or early end-of-pause task),
// - couriers' claims not picked up in time (a lost or early claim-expiry task),
// - deliveries on their way far too long, not yet brought to the admins (orders/overdue.ts),
// - recent transitions whose side effects are missing (a lost or failed update event).
// Each step uses the same idempotent code as the triggers, so racing a late trigger is harmless.
// Its work per run is a few bounded queries over what changed recently, not over all orders.

import { FieldValue, type QueryDocumentSnapshot, type Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { RECONCILE_GRACE_SECONDS } from "../config";
import { liveDeps, type Deps } from "../deps";
import {
  CLAIM_PICKUP_MIN,
  INBOX,
  notificationId,
  overdueCutoff,
  paths,
  QUERIES,
  type Order,
  type QuerySpec,
} from "../domain";
import { adminQuery } from "../query";
import { cancelIfOverdue } from "./acceptTimeout";
import { expireClaimIfDue } from "./claimExpiry";
import { alertIfOverdue } from "./overdue";
import { runEffects } from "./effects";
import { processSubmittedOrder } from "./placement";
import { releaseIfDue } from "./release";
import { endPauseIfDue } from "../restaurants/rush";
import { TIMER_TAKEOVER_MS } from "../tasks";

const BATCH = 200;
/** Repairs run this many at a time. */
const CONCURRENCY = 10;
/** A run drains what is due page by page for at most this long (the schedule runs every minute);
 * whatever is left is the next run's. */
const BUDGET_MS = 40_000;
/** How far back the first run (or a run after a long gap) looks for missing side effects. */
const FIRST_LOOK_BACK_MS = 15 * 60 * 1000;
/** The window of checked changes stops at the first order whose repair failed, so the next run
 * looks at it again; an order that still cannot be repaired after this long is logged as an error
 * (someone must look) and the window moves on, so that one broken order cannot hold up the rest. */
const HOLD_WINDOW_MS = 60 * 60 * 1000;

export interface ReconcileReport {
  /** Orders found still submitted and processed now. */
  submitted: number;
  /** Placed orders past their deadline, cancelled now. */
  timedOut: number;
  /** Scheduled orders past their release time, released now. */
  released: number;
  /** Restaurants whose pause had ended, resumed now. */
  resumed: number;
  /** Couriers' claims not picked up in time, given back to the other couriers now. */
  claimsExpired: number;
  /** Deliveries overdue, brought to the admins and the customer now. */
  overdue: number;
  /** Transitions whose side effects were missing and were run now. */
  effects: number;
  /** Transitions looked at for missing side effects. */
  checked: number;
  /** Repairs that failed this run (each is tried again next run). */
  failed: number;
}

type Tracked = Order & { updatedAt?: Timestamp };

/** Whether the side effects of the order's current status are all there. */
async function effectsDone(deps: Deps, orderId: string, order: Tracked): Promise<boolean> {
  if (order.status === "delivered" && !(await deps.db.doc(paths.receipt(orderId)).get()).exists) return false;
  if (!INBOX[order.status].includes("customer")) return true;
  const entry = await deps.db.doc(paths.notification(order.customerId, notificationId(orderId, order.status))).get();
  return entry.exists;
}

/** Runs one repair; a failure is logged and left for the next run, never ends this one. */
async function attempt<T>(
  report: ReconcileReport,
  what: string,
  id: string,
  repair: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await repair();
  } catch (err) {
    report.failed++;
    logger.warn(`reconciler: ${what} failed, will retry next run`, { orderId: id, err: String(err) });
    return undefined;
  }
}

/** Runs `repair` on every document the query finds, a page at a time, until none are left or the
 * time is up; a cursor moves past documents a repair left as they were. Returns how many it fixed. */
async function drain(
  { db }: Deps,
  spec: QuerySpec,
  deadline: number,
  repair: (snap: QueryDocumentSnapshot) => Promise<boolean>,
): Promise<number> {
  let fixed = 0;
  let after: QueryDocumentSnapshot | undefined;
  do {
    const q = adminQuery(db, spec);
    const page = await (after ? q.startAfter(after) : q).get();
    for (let i = 0; i < page.docs.length; i += CONCURRENCY) {
      const done = await Promise.all(page.docs.slice(i, i + CONCURRENCY).map(repair));
      fixed += done.filter(Boolean).length;
    }
    if (page.size < BATCH) break;
    after = page.docs[page.size - 1];
  } while (Date.now() < deadline);
  return fixed;
}

/** Whether the side effects of the order's current status are there, running them where they are
 * not; false when that failed. */
async function effectsRepaired(deps: Deps, report: ReconcileReport, id: string, order: Tracked): Promise<boolean> {
  const done = await attempt(report, "checking side effects", id, () => effectsDone(deps, id, order));
  if (done) return true;
  if (done === undefined) return false;
  report.effects++;
  return (await attempt(report, "side effects", id, () => runEffects(deps, id, order).then(() => true))) === true;
}

export async function reconcile(deps: Deps, graceSeconds: number): Promise<ReconcileReport> {
  const { db } = deps;
  const now = deps.now();
  const settled = new Date(now.getTime() - graceSeconds * 1000);
  // A timer's own task acts at its time; the reconciler takes over only a while after.
  const overdue = new Date(now.getTime() - TIMER_TAKEOVER_MS);
  const report: ReconcileReport = {
    submitted: 0,
    timedOut: 0,
    released: 0,
    resumed: 0,
    claimsExpired: 0,
    overdue: 0,
    effects: 0,
    checked: 0,
    failed: 0,
  };
  const by = "backend:reconciler";

  const deadline = Date.now() + BUDGET_MS;
  report.submitted = await drain(
    deps,
    QUERIES.dueOrders("submitted", "createdAt", settled, BATCH),
    deadline,
    async (snap) => {
      const outcome = await attempt(report, "processing", snap.id, () => processSubmittedOrder(deps, snap, by));
      return outcome === "placed" || outcome === "rejected" || outcome === "scheduled";
    },
  );
  report.released = await drain(
    deps,
    QUERIES.dueOrders("scheduled", "releaseAt", overdue, BATCH),
    deadline,
    async (snap) =>
      (await attempt(report, "release", snap.id, () => releaseIfDue(deps, snap.id, by)))?.outcome === "released",
  );
  report.resumed = await drain(
    deps,
    QUERIES.pausesEnded(overdue, BATCH),
    deadline,
    async (snap) =>
      (await attempt(report, "end of pause", snap.id, () => endPauseIfDue(deps, snap.id)))?.outcome === "resumed",
  );
  report.timedOut = await drain(
    deps,
    QUERIES.dueOrders("placed", "acceptBy", overdue, BATCH),
    deadline,
    async (snap) =>
      (await attempt(report, "accept timeout", snap.id, () => cancelIfOverdue(deps, snap.id, by)))?.outcome ===
      "cancelled",
  );

  // A claim made before this has been due for a while: its own task has had its retries.
  const claimedBefore = new Date(overdue.getTime() - CLAIM_PICKUP_MIN * 60_000);
  report.claimsExpired = await drain(
    deps,
    QUERIES.dueOrders("ready", "claimedAt", claimedBefore, BATCH),
    deadline,
    async (snap) =>
      (await attempt(report, "claim expiry", snap.id, () => expireClaimIfDue(deps, snap.id, by)))?.outcome ===
      "expired",
  );
  // Deliveries that may be overdue; those already brought to the admins wait for their decision
  // and are passed over (a handful: each is an order someone must look at).
  report.overdue = await drain(
    deps,
    QUERIES.deliveriesOverdue(overdueCutoff(now.getTime()), BATCH),
    deadline,
    async (snap) =>
      (await attempt(report, "overdue delivery", snap.id, () => alertIfOverdue(deps, snap.id))) === "alerted",
  );

  const stateRef = db.doc(paths.reconcilerState());
  const state = (await stateRef.get()).data() as { checkedUntil?: Timestamp } | undefined;
  const from = new Date(Math.max(state?.checkedUntil?.toMillis() ?? 0, settled.getTime() - FIRST_LOOK_BACK_MS));
  const changed = from < settled ? await adminQuery(db, QUERIES.changedBetween(from, settled, BATCH)).get() : null;
  let checkedUntil = settled;
  // A full batch may have left later changes unchecked: continue from the last one next time.
  if (changed && changed.size === BATCH)
    checkedUntil = (changed.docs[BATCH - 1].get("updatedAt") as Timestamp).toDate();
  let held: string | null = null;
  for (const snap of changed?.docs ?? []) {
    report.checked++;
    if (await effectsRepaired(deps, report, snap.id, snap.data() as Tracked)) continue;
    const at = (snap.get("updatedAt") as Timestamp).toDate();
    if (held || at >= checkedUntil) continue;
    if (now.getTime() - at.getTime() < HOLD_WINDOW_MS) {
      // The next run starts here (the query includes its start), so this order is looked at again.
      checkedUntil = at;
      held = snap.id;
    } else {
      logger.error("reconciler: an order's side effects could not be repaired for an hour; moving on", {
        orderId: snap.id,
      });
    }
  }

  await stateRef.set(
    {
      checkedUntil,
      heldBy: held,
      lastRunAt: FieldValue.serverTimestamp(),
      last: report,
      totals: Object.fromEntries(Object.entries(report).map(([k, v]) => [k, FieldValue.increment(v)])),
    },
    { merge: true },
  );
  if (Object.entries(report).some(([k, v]) => k !== "checked" && v > 0))
    logger.info("reconciler recovered orders", { ...report });
  return report;
}

/** The scheduled run (index.ts defines the schedule). */
export async function scheduledReconcile(): Promise<void> {
  await reconcile(liveDeps(), RECONCILE_GRACE_SECONDS.value());
}

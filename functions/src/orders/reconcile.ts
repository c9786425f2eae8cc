// The reconciler: every minute (Cloud Scheduler) it finishes whatever the event-driven path left
// undone, so every order ends in a known state through the system itself:
// - orders still `submitted` well after they were written (a lost or failed creation event),
// - `scheduled` orders past their release time (a lost or early release task),
// - `placed` orders past their accept deadline (a lost or early accept-timeout task),
// - restaurants whose pause has ended but is still set (a lost or early end-of-pause task),
// - couriers' claims not picked up in time (a lost or early claim-expiry task),
// - deliveries on their way far too long, not yet brought to the admins (orders/overdue.ts),
// - delivery problems the customer did not answer in time (a lost or early problem-timeout task),
// - recent transitions whose side effects are missing (a lost or failed update event: its
//   notification, a delivery's booking, the credit an order that did not go through spent),
// - complaints whose notices, or refund to the card, are missing (a lost or failed write event),
// - card payments whose state has not moved for a while (a lost Stripe webhook: Stripe is asked),
//   and orders that waited for their card past the payment timeout,
// - webhook deliveries whose retry is long overdue (a lost task), and records past their keeping
//   time (idempotency keys, deliveries, rate-limit windows: what a TTL policy deletes in
//   production, which the emulator does not).
// Each step uses the same idempotent code as the triggers, so racing a late trigger is harmless.
// Its work per run is a few bounded queries over what changed recently, not over all orders.

import { FieldValue, type QueryDocumentSnapshot, type Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { PAYMENT_TIMEOUT_SECONDS, RECONCILE_GRACE_SECONDS } from "../config";
import { liveDeps, type Deps } from "../deps";
import {
  CLAIM_PICKUP_MIN,
  RESPOND_MIN,
  creditEntryId,
  INBOX,
  inboxEntryId,
  inboxTells,
  overdueCutoff,
  paths,
  QUERIES,
  RECONCILER,
  type Complaint,
  type InboxNotification,
  type Order,
  type QuerySpec,
  type WebhookDelivery,
} from "../domain";
import { adminQuery } from "../query";
import { cancelIfOverdue } from "./acceptTimeout";
import { endIfUnanswered } from "./problemTimeout";
import { expireClaimIfDue } from "./claimExpiry";
import { alertIfOverdue } from "./overdue";
import { creditToReturn, runEffects } from "./effects";
import { processSubmittedOrder } from "./placement";
import { cardEffectDone } from "../payments/effects";
import { releaseIfDue } from "./release";
import { syncListing } from "../listings/syncListing";
import { endPauseIfDue } from "../restaurants/rush";
import { countReview } from "../reviews/onReviewCreated";
import { complaintToldAll, tellAboutComplaint } from "../complaints/notify";
import { cardRefundDone, refundToCard } from "../payments/refunds";
import { cardsEnabled } from "../payments/enabled";
import { checkPayment, endUnpaidIfDue } from "../payments/stale";
import { TIMER_TAKEOVER_MS } from "../tasks";
import { orderEventDone, sendDelivery } from "../api/webhooks/events";

/** A webhook delivery whose queued retry is this late is sent again (its task is taken as lost). */
const DELIVERY_TAKEOVER_MS = 60_000;

// The domain's capacity model counts with the same figures (domain/capacity.ts).
const BATCH = RECONCILER.pageSize;
const CONCURRENCY = RECONCILER.concurrency;
/** A run drains what is due and sweeps what changed page by page for at most this long (the
 * schedule runs every minute); whatever is left is the next run's. */
const BUDGET_MS = RECONCILER.budgetSeconds * 1000;
/** How far back the first run (or a run after a long gap) looks for missing side effects. */
const FIRST_LOOK_BACK_MS = RECONCILER.lookBackMinutes * 60 * 1000;
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
  /** Delivery problems the customer never answered, ended undeliverable. */
  unanswered: number;
  /** Transitions whose side effects were missing and were run now. */
  effects: number;
  /** Transitions looked at for missing side effects. */
  checked: number;
  /** Webhook deliveries whose task was lost, sent again now. */
  deliveries: number;
  /** Records past their keeping time, deleted now. */
  expired: number;
  /** Reviews found never counted into their restaurant's rating, counted now. */
  reviews: number;
  /** Complaints whose notices were missing, told now. */
  complaintNotices: number;
  /** Approved complaints whose refund to the card was missing, refunded now. */
  cardRefunds: number;
  /** Card payments that had something due (a lost webhook, a capture, cancel, refund or tip
   * charge not made), done now. */
  payments: number;
  /** Orders that waited for their card too long, ended payment_failed now. */
  paymentsTimedOut: number;
  /** Public cards that had missed a change of their restaurant or menu, rewritten now. */
  cards: number;
  /** Repairs that failed this run (each is tried again next run). */
  failed: number;
}

/** The windows of changes the reconciler has checked, by what they hold (system/reconciler). */
type WindowName =
  "checkedUntil" | "reviewsCheckedUntil" | "complaintsCheckedUntil" | "restaurantsCheckedUntil" | "menusCheckedUntil";

type Repair = (snap: QueryDocumentSnapshot) => Promise<boolean>;

type Tracked = Order & { updatedAt?: Timestamp };

/** Whether the side effects of the order's current status are all there. */
async function effectsDone(deps: Deps, orderId: string, order: Tracked): Promise<boolean> {
  const booked = order.status === "delivered" || order.status === "undeliverable";
  if (booked && !(await deps.db.doc(paths.receipt(orderId)).get()).exists) return false;
  if (order.apiEvents && !(await orderEventDone(deps.db, orderId, order))) return false;
  if (!(await cardEffectDone(deps.db, orderId, order))) return false;
  if (creditToReturn(order)) {
    const entry = await deps.db.doc(paths.creditEntry(order.customerId, creditEntryId.returned(orderId))).get();
    if (!entry.exists) return false;
  }
  if (!INBOX[order.status].includes("customer")) return true;
  // The customer's entry about the order has moved on to this status (and keeps its moment).
  const entry = await deps.db.doc(paths.notification(order.customerId, inboxEntryId(orderId))).get();
  return inboxTells(entry.data() as InboxNotification | undefined, order.status);
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

/** `repair` on each document, `size` at a time; its answers in the documents' order. */
async function inGroups(docs: QueryDocumentSnapshot[], size: number, repair: Repair): Promise<boolean[]> {
  const done: boolean[] = [];
  for (let i = 0; i < docs.length; i += size) done.push(...(await Promise.all(docs.slice(i, i + size).map(repair))));
  return done;
}

/** Runs `repair` on every document the query finds, a page at a time, until none are left or the
 * time is up; a cursor moves past documents a repair left as they were. Returns how many it fixed. */
async function drain({ db }: Deps, spec: QuerySpec, deadline: number, repair: Repair): Promise<number> {
  let fixed = 0;
  let after: QueryDocumentSnapshot | undefined;
  do {
    const q = adminQuery(db, spec);
    const page = await (after ? q.startAfter(after) : q).get();
    fixed += (await inGroups(page.docs, CONCURRENCY, repair)).filter(Boolean).length;
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
  return (
    (await attempt(report, "side effects", id, () =>
      runEffects(deps, id, order, "backend:reconciler").then(() => true),
    )) === true
  );
}

/** Runs `repair` on every document whose `field` changed since the window's end (up to `settled`),
 * a page of BATCH at a time until it has caught up or the deadline has passed, and returns where
 * the window ends now: at the first document whose repair failed, so that the next run looks at it
 * again, or past all it checked. A document that still fails an hour after its change is logged as
 * an error for a person, and the window moves on, so that one broken document cannot hold up the
 * rest for ever. */
async function sweepWindow(
  { db, now }: Deps,
  checkedUntil: Timestamp | undefined,
  settled: Date,
  deadline: number,
  spec: (from: Date) => QuerySpec,
  field: string,
  repair: Repair,
): Promise<Date> {
  const changedAt = (snap: QueryDocumentSnapshot) => (snap.get(field) as Timestamp).toDate();
  let from = new Date(Math.max(checkedUntil?.toMillis() ?? 0, settled.getTime() - FIRST_LOOK_BACK_MS));
  while (from < settled) {
    const page = await adminQuery(db, spec(from)).get();
    const full = page.size === BATCH;
    // A full page may have left later changes unchecked: the next page starts at its last one
    // (the query includes its start).
    let until = full ? changedAt(page.docs[BATCH - 1]) : settled;
    const repaired = await inGroups(page.docs, RECONCILER.sweepConcurrency, repair);
    let held = false;
    page.docs.forEach((snap, i) => {
      const at = changedAt(snap);
      if (repaired[i] || held || at >= until) return;
      if (now().getTime() - at.getTime() < HOLD_WINDOW_MS) {
        // The next run starts here, so this document is looked at again.
        until = at;
        held = true;
      } else {
        logger.error("reconciler: could not repair this for an hour; moving on", { path: snap.ref.path });
      }
    });
    // A page whose changes all share one moment cannot move the window: the next run tries again.
    if (held || !full || until <= from || Date.now() >= deadline) return until;
    from = until;
  }
  return from;
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
    unanswered: 0,
    effects: 0,
    checked: 0,
    deliveries: 0,
    expired: 0,
    reviews: 0,
    complaintNotices: 0,
    cardRefunds: 0,
    payments: 0,
    paymentsTimedOut: 0,
    cards: 0,
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
      return outcome !== undefined && outcome !== "already processed";
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

  report.unanswered = await drain(
    deps,
    QUERIES.dueOrders(
      "delivery_problem",
      "timeline.delivery_problem",
      new Date(overdue.getTime() - RESPOND_MIN * 60_000),
      BATCH,
    ),
    deadline,
    async (snap) =>
      (await attempt(report, "delivery problem", snap.id, () => endIfUnanswered(deps, snap.id, by)))?.outcome ===
      "undeliverable",
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

  report.deliveries = await drain(
    deps,
    QUERIES.stalledDeliveries(new Date(now.getTime() - DELIVERY_TAKEOVER_MS), BATCH),
    deadline,
    async (snap) => {
      const d = snap.data() as WebhookDelivery;
      // A task id per attempt count: the next run finds this one queued, not a second.
      const takeover = d.attempts.length + 1;
      const sent = await attempt(report, "webhook delivery", snap.id, () =>
        sendDelivery(d.clientId, snap.id, d.round, takeover).then(() => true),
      );
      return sent === true;
    },
  );
  // Card payments due a look (a webhook lost, a capture, cancel or refund not made yet), and
  // orders that waited for their card too long (ended even while cards are off).
  if (cardsEnabled()) {
    report.payments = await drain(
      deps,
      QUERIES.paymentsToCheck(now, BATCH),
      deadline,
      async (snap) => (await attempt(report, "payment check", snap.id, () => checkPayment(deps, snap, by))) === true,
    );
  }
  report.paymentsTimedOut = await drain(
    deps,
    QUERIES.dueOrders(
      "awaiting_payment",
      "timeline.awaiting_payment",
      new Date(now.getTime() - PAYMENT_TIMEOUT_SECONDS.value() * 1000),
      BATCH,
    ),
    deadline,
    async (snap) =>
      (await attempt(report, "payment timeout", snap.id, () => endUnpaidIfDue(deps, snap.id, by))) === "timed out",
  );
  report.expired = await deleteExpired(deps, now);

  const stateRef = db.doc(paths.reconcilerState());
  const state = ((await stateRef.get()).data() ?? {}) as Partial<Record<WindowName, Timestamp>>;
  const windows: Record<WindowName, Date> = {} as Record<WindowName, Date>;
  const sweep = (name: WindowName, spec: (from: Date) => QuerySpec, field: string, repair: Repair) =>
    sweepWindow(deps, state[name], settled, deadline, spec, field, repair).then((until) => (windows[name] = until));

  // Orders whose transitions' side effects are missing.
  await sweep(
    "checkedUntil",
    (from) => QUERIES.changedBetween(from, settled, BATCH),
    "updatedAt",
    async (snap) => {
      report.checked++;
      return effectsRepaired(deps, report, snap.id, snap.data() as Tracked);
    },
  );
  // Reviews whose rating was never counted (a lost creation event).
  await sweep(
    "reviewsCheckedUntil",
    (from) => QUERIES.reviewsCreatedBetween(from, settled, BATCH),
    "createdAt",
    (snap) =>
      snap.get("counted") === true
        ? Promise.resolve(true)
        : attempt(report, "counting a review", snap.id, async () => {
            if (await countReview(deps, snap.ref.parent.parent!.id, snap.id)) report.reviews++;
            return true;
          }).then((ok) => ok === true),
  );
  // Complaints whose news never reached someone (a lost write event).
  await sweep(
    "complaintsCheckedUntil",
    (from) => QUERIES.complaintsChangedBetween(from, settled, BATCH),
    "updatedAt",
    (snap) =>
      attempt(report, "complaint notices", snap.id, async () => {
        const c = snap.data() as Complaint;
        if (!cardRefundDone(c)) {
          await refundToCard(deps, snap.id, c);
          report.cardRefunds++;
        }
        if (await complaintToldAll(db, snap.id, c)) return true;
        await tellAboutComplaint(deps, snap.id, undefined, c);
        report.complaintNotices++;
        return true;
      }).then((ok) => ok === true),
  );
  // Restaurants and menus whose public card may have missed a change (a lost write event). The
  // card is rewritten only where something the public sees changed.
  const synced = new Set<string>();
  const sync = (rid: string, menu: boolean) => {
    const key = `${rid}:${menu}`;
    if (synced.has(key)) return Promise.resolve(true);
    synced.add(key);
    return attempt(report, "public card", rid, async () => {
      if (await syncListing(deps, rid, menu)) report.cards++;
      return true;
    }).then((ok) => ok === true);
  };
  await sweep(
    "restaurantsCheckedUntil",
    (from) => QUERIES.restaurantsChangedBetween(from, settled, BATCH),
    "updatedAt",
    (snap) => sync(snap.id, false),
  );
  await sweep(
    "menusCheckedUntil",
    (from) => QUERIES.menusChangedBetween(from, settled, BATCH),
    "updatedAt",
    (snap) => sync(snap.ref.parent.parent!.id, true),
  );

  await stateRef.set(
    {
      ...windows,
      lastRunAt: FieldValue.serverTimestamp(),
      last: report,
      totals: Object.fromEntries(Object.entries(report).map(([k, v]) => [k, FieldValue.increment(v)])),
    },
    { merge: true },
  );
  const { checked: _checked, ...repairs } = report;
  if (Object.values(repairs).some((n) => n > 0)) logger.info("reconciler recovered orders", { ...report });
  return report;
}

/** Deletes one page of each kind of record past its expireAt; the rest waits for the next run. */
async function deleteExpired({ db }: Deps, now: Date): Promise<number> {
  let deleted = 0;
  for (const group of ["deliveries", "idempotency", "usage"] as const) {
    const page = await adminQuery(db, QUERIES.expired(group, now, BATCH)).get();
    if (page.empty) continue;
    const batch = db.batch();
    for (const d of page.docs) batch.delete(d.ref);
    await batch.commit();
    deleted += page.size;
  }
  return deleted;
}

/** The scheduled run (index.ts defines the schedule). */
export async function scheduledReconcile(): Promise<void> {
  await reconcile(liveDeps(), RECONCILE_GRACE_SECONDS.value());
}

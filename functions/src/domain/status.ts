// The order state machine. Rules, functions, web and tests all read it from here;
// firestore.rules repeats it in its own language and tests/rules check the two agree.

export const ORDER_STATUSES = [
  "submitted",
  // Paid by card: priced and waiting for the card's authorisation (payments/). Nobody but the
  // customer sees it yet; it is placed (or scheduled) once the amount is held on the card.
  "awaiting_payment",
  "scheduled",
  "placed",
  "rejected",
  // The card was declined, its authentication failed or was never finished in time.
  "payment_failed",
  "accepted",
  "declined",
  "cancelled",
  "preparing",
  "ready",
  "picked_up",
  // The courier cannot hand it over (customer_unreachable, address_not_found, unsafe): the customer
  // has RESPOND_MIN minutes to answer (deliveryTimers.ts).
  "delivery_problem",
  "delivered",
  "undelivered",
  // Not delivered, the customer at fault: they did not answer in time. The restaurant and the
  // courier are paid.
  "undeliverable",
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Who may make a transition. "backend" is Cloud Functions (admin SDK, bypasses rules); "admin" is an
 * admin deciding through a callable (resolveDelivery, cancelOrder), which the backend writes: no
 * client may. */
export type Actor = "customer" | "staff" | "courier" | "admin" | "backend";

export interface Transition {
  from: OrderStatus;
  to: OrderStatus;
  by: readonly Actor[];
}

export const TRANSITIONS: readonly Transition[] = [
  { from: "submitted", to: "placed", by: ["backend"] },
  { from: "submitted", to: "rejected", by: ["backend"] },
  // Ordered ahead: the order waits, then the backend releases it to the kitchen in time for its slot.
  { from: "submitted", to: "scheduled", by: ["backend"] },
  { from: "submitted", to: "awaiting_payment", by: ["backend"] },
  { from: "awaiting_payment", to: "placed", by: ["backend"] },
  { from: "awaiting_payment", to: "scheduled", by: ["backend"] },
  // Declined, authentication failed, or not finished in time (an abandoned payment): it never
  // reached the kitchen, so it is not "cancelled", which the restaurant hears of.
  { from: "awaiting_payment", to: "payment_failed", by: ["backend"] },
  { from: "scheduled", to: "placed", by: ["backend"] },
  { from: "scheduled", to: "cancelled", by: ["customer", "admin"] },
  { from: "placed", to: "accepted", by: ["staff"] },
  { from: "placed", to: "declined", by: ["staff"] },
  // The customer may change their mind while the restaurant has not accepted yet;
  // the backend cancels when the restaurant never answers (timeout).
  // An admin may cancel any order still under way (cancelOrder), with a reason.
  { from: "placed", to: "cancelled", by: ["customer", "backend", "admin"] },
  { from: "accepted", to: "preparing", by: ["staff"] },
  { from: "preparing", to: "ready", by: ["staff"] },
  // The restaurant may cancel an order it accepted until a courier picks it up (the customer is
  // not charged, and it counts against the restaurant like a missed order: rush.ts).
  { from: "accepted", to: "cancelled", by: ["staff", "admin"] },
  { from: "preparing", to: "cancelled", by: ["staff", "admin"] },
  { from: "ready", to: "cancelled", by: ["staff", "admin"] },
  // Only the courier who claimed the order (courierId == uid) may move it on.
  { from: "ready", to: "picked_up", by: ["courier"] },
  { from: "picked_up", to: "delivered", by: ["courier", "admin"] },
  // An order still on its way long after pickup (DELIVERY_OVERDUE_MIN) waits for an admin's
  // decision: delivered after all, or not delivered.
  { from: "picked_up", to: "undelivered", by: ["admin"] },
  { from: "picked_up", to: "cancelled", by: ["admin"] },
  // The courier cannot deliver: the customer is asked to answer. The courier may still hand it
  // over (the customer came down); with no answer in time the backend ends it `undeliverable`;
  // once the customer has answered, an admin decides.
  { from: "picked_up", to: "delivery_problem", by: ["courier"] },
  { from: "delivery_problem", to: "delivered", by: ["courier", "admin"] },
  { from: "delivery_problem", to: "undeliverable", by: ["backend", "admin"] },
  { from: "delivery_problem", to: "undelivered", by: ["admin"] },
  { from: "delivery_problem", to: "cancelled", by: ["admin"] },
];

export const FINAL_STATUSES: readonly OrderStatus[] = [
  "rejected",
  "payment_failed",
  "declined",
  "cancelled",
  "delivered",
  "undelivered",
  "undeliverable",
];

/** Statuses of an order its restaurant never received: not placed yet, or never. Its staff do not
 * see it, and its API clients hear nothing of it. */
export const NEVER_PLACED: readonly OrderStatus[] = ["submitted", "awaiting_payment", "rejected", "payment_failed"];

/** Statuses of an order still under way. */
export const OPEN_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

export function isFinal(status: OrderStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function canTransition(from: OrderStatus, to: OrderStatus, actor: Actor): boolean {
  return TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(actor));
}

export function nextStatuses(from: OrderStatus, actor: Actor): OrderStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.by.includes(actor)).map((t) => t.to);
}

/** The backend's ways of moving an order, recorded as the actor of its changes: the event trigger,
 * a Cloud Task at its time, the reconciler making good what those left undone, or Stripe's word
 * on a card payment (its webhook). */
export const BACKEND_ACTORS = ["backend:trigger", "backend:task", "backend:reconciler", "backend:stripe"] as const;
export type BackendActor = (typeof BACKEND_ACTORS)[number];

/**
 * The fields every status change writes, whoever makes it: the new status, the server time it was
 * entered under timeline.<status>, who made it under by.<status> (a person's uid, or one of the
 * BACKEND_ACTORS), and updatedAt. `now` is the SDK's server-time sentinel (serverTimestamp() on
 * clients, FieldValue.serverTimestamp() in functions); the rules refuse a client change without it
 * or naming anyone but the writer. Knowing who made a change lets a writer tell its own write from
 * someone else's that got there first.
 */
export function transition<T>(
  to: OrderStatus,
  now: T,
  by: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { status: to, [`timeline.${to}`]: now, [`by.${to}`]: by, updatedAt: now, ...extra };
}

/** Whether the order's change to `status` was made by `actor`. */
export function changedBy(
  order: { by?: Partial<Record<OrderStatus, string>> } | undefined,
  status: OrderStatus,
  actor: string,
): boolean {
  return order?.by?.[status] === actor;
}

/** Statuses in the order a successful delivery passes through them. */
export const HAPPY_PATH: readonly OrderStatus[] = [
  "submitted",
  "placed",
  "accepted",
  "preparing",
  "ready",
  "picked_up",
  "delivered",
];

// Why an order ended early, as codes from fixed lists (their texts are in texts/, per language).
// Notifications and pushes say the code's text, never words someone typed; a free-text note, where there is one, shows only in the app
// (the customer's decline note on their order page, the customer's cancel note on the board).

export const DECLINE_REASONS = ["too_busy", "item_unavailable", "closing_soon", "address_problem", "other"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** What a restaurant may give when it cancels an order it accepted: the decline reasons. */
export const STAFF_CANCEL_REASONS = DECLINE_REASONS;

/** What an admin may give when cancelling an order under way. */
export const ADMIN_CANCEL_REASONS = ["customer_request", "restaurant_request", "no_courier", "other"] as const;
export type AdminCancelReason = (typeof ADMIN_CANCEL_REASONS)[number];

/** Who cancelled an order: its customer, its restaurant, an admin, or the backend (a timeout). */
export const CANCELLED_BY = ["customer", "restaurant", "admin", "backend"] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

/** Why a courier cannot hand an order over. */
export const DELIVERY_PROBLEMS = ["customer_unreachable", "address_not_found", "unsafe"] as const;
export type DeliveryProblem = (typeof DELIVERY_PROBLEMS)[number];

/** Why a card payment did not go through: declined, its authentication (3-D Secure) failed, or it
 * was never finished in time (PAYMENT_TIMEOUT_SECONDS, functions/src/config.ts). */
export const PAYMENT_FAILURES = ["card_declined", "authentication_failed", "payment_timeout"] as const;
export type PaymentFailure = (typeof PAYMENT_FAILURES)[number];

/** What a customer may give when cancelling. */
export const CUSTOMER_CANCEL_REASONS = ["changed_mind", "ordered_by_mistake", "taking_too_long", "other"] as const;
/** Every cancel reason, the restaurant's, the admins' and the backend's included. */
export const CANCEL_REASONS = [
  ...CUSTOMER_CANCEL_REASONS,
  "accept_timeout",
  ...STAFF_CANCEL_REASONS.filter((r) => r !== "other"),
  ...ADMIN_CANCEL_REASONS.filter((r) => r !== "other"),
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export function isDeclineReason(v: unknown): v is DeclineReason {
  return typeof v === "string" && (DECLINE_REASONS as readonly string[]).includes(v);
}

export function isCancelReason(v: unknown): v is CancelReason {
  return typeof v === "string" && (CANCEL_REASONS as readonly string[]).includes(v);
}

/** An order the restaurant let down: one it never answered, or cancelled after accepting it.
 * Either counts as missed (today's figures, and the auto-pause after misses in a row). */
export function countsAsMissed(order: { status: string; cancelReason?: string; cancelledBy?: string }): boolean {
  return (
    order.status === "cancelled" && (order.cancelReason === "accept_timeout" || order.cancelledBy === "restaurant")
  );
}

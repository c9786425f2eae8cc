// Why an order ended early, as codes from fixed lists (their texts are in texts/, per language).
// Notifications and pushes say the code's text, never words someone typed; a free-text note, where there is one, shows only in the app
// (the customer's decline note on their order page, the customer's cancel note on the board).

export const DECLINE_REASONS = ["too_busy", "item_unavailable", "closing_soon", "address_problem", "other"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** What a restaurant may give when it cancels an order it accepted: the decline reasons. The partner
 * API takes them already; the cancel after acceptance itself is not in the state machine yet. */
export const STAFF_CANCEL_REASONS = DECLINE_REASONS;

/** What a customer may give when cancelling. */
export const CUSTOMER_CANCEL_REASONS = ["changed_mind", "ordered_by_mistake", "taking_too_long", "other"] as const;
/** Every cancel reason, the backend's included. */
export const CANCEL_REASONS = [...CUSTOMER_CANCEL_REASONS, "accept_timeout"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export function isDeclineReason(v: unknown): v is DeclineReason {
  return typeof v === "string" && (DECLINE_REASONS as readonly string[]).includes(v);
}

export function isCancelReason(v: unknown): v is CancelReason {
  return typeof v === "string" && (CANCEL_REASONS as readonly string[]).includes(v);
}

// Card payments (Stripe): what the backend keeps of an order's PaymentIntent, and how Stripe's
// states map onto it. The amount is held on the card when the order is placed (manual capture),
// captured at delivery and cancelled on every other ending; refunds and raised tips follow.
// Stripe's webhooks and its answers to our calls both land in the same record, which only moves
// forward, so a late, repeated or out-of-order event changes nothing.

import type { Cents } from "./money";
import type { PaymentFailure } from "./reasons";

export const CARD_STATES = ["authorising", "requires_action", "authorised", "captured", "cancelled", "failed"] as const;
export type CardState = (typeof CARD_STATES)[number];

/** How far along a record's state is: it never moves back (a final state is never left). */
const RANK: Record<CardState, number> = {
  authorising: 0,
  requires_action: 1,
  authorised: 2,
  captured: 3,
  cancelled: 3,
  failed: 3,
};

export function cardStateMovesOn(from: CardState | undefined, to: CardState): boolean {
  return from === undefined || (RANK[to] > RANK[from] && RANK[from] < 3);
}

/** A raised tip's own charge: reserved before Stripe is asked (so a charge whose answer was lost
 * is found again under its key), charged or failed, then applied to the order's books (once, a
 * charge Stripe reports first included) or, where they could not follow, refunded. */
export interface TipCharge {
  amount: Cents;
  cardId?: string;
  intentId: string | null;
  state: "charging" | "charged" | "failed";
  reservedAt?: unknown;
  applied?: boolean;
  refunded?: boolean;
}

/** Stripe's intent statuses from which an intent can still be cancelled (a hold let go). */
export const CANCELLABLE_INTENT = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "requires_capture",
];

/** A card's face as the customer sees it in the app. */
export interface CardFace {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** payments/{orderId}: the order's card payment, read by its customer and the admins, written by
 * the backend only. The client secret is never kept here (a callable gives it to the customer). */
export interface CardPayment {
  orderId: string;
  customerId: string;
  method: "card";
  intentId: string | null;
  state: CardState;
  /** What the order asks of the card: its total less the credit it spent. */
  amount: Cents;
  /** Held on the card (requires_capture). */
  authorised: Cents;
  captured: Cents;
  /** Set aside for approved complaints to go back to the card (refunds under way or made). */
  allotted?: Cents;
  refunded: Cents;
  /** Stripe refund id -> what it gave back and why (a complaint's id). */
  refunds: Record<string, { amount: Cents; complaintId?: string }>;
  /** Tips raised after delivery, each a charge of its own: tip number -> charge. */
  tips: Record<string, TipCharge>;
  card: CardFace | null;
  /** The PaymentMethod the intent was paid with (a saved card's id: a raised tip is charged to it). */
  paymentMethodId?: string;
  /** The customer agreed to keep the card for later orders (users/{uid}/cards). */
  saveCard: boolean;
  /** What the intent was created with beyond the order (its customer, whether to keep the card):
   * fixed at the first attempt, so that a retry under the same key asks the same. */
  intentParams?: { customer: string | null; keepCard: boolean };
  /** Stripe's own status of the intent as last seen (a failed one may still need cancelling). */
  intentStatus?: string;
  /** When the reconciler should look at it next (a capture, cancel, refund or tip not confirmed
   * yet); null when nothing is left to do. */
  checkAt?: unknown;
  /** Approved complaints whose refund to the card is not made yet: complaint id -> amount. */
  pendingRefunds?: Record<string, Cents>;
  failure?: PaymentFailure;
  createdAt?: unknown;
  updatedAt?: unknown;
}

/** The record's state for a PaymentIntent's status (Stripe's names). */
export function cardStateOf(status: string): CardState {
  switch (status) {
    case "requires_action":
      return "requires_action";
    case "requires_capture":
      return "authorised";
    case "succeeded":
      return "captured";
    case "canceled":
      return "cancelled";
    // A confirmation that failed leaves the intent asking for another card: the order is over.
    case "requires_payment_method":
      return "failed";
    default:
      return "authorising";
  }
}

/** Why an intent's last attempt failed, from Stripe's error code. */
export function failureOf(code: string | null | undefined): PaymentFailure {
  return code === "authentication_required" || code === "payment_intent_authentication_failure"
    ? "authentication_failed"
    : "card_declined";
}

/** Each Stripe call that changes something carries its own idempotency key (Stripe keeps them for
 * 24 hours; every call here is made within that of the first). */
export const stripeKey = {
  intent: (orderId: string) => `pi:${orderId}`,
  capture: (orderId: string) => `capture:${orderId}`,
  cancel: (orderId: string) => `cancel:${orderId}`,
  tip: (orderId: string, n: number) => `tip:${orderId}:${n}`,
  refund: (complaintId: string) => `refund:${complaintId}`,
  customer: (uid: string) => `customer:${uid}`,
};

/** What the intents we create carry in their metadata, so that an event finds its order. */
export interface IntentMetadata {
  orderId: string;
  kind: "order" | "tip";
  /** A tip's number (1 for the first raise). */
  n?: string;
}

/** What of a refund goes back to the card (what was captured and not yet set aside for another
 * refund); the rest is credit. Nothing for an order that had no card payment. */
export function toCardOf(
  amount: Cents,
  record: Pick<CardPayment, "captured" | "allotted" | "refunded"> | undefined,
): Cents {
  // Refunds made elsewhere (Stripe's dashboard) count too.
  const used = Math.max(record?.allotted ?? 0, record?.refunded ?? 0);
  return Math.max(0, Math.min(amount, (record?.captured ?? 0) - used));
}

/** A PaymentMethod id as Stripe makes them (and its test cards, pm_card_visa). */
export const PAYMENT_METHOD_PATTERN = /^pm_[A-Za-z0-9_]{1,100}$/;

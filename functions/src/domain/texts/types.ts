import type { CancelReason, DeclineReason, DeliveryProblem, PaymentFailure } from "../reasons";
import type { RejectionCode } from "../orderCheck";
import type { OrderStatus } from "../status";

export interface Message {
  title: string;
  body: string;
}

/** What a customer's notification may mention: the restaurant, the order's code, the reason, the slot. */
export interface Mention {
  r: string;
  /** The order's short code with a leading space and "#" (" #K7PX"), or "". */
  code: string;
  /** The reason's text with a leading space, or "". */
  reason: string;
  slot: string;
  rejection: string;
}

/** Everything the backend says to people, in one language. The web app shows the same reason
 * and rejection texts. */
export interface DomainTexts {
  reasons: Record<DeclineReason | CancelReason | DeliveryProblem | PaymentFailure, string>;
  /** The customer's own words for cancelling ("I changed my mind"). */
  cancelChoices: Record<"changed_mind" | "ordered_by_mistake" | "taking_too_long" | "other", string>;
  rejections: Record<RejectionCode, string>;
  theRestaurant: string;
  later: string;
  customer: Record<OrderStatus, (m: Mention) => Message>;
  staff: {
    placed: (m: Mention) => Message;
    scheduled: (m: Mention) => Message;
    cancelled: (m: Mention) => Message;
    undelivered: (m: Mention) => Message;
  };
  couriers: Message;
  /** A courier's claim that was not picked up in time: the order is offered to others again. */
  claimExpired: {
    courier: (m: Mention, minutes: number) => Message;
    staff: (m: Mention, minutes: number) => Message;
  };
  /** An order on its way for far too long: the customer is told, the admins asked to decide. */
  overdue: {
    customer: (m: Mention) => Message;
    admin: (m: Mention) => Message;
  };
  /** A complaint about a delivered order (complaints.ts): `amount` is written out already. */
  complaint: {
    /** The customer: credit given at once, or after an admin's review. */
    refunded: (m: Mention, amount: string) => Message;
    review: (m: Mention) => Message;
    declined: (m: Mention) => Message;
    /** The restaurant's staff: what the complaint charged, and how a dispute ended. */
    charged: (m: Mention, amount: string) => Message;
    disputeUpheld: (m: Mention, amount: string) => Message;
    disputeRejected: (m: Mention) => Message;
  };
  notices: {
    autoPaused: (minutes: number) => Message;
    resumed: Message;
    unreadable: (problem: string) => Message;
    /** The till's webhook endpoint has failed for `failingMin` minutes while orders wait. */
    webhookDown: (client: string, failingMin: number, pauseMin: number) => Message;
  };
}

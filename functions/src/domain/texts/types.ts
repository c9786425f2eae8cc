import type { CancelReason, DeclineReason } from "../reasons";
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
  reasons: Record<DeclineReason | CancelReason, string>;
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
  };
  couriers: Message;
  notices: {
    autoPaused: (minutes: number) => Message;
    resumed: Message;
    unreadable: (problem: string) => Message;
    /** The till's webhook endpoint has failed for `failingMin` minutes while orders wait. */
    webhookDown: (client: string, failingMin: number, pauseMin: number) => Message;
  };
}

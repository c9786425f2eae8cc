// Dishpatch credit: money a customer holds with the platform (refunds go out as credit at once),
// spent first at checkout. The balance is users/{uid}.credit, in cents; every change to it is an
// entry under users/{uid}/credit with an id that names its cause, created in the same transaction
// that moves the balance: a cause moves it once however often it is replayed, and the balance
// is always the sum of its entries. No client writes either.

import type { Cents } from "./money";
import type { TimestampLike } from "./types";

export type CreditCause = "order" | "returned" | "refund" | "tip";

export interface CreditEntry {
  /** Positive: credit given; negative: credit spent. */
  amount: Cents;
  cause: CreditCause;
  orderId: string;
  /** The complaint a refund answers. */
  complaintId?: string;
  /** The order's short code, for the customer's list. */
  number: string;
  createdAt?: TimestampLike;
}

/** The entry of each cause: spent on an order, given back when that order did not go through,
 * a complaint's refund, a tip raised after delivery (one per tip it was raised to: a tip only goes
 * up, so each raise has its own). */
export const creditEntryId = {
  order: (orderId: string) => `order-${orderId}`,
  returned: (orderId: string) => `returned-${orderId}`,
  refund: (complaintId: string) => `refund-${complaintId}`,
  tip: (orderId: string, tip: Cents) => `tip-${orderId}-${tip}`,
};

/** A balance as stored (a missing or malformed one is none). */
export function creditOf(user: { credit?: unknown } | undefined): Cents {
  const c = user?.credit;
  return Number.isInteger(c) && (c as number) > 0 ? (c as number) : 0;
}

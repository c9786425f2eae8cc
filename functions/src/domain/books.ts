// The money records of an order, one per reader, so that each role reads what it pays or earns and
// nothing else (the rules hold each collection to its readers):
// - orderBooks/{orderId}, admins only: everything, the whole split under the terms of placement.
//   Written in the same write that places the order; delivery adds when and who.
// - receipts/{orderId}, the customer (and admins): what they paid. Kept for tax when the customer
//   deletes their account, without their id or address.
// - statementLines/{orderId}, the restaurant's owner (and admins): the restaurant's part, for its
//   statement. No customer's name, address or contact.
// - couriers/{uid}/earnings/{orderId}, the courier (and admins): their share and the tip.
// Each is built here from the books, so the four agree to the cent.

import type { Cents } from "./money";
import type { PaymentPart } from "./payment";
import type { Address, AppliedPromo, PricedLine, Pricing, Split, TimestampLike } from "./types";

/** What the customer paid, as the books keep it (the priced lines stay on the order and receipt). */
export type Amounts = Omit<Pricing, "lines">;

/** orderBooks/{orderId}: the admin-only record of an order's money. */
export interface OrderBooks extends Amounts {
  orderId: string;
  restaurantId: string;
  split: Split;
  /** Set at delivery: who delivered it, and when (the revenue page sums by it). */
  courierId: string | null;
  deliveredAt: TimestampLike | null;
  createdAt?: TimestampLike;
}

export function amountsOf(p: Pricing): Amounts {
  return {
    subtotal: p.subtotal,
    discount: p.discount,
    promo: p.promo,
    deliveryFee: p.deliveryFee,
    serviceFee: p.serviceFee,
    tip: p.tip,
    total: p.total,
    currency: p.currency,
  };
}

/** The books of an order being placed (the backend adds createdAt). */
export function booksAtPlacement(orderId: string, restaurantId: string, pricing: Pricing, split: Split): OrderBooks {
  return { orderId, restaurantId, ...amountsOf(pricing), split, courierId: null, deliveredAt: null };
}

/** receipts/{orderId}: what the customer paid, for the customer. customerId and deliveryAddress
 * are null once the customer has deleted their account. */
export interface Receipt extends Amounts {
  orderId: string;
  number: string;
  customerId: string | null;
  restaurant: { name: string; legalName: string; address: Address | null };
  deliveryAddress: Address | null;
  timeZone: string;
  placedAt: TimestampLike | null;
  deliveredAt: TimestampLike;
  lines: PricedLine[];
  /** How it was paid (payment.ts); absent on receipts from before there was a choice. */
  payment?: PaymentPart[];
  /** Not handed over: the customer did not answer the courier in time, and is charged. A cash
   * part was not collected. */
  undeliverable?: boolean;
}

/** The receipt's fields once a customer's account is deleted: the sale stays, the person goes. */
export const ANONYMISED_RECEIPT = { customerId: null, deliveryAddress: null } as const;

/** statementLines/{id}: the restaurant's part of one delivered order (id: the order's), or what a
 * complaint charged it (refundLineOf), for its owner. */
export interface StatementLine {
  /** A refund line (absent on a sale). */
  kind?: "refund";
  orderId: string;
  number: string;
  restaurantId: string;
  /** When it was booked: a sale's delivery, a refund's decision. A statement holds the lines
   * booked in its period (a refund decided later is on a later statement). */
  deliveredAt: TimestampLike;
  currency: string;
  /** The food as sold, before any discount. */
  subtotal: Cents;
  promo: AppliedPromo | null;
  commissionBps: number;
  commission: Cents;
  /** The part of the discount the restaurant funded. */
  restaurantPromo: Cents;
  /** What a complaint charged the restaurant (negative: a charge given back after a dispute). */
  refund?: Cents;
  complaintId?: string;
  restaurantNet: Cents;
}

/** `number` is the order's code (orderCodeOf). */
export function statementLineOf(books: OrderBooks, number: string, deliveredAt: TimestampLike): StatementLine {
  return {
    orderId: books.orderId,
    number,
    restaurantId: books.restaurantId,
    deliveredAt,
    currency: books.currency,
    subtotal: books.subtotal,
    promo: books.promo,
    commissionBps: books.split.commissionBps,
    commission: books.split.commission,
    restaurantPromo: books.split.restaurantPromo,
    restaurantNet: books.split.restaurantNet,
  };
}

/** couriers/{uid}/earnings/{orderId}: what the courier earned on one delivery. */
export interface CourierEarning {
  orderId: string;
  number: string;
  restaurantName: string;
  deliveredAt: TimestampLike;
  deliveryShare: Cents;
  tip: Cents;
  total: Cents;
  /** The cash the courier took at the door, which they hold for the platform. */
  cash: Cents;
  currency: string;
}

export function earningOf(
  books: OrderBooks,
  number: string,
  restaurantName: string,
  deliveredAt: TimestampLike,
  cash: Cents,
): CourierEarning {
  return {
    cash,
    orderId: books.orderId,
    number,
    restaurantName,
    deliveredAt,
    deliveryShare: books.split.courierDeliveryShare,
    tip: books.tip,
    total: books.split.courierTotal,
    currency: books.currency,
  };
}

/** The statement line of a complaint's charge to the restaurant (`amount` > 0), or of that charge
 * given back when its dispute is upheld (`amount` < 0); ids refundLineId/reversalLineId. */
export function refundLineOf(
  c: { orderId: string; number: string; restaurantId: string; currency: string },
  complaintId: string,
  amount: Cents,
  bookedAt: TimestampLike,
): StatementLine {
  return {
    kind: "refund",
    orderId: c.orderId,
    number: c.number,
    restaurantId: c.restaurantId,
    deliveredAt: bookedAt,
    currency: c.currency,
    subtotal: 0,
    promo: null,
    commissionBps: 0,
    commission: 0,
    restaurantPromo: 0,
    refund: amount,
    complaintId,
    restaurantNet: -amount,
  };
}

export const refundLineId = (complaintId: string) => `refund-${complaintId}`;
export const reversalLineId = (complaintId: string) => `reversal-${complaintId}`;

/** refundBooks/{id}, admins only: who paid a complaint's refund, booked when decided (ids as the
 * statement lines'). A dispute upheld adds one moving the restaurant's part to the platform. */
export interface RefundBook {
  complaintId: string;
  orderId: string;
  restaurantId: string;
  /** What the customer got back (0 on a reversal). */
  amount: Cents;
  restaurantPays: Cents;
  platformPays: Cents;
  currency: string;
  bookedAt: TimestampLike;
}

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
}

/** The receipt's fields once a customer's account is deleted: the sale stays, the person goes. */
export const ANONYMISED_RECEIPT = { customerId: null, deliveryAddress: null } as const;

/** statementLines/{orderId}: the restaurant's part of one delivered order, for its owner. */
export interface StatementLine {
  orderId: string;
  number: string;
  restaurantId: string;
  deliveredAt: TimestampLike;
  currency: string;
  /** The food as sold, before any discount. */
  subtotal: Cents;
  promo: AppliedPromo | null;
  commissionBps: number;
  commission: Cents;
  /** The part of the discount the restaurant funded. */
  restaurantPromo: Cents;
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
  currency: string;
}

export function earningOf(
  books: OrderBooks,
  number: string,
  restaurantName: string,
  deliveredAt: TimestampLike,
): CourierEarning {
  return {
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

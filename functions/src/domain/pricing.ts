// Pricing from the menu only. The client's cart carries item ids, quantities and option ids;
// every amount below is read from the restaurant and its menu.

import { percentOf, type Cents } from "./money";
import type { AppliedPromo, CartLine, MenuItem, PricedLine, Pricing, Restaurant, Split } from "./types";

export type Menu = ReadonlyMap<string, MenuItem>;

/** Prices one line whose item and options have already been validated. */
export function priceLine(line: CartLine, item: MenuItem): PricedLine {
  const options: PricedLine["options"] = [];
  for (const group of item.optionGroups) {
    for (const optionId of line.options[group.id] ?? []) {
      const option = group.options.find((o) => o.id === optionId);
      if (!option) throw new Error(`option ${group.id}/${optionId} is not on ${line.itemId}`);
      options.push({ groupId: group.id, optionId, name: option.name, priceDelta: option.priceDelta });
    }
  }
  const unitPrice = item.price + options.reduce((sum, o) => sum + o.priceDelta, 0);
  return {
    itemId: line.itemId,
    name: item.name,
    quantity: line.quantity,
    options,
    unitPrice,
    lineTotal: unitPrice * line.quantity,
  };
}

export interface Terms {
  serviceFeeBps: number;
  commissionBps: number;
  courierDeliveryShareBps: number;
}

export interface Extras {
  tip?: Cents;
  discount?: Cents;
  promo?: AppliedPromo | null;
}

export function priceOrder(
  lines: readonly CartLine[],
  menu: Menu,
  restaurant: Pick<Restaurant, "deliveryFee" | "currency">,
  terms: Terms,
  extras: Extras = {},
): Pricing {
  const priced = lines.map((line) => {
    const item = menu.get(line.itemId);
    if (!item) throw new Error(`unknown item ${line.itemId}`);
    return priceLine(line, item);
  });
  const subtotal: Cents = priced.reduce((sum, l) => sum + l.lineTotal, 0);
  return withTotals({
    lines: priced,
    subtotal,
    discount: extras.discount ?? 0,
    promo: extras.promo ?? null,
    deliveryFee: restaurant.deliveryFee,
    serviceFee: percentOf(subtotal, terms.serviceFeeBps),
    tip: extras.tip ?? 0,
    currency: restaurant.currency,
    terms,
  });
}

/** The total and who gets what, from the amounts. Every cent the customer pays goes to exactly
 * one of restaurant, courier and platform: restaurantNet + courierTotal + platformRevenue = total. */
export function withTotals(
  p: Omit<Pricing, "total" | "split"> & { terms: Pick<Terms, "commissionBps" | "courierDeliveryShareBps"> },
): Pricing {
  const { terms, ...amounts } = p;
  const commission = percentOf(p.subtotal, terms.commissionBps);
  const courierDeliveryShare = percentOf(p.deliveryFee, terms.courierDeliveryShareBps);
  const restaurantPromo = p.promo?.fundedBy === "restaurant" ? p.discount : 0;
  const platformPromo = p.discount - restaurantPromo;
  const split: Split = {
    commissionBps: terms.commissionBps,
    courierDeliveryShareBps: terms.courierDeliveryShareBps,
    commission,
    courierDeliveryShare,
    platformDeliveryShare: p.deliveryFee - courierDeliveryShare,
    restaurantPromo,
    platformPromo,
    restaurantNet: p.subtotal - commission - restaurantPromo,
    courierTotal: courierDeliveryShare + p.tip,
    platformRevenue: platformRevenueOf({
      commission,
      serviceFee: p.serviceFee,
      platformDeliveryShare: p.deliveryFee - courierDeliveryShare,
      platformPromo,
    }),
  };
  return { ...amounts, total: p.subtotal - p.discount + p.deliveryFee + p.serviceFee + p.tip, split };
}

/** The platform's part of one order, or of many summed: the commission, the service fee and its
 * share of the delivery fee, less the promotions it funded. */
export function platformRevenueOf(p: {
  commission: Cents;
  serviceFee: Cents;
  platformDeliveryShare: Cents;
  platformPromo: Cents;
}): Cents {
  return p.commission + p.serviceFee + p.platformDeliveryShare - p.platformPromo;
}

/** The same order with a new tip (raised after delivery): totals and shares follow. */
export function withTip(p: Pricing, tip: Cents): Pricing {
  const { total: _t, split, ...rest } = p;
  return withTotals({ ...rest, tip, terms: split });
}

// Pricing from the menu only. The client's cart carries item ids, quantities and option ids;
// every amount below is read from the restaurant and its menu.

import { percentOf, type Cents } from "./money";
import type { AppliedPromo, CartLine, MenuItem, PricedLine, Pricing, Restaurant, Split } from "./types";
import { itemVatRate } from "./vat";

export type Menu = ReadonlyMap<string, MenuItem>;

/** Prices one line whose item and options have already been validated. */
export function priceLine(line: CartLine, item: MenuItem): PricedLine {
  const options: PricedLine["options"] = [];
  for (const group of item.optionGroups) {
    for (const optionId of line.options[group.id] ?? []) {
      const option = group.options.find((o) => o.id === optionId);
      if (!option) throw new Error(`option ${group.id}/${optionId} is not on ${line.itemId}`);
      options.push({
        groupId: group.id,
        optionId,
        name: option.name,
        priceDelta: option.priceDelta,
        ...(option.externalId ? { externalId: option.externalId } : {}),
      });
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
    vatRate: itemVatRate(item),
    ...(item.externalId ? { externalId: item.externalId } : {}),
  };
}

export interface Terms {
  serviceFeeBps: number;
  commissionBps: number;
  courierDeliveryShareBps: number;
}

/** What decides who gets what of an order (the service fee is in the customer's pricing). */
export type SplitTerms = Pick<Terms, "commissionBps" | "courierDeliveryShareBps">;

export interface Extras {
  tip?: Cents;
  discount?: Cents;
  promo?: AppliedPromo | null;
}

/** What the customer pays, from the menu and the service fee. Who gets what of it is splitOf's. */
export function priceOrder(
  lines: readonly CartLine[],
  menu: Menu,
  restaurant: Pick<Restaurant, "deliveryFee" | "currency">,
  fees: Pick<Terms, "serviceFeeBps">,
  extras: Extras = {},
): Pricing {
  const priced = lines.map((line) => {
    const item = menu.get(line.itemId);
    if (!item) throw new Error(`unknown item ${line.itemId}`);
    return priceLine(line, item);
  });
  const subtotal: Cents = priced.reduce((sum, l) => sum + l.lineTotal, 0);
  return withTotal({
    lines: priced,
    subtotal,
    discount: extras.discount ?? 0,
    promo: extras.promo ?? null,
    deliveryFee: restaurant.deliveryFee,
    serviceFee: percentOf(subtotal, fees.serviceFeeBps),
    tip: extras.tip ?? 0,
    currency: restaurant.currency,
  });
}

export function withTotal(p: Omit<Pricing, "total">): Pricing {
  return { ...p, total: p.subtotal - p.discount + p.deliveryFee + p.serviceFee + p.tip };
}

/** Who gets what of an order's total under `terms`. Every cent the customer pays goes to exactly
 * one of restaurant, courier and platform: restaurantNet + courierTotal + platformRevenue = total. */
export function splitOf(
  p: Pick<Pricing, "subtotal" | "discount" | "promo" | "deliveryFee" | "serviceFee" | "tip">,
  terms: SplitTerms,
): Split {
  const commission = percentOf(p.subtotal, terms.commissionBps);
  const courierDeliveryShare = percentOf(p.deliveryFee, terms.courierDeliveryShareBps);
  const restaurantPromo = p.promo?.fundedBy === "restaurant" ? p.discount : 0;
  const platformPromo = p.discount - restaurantPromo;
  return {
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

/** The same order with a new tip (raised after delivery): the total follows; splitOf with the
 * order's own terms gives the courier's new share. */
export function withTip(p: Pricing, tip: Cents): Pricing {
  return withTotal({ ...p, tip });
}

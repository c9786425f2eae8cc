// Pricing from the menu only. The client's cart carries item ids, quantities and option ids;
// every amount below is read from the restaurant and its menu.

import { percentOf, type Cents } from "./money";
import type { CartLine, MenuItem, PricedLine, Pricing, Restaurant } from "./types";

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

export type FeeSource = Pick<Restaurant, "deliveryFee" | "serviceFeeBps" | "currency">;

export function priceOrder(lines: readonly CartLine[], menu: Menu, restaurant: FeeSource): Pricing {
  const priced = lines.map((line) => {
    const item = menu.get(line.itemId);
    if (!item) throw new Error(`unknown item ${line.itemId}`);
    return priceLine(line, item);
  });
  const subtotal: Cents = priced.reduce((sum, l) => sum + l.lineTotal, 0);
  const serviceFee = percentOf(subtotal, restaurant.serviceFeeBps);
  return {
    lines: priced,
    subtotal,
    deliveryFee: restaurant.deliveryFee,
    serviceFee,
    total: subtotal + restaurant.deliveryFee + serviceFee,
    currency: restaurant.currency,
  };
}

// Validation of a submitted order against the restaurant and its menu. Pure: the trigger
// feeds it documents read in a transaction, the web app feeds it the same data for the
// checkout preview, and tests feed it fixtures.

import { distanceM, isLatLng } from "./geo";
import { isOpenAt } from "./hours";
import { LIMITS } from "./limits";
import { priceOrder, type Menu } from "./pricing";
import type { Address, CartLine, MenuItem, Pricing, Rejection, Restaurant } from "./types";

export const REJECTION_CODES = {
  malformed_order: "The order could not be read.",
  empty_order: "The cart is empty.",
  too_many_lines: `An order can have at most ${LIMITS.maxOrderLines} different lines.`,
  invalid_quantity: `Each quantity must be a whole number from ${LIMITS.minQuantity} to ${LIMITS.maxQuantity}.`,
  restaurant_not_found: "This restaurant does not exist.",
  restaurant_closed: "The restaurant is closed right now.",
  unknown_item: "An item in the cart is not on this restaurant's menu.",
  item_unavailable: "An item in the cart is sold out.",
  invalid_options: "The options chosen for an item are not valid.",
  out_of_zone: "The delivery address is outside this restaurant's delivery area.",
  below_minimum: "The order is below the restaurant's minimum.",
} as const;

export type RejectionCode = keyof typeof REJECTION_CODES;

export type OrderCheck = { ok: true; pricing: Pricing } | { ok: false; rejection: Rejection & { code: RejectionCode } };

function reject(code: RejectionCode, detail?: string): OrderCheck {
  const message = detail ? `${REJECTION_CODES[code]} ${detail}` : REJECTION_CODES[code];
  return { ok: false, rejection: { code, message } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Narrows untrusted data to CartLine[], or says why it cannot. */
export function parseCart(items: unknown): CartLine[] | null {
  if (!Array.isArray(items)) return null;
  const lines: CartLine[] = [];
  for (const raw of items) {
    if (!isPlainObject(raw)) return null;
    const { itemId, quantity, options = {} } = raw;
    if (typeof itemId !== "string" || itemId.length === 0 || itemId.length > 128) return null;
    if (typeof quantity !== "number") return null;
    if (!isPlainObject(options)) return null;
    const parsed: Record<string, string[]> = {};
    for (const [groupId, ids] of Object.entries(options)) {
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) return null;
      parsed[groupId] = ids as string[];
    }
    lines.push({ itemId, quantity, options: parsed });
  }
  return lines;
}

export function parseAddress(value: unknown): Address | null {
  if (!isPlainObject(value) || !isLatLng(value)) return null;
  const { line1, city } = value;
  if (typeof line1 !== "string" || typeof city !== "string") return null;
  return value as unknown as Address;
}

/** Why the options chosen for `item` are not acceptable, or null when they are. */
export function optionProblem(item: MenuItem, chosen: Record<string, string[]>): string | null {
  for (const groupId of Object.keys(chosen)) {
    if (!item.optionGroups.some((g) => g.id === groupId)) return `"${item.name}" has no option group ${groupId}.`;
  }
  for (const group of item.optionGroups) {
    const ids = chosen[group.id] ?? [];
    if (new Set(ids).size !== ids.length) return `"${group.name}" lists an option twice.`;
    if (ids.length < group.min || ids.length > group.max) {
      return group.min === group.max
        ? `Choose ${group.min} for "${group.name}".`
        : `Choose ${group.min} to ${group.max} for "${group.name}".`;
    }
    const unknown = ids.find((id) => !group.options.some((o) => o.id === id));
    if (unknown) return `"${group.name}" has no option ${unknown}.`;
  }
  return null;
}

export interface CheckInput {
  items: unknown;
  deliveryAddress: unknown;
  restaurant: Restaurant | null;
  menu: Menu;
  now: Date;
}

/** The whole order check, in the order a customer would want to hear about problems. */
export function checkOrder({ items, deliveryAddress, restaurant, menu, now }: CheckInput): OrderCheck {
  const lines = parseCart(items);
  const address = parseAddress(deliveryAddress);
  if (!lines || !address) return reject("malformed_order");
  if (lines.length === 0) return reject("empty_order");
  if (lines.length > LIMITS.maxOrderLines) return reject("too_many_lines");
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < LIMITS.minQuantity || line.quantity > LIMITS.maxQuantity) {
      return reject("invalid_quantity");
    }
  }
  if (!restaurant) return reject("restaurant_not_found");
  if (!restaurant.isOpen || !isOpenAt(restaurant.openingHours, restaurant.timeZone, now)) {
    return reject("restaurant_closed");
  }
  for (const line of lines) {
    const item = menu.get(line.itemId);
    if (!item) return reject("unknown_item");
    if (!item.available) return reject("item_unavailable", `"${item.name}" is sold out.`);
    const problem = optionProblem(item, line.options);
    if (problem) return reject("invalid_options", problem);
  }
  if (distanceM(restaurant.address, address) > restaurant.deliveryRadiusM) return reject("out_of_zone");
  const pricing = priceOrder(lines, menu, restaurant);
  if (pricing.subtotal < restaurant.minOrder) return reject("below_minimum");
  return { ok: true, pricing };
}

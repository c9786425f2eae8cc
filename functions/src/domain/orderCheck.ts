// Validation of a submitted order against the restaurant and its menu. Pure: processOrder feeds
// it the documents it read, the web app feeds it the same data for the checkout preview, and
// tests feed it fixtures.

import { travelMinutes, type OrderEstimate } from "./eta";
import { distanceM, isLatLng } from "./geo";
import { clockTime } from "./hours";
import { LIMITS } from "./limits";
import { decodeLine } from "./options";
import { priceOrder, type Menu } from "./pricing";
import type { PlatformFees } from "./fees";
import { checkPromo, normalizeCode, type PromoCode, type PromoQuote } from "./promo";
import { EN_REJECTIONS } from "./texts/rejections";
import { tipAmount, tipCap } from "./tips";
import { restaurantProblem } from "./restaurant";
import { asapState, currentPrepMinutes } from "./rush";
import { leadMinutes, releaseTime, slotProblem } from "./slots";
import type { Address, AppliedPromo, CartLine, MenuItem, Pricing, Rejection, Restaurant } from "./types";

/** The backend's reasons for refusing an order, with the English text it stores on the order
 * (texts/ holds every language's). */
export const REJECTION_CODES = EN_REJECTIONS;

export type RejectionCode = keyof typeof REJECTION_CODES;

export type OrderCheck =
  | {
      ok: true;
      pricing: Pricing;
      estimate: OrderEstimate;
      /** For an order ahead: when the kitchen gets it. */
      releaseAt: Date | null;
    }
  | { ok: false; rejection: Rejection & { code: RejectionCode } };

export function reject(code: RejectionCode, detail?: string): OrderCheck & { ok: false } {
  const message = detail ? `${REJECTION_CODES[code]} ${detail}` : REJECTION_CODES[code];
  return { ok: false, rejection: { code, message } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Narrows an order's stored items to cart lines, or null when they cannot be read. Quantities
 * are checked separately (a wrong number is a different problem from an unreadable line). */
export function parseCart(items: unknown): CartLine[] | null {
  if (!Array.isArray(items)) return null;
  const lines: CartLine[] = [];
  for (const raw of items) {
    const line = decodeLine(raw);
    if (!line) return null;
    lines.push(line);
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
  /** The restaurant document as read (null when it does not exist); checked here. */
  restaurant: unknown;
  restaurantId?: unknown;
  menu: Menu;
  now: Date;
  /** The chosen delivery slot's start (a Timestamp as stored), or null/undefined for as soon as possible. */
  slotStart?: unknown;
  /** The platform's fees (the service fee is the customer's; who gets what is not checked here). */
  fees: Pick<PlatformFees, "serviceFeeBps">;
  /** The cart's tip choice as stored ({percent} or {cents}), if any. */
  tip?: unknown;
  /** The code as the customer typed it, and either the code's document as read (the backend; null:
   * no such code) or the backend's answer for this order (the checkout's preview, which may not
   * read a code's terms). */
  promoCode?: unknown;
  promo?: PromoCode | null;
  promoQuote?: PromoQuote;
  /** The backend's knowledge of the customer for the code's conditions; the preview has none. */
  firstOrder?: boolean;
  customerRedemptions?: number;
}

/** A stored slot as a Date: null for none, undefined when it is not a time at all. */
export function parseSlot(value: unknown): Date | null | undefined {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const t = value as { toMillis?: unknown };
  return typeof t.toMillis === "function" ? new Date((t.toMillis as () => number).call(value)) : undefined;
}

/** The whole order check, in the order a customer would want to hear about problems. */
export function checkOrder(input: CheckInput): OrderCheck {
  const { items, deliveryAddress, restaurant: raw, menu, now, slotStart } = input;
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
  if (raw === null || raw === undefined) return reject("restaurant_not_found");
  if (restaurantProblem(raw)) return reject("restaurant_unavailable");
  const restaurant = raw as Restaurant;
  const slot = parseSlot(slotStart);
  if (slot === undefined) return reject("slot_invalid");
  const estimate = {
    prepMin: currentPrepMinutes(restaurant, now),
    travelMin: travelMinutes(restaurant.address, address),
  };
  if (slot) {
    if (!restaurant.isOpen) return reject("restaurant_closed");
    const problem = slotProblem(restaurant, slot, now, leadMinutes(estimate.prepMin, estimate.travelMin));
    if (problem) return reject(problem);
  } else {
    const state = asapState(restaurant, now);
    if (!state.open) {
      const at = state.until ? clockTime(state.until, restaurant.timeZone, now) : null;
      if (state.why === "paused") return reject("restaurant_paused", at ? `Paused until ${at}.` : undefined);
      return reject("restaurant_closed", at ? `Next opening: ${at}.` : undefined);
    }
  }
  for (const line of lines) {
    const item = menu.get(line.itemId);
    if (!item) return reject("unknown_item");
    if (!item.available) return reject("item_unavailable", `"${item.name}" is sold out.`);
    const problem = optionProblem(item, line.options);
    if (problem) return reject("invalid_options", problem);
  }
  if (distanceM(restaurant.address, address) > restaurant.deliveryRadiusM) return reject("out_of_zone");
  const food = priceOrder(lines, menu, restaurant, input.fees);
  if (food.subtotal < restaurant.minOrder) return reject("below_minimum");
  const tip = tipAmount(input.tip, food.subtotal);
  if (tip === null) return reject("invalid_tip");
  if (tip > tipCap(food.subtotal)) return reject("tip_too_high");
  let discount = 0;
  let applied: AppliedPromo | null = null;
  if (input.promoCode !== undefined && input.promoCode !== null && input.promoCode !== "") {
    if (typeof input.promoCode !== "string") return reject("promo_unknown");
    const code = normalizeCode(input.promoCode);
    const promo = input.promo && input.promo.code === code ? input.promo : null;
    const answer =
      input.promoQuote ??
      checkPromo(promo, {
        subtotal: food.subtotal,
        restaurantId: typeof input.restaurantId === "string" ? input.restaurantId : "",
        now,
        firstOrder: input.firstOrder,
        customerRedemptions: input.customerRedemptions,
      });
    if (!answer.ok) return reject(answer.code);
    discount = answer.discount;
    applied = { code, fundedBy: input.promoQuote?.ok ? input.promoQuote.fundedBy : promo!.fundedBy };
  }
  const pricing = priceOrder(lines, menu, restaurant, input.fees, { tip, discount, promo: applied });
  return {
    ok: true,
    pricing,
    estimate,
    releaseAt: slot ? releaseTime(slot, estimate.prepMin, estimate.travelMin) : null,
  };
}

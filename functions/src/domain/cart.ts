// The document a customer writes to place an order: references and choices, never prices.
// The web app, the tests, the seed and the bench all build it here.

import type { Language } from "./language";
import { encodeLine } from "./options";
import type { PayWith } from "./payment";
import { normalizeCode } from "./promo";
import type { TipChoice } from "./tips";
import type { Address, CartLine } from "./types";

export interface CartInput {
  customerId: string;
  restaurantId: string;
  items: readonly CartLine[];
  deliveryAddress: Address;
  note?: string;
  /** Ordered ahead: the start of the chosen delivery slot. */
  slotStart?: Date | null;
  tip?: TipChoice | null;
  promoCode?: string | null;
  /** The customer's language: their notifications about this order are written in it. */
  language?: Language;
  /** How whatever credit does not cover is paid. */
  payWith?: PayWith;
  /** Paid by card: the PaymentMethod Stripe's form made (or a saved card's id), and whether the
   * customer agreed to keep a new card. */
  card?: { paymentMethodId: string; saveCard?: boolean } | null;
}

/** Only the fields the rules accept on an address (a saved address carries more). */
export function addressFields(a: Address): Address {
  return { line1: a.line1, city: a.city, lat: a.lat, lng: a.lng, ...(a.label ? { label: a.label } : {}) };
}

/** The order's card fields: only when it is paid by card (the rules refuse them otherwise). */
export function cardDoc(payWith: PayWith | undefined, card: CartInput["card"]): Record<string, unknown> {
  if (payWith !== "card" || !card) return {};
  return { paymentMethodId: card.paymentMethodId, ...(card.saveCard ? { saveCard: true } : {}) };
}

/** The new order document; `now` is the SDK's server-time sentinel. */
export function cartDoc<T>(input: CartInput, now: T): Record<string, unknown> {
  return {
    customerId: input.customerId,
    restaurantId: input.restaurantId,
    status: "submitted",
    items: input.items.map(encodeLine),
    deliveryAddress: addressFields(input.deliveryAddress),
    note: (input.note ?? "").trim(),
    ...(input.slotStart ? { slotStart: input.slotStart } : {}),
    ...(input.tip ? { tip: input.tip } : {}),
    ...(input.promoCode ? { promoCode: normalizeCode(input.promoCode) } : {}),
    ...(input.language ? { language: input.language } : {}),
    ...(input.payWith ? { payWith: input.payWith } : {}),
    ...cardDoc(input.payWith, input.card),
    createdAt: now,
  };
}

// The cart as the order document carries it, shared by the price preview and the order it places.

import type { Address, TipChoice } from "@domain";
import type { Cart } from "../../state/cart";
import { language } from "../../i18n";

/** The cart as the order document will carry it: the preview checks exactly what is sent. */
export function cartInput(
  c: Cart,
  address: Address,
  uid: string,
  note: string,
  slotStart: Date | null,
  tip: TipChoice,
  promoCode: string | null,
) {
  return {
    customerId: uid,
    restaurantId: c.restaurantId!,
    items: c.lines,
    deliveryAddress: address,
    note,
    slotStart,
    tip: "percent" in tip && tip.percent === 0 ? null : tip,
    promoCode,
    // The backend writes to the customer about this order in the language they ordered in.
    language: language.value,
  };
}

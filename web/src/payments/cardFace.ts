// A card as the app names it ("Visa •••• 4242", "12/28"), and whether an order is paid by one.

import { partOf, type CardFace, type Order } from "@domain";
import { t } from "../i18n";

/** Stripe's brand codes, as the cards themselves say them. */
const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  cartes_bancaires: "Cartes Bancaires",
};

export const cardName = (c: CardFace) => `${BRANDS[c.brand] ?? t("card.aCard")} •••• ${c.last4}`;

export const cardExpiry = (c: CardFace) =>
  `${String(c.expMonth).padStart(2, "0")}/${String(c.expYear % 100).padStart(2, "0")}`;

/** A card is good until the end of its expiry month. */
export function cardExpired(c: CardFace, now = new Date()): boolean {
  return c.expYear * 12 + c.expMonth < now.getFullYear() * 12 + now.getMonth() + 1;
}

/** Some of the order goes on a card (before it is priced: the customer chose a card). */
export function paidByCard(o: Pick<Order, "payment" | "payWith">): boolean {
  return o.payment ? partOf(o.payment.parts, "card") > 0 : o.payWith === "card";
}

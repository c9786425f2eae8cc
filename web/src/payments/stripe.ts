// Stripe.js, for the two places a card needs it: the new card's form at checkout and an order's
// 3-D Secure. Its loader package comes on demand (stripeJs.ts) and fetches Stripe's script from
// js.stripe.com when first asked: no other screen loads either. Without a publishable key there
// are no card payments at all, and neither is ever loaded.

import type { Stripe, StripeError } from "@stripe/stripe-js";
import type { Language } from "@domain";
import { t } from "../i18n";

const KEY = import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY?.trim() ?? "";

/** Cards are offered: this build has Stripe's publishable key. */
export const cardsOffered = KEY !== "";

/** Stripe's script could not be loaded (offline, or blocked). */
export class StripeUnavailable extends Error {}

/** Why a card cannot be used, in words meant for the customer (in their language). */
export class CardProblem extends Error {}

/** One Stripe per language: its own messages (a declined card, an invalid number) are in it. */
const loaded = new Map<Language, Promise<Stripe>>();

export function stripeJs(lang: Language): Promise<Stripe> {
  let stripe = loaded.get(lang);
  if (!stripe) {
    stripe = import("./stripeJs")
      .then(({ loadStripe }) => loadStripe(KEY, { locale: lang }))
      .then((s) => s ?? Promise.reject(new Error("no window")))
      .catch((err: unknown) => {
        // A later call tries again: the connection may be back.
        loaded.delete(lang);
        throw new StripeUnavailable(String(err));
      });
    loaded.set(lang, stripe);
  }
  return stripe;
}

/** What Stripe's answer means for the customer: its own words (in the language it was loaded in)
 * where they are about the card or what was typed, ours for anything else. */
export function stripeErrorText(error: StripeError): string {
  if ((error.type === "card_error" || error.type === "validation_error") && error.message) return error.message;
  return t(error.type === "api_connection_error" ? "card.unreachable" : "card.failed");
}

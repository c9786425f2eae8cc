// Tips: a share of the food subtotal or an amount, capped; all of it goes to the courier who
// delivers. After delivery the customer may raise it (never lower it) for a day.

import { percentOf, type Cents } from "./money";

export const TIP_PERCENTS = [0, 5, 10, 15] as const;
/** At most 50.00, and at most half the food subtotal. */
export const MAX_TIP_CENTS = 5000;
export const MAX_TIP_SHARE_BPS = 5000;
export const TIP_RAISE_HOURS = 24;

/** What the cart says: a percentage of the subtotal, or an amount in cents. */
export type TipChoice = { percent: number } | { cents: number };

export function tipCap(subtotal: Cents): Cents {
  return Math.min(MAX_TIP_CENTS, percentOf(subtotal, MAX_TIP_SHARE_BPS));
}

/** The tip in cents for a choice, or null when the choice is not one Dishpatch offers. */
export function tipAmount(choice: unknown, subtotal: Cents): Cents | null {
  if (choice === undefined || choice === null) return 0;
  const c = choice as Partial<{ percent: unknown; cents: unknown }>;
  if (typeof c !== "object") return null;
  if ("percent" in c && Object.keys(c).length === 1) {
    return (TIP_PERCENTS as readonly unknown[]).includes(c.percent)
      ? percentOf(subtotal, (c.percent as number) * 100)
      : null;
  }
  if ("cents" in c && Object.keys(c).length === 1) {
    return Number.isInteger(c.cents) && (c.cents as number) >= 0 && (c.cents as number) <= MAX_TIP_CENTS
      ? (c.cents as number)
      : null;
  }
  return null;
}

/** Why a raised tip cannot be accepted, or null. */
export function tipRaiseProblem(
  current: Cents,
  next: unknown,
  subtotal: Cents,
  deliveredAt: number,
  now: number,
): string | null {
  if (!Number.isInteger(next) || (next as number) < 0) return "A tip is a whole number of cents.";
  if (now - deliveredAt > TIP_RAISE_HOURS * 3600_000) return "A tip can be added within a day of delivery.";
  if ((next as number) <= current) return "A tip can only be raised.";
  if ((next as number) > tipCap(subtotal)) return `A tip can be at most ${tipCap(subtotal)} cents for this order.`;
  return null;
}

// How an order is paid: a list of parts, each in cents, that add up to its total. Credit (the
// customer's Dishpatch balance, from refunds) goes first, then cash at the door; a card part
// attaches beside them when card payments exist, with no change to this shape.

import type { Cents } from "./money";

export const PAYMENT_METHODS = ["credit", "cash", "card"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What the customer chooses at checkout for whatever credit does not cover. */
export type PayWith = Exclude<PaymentMethod, "credit">;

export interface PaymentPart {
  method: PaymentMethod;
  amount: Cents;
}

/** orders/{id}.payment, written when the order is placed. */
export interface Payment {
  parts: PaymentPart[];
}

export function isPayWith(v: unknown): v is PayWith {
  // Cards come with card payments (a later issue); until then cash is the only choice.
  return v === "cash";
}

/** Credit first (as much of it as the total needs), the rest by `payWith`; no part of zero. */
export function paymentParts(total: Cents, creditBalance: Cents, payWith: PayWith): PaymentPart[] {
  const credit = Math.max(0, Math.min(creditBalance, total));
  const rest = total - credit;
  return [
    ...(credit > 0 ? [{ method: "credit" as const, amount: credit }] : []),
    ...(rest > 0 ? [{ method: payWith, amount: rest }] : []),
  ];
}

/** The amount of one method in the parts. */
export function partOf(parts: readonly PaymentPart[] | undefined, method: PaymentMethod): Cents {
  return (parts ?? []).filter((p) => p.method === method).reduce((sum, p) => sum + p.amount, 0);
}

/** The platform's cash limits (settings/payments). */
export interface CashLimits {
  /** Orders paying more than this in cash are refused (checkout says so first). */
  maxCashOrderCents: Cents;
  /** A courier holding this much cash or more settles before taking another cash order. */
  maxCourierCashCents: Cents;
}

export const DEFAULT_CASH_LIMITS: CashLimits = { maxCashOrderCents: 10000, maxCourierCashCents: 30000 };

/** What an admin may set each limit to. */
export const CASH_LIMIT_BOUNDS = { min: 1000, max: 100000 } as const;

/** The limits from settings/payments (the defaults for a field missing or out of bounds). */
export function cashLimitsOf(doc: unknown): CashLimits {
  const d = (doc ?? {}) as Partial<Record<keyof CashLimits, unknown>>;
  const pick = (v: unknown, fallback: Cents) =>
    Number.isInteger(v) && (v as number) >= CASH_LIMIT_BOUNDS.min && (v as number) <= CASH_LIMIT_BOUNDS.max
      ? (v as Cents)
      : fallback;
  return {
    maxCashOrderCents: pick(d.maxCashOrderCents, DEFAULT_CASH_LIMITS.maxCashOrderCents),
    maxCourierCashCents: pick(d.maxCourierCashCents, DEFAULT_CASH_LIMITS.maxCourierCashCents),
  };
}

/** Whether an order's cash part is over the limit. */
export function overCashLimit(parts: readonly PaymentPart[], limits: CashLimits): boolean {
  return partOf(parts, "cash") > limits.maxCashOrderCents;
}

/** Whether a courier holding `held` may take on an order with `cash` to collect. */
export function courierMayCarry(held: Cents, cash: Cents, limits: CashLimits): boolean {
  return cash === 0 || held + cash <= limits.maxCourierCashCents;
}

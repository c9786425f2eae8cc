// How an order is paid: a list of parts, each in cents, that add up to its total. Credit (the
// customer's Dishpatch balance, from refunds) goes first, then cash at the door or a card
// (cardPayment.ts) for the rest.

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
  /** What the courier collects at the door (the cash part), for the rules' check of a claim. */
  cash: Cents;
}

/** The payment of an order whose total is split into `parts`. */
export function paymentOf(parts: PaymentPart[]): Payment {
  return { parts, cash: partOf(parts, "cash") };
}

/** The parts once `amount` more is paid by `method` (a tip raised after delivery, from credit or
 * on the saved card): that part grows, or joins them (credit first). */
export function withMore(parts: readonly PaymentPart[], method: "credit" | "card", amount: Cents): PaymentPart[] {
  if (amount <= 0) return [...parts];
  const grown: PaymentPart = { method, amount: partOf(parts, method) + amount };
  const others = parts.filter((p) => p.method !== method);
  return method === "credit" ? [grown, ...others] : [...others, grown];
}

export function isPayWith(v: unknown): v is PayWith {
  return v === "cash" || v === "card";
}

/** The least a card can be charged (Stripe's minimum for euros). */
export const MIN_CARD_CENTS = 50;

/** Credit first (as much of it as the total needs), the rest by `payWith`; no part of zero. A card
 * is never left less than it can be charged: credit then covers a little less. */
export function paymentParts(total: Cents, creditBalance: Cents, payWith: PayWith): PaymentPart[] {
  let credit = Math.max(0, Math.min(creditBalance, total));
  if (payWith === "card" && total - credit > 0 && total - credit < MIN_CARD_CENTS) {
    credit = Math.max(0, total - MIN_CARD_CENTS);
  }
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

/** courierCash/{uid}: a courier's running sums, kept by the backend from their books (each
 * delivery's earning, each settlement an admin records) in the same writes that book them. */
export interface CourierCash {
  /** Cash taken at the door. */
  collected: Cents;
  /** What they earned (delivery share and tips). */
  earned: Cents;
  /** Cash handed in to the platform. */
  handedIn: Cents;
  /** Earnings the platform paid out to them. */
  paidOut: Cents;
}

export const NO_CASH: CourierCash = { collected: 0, earned: 0, handedIn: 0, paidOut: 0 };

/** The cash a courier holds (collected, not yet handed in). */
export function cashHeld(c: Partial<CourierCash> | undefined): Cents {
  return (c?.collected ?? 0) - (c?.handedIn ?? 0);
}

/** What a courier owes the platform (negative: what the platform owes them): the cash they hold,
 * less what they earned and have not been paid. */
export function courierBalance(c: Partial<CourierCash> | undefined): Cents {
  return cashHeld(c) - ((c?.earned ?? 0) - (c?.paidOut ?? 0));
}

export const SETTLEMENT_KINDS = ["handedIn", "paidOut"] as const;
export type SettlementKind = (typeof SETTLEMENT_KINDS)[number];

/** couriers/{uid}/settlements/{id}: cash handed in, or earnings paid out, as an admin recorded it. */
export interface Settlement {
  kind: SettlementKind;
  amount: Cents;
  by: string;
  note: string;
  createdAt?: unknown;
}

export const MAX_SETTLEMENT_CENTS = 1_000_000;

/** Whether a courier holding `held` may take on an order with `cash` to collect. */
export function courierMayCarry(held: Cents, cash: Cents, limits: CashLimits): boolean {
  return cash === 0 || held + cash <= limits.maxCourierCashCents;
}

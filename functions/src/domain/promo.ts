// Promo codes. A code (promoCodes/{CODE}, its id the code in capitals) discounts the food subtotal
// by a percentage (up to a maximum) or a fixed amount, within a validity window, above a minimum,
// for one restaurant or all, funded by the platform or the restaurant. What is left of a capped
// code (redemptions and budget) is split over PROMO_SHARDS allocation documents, so that many
// orders redeeming at once do not queue on one document; each redemption is a document of its
// own, keyed by order, created in the same transaction that places the order and released when
// the order ends without a delivery.

import { isDocId } from "./collections";
import type { Cents } from "./money";
import { percentOf } from "./money";
import type { TimestampLike } from "./types";
import { EN_REJECTIONS } from "./texts/rejections";
import { EN_PROBLEMS } from "./texts/problems/en";
import type { ProblemTexts } from "./texts/problems/types";

// A city at 1,000 orders a minute all redeeming one code keeps each of 20 below a write a second
// (the capacity model's figure). A code made when there were 10 has allocations 0–9 only: the
// others are missing and give nothing.
export const PROMO_SHARDS = 20;

/** The highest number of uses per customer a code may set: placement counts at most this many of
 * a customer's redemptions. */
export const MAX_USES_PER_CUSTOMER = 1000;

export interface PromoCode {
  code: string;
  description: string;
  kind: "percent" | "fixed";
  /** For "percent": basis points of the subtotal (1000 = 10 %). */
  percentBps: number;
  /** For "fixed": cents off. */
  amountCents: Cents;
  minSubtotal: Cents;
  /** The most a percentage code takes off; null for no limit. */
  maxDiscount: Cents | null;
  validFrom: TimestampLike;
  validUntil: TimestampLike;
  firstOrderOnly: boolean;
  /** Redemptions per customer (up to MAX_USES_PER_CUSTOMER); 0 for no limit. */
  perCustomerLimit: number;
  /** Redemptions in all, and the budget in cents; null for no limit. */
  maxRedemptions: number | null;
  budgetCents: Cents | null;
  /** One restaurant's code, or null for all. */
  restaurantId: string | null;
  fundedBy: "platform" | "restaurant";
  paused: boolean;
  /** Listed to every customer (otherwise known only to those who were given it). */
  public: boolean;
}

/** promoCodes/{code}/allocations/{n}: a share of what is left of a capped code. */
export interface PromoAllocation {
  left: number | null;
  budgetLeft: Cents | null;
}

/** What one redemption took from one allocation. */
export interface AllocationTake {
  shard: number;
  redemptions: number;
  cents: Cents;
}

/** promoCodes/{code}/redemptions/{orderId}. */
export interface PromoRedemption {
  customerId: string;
  orderId: string;
  takes: AllocationTake[];
  discount: Cents;
  released: boolean;
}

/** What checkout learns about a code: whether it is good for this customer and order, and for how
 * much (the quotePromo callable's answer). Its budget, caps and creator stay the admins'. */
export type PromoQuote =
  { ok: true; discount: Cents; fundedBy: PromoCode["fundedBy"] } | { ok: false; code: PromoRejection };

/** promoCodes/{code} as everyone may read it (publicPromos/{code}): what the checkout lists, for
 * the public codes that are not paused. */
export interface PublicPromo {
  code: string;
  description: string;
  validFrom: TimestampLike;
  validUntil: TimestampLike;
  restaurantId: string | null;
}

/** The public view of a code, or null when the code is not listed to everyone. */
export function publicViewOf(p: PromoCode): PublicPromo | null {
  if (!p.public || p.paused) return null;
  return {
    code: p.code,
    description: p.description,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    restaurantId: p.restaurantId,
  };
}

export const PROMO_REJECTIONS = {
  promo_unknown: EN_REJECTIONS.promo_unknown,
  promo_expired: EN_REJECTIONS.promo_expired,
  promo_not_applicable: EN_REJECTIONS.promo_not_applicable,
  promo_below_minimum: EN_REJECTIONS.promo_below_minimum,
  promo_limit_reached: EN_REJECTIONS.promo_limit_reached,
  promo_exhausted: EN_REJECTIONS.promo_exhausted,
};
export type PromoRejection = keyof typeof PROMO_REJECTIONS;

/** What a customer types, as the code's id: no spaces, capitals. */
export function normalizeCode(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

export const CODE_PATTERN = /^[A-Z0-9]{3,20}$/;

/** The discount a code gives on `subtotal`, never more than the subtotal. */
export function discountOf(
  p: Pick<PromoCode, "kind" | "percentBps" | "amountCents" | "maxDiscount">,
  subtotal: Cents,
): Cents {
  const raw =
    p.kind === "percent"
      ? Math.min(percentOf(subtotal, p.percentBps), p.maxDiscount ?? Number.MAX_SAFE_INTEGER)
      : p.amountCents;
  return Math.min(subtotal, raw);
}

export interface PromoContext {
  subtotal: Cents;
  restaurantId: string;
  now: Date;
  /** Known to the backend only; the checkout's preview leaves them out. */
  firstOrder?: boolean;
  customerRedemptions?: number;
}

/** Whether the code applies to this order (everything but what is left of it, which only the
 * placing transaction can know), and its discount. */
export function checkPromo(
  promo: PromoCode | null,
  ctx: PromoContext,
): { ok: true; discount: Cents } | { ok: false; code: PromoRejection } {
  if (!promo || promoProblem(promo) !== null) return { ok: false, code: "promo_unknown" };
  const now = ctx.now.getTime();
  if (promo.paused || now < promo.validFrom.toMillis() || now >= promo.validUntil.toMillis()) {
    return { ok: false, code: "promo_expired" };
  }
  if (promo.restaurantId !== null && promo.restaurantId !== ctx.restaurantId) {
    return { ok: false, code: "promo_not_applicable" };
  }
  if (promo.firstOrderOnly && ctx.firstOrder === false) return { ok: false, code: "promo_not_applicable" };
  if (ctx.subtotal < promo.minSubtotal) return { ok: false, code: "promo_below_minimum" };
  if (promo.perCustomerLimit > 0 && (ctx.customerRedemptions ?? 0) >= promo.perCustomerLimit) {
    return { ok: false, code: "promo_limit_reached" };
  }
  return { ok: true, discount: discountOf(promo, ctx.subtotal) };
}

const isInt = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isTime = (v: unknown) => typeof (v as { toMillis?: unknown } | null)?.toMillis === "function";
const isCentsOrNull = (v: unknown) => v === null || isInt(v, 0, 100_000_000);

/** What is wrong with a promo code, in words an admin understands, or null. */
export function promoProblem(value: unknown, say: ProblemTexts = EN_PROBLEMS): string | null {
  const { promo: words } = say;
  const p = value as Partial<PromoCode> | null;
  if (!p || typeof p !== "object") return words.missing;
  if (typeof p.code !== "string" || !CODE_PATTERN.test(p.code)) return words.code;
  if (typeof p.description !== "string" || p.description.length > 200) return words.description;
  if (p.kind !== "percent" && p.kind !== "fixed") return words.kind;
  if (p.kind === "percent" && !isInt(p.percentBps, 1, 10_000)) return words.percent;
  if (p.kind === "fixed" && !isInt(p.amountCents, 1, 100_000_000)) return words.amount;
  if (!isInt(p.minSubtotal, 0, 100_000_000)) return words.minSubtotal;
  if (!isCentsOrNull(p.maxDiscount)) return words.maxDiscount;
  if (!isTime(p.validFrom) || !isTime(p.validUntil)) return words.dates;
  if (p.validUntil!.toMillis() <= p.validFrom!.toMillis()) return words.endAfterStart;
  if (typeof p.firstOrderOnly !== "boolean" || typeof p.paused !== "boolean" || typeof p.public !== "boolean") {
    return words.switches;
  }
  if (!isInt(p.perCustomerLimit, 0, MAX_USES_PER_CUSTOMER)) return words.perCustomer;
  if (!(p.maxRedemptions === null || isInt(p.maxRedemptions, 1, 10_000_000))) return words.cap;
  if (!isCentsOrNull(p.budgetCents) || p.budgetCents === 0) return words.budget;
  if (!(p.restaurantId === null || isDocId(p.restaurantId))) {
    return words.restaurant;
  }
  if (p.fundedBy !== "platform" && p.fundedBy !== "restaurant") return words.fundedBy;
  if (p.fundedBy === "restaurant" && p.restaurantId === null) return words.ownCode;
  return null;
}

/** Splits `total` into `n` parts that differ by at most one and add up to it. */
export function splitEvenly(total: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
}

/** The allocation documents a new code starts with: none when nothing about it is capped. */
export function initialAllocations(p: Pick<PromoCode, "maxRedemptions" | "budgetCents">): PromoAllocation[] {
  if (p.maxRedemptions === null && p.budgetCents === null) return [];
  const left = p.maxRedemptions === null ? null : splitEvenly(p.maxRedemptions, PROMO_SHARDS);
  const budget = p.budgetCents === null ? null : splitEvenly(p.budgetCents, PROMO_SHARDS);
  return Array.from({ length: PROMO_SHARDS }, (_, i) => ({ left: left?.[i] ?? null, budgetLeft: budget?.[i] ?? null }));
}

/** What a redemption still needs from the allocations: one redemption if the code is capped,
 * and its discount's cents if it has a budget. */
export function neededFor(p: Pick<PromoCode, "maxRedemptions" | "budgetCents">, discount: Cents) {
  return { redemptions: p.maxRedemptions === null ? 0 : 1, cents: p.budgetCents === null ? 0 : discount };
}

/** Takes what it can of `need` from one allocation; a budget may be gathered from several. */
export function takeFrom(
  shard: number,
  a: PromoAllocation,
  need: { redemptions: number; cents: Cents },
): AllocationTake | null {
  const redemptions = need.redemptions > 0 && (a.left ?? 0) >= 1 ? 1 : 0;
  const cents = Math.min(need.cents, a.budgetLeft ?? 0);
  return redemptions || cents ? { shard, redemptions, cents } : null;
}

/** Whether what is left of a code, over all its allocations, still covers one more redemption of
 * `discount`. */
export function isLeftFor(
  p: Pick<PromoCode, "maxRedemptions" | "budgetCents">,
  allocations: readonly PromoAllocation[],
  discount: Cents,
): boolean {
  const need = neededFor(p, discount);
  for (const [n, a] of allocations.entries()) {
    const t = takeFrom(n, a, need);
    if (!t) continue;
    need.redemptions -= t.redemptions;
    need.cents -= t.cents;
  }
  return need.redemptions <= 0 && need.cents <= 0;
}

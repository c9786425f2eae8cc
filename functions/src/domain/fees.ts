// Who gets what: the platform's terms, set by admins. The service fee is the customer's; the
// commission is taken from the restaurant's food sales (a default, and per restaurant where
// agreed); the courier gets a share of the delivery fee and every cent of the tip. Each order
// keeps the terms it was placed under (its books' split), so later changes never rewrite the past.

import { LIMITS } from "./limits";
import type { SplitTerms } from "./pricing";
import { EN_PROBLEMS } from "./texts/problems/en";
import type { ProblemTexts } from "./texts/problems/types";

/** settings/fees: readable by everyone (the checkout shows the service fee), written by admins. */
export interface PlatformFees {
  serviceFeeBps: number;
  defaultCommissionBps: number;
  courierDeliveryShareBps: number;
}

/** restaurantTerms/{rid}: a restaurant's own commission, readable by its owner and admins. */
export interface RestaurantTerms {
  commissionBps: number;
}

/** What applies until an admin sets otherwise. */
export const DEFAULT_FEES: PlatformFees = {
  serviceFeeBps: 500,
  defaultCommissionBps: 1500,
  courierDeliveryShareBps: 8000,
};

const isBps = (v: unknown, max: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;

/** What is wrong with a fees document, in words an admin understands, or null. */
export function feesProblem(value: unknown, say: ProblemTexts = EN_PROBLEMS): string | null {
  const f = value as Partial<PlatformFees> | null;
  if (!f || typeof f !== "object") return say.fees.missing;
  if (!isBps(f.serviceFeeBps, LIMITS.maxServiceFeeBps)) return say.fees.serviceFee;
  if (!isBps(f.defaultCommissionBps, LIMITS.maxCommissionBps)) return say.fees.commission;
  if (!isBps(f.courierDeliveryShareBps, 10_000)) return say.fees.courierShare;
  return null;
}

/** The fees as read, or the defaults where the document is missing or cannot be read. */
export function feesOf(value: unknown): PlatformFees {
  return feesProblem(value) === null ? (value as PlatformFees) : DEFAULT_FEES;
}

/** The commission for a restaurant: its own terms where they can be read, else the default. */
export function commissionFor(fees: PlatformFees, terms: unknown): number {
  const bps = (terms as Partial<RestaurantTerms> | null)?.commissionBps;
  return isBps(bps, LIMITS.maxCommissionBps) ? (bps as number) : fees.defaultCommissionBps;
}

/** The terms an order placed now is split under. */
export function splitTermsFor(fees: PlatformFees, terms: unknown): SplitTerms {
  return { commissionBps: commissionFor(fees, terms), courierDeliveryShareBps: fees.courierDeliveryShareBps };
}

// What a customer may claim after a delivery, and the one policy that decides each claim: how much
// comes back, who pays it, and whether it is decided at once or goes to an admin.
//
// Learnt from the large platforms (and not copied): the restaurant pays for what it got wrong
// (missing or wrong items, the whole order wrong: its food), the platform for what went wrong on
// the way (lateness, an order that never arrived) and for its own fees; food that arrived cold or
// spilled is shared, as either may be at fault. The courier's earning never changes because of a
// complaint. Every amount is integer cents and no claim returns more than is left of the order.

import type { Cents } from "./money";
import type { TimestampLike } from "./types";
import { allocate, orderVatParts, type VatRate } from "./vat";

export const COMPLAINT_TYPES = [
  "missing_items",
  "wrong_items",
  "wrong_order",
  "cold_or_spilled",
  "very_late",
  "never_arrived",
] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

/** Types that name lines of the order (which, and how many). */
export const ITEM_COMPLAINTS: readonly ComplaintType[] = ["missing_items", "wrong_items"];

export type Payer = "restaurant" | "platform" | "split";

export const COMPLAINT_LIMITS = {
  /** A customer may complain this long after delivery. */
  windowHours: 48,
  /** The restaurant may dispute a charge this long after the complaint. */
  disputeDays: 7,
  maxDescriptionLength: 500,
  maxDisputeReasonLength: 500,
  /** At most this many lines named in one claim. */
  maxLines: 30,
} as const;

/** The thresholds an admin sets (settings/complaints). */
export interface ComplaintSettings {
  /** Claims up to this amount may be approved at once... */
  autoApproveMaxCents: Cents;
  /** ...by a customer with fewer claims than this in the last 30 days... */
  maxClaimsPer30Days: number;
  /** ...on an order of less than this total. */
  highValueOrderCents: Cents;
}

export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  autoApproveMaxCents: 1500,
  maxClaimsPer30Days: 2,
  highValueOrderCents: 8000,
};

export interface ComplaintLine {
  /** The order's priced line, by position. */
  line: number;
  quantity: number;
}

export interface ComplaintInput {
  type: ComplaintType;
  lines?: ComplaintLine[];
  description?: string;
}

/** What the policy needs of an order: its prices as paid. */
export interface PaidOrder {
  lines: readonly { unitPrice: Cents; quantity: number; lineTotal: Cents; vatRate?: VatRate }[];
  subtotal: Cents;
  discount: Cents;
  deliveryFee: Cents;
  serviceFee: Cents;
  tip: Cents;
  total: Cents;
}

export interface RefundPlan {
  amount: Cents;
  restaurantPays: Cents;
  platformPays: Cents;
  payer: Payer;
  decision: "approved" | "review";
  /** Why it goes to review, when it does. */
  review?: "amount" | "frequency" | "high_value";
}

export type ComplaintProblem =
  | "unknown_type"
  | "not_delivered"
  | "window_closed"
  | "lines_needed"
  | "bad_line"
  | "already_claimed"
  | "too_many"
  | "description_too_long"
  | "nothing_left";

/** How many of each line (by position) earlier claims on the order named. */
export type ClaimedLines = Record<string, number>;

/** What is wrong with a claim, or null. `refunded` is what earlier claims on the order returned
 * (or hold, in review), `claimed` the lines they named: a dish is claimed once. */
export function complaintProblem(
  input: ComplaintInput,
  order: PaidOrder,
  deliveredAt: number | null,
  now: number,
  refunded: Cents,
  claimed: ClaimedLines = {},
): ComplaintProblem | null {
  if (!COMPLAINT_TYPES.includes(input.type)) return "unknown_type";
  if (deliveredAt === null) return "not_delivered";
  if (now - deliveredAt > COMPLAINT_LIMITS.windowHours * 3600_000) return "window_closed";
  if (typeof input.description === "string" && input.description.length > COMPLAINT_LIMITS.maxDescriptionLength)
    return "description_too_long";
  if (ITEM_COMPLAINTS.includes(input.type)) {
    const lines = input.lines ?? [];
    if (lines.length === 0) return "lines_needed";
    if (lines.length > COMPLAINT_LIMITS.maxLines) return "too_many";
    const seen = new Set<number>();
    for (const l of lines) {
      const line = order.lines[l.line];
      if (!Number.isInteger(l.line) || !line || seen.has(l.line)) return "bad_line";
      if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > line.quantity) return "bad_line";
      if (l.quantity > line.quantity - (claimed[String(l.line)] ?? 0)) return "already_claimed";
      seen.add(l.line);
    }
  }
  if (refunded >= order.total) return "nothing_left";
  return null;
}

/** The food the customer paid for, line by line, each less its share of the discount. */
function paidPerUnit(order: PaidOrder): number[] {
  const shares = allocate(
    order.discount,
    order.lines.map((l) => l.lineTotal),
  );
  return order.lines.map((l, i) => (l.lineTotal - shares[i]) / l.quantity);
}

/** How much comes back and who pays it, before the cap of what is left. */
function rawPlan(input: ComplaintInput, order: PaidOrder): { restaurant: Cents; platform: Cents; payer: Payer } {
  const food = order.subtotal - order.discount;
  const fees = order.deliveryFee + order.serviceFee;
  switch (input.type) {
    case "missing_items":
    case "wrong_items": {
      const perUnit = paidPerUnit(order);
      const items = (input.lines ?? []).reduce((sum, l) => sum + perUnit[l.line] * l.quantity, 0);
      return { restaurant: Math.round(items), platform: 0, payer: "restaurant" };
    }
    case "wrong_order":
      // Everything back but the tip (the courier delivered what they were given).
      return { restaurant: food, platform: fees, payer: "split" };
    case "cold_or_spilled": {
      const half = Math.round(food / 2);
      const restaurant = Math.round(half / 2);
      return { restaurant, platform: half - restaurant, payer: "split" };
    }
    case "very_late":
      return { restaurant: 0, platform: fees, payer: "platform" };
    case "never_arrived":
      // All of it, the tip too: the platform pays, and still pays the restaurant and the courier.
      return { restaurant: 0, platform: order.total, payer: "platform" };
  }
}

/** What a refund gives back, by VAT rate (null: the tip, outside VAT), as a German correction of
 * the receipt shows it: the refund spread over what it pays back in proportion, to the cent, so
 * the parts add up to it. Items: the lines named, as paid; food: every line less its discount
 * share; fees: at their rate. */
export function refundVatParts(
  c: { type: ComplaintType; lines: readonly ComplaintLine[]; amount: Cents },
  order: PaidOrder,
): { rate: VatRate | null; gross: Cents }[] {
  const parts = orderVatParts(order);
  const food = parts.slice(0, -1);
  const fees = parts[parts.length - 1];
  const basis: { rate: VatRate | null; gross: number }[] =
    c.type === "missing_items" || c.type === "wrong_items"
      ? c.lines.map((l) => ({
          rate: food[l.line].rate,
          gross: (food[l.line].gross * l.quantity) / order.lines[l.line].quantity,
        }))
      : c.type === "wrong_order"
        ? [...food, fees]
        : c.type === "cold_or_spilled"
          ? food
          : c.type === "very_late"
            ? [fees]
            : [...food, fees, { rate: null, gross: order.tip }];
  const pieces = allocate(
    c.amount,
    basis.map((b) => b.gross),
  );
  return basis.map((b, i) => ({ rate: b.rate, gross: pieces[i] }));
}

/** The policy's answer for a valid claim (complaintProblem is null). */
export function refundPlan(
  input: ComplaintInput,
  order: PaidOrder,
  refunded: Cents,
  claimsIn30Days: number,
  settings: ComplaintSettings,
): RefundPlan {
  const raw = rawPlan(input, order);
  const left = Math.max(0, order.total - refunded);
  let { restaurant, platform } = raw;
  if (restaurant + platform > left) {
    // Capped: the restaurant's part first, the platform's what remains.
    restaurant = Math.min(restaurant, left);
    platform = left - restaurant;
  }
  const amount = restaurant + platform;
  const review: RefundPlan["review"] =
    amount > settings.autoApproveMaxCents
      ? "amount"
      : claimsIn30Days >= settings.maxClaimsPer30Days
        ? "frequency"
        : order.total >= settings.highValueOrderCents
          ? "high_value"
          : undefined;
  return {
    amount,
    restaurantPays: restaurant,
    platformPays: platform,
    payer: raw.payer,
    decision: review ? "review" : "approved",
    ...(review ? { review } : {}),
  };
}

/** What each threshold may be set to (the rules hold settings/complaints to the same). */
export const COMPLAINT_SETTINGS_BOUNDS: Record<keyof ComplaintSettings, { min: number; max: number }> = {
  autoApproveMaxCents: { min: 0, max: 100000 },
  maxClaimsPer30Days: { min: 0, max: 100 },
  highValueOrderCents: { min: 0, max: 1000000 },
};

/** The thresholds from settings/complaints (the defaults for a field missing or out of bounds). */
export function complaintSettingsOf(doc: unknown): ComplaintSettings {
  const d = (doc ?? {}) as Partial<Record<keyof ComplaintSettings, unknown>>;
  const pick = (k: keyof ComplaintSettings) => {
    const v = d[k];
    const { min, max } = COMPLAINT_SETTINGS_BOUNDS[k];
    return Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? (v as number)
      : DEFAULT_COMPLAINT_SETTINGS[k];
  };
  return {
    autoApproveMaxCents: pick("autoApproveMaxCents"),
    maxClaimsPer30Days: pick("maxClaimsPer30Days"),
    highValueOrderCents: pick("highValueOrderCents"),
  };
}

/** Where a complaint stands: refunded, waiting for an admin, or turned down by one. */
export type ComplaintStatus = "approved" | "review" | "declined";

/** A restaurant's dispute of what a complaint charged it, and the admin's answer. Upheld: the
 * platform takes over the restaurant's part (the customer keeps the refund). */
export interface Dispute {
  reason: string;
  status: "open" | "upheld" | "rejected";
  by: string;
  at: TimestampLike;
  decidedAt?: TimestampLike;
  decidedBy?: string;
}

/** complaints/{id}, written only by the backend. */
export interface Complaint {
  orderId: string;
  /** The order's short code. */
  number: string;
  customerId: string;
  restaurantId: string;
  restaurantName: string;
  type: ComplaintType;
  /** The lines named, with their names as ordered (for the restaurant's list). */
  lines: (ComplaintLine & { name: string })[];
  description: string;
  amount: Cents;
  restaurantPays: Cents;
  platformPays: Cents;
  payer: Payer;
  status: ComplaintStatus;
  review: RefundPlan["review"] | null;
  currency: string;
  createdAt: TimestampLike;
  /** Its last change: the reconciler checks from here that everyone was told of it. */
  updatedAt: TimestampLike;
  decidedAt: TimestampLike | null;
  /** An admin's uid, or "policy" for a claim approved at once. */
  decidedBy: string | null;
  dispute: Dispute | null;
  /** Of an approved complaint's amount, what goes back to the card the order was paid with (the
   * rest is credit), and the Stripe refund that did it once made (payments/refunds.ts). */
  toCard?: Cents;
  cardRefundId?: string | null;
}

export const ADMIN_DECISIONS = ["approve", "decline", "uphold", "reject"] as const;
export type AdminDecision = (typeof ADMIN_DECISIONS)[number];

export type DisputeProblem = "not_charged" | "window_closed" | "disputed_already" | "reason_needed" | "reason_too_long";

/** What keeps a restaurant from disputing a complaint, or null. `decidedAt` in ms. */
export function disputeProblem(
  complaint: Pick<Complaint, "status" | "restaurantPays" | "dispute">,
  decidedAt: number | null,
  reason: unknown,
  now: number,
): DisputeProblem | null {
  if (complaint.status !== "approved" || complaint.restaurantPays <= 0 || decidedAt === null) return "not_charged";
  if (complaint.dispute) return "disputed_already";
  if (now - decidedAt > COMPLAINT_LIMITS.disputeDays * 24 * 3600_000) return "window_closed";
  if (typeof reason !== "string" || reason.trim().length === 0) return "reason_needed";
  if (reason.length > COMPLAINT_LIMITS.maxDisputeReasonLength) return "reason_too_long";
  return null;
}

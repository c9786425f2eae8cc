// A restaurant's statement for a period, and the platform's revenue, from receipts. Every figure
// is a sum of the receipts' own amounts, so a statement reconciles to the cent with the receipts
// it lists.

import { addDays, zonedInstant } from "./hours";
import type { Cents } from "./money";
import type { Split } from "./types";

/** The fields of a receipt a statement needs (receipts/{orderId}, written at delivery). */
export interface ReceiptLine {
  orderId: string;
  number: string;
  deliveredAt: { toMillis(): number };
  subtotal: Cents;
  discount: Cents;
  deliveryFee: Cents;
  serviceFee: Cents;
  tip: Cents;
  total: Cents;
  currency: string;
  promo: { code: string; fundedBy: "platform" | "restaurant" } | null;
  split: Split;
}

export interface Statement {
  orders: number;
  grossSales: Cents;
  commission: Cents;
  restaurantPromotions: Cents;
  /** Refunds and cancellations after acceptance: Dishpatch has no cancel after acceptance yet,
   * so this stays 0; the column is there for when it does. */
  refunds: Cents;
  netPayout: Cents;
}

export type StatementPeriod = "day" | "week";

/** [from, to) of the day or the week (from Monday) holding `date` (YYYY-MM-DD), on the
 * restaurant's clock; `first` is the period's first day. */
export function statementBounds(period: StatementPeriod, date: string, timeZone: string) {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const first = period === "day" ? date : addDays(date, -weekday);
  const last = addDays(first, period === "day" ? 1 : 7);
  return { from: zonedInstant(first, 0, timeZone), to: zonedInstant(last, 0, timeZone), first };
}

export function statementOf(receipts: readonly ReceiptLine[]): Statement {
  const sum = (f: (r: ReceiptLine) => number) => receipts.reduce((n, r) => n + f(r), 0);
  return {
    orders: receipts.length,
    grossSales: sum((r) => r.subtotal),
    commission: sum((r) => r.split.commission),
    restaurantPromotions: sum((r) => r.split.restaurantPromo),
    refunds: 0,
    netPayout: sum((r) => r.split.restaurantNet),
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const decimal = (cents: Cents) => (cents / 100).toFixed(2);

/** The statement as CSV: one row per order and a total row, amounts as decimals. */
export function statementCsv(receipts: readonly ReceiptLine[], timeZone: string): string {
  const when = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const rows: (string | number)[][] = [
    ["order", "delivered", "gross_sales", "commission", "restaurant_promotion", "refund", "net_payout", "currency"],
  ];
  for (const r of receipts) {
    rows.push([
      r.number,
      when.format(new Date(r.deliveredAt.toMillis())).replace(",", ""),
      decimal(r.subtotal),
      decimal(r.split.commission),
      decimal(r.split.restaurantPromo),
      decimal(0),
      decimal(r.split.restaurantNet),
      r.currency,
    ]);
  }
  const t = statementOf(receipts);
  rows.push([
    "total",
    `${t.orders} orders`,
    decimal(t.grossSales),
    decimal(t.commission),
    decimal(t.restaurantPromotions),
    decimal(t.refunds),
    decimal(t.netPayout),
    receipts[0]?.currency ?? "",
  ]);
  return rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

/** The platform's revenue from a set of receipts: commission, service fees and its share of the
 * delivery fees, less the promotions it funded. */
export interface Revenue {
  orders: number;
  commission: Cents;
  serviceFees: Cents;
  deliveryShare: Cents;
  platformPromotions: Cents;
  revenue: Cents;
}

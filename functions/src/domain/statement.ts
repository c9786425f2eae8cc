// A restaurant's statement for a period, from its statement lines (books.ts), and the platform's
// revenue, from the admin-only books. Every figure is a sum of the documents' own amounts, so a
// statement reconciles to the cent with the lines it lists, and the revenue with the books.

import type { OrderBooks, StatementLine } from "./books";
import { addDays, zonedInstant } from "./hours";
import type { Cents } from "./money";

export interface Statement {
  orders: number;
  grossSales: Cents;
  commission: Cents;
  restaurantPromotions: Cents;
  /** What complaints charged the restaurant, less charges given back after disputes. (An order
   * cancelled after acceptance was never sold: it has no line.) */
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

export function statementOf(lines: readonly StatementLine[]): Statement {
  const sum = (f: (r: StatementLine) => number) => lines.reduce((n, r) => n + f(r), 0);
  return {
    orders: lines.filter((r) => r.kind !== "refund").length,
    grossSales: sum((r) => r.subtotal),
    commission: sum((r) => r.commission),
    restaurantPromotions: sum((r) => r.restaurantPromo),
    refunds: sum((r) => r.refund ?? 0),
    netPayout: sum((r) => r.restaurantNet),
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const decimal = (cents: Cents) => (cents / 100).toFixed(2);

/** The statement as CSV: one row per order and a total row, amounts as decimals. */
export function statementCsv(lines: readonly StatementLine[], timeZone: string): string {
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
  for (const r of lines) {
    rows.push([
      r.number,
      when.format(new Date(r.deliveredAt.toMillis())).replace(",", ""),
      decimal(r.subtotal),
      decimal(r.commission),
      decimal(r.restaurantPromo),
      decimal(r.refund ?? 0),
      decimal(r.restaurantNet),
      r.currency,
    ]);
  }
  const t = statementOf(lines);
  rows.push([
    "total",
    `${t.orders} orders`,
    decimal(t.grossSales),
    decimal(t.commission),
    decimal(t.restaurantPromotions),
    decimal(t.refunds),
    decimal(t.netPayout),
    lines[0]?.currency ?? "",
  ]);
  return rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

/** The platform's revenue from a set of orders' books: commission, service fees and its share of
 * the delivery fees, less the promotions it funded; and less the refunds it paid in the period
 * (from the refund books: `revenue` is the orders' part, `net` what is left after refunds). */
export interface Revenue {
  orders: number;
  commission: Cents;
  serviceFees: Cents;
  deliveryShare: Cents;
  platformPromotions: Cents;
  revenue: Cents;
}

/** The refunds the platform paid in a period, summed over refundBooks.platformPays. */
export const REFUND_SUM = "platformPays" as const;

/** The revenue after the refunds the platform paid. */
export function netRevenue(revenue: Cents, platformRefunds: Cents): Cents {
  return revenue - platformRefunds;
}

/** Each revenue figure as a sum over a field of the books, for a server-side aggregation. */
export const REVENUE_SUMS = {
  commission: "split.commission",
  serviceFees: "serviceFee",
  deliveryShare: "split.platformDeliveryShare",
  platformPromotions: "split.platformPromo",
  revenue: "split.platformRevenue",
} as const satisfies Record<Exclude<keyof Revenue, "orders">, string>;

/** Firestore answers at most this many aggregations in one aggregation query. */
export const MAX_AGGREGATIONS = 5;

/** Splits named aggregations into groups a single query may ask for. */
export function aggregationGroups<T>(named: Record<string, T>, max = MAX_AGGREGATIONS): Record<string, T>[] {
  const entries = Object.entries(named);
  const groups: Record<string, T>[] = [];
  for (let i = 0; i < entries.length; i += max) groups.push(Object.fromEntries(entries.slice(i, i + max)));
  return groups;
}

/** The same figures from the books themselves (what the server's sums must equal). */
export function revenueOf(books: readonly Pick<OrderBooks, "serviceFee" | "split">[]): Revenue {
  const sum = (f: (b: Pick<OrderBooks, "serviceFee" | "split">) => number) => books.reduce((n, b) => n + f(b), 0);
  return {
    orders: books.length,
    commission: sum((b) => b.split.commission),
    serviceFees: sum((b) => b.serviceFee),
    deliveryShare: sum((b) => b.split.platformDeliveryShare),
    platformPromotions: sum((b) => b.split.platformPromo),
    revenue: sum((b) => b.split.platformRevenue),
  };
}

// German VAT (Umsatzsteuer) on what a customer pays, for receipts and refunds. Prices are gross:
// the tax is inside them, and a receipt shows, per rate, the net amount and the tax.
// - Food, delivered or not, is at the reduced rate of 7 % (UStG §12(2) no. 1 with Anlage 2; food
//   served in restaurants has been at 7 % since 1 January 2026 too).
// - Most drinks are at the standard rate of 19 % (water, juice, soft drinks, coffee, beer, wine);
//   milk drinks of at least 75 % milk are reduced, which is why a dish can carry its own rate.
// - The platform's delivery and service fees are its own services: standard rate.
// - A tip is not part of the price of anything sold: outside VAT.
// Rates live here and nowhere else; a dish carries its rate (vatRate), defaulting by category.

import type { Cents } from "./money";

export const VAT_RATES = ["reduced", "standard"] as const;
export type VatRate = (typeof VAT_RATES)[number];

/** Basis points of each rate. */
export const VAT_BPS: Record<VatRate, number> = { reduced: 700, standard: 1900 };

/** The rate of the platform's own fees (delivery, service). */
export const FEE_VAT_RATE: VatRate = "standard";

/** Category names (either language, any case) that hold drinks: the standard rate by default. */
const DRINK_WORDS =
  /\b(drinks?|beverages?|getränke|getraenke|softdrinks?|bier|beer|wein|wine|coffee|kaffee|tea|tee|juice|saft|säfte|cocktails?|spirits?|water|wasser|limonade|lemonade)\b/i;

/** The rate a dish of this category has unless it says otherwise. */
export function defaultVatRate(category: string): VatRate {
  return DRINK_WORDS.test(category) ? "standard" : "reduced";
}

/** A dish's rate: its own, or its category's default. */
export function itemVatRate(item: { vatRate?: VatRate | null; category: string }): VatRate {
  return item.vatRate && VAT_RATES.includes(item.vatRate) ? item.vatRate : defaultVatRate(item.category);
}

export interface VatLine {
  rate: VatRate;
  bps: number;
  gross: Cents;
  net: Cents;
  tax: Cents;
}

/** The net of a gross amount at a rate, to the cent (half up), in integers. */
export function netOf(gross: Cents, rate: VatRate): Cents {
  const bps = VAT_BPS[rate];
  return Math.floor((gross * 10000 * 2 + (10000 + bps)) / (2 * (10000 + bps)));
}

/** Gross amounts grouped by rate, each with its net and tax (net + tax = gross, to the cent). */
export function vatBreakdown(parts: readonly { rate: VatRate; gross: Cents }[]): VatLine[] {
  const gross = new Map<VatRate, Cents>();
  for (const p of parts) gross.set(p.rate, (gross.get(p.rate) ?? 0) + p.gross);
  return VAT_RATES.filter((r) => (gross.get(r) ?? 0) !== 0).map((rate) => {
    const g = gross.get(rate)!;
    const net = g < 0 ? -netOf(-g, rate) : netOf(g, rate);
    return { rate, bps: VAT_BPS[rate], gross: g, net, tax: g - net };
  });
}

/** Splits `amount` over `weights` in proportion, to the cent, so the pieces add up to `amount`
 * exactly (largest remainders get the spare cents; ties go to the earlier weight). */
export function allocate(amount: Cents, weights: readonly number[]): Cents[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || amount === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / total);
  const floors = exact.map(Math.floor);
  let spare = amount - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (spare <= 0) break;
    floors[i] += 1;
    spare -= 1;
  }
  return floors;
}

/** What a priced order's customer pays, by rate: each line at its rate less its share of the
 * discount, and the fees at the standard rate; the tip is outside VAT. */
export function orderVatParts(p: {
  lines: readonly { lineTotal: Cents; vatRate?: VatRate }[];
  discount: Cents;
  deliveryFee: Cents;
  serviceFee: Cents;
}): { rate: VatRate; gross: Cents }[] {
  const shares = allocate(
    p.discount,
    p.lines.map((l) => l.lineTotal),
  );
  return [
    ...p.lines.map((l, i) => ({ rate: l.vatRate ?? "reduced", gross: l.lineTotal - shares[i] })),
    { rate: FEE_VAT_RATE, gross: p.deliveryFee + p.serviceFee },
  ];
}

import { strict as assert } from "node:assert";
import {
  aggregationGroups,
  allDay,
  booksAtPlacement,
  checkOrder,
  checkPromo,
  DEFAULT_FEES,
  discountOf,
  earningOf,
  encodeLine,
  feesProblem,
  initialAllocations,
  isLeftFor,
  MAX_AGGREGATIONS,
  neededFor,
  normalizeCode,
  priceOrder,
  PROMO_SHARDS,
  promoProblem,
  publicViewOf,
  REVENUE_SUMS,
  revenueOf,
  splitEvenly,
  splitOf,
  statementCsv,
  statementLineOf,
  statementOf,
  takeFrom,
  tipAmount,
  tipCap,
  tipRaiseProblem,
  withTip,
  type MenuItem,
  type OrderBooks,
  type PromoCode,
} from "../../functions/src/domain";

const ts = (ms: number) => ({ toMillis: () => ms });
const NOW = Date.UTC(2026, 10, 26, 12);
const menu = new Map<string, MenuItem>([
  ["pizza", { name: "Pizza", description: "", category: "x", price: 1290, available: true, optionGroups: [] }],
]);
const terms = { serviceFeeBps: 500, commissionBps: 1500, courierDeliveryShareBps: 8000 };
const line = (quantity: number) => [{ itemId: "pizza", quantity, options: {} }];
const promo = (patch: Partial<PromoCode> = {}): PromoCode => ({
  code: "SAVE10",
  description: "",
  kind: "percent",
  percentBps: 1000,
  amountCents: 0,
  minSubtotal: 1500,
  maxDiscount: 500,
  validFrom: ts(NOW - 3600_000),
  validUntil: ts(NOW + 3600_000),
  firstOrderOnly: false,
  perCustomerLimit: 1,
  maxRedemptions: 10,
  budgetCents: null,
  restaurantId: null,
  fundedBy: "platform",
  paused: false,
  public: false,
  ...patch,
});

describe("unit: money", () => {
  it("prices tip and discount to the cent, and every cent of the total goes to exactly one party", () => {
    const p = priceOrder(line(3), menu, { deliveryFee: 249, currency: "EUR" }, terms, {
      tip: 387,
      discount: 387,
      promo: { code: "SAVE10", fundedBy: "restaurant" },
    });
    // 3 × 12.90 = 38.70; service 5 % = 1.94 (1.935 half up); courier gets 80 % of 2.49 = 1.99 (1.992)
    assert.equal(p.subtotal, 3870);
    assert.equal(p.serviceFee, 194);
    assert.equal(p.total, 3870 - 387 + 249 + 194 + 387);
    assert.equal("split" in p, false, "what the customer pays holds no one's share");
    const s = splitOf(p, terms);
    assert.equal(s.commission, 581); // 15 % of 38.70 = 5.805, half up
    assert.equal(s.courierDeliveryShare, 199);
    assert.equal(s.platformDeliveryShare, 50);
    assert.equal(s.restaurantPromo, 387);
    assert.equal(s.platformPromo, 0);
    assert.equal(s.restaurantNet, 3870 - 581 - 387);
    assert.equal(s.courierTotal, 199 + 387);
    assert.equal(s.restaurantNet + s.courierTotal + s.platformRevenue, p.total);
  });
  it("keeps the parties' shares summing to the total for many orders, whoever funds the code", () => {
    for (let q = 1; q <= 20; q++) {
      for (const fundedBy of ["platform", "restaurant"] as const) {
        const subtotal = 1290 * q;
        const discount = discountOf(promo({ maxDiscount: null, percentBps: 1234 }), subtotal);
        const p = priceOrder(line(q), menu, { deliveryFee: 199 + q, currency: "EUR" }, terms, {
          tip: tipAmount({ percent: 15 }, subtotal)!,
          discount,
          promo: { code: "X", fundedBy },
        });
        const s = splitOf(p, { commissionBps: 1000 + 37 * q, courierDeliveryShareBps: 8000 - 101 * q });
        assert.equal(s.restaurantNet + s.courierTotal + s.platformRevenue, p.total, `q=${q} ${fundedBy}`);
        for (const v of Object.values(s)) assert.ok(Number.isInteger(v));
      }
    }
  });
  it("raises a tip: the total and the courier's share follow, nothing else changes", () => {
    const p = priceOrder(line(2), menu, { deliveryFee: 249, currency: "EUR" }, terms, { tip: 100 });
    const q = withTip(p, 500);
    assert.equal(q.total, p.total + 400);
    const [before, after] = [splitOf(p, terms), splitOf(q, splitOf(p, terms))];
    assert.equal(after.courierTotal, before.courierTotal + 400);
    assert.equal(after.restaurantNet, before.restaurantNet);
    assert.equal(after.platformRevenue, before.platformRevenue);
  });
  it("the checkout's preview with the backend's answer for a code prices exactly as the backend does", () => {
    const order = {
      items: line(2).map(encodeLine),
      deliveryAddress: { line1: "Torstraße 1", city: "Berlin", lat: 52.53, lng: 13.41 },
      restaurant: {
        name: "R",
        cuisine: "x",
        description: "",
        address: { line1: "Torstraße 3", city: "Berlin", lat: 52.531, lng: 13.41 },
        timeZone: "Europe/Berlin",
        openingHours: allDay(),
        isOpen: true,
        prepTimeMin: 15,
        deliveryRadiusM: 5000,
        deliveryFee: 249,
        minOrder: 0,
        currency: "EUR",
        categories: [],
        ratingAvg: 0,
        ratingCount: 0,
        ratingSum: 0,
      },
      restaurantId: "r1",
      menu,
      now: new Date(NOW),
      fees: DEFAULT_FEES,
      tip: { percent: 10 },
      promoCode: "save10",
    };
    const code = promo({ fundedBy: "restaurant", restaurantId: "r1" });
    const backend = checkOrder({ ...order, promo: code, firstOrder: true, customerRedemptions: 0 });
    const answer = checkPromo(code, { subtotal: 2580, restaurantId: "r1", now: new Date(NOW) });
    assert.ok(answer.ok && backend.ok);
    const preview = checkOrder({ ...order, promoQuote: { ...answer, fundedBy: code.fundedBy } });
    assert.ok(preview.ok);
    assert.deepEqual(preview.pricing, backend.pricing);
    assert.deepEqual(preview.pricing.promo, { code: "SAVE10", fundedBy: "restaurant" });
    const refused = checkOrder({ ...order, promoQuote: { ok: false, code: "promo_exhausted" } });
    assert.equal(!refused.ok && refused.rejection.code, "promo_exhausted");
  });
  it("reads tip choices and caps them at 50.00 and half the food", () => {
    assert.equal(tipAmount(undefined, 2000), 0);
    assert.equal(tipAmount({ percent: 10 }, 2345), 235);
    assert.equal(tipAmount({ cents: 5000 }, 2000), 5000, "the cap is the backend's, by subtotal");
    assert.equal(tipAmount({ percent: 12 }, 2000), null);
    assert.equal(tipAmount({ cents: 5001 }, 2000), null);
    assert.equal(tipAmount({ cents: -1 }, 2000), null);
    assert.equal(tipAmount({ cents: 1.5 }, 2000), null);
    assert.equal(tipAmount({ percent: 5, cents: 1 }, 2000), null);
    assert.equal(tipCap(2000), 1000);
    assert.equal(tipCap(100_000), 5000);
  });
  it("lets a tip be raised within a day of delivery, never lowered, never past the cap", () => {
    const delivered = NOW;
    assert.equal(tipRaiseProblem(100, 300, 2000, delivered, NOW + 3600_000), null);
    assert.match(tipRaiseProblem(100, 100, 2000, delivered, NOW)!, /only be raised/);
    assert.match(tipRaiseProblem(100, 50, 2000, delivered, NOW)!, /only be raised/);
    assert.match(tipRaiseProblem(100, 1001, 2000, delivered, NOW)!, /at most 1000/);
    assert.match(tipRaiseProblem(100, 300, 2000, delivered, NOW + 24 * 3600_000 + 1)!, /within a day/);
    assert.match(tipRaiseProblem(100, "300", 2000, delivered, NOW)!, /whole number/);
  });
  it("checks a code's conditions, each with its own code", () => {
    const ctx = { subtotal: 2000, restaurantId: "r1", now: new Date(NOW) };
    assert.deepEqual(checkPromo(promo(), ctx), { ok: true, discount: 200 });
    assert.deepEqual(checkPromo(promo({ percentBps: 5000 }), ctx), { ok: true, discount: 500 }, "at most maxDiscount");
    assert.deepEqual(checkPromo(null, ctx), { ok: false, code: "promo_unknown" });
    assert.deepEqual(checkPromo(promo({ validUntil: ts(NOW) }), ctx), { ok: false, code: "promo_expired" });
    assert.deepEqual(checkPromo(promo({ validFrom: ts(NOW + 1) }), ctx), { ok: false, code: "promo_expired" });
    assert.deepEqual(checkPromo(promo({ paused: true }), ctx), { ok: false, code: "promo_expired" });
    assert.deepEqual(checkPromo(promo({ restaurantId: "r2" }), ctx), { ok: false, code: "promo_not_applicable" });
    assert.deepEqual(checkPromo(promo({ firstOrderOnly: true }), { ...ctx, firstOrder: false }), {
      ok: false,
      code: "promo_not_applicable",
    });
    assert.deepEqual(checkPromo(promo(), { ...ctx, subtotal: 1499 }), { ok: false, code: "promo_below_minimum" });
    assert.deepEqual(checkPromo(promo(), { ...ctx, customerRedemptions: 1 }), {
      ok: false,
      code: "promo_limit_reached",
    });
    assert.equal(discountOf(promo({ kind: "fixed", amountCents: 3000 }), 2000), 2000, "never more than the food");
  });
  it("names what is wrong with a code an admin writes", () => {
    assert.equal(promoProblem(promo()), null);
    assert.match(promoProblem(promo({ code: "no spaces" }))!, /letters and digits/);
    assert.match(promoProblem(promo({ percentBps: 0 }))!, /percentage/);
    assert.match(promoProblem(promo({ validUntil: ts(NOW - 7200_000) }))!, /end after/);
    assert.match(promoProblem(promo({ fundedBy: "restaurant", restaurantId: null }))!, /own code/);
    assert.match(promoProblem(promo({ budgetCents: 0 }))!, /budget/);
    assert.equal(normalizeCode(" welcome 10 "), "WELCOME10");
  });
  it("spreads a capped code over its allocations and gathers a budget from several", () => {
    assert.deepEqual(splitEvenly(10, 4), [3, 3, 2, 2]);
    const shares = initialAllocations(promo({ maxRedemptions: 10, budgetCents: 1005 }));
    assert.equal(shares.length, PROMO_SHARDS);
    assert.equal(
      shares.reduce((n, a) => n + (a.left ?? 0), 0),
      10,
    );
    assert.equal(
      shares.reduce((n, a) => n + (a.budgetLeft ?? 0), 0),
      1005,
    );
    assert.deepEqual(initialAllocations(promo({ maxRedemptions: null, budgetCents: null })), []);
    const need = neededFor(promo({ budgetCents: 1000 }), 250);
    assert.deepEqual(need, { redemptions: 1, cents: 250 });
    assert.deepEqual(takeFrom(3, { left: 0, budgetLeft: 100 }, need), { shard: 3, redemptions: 0, cents: 100 });
    assert.deepEqual(takeFrom(4, { left: 1, budgetLeft: 500 }, need), { shard: 4, redemptions: 1, cents: 250 });
    assert.equal(takeFrom(5, { left: 0, budgetLeft: 0 }, need), null);
  });
  it("books an order for each reader from one record, and the records agree to the cent", () => {
    const p = priceOrder(line(2), menu, { deliveryFee: 249, currency: "EUR" }, terms, {
      tip: 200,
      discount: 300,
      promo: { code: "X", fundedBy: "restaurant" },
    });
    const books = booksAtPlacement("abcdef123", "r1", p, splitOf(p, terms));
    assert.equal("lines" in books, false);
    const at = ts(NOW);
    const line_ = statementLineOf(books, "K7PX", at);
    assert.deepEqual(Object.keys(line_).sort(), [
      "commission",
      "commissionBps",
      "currency",
      "deliveredAt",
      "number",
      "orderId",
      "promo",
      "restaurantId",
      "restaurantNet",
      "restaurantPromo",
      "subtotal",
    ]);
    assert.equal(line_.number, "K7PX");
    assert.equal(line_.restaurantNet, line_.subtotal - line_.commission - line_.restaurantPromo);
    const earning = earningOf(books, "K7PX", "Kitchen", at, 0);
    assert.equal(earning.total, earning.deliveryShare + earning.tip);
    assert.equal(line_.restaurantNet + earning.total + books.split.platformRevenue, books.total);
  });
  it("builds a statement and its CSV from statement lines, to the cent", () => {
    const lineOf = (n: number, fundedBy: "platform" | "restaurant" | null) => {
      const p = priceOrder(line(n), menu, { deliveryFee: 249, currency: "EUR" }, terms, {
        discount: fundedBy ? 300 : 0,
        promo: fundedBy ? { code: "X", fundedBy } : null,
        tip: 100,
      });
      return statementLineOf(booksAtPlacement(`o${n}`, "r1", p, splitOf(p, terms)), `K${n}`, ts(NOW + n * 60_000));
    };
    const rs = [lineOf(1, null), lineOf(2, "restaurant"), lineOf(3, "platform")];
    const s = statementOf(rs);
    assert.equal(s.orders, 3);
    assert.equal(s.grossSales, 1290 * 6);
    assert.equal(s.restaurantPromotions, 300);
    assert.equal(s.netPayout, s.grossSales - s.commission - s.restaurantPromotions - s.refunds);
    const csv = statementCsv(rs, "Europe/Berlin").trim().split("\n");
    assert.equal(csv.length, 5);
    assert.match(csv[0], /^order,delivered,gross_sales,commission/);
    assert.match(csv[1], /^K1,2026-11-26 13:01,12\.90,1\.94,0\.00,0\.00,10\.96,EUR$/);
    assert.match(csv[4], new RegExp(`^total,3 orders,77\\.40,.*,${(s.netPayout / 100).toFixed(2)},EUR$`));
  });
  it("asks for the revenue in aggregation queries of at most five, and its figures add up", () => {
    const wanted = { orders: "count", ...REVENUE_SUMS };
    const groups = aggregationGroups(wanted);
    assert.ok(groups.every((g) => Object.keys(g).length <= MAX_AGGREGATIONS));
    assert.deepEqual(Object.assign({}, ...groups), wanted, "every figure asked exactly once");
    assert.equal(groups.length, 2);
    const books: OrderBooks[] = [1, 2, 3].map((q) => {
      const p = priceOrder(line(q), menu, { deliveryFee: 249, currency: "EUR" }, terms, {
        discount: 100 * q,
        promo: { code: "X", fundedBy: q === 2 ? "restaurant" : "platform" },
      });
      return booksAtPlacement(`o${q}`, "r1", p, splitOf(p, terms));
    });
    const r = revenueOf(books);
    assert.equal(r.orders, 3);
    assert.equal(r.revenue, r.commission + r.serviceFees + r.deliveryShare - r.platformPromotions);
    assert.equal(r.platformPromotions, 100 + 300);
  });
  it("a code's public view holds what checkout shows, for listed codes only; what is left decides", () => {
    const code = promo({ public: true, budgetCents: 1000, maxRedemptions: 3 });
    assert.deepEqual(Object.keys(publicViewOf(code)!).sort(), [
      "code",
      "description",
      "restaurantId",
      "validFrom",
      "validUntil",
    ]);
    assert.equal(publicViewOf(promo({ public: false })), null);
    assert.equal(publicViewOf(promo({ public: true, paused: true })), null);
    const left = (l: number, b: number) =>
      Array.from({ length: PROMO_SHARDS }, (_, i) => ({ left: i ? 0 : l, budgetLeft: i < 2 ? b : 0 }));
    assert.equal(isLeftFor(code, left(1, 100), 200), true, "a budget gathered from two allocations");
    assert.equal(isLeftFor(code, left(1, 99), 200), false, "one cent short");
    assert.equal(isLeftFor(code, left(0, 500), 200), false, "no use left");
    assert.equal(isLeftFor(promo({ maxRedemptions: null, budgetCents: null }), [], 200), true);
  });
  it("checks the platform's fees", () => {
    assert.equal(feesProblem(DEFAULT_FEES), null);
    assert.match(feesProblem({ ...DEFAULT_FEES, serviceFeeBps: 3001 })!, /service fee/);
    assert.match(feesProblem({ ...DEFAULT_FEES, courierDeliveryShareBps: 10_001 })!, /courier/);
  });
});

// After the order, in the domain: VAT on what the customer paid, the complaint policy and the
// payment parts, to the cent; and over many random orders and claims, every sum adds up.

import { strict as assert } from "node:assert";
import {
  allocate,
  defaultVatRate,
  itemVatRate,
  netOf,
  orderVatParts,
  vatBreakdown,
} from "../../functions/src/domain/vat";
import {
  COMPLAINT_TYPES,
  complaintProblem,
  complaintSettingsOf,
  DEFAULT_COMPLAINT_SETTINGS,
  disputeProblem,
  ITEM_COMPLAINTS,
  refundPlan,
  refundVatParts,
  type ComplaintInput,
  type PaidOrder,
} from "../../functions/src/domain/complaints";
import {
  cashLimitsOf,
  courierMayCarry,
  DEFAULT_CASH_LIMITS,
  overCashLimit,
  partOf,
  paymentParts,
} from "../../functions/src/domain/payment";
import { refundLineOf, type StatementLine } from "../../functions/src/domain/books";
import { statementOf } from "../../functions/src/domain/statement";

/** A small deterministic random source, so a failure can be run again. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

const HOUR = 3600_000;

function order(lines: [number, number][], discount = 0, deliveryFee = 249, serviceFee = 100, tip = 0): PaidOrder {
  const priced = lines.map(([unitPrice, quantity]) => ({ unitPrice, quantity, lineTotal: unitPrice * quantity }));
  const subtotal = priced.reduce((s, l) => s + l.lineTotal, 0);
  return {
    lines: priced,
    subtotal,
    discount,
    deliveryFee,
    serviceFee,
    tip,
    total: subtotal - discount + deliveryFee + serviceFee + tip,
  };
}

describe("unit: VAT", () => {
  it("food is reduced, drinks standard by category, and a dish may say otherwise", () => {
    assert.equal(defaultVatRate("Pizza"), "reduced");
    assert.equal(defaultVatRate("Drinks"), "standard");
    assert.equal(defaultVatRate("Getränke"), "standard");
    assert.equal(defaultVatRate("Coffee"), "standard");
    assert.equal(itemVatRate({ category: "Drinks", vatRate: "reduced" }), "reduced", "a milk drink");
    assert.equal(itemVatRate({ category: "Pizza" }), "reduced");
  });
  it("takes the tax out of a gross price to the cent", () => {
    assert.equal(netOf(1070, "reduced"), 1000);
    assert.equal(netOf(119, "standard"), 100);
    assert.equal(netOf(999, "reduced"), 934); // 933.64…
    assert.equal(netOf(1, "standard"), 1);
  });
  it("shows each rate's net and tax, and they add up to the gross", () => {
    const lines = vatBreakdown([
      { rate: "reduced", gross: 2140 },
      { rate: "standard", gross: 357 },
      { rate: "reduced", gross: 0 },
    ]);
    assert.deepEqual(lines, [
      { rate: "reduced", bps: 700, gross: 2140, net: 2000, tax: 140 },
      { rate: "standard", bps: 1900, gross: 357, net: 300, tax: 57 },
    ]);
  });
  it("spreads a discount over the lines in proportion, to the cent", () => {
    assert.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(allocate(0, [5, 5]), [0, 0]);
    assert.deepEqual(allocate(7, [0, 0]), [0, 0]);
    const parts = orderVatParts({
      lines: [
        { lineTotal: 1000, vatRate: "reduced" },
        { lineTotal: 300, vatRate: "standard" },
      ],
      discount: 130,
      deliveryFee: 249,
      serviceFee: 65,
    });
    assert.deepEqual(parts, [
      { rate: "reduced", gross: 900 },
      { rate: "standard", gross: 270 },
      { rate: "standard", gross: 314 },
    ]);
  });
});

describe("unit: the complaint policy", () => {
  const paid = order(
    [
      [950, 2],
      [450, 1],
      [300, 3],
    ],
    235,
    249,
    118,
    200,
  );
  const now = Date.now();
  const ok = (input: ComplaintInput) => complaintProblem(input, paid, now - HOUR, now, 0);

  it("refuses what is not a claim, and claims outside the window", () => {
    assert.equal(ok({ type: "dirty_plate" as never }), "unknown_type");
    assert.equal(complaintProblem({ type: "very_late" }, paid, null, now, 0), "not_delivered");
    assert.equal(complaintProblem({ type: "very_late" }, paid, now - 49 * HOUR, now, 0), "window_closed");
    assert.equal(complaintProblem({ type: "very_late" }, paid, now - 47 * HOUR, now, 0), null);
    assert.equal(ok({ type: "missing_items" }), "lines_needed");
    assert.equal(ok({ type: "missing_items", lines: [{ line: 3, quantity: 1 }] }), "bad_line");
    assert.equal(ok({ type: "missing_items", lines: [{ line: 0, quantity: 3 }] }), "bad_line");
    assert.equal(
      ok({
        type: "missing_items",
        lines: [
          { line: 0, quantity: 1 },
          { line: 0, quantity: 1 },
        ],
      }),
      "bad_line",
    );
    assert.equal(ok({ type: "very_late", description: "x".repeat(501) }), "description_too_long");
    assert.equal(complaintProblem({ type: "very_late" }, paid, now - HOUR, now, paid.total), "nothing_left");
  });

  it("missing items: their price as paid, options included, less their share of the discount; the restaurant pays", () => {
    // Line 0 is 1900 of a 3250 subtotal: its share of the 235 discount is 137 (rounded by largest remainder).
    const plan = refundPlan(
      { type: "missing_items", lines: [{ line: 0, quantity: 1 }] },
      paid,
      0,
      0,
      DEFAULT_COMPLAINT_SETTINGS,
    );
    assert.equal(plan.amount, Math.round((1900 - allocate(235, [1900, 450, 900])[0]) / 2));
    assert.equal(plan.restaurantPays, plan.amount);
    assert.equal(plan.platformPays, 0);
    assert.equal(plan.decision, "approved");
  });

  it("the whole order wrong: everything back but the tip, the food from the restaurant, the fees from the platform", () => {
    const plan = refundPlan({ type: "wrong_order" }, paid, 0, 0, DEFAULT_COMPLAINT_SETTINGS);
    assert.equal(plan.restaurantPays, paid.subtotal - paid.discount);
    assert.equal(plan.platformPays, paid.deliveryFee + paid.serviceFee);
    assert.equal(plan.amount, paid.total - paid.tip);
    assert.equal(plan.decision, "review");
    assert.equal(plan.review, "amount");
  });

  it("late or never arrived are the platform's; cold or spilled is shared", () => {
    const late = refundPlan({ type: "very_late" }, paid, 0, 0, DEFAULT_COMPLAINT_SETTINGS);
    assert.deepEqual([late.restaurantPays, late.platformPays], [0, paid.deliveryFee + paid.serviceFee]);
    const never = refundPlan({ type: "never_arrived" }, paid, 0, 0, DEFAULT_COMPLAINT_SETTINGS);
    assert.deepEqual([never.restaurantPays, never.platformPays], [0, paid.total]);
    const cold = refundPlan({ type: "cold_or_spilled" }, paid, 0, 0, DEFAULT_COMPLAINT_SETTINGS);
    assert.equal(cold.amount, Math.round((paid.subtotal - paid.discount) / 2));
    assert.ok(Math.abs(cold.restaurantPays - cold.platformPays) <= 1);
  });

  it("small first claims are decided at once; a frequent claimant, a large amount or a high-value order go to review", () => {
    const small = { type: "very_late" as const };
    const cheap = order([[600, 1]], 0, 249, 30);
    assert.equal(refundPlan(small, cheap, 0, 0, DEFAULT_COMPLAINT_SETTINGS).decision, "approved");
    assert.equal(refundPlan(small, cheap, 0, 2, DEFAULT_COMPLAINT_SETTINGS).review, "frequency");
    const dear = order([[9000, 1]], 0, 249, 450);
    assert.equal(refundPlan(small, dear, 0, 0, DEFAULT_COMPLAINT_SETTINGS).review, "high_value");
  });

  it("a refund gives back the VAT of what it pays back: the dishes at their rate, the fees at 19 %, the tip outside", () => {
    const rated: PaidOrder = {
      ...paid,
      lines: paid.lines.map((l, i) => ({ ...l, vatRate: i === 2 ? ("standard" as const) : ("reduced" as const) })),
    };
    const vat = (type: ComplaintInput["type"], amount: number, lines = [] as { line: number; quantity: number }[]) =>
      refundVatParts({ type, lines, amount }, rated);
    // One of the three drinks (its price as paid, less its discount share): all at 19 %.
    const drink = vat("missing_items", 278, [{ line: 2, quantity: 1 }]);
    assert.deepEqual(drink, [{ rate: "standard", gross: 278 }]);
    assert.deepEqual(
      vatBreakdown(drink as { rate: "standard"; gross: number }[]).map((v) => v.tax),
      [278 - netOf(278, "standard")],
    );
    // Late: the fees only, at 19 %.
    assert.deepEqual(vat("very_late", 367), [{ rate: "standard", gross: 367 }]);
    // The whole order wrong: all but the tip back, each part exactly as it was paid.
    const paidParts = orderVatParts(rated);
    assert.deepEqual(vat("wrong_order", rated.total - rated.tip), paidParts);
    // Cold or spilled: food only, no fees.
    const cold = vat("cold_or_spilled", 1000);
    assert.equal(cold.length, paidParts.length - 1);
    assert.equal(
      cold.reduce((s, p) => s + p.gross, 0),
      1000,
    );
    // Never arrived: everything, the tip outside VAT; the parts add up to the refund.
    const all = vat("never_arrived", rated.total);
    assert.deepEqual(all.at(-1), { rate: null, gross: 200 });
    assert.equal(
      all.reduce((s, p) => s + p.gross, 0),
      rated.total,
    );
    assert.equal(
      all.filter((p) => p.rate === "standard").reduce((s, p) => s + p.gross, 0),
      rated.deliveryFee + rated.serviceFee + orderVatParts(rated)[2].gross,
    );
  });

  it("never returns more than is left of the order", () => {
    const first = refundPlan({ type: "wrong_order" }, paid, 0, 0, DEFAULT_COMPLAINT_SETTINGS);
    const second = refundPlan({ type: "never_arrived" }, paid, first.amount, 0, DEFAULT_COMPLAINT_SETTINGS);
    assert.equal(first.amount + second.amount, paid.total);
  });
});

describe("unit: paying", () => {
  it("credit first, then the chosen method, with no part of zero", () => {
    assert.deepEqual(paymentParts(2500, 0, "cash"), [{ method: "cash", amount: 2500 }]);
    assert.deepEqual(paymentParts(2500, 700, "cash"), [
      { method: "credit", amount: 700 },
      { method: "cash", amount: 1800 },
    ]);
    assert.deepEqual(paymentParts(2500, 9000, "cash"), [{ method: "credit", amount: 2500 }]);
    assert.equal(partOf(paymentParts(2500, 700, "card"), "card"), 1800);
  });
  it("cash has limits: per order, and what a courier may hold", () => {
    const limits = { maxCashOrderCents: 10000, maxCourierCashCents: 30000 };
    assert.equal(overCashLimit(paymentParts(10000, 0, "cash"), limits), false);
    assert.equal(overCashLimit(paymentParts(10001, 0, "cash"), limits), true);
    assert.equal(overCashLimit(paymentParts(10001, 1, "cash"), limits), false, "credit lowers the cash part");
    assert.equal(courierMayCarry(29000, 1000, limits), true);
    assert.equal(courierMayCarry(29000, 1001, limits), false);
    assert.equal(courierMayCarry(50000, 0, limits), true, "an order paid without cash");
  });
});

describe("unit: every sum adds up, over many random orders and claims", () => {
  it("VAT parts add up to what was paid less the tip; refunds never pass the total; parts add up to the total", () => {
    const r = random(20261206);
    for (let n = 0; n < 2000; n++) {
      const lines = Array.from({ length: 1 + r(5) }, () => [100 + r(3000), 1 + r(4)] as [number, number]);
      const subtotal = lines.reduce((s, [p, q]) => s + p * q, 0);
      const paid = order(lines, r(Math.floor(subtotal / 3)), r(500), r(300), r(800));
      const rated = paid.lines.map((l, i) => ({
        ...l,
        vatRate: i % 3 === 0 ? ("standard" as const) : ("reduced" as const),
      }));
      const parts = orderVatParts({ ...paid, lines: rated });
      const vat = vatBreakdown(parts);
      assert.equal(
        vat.reduce((s, v) => s + v.gross, 0),
        paid.total - paid.tip,
        `order ${n}`,
      );
      for (const v of vat) assert.equal(v.net + v.tax, v.gross);
      let refunded = 0;
      for (let c = 0; c < 3; c++) {
        const type = (
          ["missing_items", "wrong_items", "wrong_order", "cold_or_spilled", "very_late", "never_arrived"] as const
        )[r(6)];
        const input: ComplaintInput = {
          type,
          lines: [{ line: r(paid.lines.length), quantity: 1 }],
        };
        if (complaintProblem(input, paid, 0, 1, refunded) !== null) continue;
        const plan = refundPlan(input, paid, refunded, r(4), DEFAULT_COMPLAINT_SETTINGS);
        assert.equal(plan.restaurantPays + plan.platformPays, plan.amount);
        const back = refundVatParts({ type, lines: input.lines ?? [], amount: plan.amount }, { ...paid, lines: rated });
        assert.equal(
          back.reduce((s, p) => s + p.gross, 0),
          plan.amount,
          `order ${n}: the refund's VAT parts add up to it`,
        );
        assert.ok(back.every((p) => p.gross >= 0));
        assert.ok(plan.restaurantPays >= 0 && plan.platformPays >= 0);
        refunded += plan.amount;
        assert.ok(refunded <= paid.total, `order ${n}: refunded ${refunded} of ${paid.total}`);
      }
      const pay = paymentParts(paid.total, r(4000), "cash");
      assert.equal(
        pay.reduce((s, p) => s + p.amount, 0),
        paid.total,
      );
    }
  });
});

describe("unit: the books of complaints, over many random orders, claims and disputes", () => {
  it("a statement's refunds and payout, the platform's share and the customers' credit all add up to the cent", () => {
    const r = random(20261207);
    for (let n = 0; n < 500; n++) {
      const lines = Array.from({ length: 1 + r(4) }, () => [100 + r(2000), 1 + r(3)] as [number, number]);
      // A discount is never more than the food (pricing.ts caps it).
      const paid = order(
        lines,
        r(
          Math.min(
            300,
            lines.reduce((t, [p, q]) => t + p * q, 0),
          ),
        ),
        249,
        r(200),
        r(400),
      );
      const sale = { orderId: `o${n}`, number: "K", restaurantId: "r", currency: "EUR" };
      const statement: StatementLine[] = [];
      let refunded = 0;
      let credit = 0;
      let platform = 0;
      let restaurant = 0;
      const claimed: Record<string, number> = {};
      for (let c = 0; c < 4; c++) {
        const type = COMPLAINT_TYPES[r(COMPLAINT_TYPES.length)];
        const line = r(paid.lines.length);
        const input: ComplaintInput = { type, lines: [{ line, quantity: 1 + r(2) }] };
        if (complaintProblem(input, paid, 0, 1, refunded, claimed) !== null) continue;
        const plan = refundPlan(input, paid, refunded, 0, DEFAULT_COMPLAINT_SETTINGS);
        refunded += plan.amount;
        if (ITEM_COMPLAINTS.includes(type)) claimed[line] = (claimed[line] ?? 0) + input.lines![0].quantity;
        credit += plan.amount;
        platform += plan.platformPays;
        if (plan.restaurantPays > 0) {
          statement.push(refundLineOf(sale, `c${c}`, plan.restaurantPays, at));
          if (r(2) === 0) {
            // Disputed and upheld: the charge comes back, the platform takes it over.
            statement.push(refundLineOf(sale, `c${c}`, -plan.restaurantPays, at));
            platform += plan.restaurantPays;
          } else restaurant += plan.restaurantPays;
        }
      }
      const s = statementOf(statement);
      assert.equal(s.refunds, restaurant, `order ${n}`);
      assert.equal(s.netPayout, 0 - restaurant);
      assert.equal(s.orders, 0, "refund lines are not orders");
      assert.equal(restaurant + platform, credit, "what the customer got back, someone paid");
      assert.ok(credit <= paid.total);
      paid.lines.forEach((l, i) => assert.ok((claimed[i] ?? 0) <= l.quantity, "a dish is claimed once"));
    }
  });

  it("a dish already claimed cannot be claimed again; a charge is disputed once, within 7 days, with a reason", () => {
    const paid = order([[450, 2]]);
    const two = { type: "missing_items" as const, lines: [{ line: 0, quantity: 2 }] };
    assert.equal(complaintProblem(two, paid, 0, 1, 0, {}), null);
    assert.equal(complaintProblem(two, paid, 0, 1, 900, { 0: 1 }), "already_claimed");
    assert.equal(complaintProblem({ ...two, lines: [{ line: 0, quantity: 1 }] }, paid, 0, 1, 450, { 0: 1 }), null);
    const charged = { status: "approved" as const, restaurantPays: 450, dispute: null };
    const DAY = 24 * HOUR;
    assert.equal(disputeProblem(charged, 0, "It was there", 7 * DAY), null);
    assert.equal(disputeProblem(charged, 0, "It was there", 7 * DAY + 1), "window_closed");
    assert.equal(disputeProblem(charged, 0, " ", 1), "reason_needed");
    assert.equal(disputeProblem(charged, 0, "x".repeat(501), 1), "reason_too_long");
    assert.equal(disputeProblem({ ...charged, restaurantPays: 0 }, 0, "why", 1), "not_charged");
    assert.equal(disputeProblem({ ...charged, status: "review" }, 0, "why", 1), "not_charged");
    assert.equal(
      disputeProblem({ ...charged, dispute: { reason: "a", status: "open", by: "o", at } }, 0, "why", 1),
      "disputed_already",
    );
  });

  it("settings out of bounds fall back to the defaults", () => {
    assert.deepEqual(cashLimitsOf({ maxCashOrderCents: 5, maxCourierCashCents: 20000 }), {
      maxCashOrderCents: DEFAULT_CASH_LIMITS.maxCashOrderCents,
      maxCourierCashCents: 20000,
    });
    assert.deepEqual(cashLimitsOf(undefined), DEFAULT_CASH_LIMITS);
    assert.deepEqual(complaintSettingsOf({ autoApproveMaxCents: -1, maxClaimsPer30Days: 5 }), {
      ...DEFAULT_COMPLAINT_SETTINGS,
      maxClaimsPer30Days: 5,
    });
  });
});

const at = { toMillis: () => 0 };

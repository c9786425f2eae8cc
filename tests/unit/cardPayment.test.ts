// The card payment's domain: Stripe's intent states as the record holds them (only ever forward),
// what of a refund goes back to the card, how a raised tip grows the payment's parts, and the
// statuses of orders the restaurant never received, which the rules repeat.

import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CARD_STATES,
  cardDoc,
  cardStateMovesOn,
  cardStateOf,
  failureOf,
  MIN_CARD_CENTS,
  NEVER_PLACED,
  orderEventOf,
  paymentParts,
  toCardOf,
  withMore,
  type CardState,
} from "../../functions/src/domain";
import { ROOT } from "../../scripts/lib/config";

describe("card payments: the domain", () => {
  it("maps Stripe's intent statuses onto the record's states", () => {
    assert.equal(cardStateOf("requires_capture"), "authorised");
    assert.equal(cardStateOf("requires_action"), "requires_action");
    assert.equal(cardStateOf("succeeded"), "captured");
    assert.equal(cardStateOf("canceled"), "cancelled");
    assert.equal(cardStateOf("requires_payment_method"), "failed");
    assert.equal(cardStateOf("processing"), "authorising");
  });

  it("moves a record only forward, and never out of a final state", () => {
    const order: CardState[] = ["authorising", "requires_action", "authorised"];
    for (const [i, from] of order.entries()) {
      for (const to of order.slice(0, i + 1)) assert.equal(cardStateMovesOn(from, to), false, `${from} -> ${to}`);
      for (const to of order.slice(i + 1)) assert.equal(cardStateMovesOn(from, to), true, `${from} -> ${to}`);
    }
    for (const end of ["captured", "cancelled", "failed"] as const) {
      assert.equal(cardStateMovesOn("authorised", end), true);
      for (const to of CARD_STATES) assert.equal(cardStateMovesOn(end, to), false, `${end} -> ${to}`);
    }
    assert.equal(cardStateMovesOn(undefined, "authorising"), true);
  });

  it("tells a failed authentication from a decline", () => {
    assert.equal(failureOf("payment_intent_authentication_failure"), "authentication_failed");
    assert.equal(failureOf("authentication_required"), "authentication_failed");
    assert.equal(failureOf("card_declined"), "card_declined");
    assert.equal(failureOf(undefined), "card_declined");
  });

  it("refunds to the card what it paid and was not yet set aside; the rest is credit", () => {
    assert.equal(toCardOf(450, { captured: 1500, allotted: 0, refunded: 0 }), 450);
    assert.equal(toCardOf(450, { captured: 1500, allotted: 1200, refunded: 0 }), 300);
    assert.equal(toCardOf(450, { captured: 1500, allotted: 1500, refunded: 1500 }), 0);
    // Refunded in Stripe's dashboard, past what complaints set aside.
    assert.equal(toCardOf(450, { captured: 1500, allotted: 0, refunded: 1200 }), 300);
    assert.equal(toCardOf(450, undefined), 0, "a cash order");
  });

  it("puts credit first and the card after it, and grows each for a raised tip", () => {
    assert.deepEqual(paymentParts(2000, 500, "card"), [
      { method: "credit", amount: 500 },
      { method: "card", amount: 1500 },
    ]);
    assert.deepEqual(paymentParts(2000, 2500, "card"), [{ method: "credit", amount: 2000 }]);
    // Credit that would leave the card less than Stripe charges covers a little less.
    assert.deepEqual(paymentParts(2000, 1980, "card"), [
      { method: "credit", amount: 1950 },
      { method: "card", amount: MIN_CARD_CENTS },
    ]);
    assert.deepEqual(paymentParts(2000, 1980, "cash"), [
      { method: "credit", amount: 1980 },
      { method: "cash", amount: 20 },
    ]);
    const parts = paymentParts(2000, 500, "card");
    assert.deepEqual(withMore(parts, "card", 300), [
      { method: "credit", amount: 500 },
      { method: "card", amount: 1800 },
    ]);
    assert.deepEqual(withMore(parts, "credit", 300), [
      { method: "credit", amount: 800 },
      { method: "card", amount: 1500 },
    ]);
    assert.deepEqual(withMore([{ method: "cash", amount: 900 }], "credit", 100), [
      { method: "credit", amount: 100 },
      { method: "cash", amount: 900 },
    ]);
  });

  it("names the card in the order document only when paying by card", () => {
    const card = { paymentMethodId: "pm_1", saveCard: true };
    assert.deepEqual(cardDoc("card", card), { paymentMethodId: "pm_1", saveCard: true });
    assert.deepEqual(cardDoc("card", { paymentMethodId: "pm_1" }), { paymentMethodId: "pm_1" });
    assert.deepEqual(cardDoc("cash", card), {});
  });

  it("keeps orders never placed from the restaurant's API clients and, in the rules, its staff", () => {
    for (const status of NEVER_PLACED) assert.equal(orderEventOf({ status }), null, status);
    const rules = readFileSync(join(ROOT, "firestore.rules"), "utf8");
    const list = /function staffMayRead\(\)[\s\S]*?!\(existing\(\)\.status in \[([^\]]*)\]\)/.exec(rules)?.[1];
    assert.ok(list, "staffMayRead names the statuses it keeps from staff");
    assert.deepEqual(
      list
        .split(",")
        .map((s) => s.trim().replace(/'/g, ""))
        .sort(),
      [...NEVER_PLACED].sort(),
    );
    const open = /function staffMayRead\(\)[\s\S]*?existing\(\)\.status in \[([^\]]*)\]/.exec(rules)![1];
    for (const status of NEVER_PLACED) assert.ok(!open.includes(`'${status}'`), `${status} is not under way for staff`);
  });
});

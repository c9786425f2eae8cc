// Card payments through the real emulators and Stripe's stand-in (tests/support/stripeStandIn.ts,
// started by the test runner; the functions reach it through the official SDK): an order waits
// for its card's authorisation and reaches the kitchen only then; delivery captures once; every
// other ending lets the hold go; a complaint refunds to the card; a raised tip is a charge of its
// own on the saved card; a lost webhook is recovered by the reconciler; 3-D Secure never finished
// times out.

import { strict as assert } from "node:assert";
import { doc, getDoc } from "firebase/firestore";
import type Stripe from "stripe";
import {
  paths,
  stripeKey,
  type CardPayment,
  type Complaint,
  type InboxNotification,
  type Order,
} from "../../functions/src/domain";
import {
  adminDb,
  closeClients,
  createUser,
  deliverThrough,
  inboxTold,
  moveOrder,
  RECOVERY_MS,
  statusIs,
  type TestUser,
} from "../support/app";
import { deliverEvent, standIn, stripeClient } from "../support/stripe";
import { call, cast, creditOfUser, order, orderRef, refusal, type Cast, waitFor } from "../afterOrder/support";

const recordRef = (id: string) => adminDb.doc(paths.payment(id));
const recordOf = async (id: string) => (await recordRef(id).get()).data() as CardPayment | undefined;
const card = (pm: string, extra: Record<string, unknown> = {}) => ({ payWith: "card", paymentMethodId: pm, ...extra });

/** The record once it has an intent in `state`. */
async function paymentIn(id: string, state: CardPayment["state"]): Promise<CardPayment> {
  return (await waitFor(recordRef(id), (s) => s.get("state") === state)).data() as CardPayment;
}

/** Resolves once `check` holds (asked every 200 ms for up to RECOVERY_MS). */
async function until(check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + RECOVERY_MS;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("never happened");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Requests to the stand-in for the intent that changed something (replays included). */
async function calls(intentId: string, path: RegExp) {
  return (await standIn.requests(intentId)).filter((r) => r.method === "POST" && path.test(r.path));
}

describe("card payments (Stripe stand-in)", function () {
  this.timeout(300_000);
  let c: Cast;
  after(closeClients);
  before(async () => {
    c = await cast("Cards");
  });

  it("an order waits for its card, is placed once authorised, and delivery captures it once", async () => {
    const customer = await createUser({}, "Vera Visa");
    const id = await order(c, customer, { pizza: 1 }, card("pm_card_visa"));
    const placed = (await waitFor(orderRef(id), statusIs("placed"))).data() as Order;
    assert.ok(placed.timeline?.awaiting_payment, "it waited for the card first");
    assert.equal(placed.paymentMethodId, undefined, "the card's id stays with the payment record");
    assert.equal(placed.by?.placed, "backend:trigger");
    const record = await paymentIn(id, "authorised");
    assert.equal(record.customerId, customer.uid);
    assert.equal(record.amount, placed.pricing!.total);
    assert.equal(record.authorised, placed.pricing!.total);
    assert.deepEqual(placed.payment?.parts, [{ method: "card", amount: placed.pricing!.total }]);
    const created = await calls(record.intentId!, /^\/v1\/payment_intents$/);
    assert.equal(created.length, 1);
    assert.equal(created[0].idempotencyKey, stripeKey.intent(id));
    assert.equal(created[0].params.capture_method, "manual");
    assert.equal((await stripeClient().paymentIntents.retrieve(record.intentId!)).status, "requires_capture");

    await deliverThrough(c.kitchen, c.courier, id);
    const captured = await paymentIn(id, "captured");
    assert.equal(captured.captured, placed.pricing!.total);
    const pi = await stripeClient().paymentIntents.retrieve(record.intentId!);
    assert.equal(pi.status, "succeeded");
    assert.equal(pi.amount_received, placed.pricing!.total);
    const captures = (await calls(record.intentId!, /\/capture$/)).filter((r) => r.status === 200 && !r.replayed);
    assert.equal(captures.length, 1, "captured once");
    assert.equal(captures[0].idempotencyKey, stripeKey.capture(id));
    // Stripe's own word on it arrives after, and is taken.
    await until(async () =>
      (await standIn.events(record.intentId!)).some(
        (e) => e.type === "payment_intent.succeeded" && e.statuses.includes(200),
      ),
    );
  });

  it("Stripe unreachable at delivery: the capture is made later by the system, once", async () => {
    const customer = await createUser({}, "Una Unreachable");
    const id = await order(c, customer, { fries: 3 }, card("pm_card_visa"));
    await waitFor(orderRef(id), statusIs("placed"));
    const record = await paymentIn(id, "authorised");
    // Every attempt of the delivery's own effect (the SDK tries three times) is cut off.
    await standIn.outage("/capture$", 3);
    await deliverThrough(c.kitchen, c.courier, id);
    const captured = await paymentIn(id, "captured");
    assert.equal(captured.captured, record.amount);
    const attempts = await calls(record.intentId!, /\/capture$/);
    assert.equal(attempts.filter((r) => r.status === 0).length, 3, "the outage was met");
    assert.equal(attempts.filter((r) => r.status === 200 && !r.replayed).length, 1, "captured once");
  });

  it("a declined card ends payment_failed: the customer is told why, the kitchen never sees it", async () => {
    const customer = await createUser({}, "Dora Declined");
    const id = await order(c, customer, { pizza: 1 }, card("pm_card_chargeDeclined"));
    const failed = (await waitFor(orderRef(id), statusIs("payment_failed"))).data() as Order;
    assert.equal(failed.paymentFailure, "card_declined");
    assert.equal(failed.timeline?.placed, undefined);
    assert.equal(failed.acceptBy, undefined);
    assert.equal((await recordOf(id))?.state, "failed");
    const entry = (await inboxTold(customer.uid, id, "payment_failed")).data() as InboxNotification;
    assert.equal(entry.status, "payment_failed");
    // No word to the restaurant's staff (they hear of placed orders), nothing on its board.
    const staffEntry = await adminDb.doc(paths.notification(c.kitchen.uid, id)).get();
    assert.equal(staffEntry.exists, false);
    await assert.rejects(getDoc(doc(c.kitchen.db, paths.order(id))), /permission-denied|PERMISSION_DENIED/i);
  });

  it("3-D Secure: the client secret reaches only the customer; their confirmation places the order", async () => {
    const customer = await createUser({}, "Theo Three");
    const stranger = await createUser({}, "Sam Stranger");
    const id = await order(c, customer, { pizza: 1 }, card("pm_card_authenticationRequired"));
    const record = await paymentIn(id, "requires_action");
    assert.equal((await orderRef(id).get()).get("status"), "awaiting_payment");
    const { clientSecret } = await call<{ clientSecret: string }>(customer, "paymentAction", { orderId: id });
    const pi = await stripeClient().paymentIntents.retrieve(record.intentId!);
    assert.equal(clientSecret, pi.client_secret);
    assert.deepEqual(await refusal(call(stranger, "paymentAction", { orderId: id })), {
      code: "not-found",
      reason: "no_payment",
    });
    // The secret is kept nowhere in Firestore.
    assert.ok(!JSON.stringify(await recordOf(id)).includes("_secret_"));

    await standIn.authenticate(record.intentId!, "succeed");
    const placed = (await waitFor(orderRef(id), statusIs("placed"))).data() as Order;
    assert.equal(placed.by?.placed, "backend:stripe", "Stripe's webhook placed it");
    assert.equal((await recordOf(id))?.state, "authorised");
    // Declined so that it does not wait for its accept timeout; the hold is let go.
    await moveOrder(c.kitchen, id, "declined", { declineReason: "too_busy" });
    await paymentIn(id, "cancelled");
    assert.equal((await stripeClient().paymentIntents.retrieve(record.intentId!)).status, "canceled");
  });

  it("a lost webhook: the reconciler asks Stripe and places the order", async () => {
    const customer = await createUser({}, "Lou Lost");
    const id = await order(c, customer, { fries: 2 }, card("pm_card_authenticationRequired"));
    const record = await paymentIn(id, "requires_action");
    await standIn.drop(record.intentId!);
    const authenticated = Date.now();
    await standIn.authenticate(record.intentId!, "succeed");
    const placed = (await waitFor(orderRef(id), statusIs("placed"))).data() as Order;
    assert.equal(placed.by?.placed, "backend:reconciler");
    // Its look at the payment (PAYMENT_CHECK_SECONDS, 4 s in tests), not the payment timeout (30 s).
    const waited = placed.timeline!.placed!.toMillis() - authenticated;
    assert.ok(waited < 20_000, `placed ${waited} ms after the customer's confirmation`);
    const events = await standIn.events(record.intentId!);
    assert.ok(events.some((e) => e.type === "payment_intent.amount_capturable_updated" && !e.delivered));
    await moveOrder(c.kitchen, id, "declined", { declineReason: "too_busy" });
    await paymentIn(id, "cancelled");
  });

  it("3-D Secure never finished times out to payment_failed, and the hold is cancelled", async () => {
    const customer = await createUser({}, "Abe Abandoned");
    const id = await order(c, customer, { pizza: 1 }, card("pm_card_authenticationRequired"));
    const record = await paymentIn(id, "requires_action");
    const failed = (await waitFor(orderRef(id), statusIs("payment_failed"))).data() as Order;
    assert.equal(failed.paymentFailure, "payment_timeout");
    assert.equal(failed.by?.payment_failed, "backend:reconciler");
    await paymentIn(id, "cancelled");
    assert.equal((await stripeClient().paymentIntents.retrieve(record.intentId!)).status, "canceled");
    await inboxTold(customer.uid, id, "payment_failed");
  });

  it("every ending without delivery cancels the hold: the customer's cancel, the accept timeout", async () => {
    const customer = await createUser({}, "Cleo Cancel");
    const cancelled = await order(c, customer, { pizza: 1 }, card("pm_card_visa"));
    await waitFor(orderRef(cancelled), statusIs("placed"));
    await moveOrder(customer, cancelled, "cancelled", { cancelReason: "changed_mind" });
    const timedOut = await order(c, customer, { fries: 2 }, card("pm_card_visa"));
    // Nobody answers: the accept timeout (20 s in tests) cancels it.
    await waitFor(orderRef(timedOut), statusIs("cancelled"));
    for (const id of [cancelled, timedOut]) {
      const record = await paymentIn(id, "cancelled");
      assert.equal(record.captured, 0);
      const pi = await stripeClient().paymentIntents.retrieve(record.intentId!);
      assert.equal(pi.status, "canceled");
      assert.equal((await calls(record.intentId!, /\/capture$/)).length, 0, "nothing captured");
    }
  });

  it("a complaint about a card order is refunded to the card, once", async () => {
    const customer = await createUser({}, "Rita Refund");
    const id = await order(c, customer, { fries: 1, pizza: 1 }, card("pm_card_visa"));
    await waitFor(orderRef(id), statusIs("placed"));
    await deliverThrough(c.kitchen, c.courier, id);
    const captured = await paymentIn(id, "captured");
    await waitFor(adminDb.doc(paths.receipt(id)), (s) => s.exists);
    const { complaintId } = await call<{ complaintId: string }>(customer, "fileComplaint", {
      orderId: id,
      type: "missing_items",
      lines: [{ line: 0, quantity: 1 }],
    });
    const complaint = (
      await waitFor(adminDb.doc(paths.complaint(complaintId)), (s) => !!s.get("cardRefundId"))
    ).data() as Complaint;
    assert.equal(complaint.toCard, 450);
    const refunded = (await waitFor(recordRef(id), (s) => s.get("refunded") === 450)).data() as CardPayment;
    assert.deepEqual(Object.values(refunded.refunds), [{ amount: 450, complaintId }]);
    assert.equal(await creditOfUser(customer.uid), 0, "to the card, not to credit");
    const refunds = await calls(captured.intentId!, /^\/v1\/refunds$/);
    assert.deepEqual(
      refunds.filter((r) => !r.replayed).map((r) => r.idempotencyKey),
      [stripeKey.refund(complaintId)],
    );
    const pi = await stripeClient().paymentIntents.retrieve(captured.intentId!, { expand: ["latest_charge"] });
    assert.equal((pi.latest_charge as Stripe.Charge).amount_refunded, 450);
  });

  it("a saved card: kept with consent, charged again for a raised tip, and removable", async () => {
    const customer: TestUser = await createUser({}, "Kim Keep");
    const id = await order(c, customer, { pizza: 1 }, card("pm_card_visa", { saveCard: true }));
    await waitFor(orderRef(id), statusIs("placed"));
    const record = (await waitFor(recordRef(id), (s) => !!s.get("paymentMethodId"))).data() as CardPayment;
    const saved = await adminDb.doc(paths.card(customer.uid, record.paymentMethodId!)).get();
    assert.equal(saved.get("last4"), "4242");
    await deliverThrough(c.kitchen, c.courier, id);
    await waitFor(adminDb.doc(paths.receipt(id)), (s) => s.exists);
    const before = (await orderRef(id).get()).data() as Order;
    const raised = await call<{ tip: number; total: number }>(customer, "raiseTip", { orderId: id, tip: 300 });
    assert.equal(raised.tip, 300);
    const after = (await orderRef(id).get()).data() as Order;
    const cardPart = (o: Order) => o.payment!.parts.find((p) => p.method === "card")!.amount;
    assert.equal(cardPart(after), cardPart(before) + (300 - before.pricing!.tip));
    const tip = (await recordOf(id))!.tips["1"];
    assert.equal(tip.state, "charged");
    const tipIntent = await stripeClient().paymentIntents.retrieve(tip.intentId!);
    assert.equal(tipIntent.status, "succeeded");
    assert.equal(tipIntent.amount, 300 - before.pricing!.tip);
    assert.equal((await adminDb.doc(paths.receipt(id)).get()).get("tip"), 300);

    await call(customer, "removeCard", { cardId: record.paymentMethodId });
    assert.equal((await adminDb.doc(paths.card(customer.uid, record.paymentMethodId!)).get()).exists, false);
    assert.equal((await stripeClient().paymentMethods.retrieve(record.paymentMethodId!)).customer, null);
  });

  it("a raised tip whose card is declined leaves the tip as it was", async () => {
    const customer = await createUser({}, "Nia Nope");
    // A card that authorises once and is declined off-session (it asks for authentication).
    const id = await order(c, customer, { pizza: 1 }, card("pm_card_visa", { saveCard: true }));
    await waitFor(orderRef(id), statusIs("placed"));
    const record = (await waitFor(recordRef(id), (s) => !!s.get("paymentMethodId"))).data() as CardPayment;
    await deliverThrough(c.kitchen, c.courier, id);
    await waitFor(adminDb.doc(paths.receipt(id)), (s) => s.exists);
    // The card is removed at Stripe behind our back: the off-session charge cannot go through.
    await stripeClient().paymentMethods.detach(record.paymentMethodId!);
    const before = (await orderRef(id).get()).data() as Order;
    const refused = await refusal(call(customer, "raiseTip", { orderId: id, tip: 500 }));
    assert.equal(refused.code, "failed-precondition");
    const after = (await orderRef(id).get()).data() as Order;
    assert.deepEqual(after.pricing, before.pricing);
    assert.deepEqual(after.payment, before.payment);
  });
});

describe("Stripe's webhook endpoint", function () {
  this.timeout(300_000);
  let c: Cast;
  after(closeClients);
  before(async () => {
    c = await cast("Hooks");
  });

  it("refuses a bad or stale signature, applies an event once, and takes events in any order", async () => {
    const customer = await createUser({}, "Wes Webhook");
    const id = await order(c, customer, { pizza: 1 }, card("pm_card_authenticationRequired"));
    const record = await paymentIn(id, "requires_action");
    const waiting = await stripeClient().paymentIntents.retrieve(record.intentId!);
    // Stripe's own deliveries for this intent are lost from here: the test delivers its own.
    await standIn.drop(record.intentId!);
    await standIn.authenticate(record.intentId!, "succeed");
    const held = await stripeClient().paymentIntents.retrieve(record.intentId!);
    assert.equal(held.status, "requires_capture");
    const event = (type: string, object: unknown) => ({ id: `evt_test_${type}_${id}`, type, data: { object } });
    const capturable = event("payment_intent.amount_capturable_updated", held);

    assert.equal(await deliverEvent(capturable, "whsec_not_ours"), 400);
    const old = Math.floor(Date.now() / 1000) - 600;
    assert.equal(await deliverEvent(capturable, undefined, old), 400, "older than the 300 s tolerance");
    assert.equal((await adminDb.doc(paths.stripeEvent(capturable.id)).get()).exists, false);
    assert.equal((await orderRef(id).get()).get("status"), "awaiting_payment", "nothing applied");

    assert.equal(await deliverEvent(capturable), 200);
    const placed = (await waitFor(orderRef(id), statusIs("placed"))).data() as Order;
    assert.equal(placed.by?.placed, "backend:stripe");
    assert.equal((await adminDb.doc(paths.stripeEvent(capturable.id)).get()).exists, true);
    const after = async () => (await orderRef(id).get()).updateTime!.toMillis();
    const placedAt = await after();

    // Twice, and then an older state arriving late: answered 200 (Stripe stops resending), and
    // nothing moves back.
    assert.equal(await deliverEvent(capturable), 200);
    assert.equal(await deliverEvent(event("payment_intent.requires_action", waiting)), 200);
    assert.equal(await after(), placedAt);
    assert.equal((await recordOf(id))?.state, "authorised");
    await moveOrder(c.kitchen, id, "declined", { declineReason: "too_busy" });
    await paymentIn(id, "cancelled");
  });
});

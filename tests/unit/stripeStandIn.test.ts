// The Stripe stand-in seen through the official `stripe` SDK, as the payments adapter sees it:
// authorise and capture, declines and 3-D Secure with Stripe's error shapes, cancel and refund
// rules, idempotent replays, saved cards, and webhooks signed so that constructEvent takes them,
// retried, dropped and in order.

import { strict as assert } from "node:assert";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { startStripeStandIn, type StandIn } from "../support/stripeStandIn";

const KEY = "sk_test_standin_unit";
const SECRET = "whsec_standin_unit";

interface Delivery {
  raw: string;
  signature: string;
  event: Stripe.Event;
}

/** The shop's webhook endpoint: answers 200 unless told otherwise, keeps what it accepted. */
class Hooks {
  readonly got: Delivery[] = [];
  answers: number[] = [];
  url = "";
  private server: Server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const status = this.answers.shift() ?? 200;
      if (status === 200) {
        this.got.push({ raw, signature: String(req.headers["stripe-signature"]), event: JSON.parse(raw) });
      }
      res.writeHead(status).end();
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(0, "127.0.0.1", done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/stripe`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }

  /** The types of the events accepted for one PaymentIntent, in arrival order. */
  typesFor(pi: string): string[] {
    return this.got
      .filter(({ event }) => {
        const o = event.data.object as { id: string; payment_intent?: string };
        return o.id === pi || o.payment_intent === pi;
      })
      .map((d) => d.event.type);
  }

  async waitFor(pi: string, count: number): Promise<string[]> {
    const until = Date.now() + 2000;
    while (this.typesFor(pi).length < count) {
      if (Date.now() > until) throw new Error(`${pi}: got only ${this.typesFor(pi).join(", ") || "no events"}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.typesFor(pi);
  }
}

/** Expects the SDK call to fail with this error class, and returns the error for more checks. */
async function refused<E extends Stripe.errors.StripeError>(
  call: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const err: unknown = await call.then(
    () => assert.fail("expected Stripe to refuse"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof type, `got ${String(err)}`);
  return err;
}

/** The PaymentIntent Stripe puts in a payment error's raw body. */
const intentIn = (err: Stripe.errors.StripeError) =>
  (err.raw as { payment_intent: Stripe.PaymentIntent }).payment_intent;

describe("unit: Stripe stand-in through the stripe SDK", () => {
  let standIn: StandIn;
  let hooks: Hooks;
  let stripe: Stripe;

  before(async () => {
    hooks = await new Hooks().start();
    standIn = await startStripeStandIn({
      secretKey: KEY,
      webhookUrl: hooks.url,
      webhookSecret: SECRET,
      retryDelayMs: 20,
    });
    stripe = new Stripe(KEY, { host: "127.0.0.1", port: standIn.port, protocol: "http" });
  });
  after(async () => {
    await standIn.close();
    await hooks.close();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it checks
  async function control(method: string, path: string, body?: Record<string, string>): Promise<any> {
    const res = await fetch(`${standIn.url}/_standin/${path}`, {
      method,
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      body: body && JSON.stringify(body),
    });
    assert.equal(res.status, 200);
    return res.json();
  }

  /** A card payment held for capture as the payments adapter asks for one, unless `extra` says otherwise. */
  const authorise = (
    amount: number,
    extra: Partial<Stripe.PaymentIntentCreateParams> = {},
    options?: Stripe.RequestOptions,
  ) =>
    stripe.paymentIntents.create(
      {
        amount,
        currency: "eur",
        capture_method: "manual",
        payment_method: "pm_card_visa",
        automatic_payment_methods: { enabled: true, allow_redirects: "never" },
        confirm: true,
        ...extra,
      },
      options,
    );

  it("authorises, captures part of the amount, and tells the webhook both in order", async () => {
    const pi = await authorise(2500, { metadata: { orderId: "order-1" } });
    assert.equal(pi.object, "payment_intent");
    assert.equal(pi.status, "requires_capture");
    assert.equal(pi.amount_capturable, 2500);
    assert.equal(pi.livemode, false);
    assert.match(pi.id, /^pi_\w{24}$/);
    assert.ok(pi.client_secret?.startsWith(`${pi.id}_secret_`));
    assert.match(String(pi.payment_method), /^pm_\w{24}$/, "the test token is cloned into a fresh pm_");
    assert.deepEqual(pi.metadata, { orderId: "order-1" });

    const tooMuch = await refused(
      stripe.paymentIntents.capture(pi.id, { amount_to_capture: 3000 }),
      Stripe.errors.StripeInvalidRequestError,
    );
    assert.equal(tooMuch.code, "amount_too_large");

    const captured = await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 2000 });
    assert.equal(captured.status, "succeeded");
    assert.equal(captured.amount_received, 2000);
    assert.equal(captured.amount_capturable, 0);
    const read = await stripe.paymentIntents.retrieve(pi.id, { expand: ["latest_charge"] });
    const charge = read.latest_charge as Stripe.Charge;
    assert.match(charge.id, /^ch_/);
    assert.deepEqual(
      [charge.amount, charge.amount_captured, charge.amount_refunded, charge.refunded, charge.payment_intent],
      [2500, 2000, 0, false, pi.id],
    );

    const again = await refused(stripe.paymentIntents.capture(pi.id), Stripe.errors.StripeInvalidRequestError);
    assert.equal(again.code, "payment_intent_unexpected_state");
    assert.deepEqual(await hooks.waitFor(pi.id, 2), [
      "payment_intent.amount_capturable_updated",
      "payment_intent.succeeded",
    ]);
    const [held] = hooks.got.filter((d) => d.event.type === "payment_intent.amount_capturable_updated");
    assert.equal((held.event.data.object as Stripe.PaymentIntent).status, "requires_capture", "the object then");
  });

  it("a declined card is a StripeCardError carrying the PaymentIntent, which waits for another card", async () => {
    const err = await refused(
      authorise(1800, { payment_method: "pm_card_chargeDeclined" }),
      Stripe.errors.StripeCardError,
    );
    assert.equal(err.statusCode, 402);
    assert.equal(err.code, "card_declined");
    assert.equal(err.decline_code, "generic_decline");
    const pi = intentIn(err);
    assert.equal(pi.status, "requires_payment_method");
    const read = await stripe.paymentIntents.retrieve(pi.id);
    assert.equal(read.status, "requires_payment_method");
    assert.equal(read.last_payment_error?.code, "card_declined");
    assert.equal(read.last_payment_error?.payment_method?.card?.last4, "0002");
    assert.deepEqual(await hooks.waitFor(pi.id, 1), ["payment_intent.payment_failed"]);
  });

  it("3-D Secure: requires_action until the customer passes (or fails) it", async () => {
    const pi = await authorise(2200, { payment_method: "pm_card_authenticationRequired", capture_method: "automatic" });
    assert.equal(pi.status, "requires_action");
    assert.equal(pi.next_action?.type, "use_stripe_sdk");
    const passed = await control("POST", `authenticate/${pi.id}`, { outcome: "succeed" });
    assert.equal(passed.status, "succeeded");
    assert.equal(passed.amount_received, 2200);
    assert.deepEqual(await hooks.waitFor(pi.id, 2), ["payment_intent.requires_action", "payment_intent.succeeded"]);

    const other = await authorise(2200, { payment_method: "pm_card_authenticationRequired" });
    const failed = await control("POST", `authenticate/${other.id}`, { outcome: "fail" });
    assert.equal(failed.status, "requires_payment_method");
    assert.equal(failed.last_payment_error.code, "payment_intent_authentication_failure");
    assert.deepEqual(await hooks.waitFor(other.id, 2), [
      "payment_intent.requires_action",
      "payment_intent.payment_failed",
    ]);
  });

  it("cancels a held payment, but not one that succeeded", async () => {
    const held = await authorise(1500);
    const canceled = await stripe.paymentIntents.cancel(held.id, { cancellation_reason: "requested_by_customer" });
    assert.equal(canceled.status, "canceled");
    assert.equal(canceled.cancellation_reason, "requested_by_customer");
    assert.ok(canceled.canceled_at);
    assert.deepEqual(await hooks.waitFor(held.id, 2), [
      "payment_intent.amount_capturable_updated",
      "payment_intent.canceled",
    ]);

    const paid = await authorise(1500, { capture_method: "automatic" });
    const err = await refused(stripe.paymentIntents.cancel(paid.id), Stripe.errors.StripeInvalidRequestError);
    assert.equal(err.code, "payment_intent_unexpected_state");
    assert.equal(intentIn(err).status, "succeeded");
  });

  it("refunds in parts, never more than is left; each refund is a charge.refunded event", async () => {
    const pi = await authorise(3000, { capture_method: "automatic" });
    const first = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000, reason: "requested_by_customer" });
    assert.match(first.id, /^re_/);
    assert.deepEqual(
      [first.object, first.amount, first.status, first.payment_intent, first.charge],
      ["refund", 1000, "succeeded", pi.id, pi.latest_charge],
    );
    const tooMuch = await refused(
      stripe.refunds.create({ payment_intent: pi.id, amount: 2500 }),
      Stripe.errors.StripeInvalidRequestError,
    );
    assert.equal(tooMuch.code, "amount_too_large");
    const rest = await stripe.refunds.create({ payment_intent: pi.id });
    assert.equal(rest.amount, 2000);
    const done = await refused(
      stripe.refunds.create({ payment_intent: pi.id }),
      Stripe.errors.StripeInvalidRequestError,
    );
    assert.equal(done.code, "charge_already_refunded");

    await hooks.waitFor(pi.id, 3);
    const charges = hooks.got
      .filter((d) => d.event.type === "charge.refunded")
      .map((d) => d.event.data.object as Stripe.Charge)
      .filter((c) => c.payment_intent === pi.id);
    assert.deepEqual(
      charges.map((c) => [c.amount_refunded, c.refunded, c.refunds?.data.length]),
      [
        [1000, false, 1],
        [3000, true, 2],
      ],
    );
  });

  it("the same Idempotency-Key gives the first answer again; with other parameters it is refused", async () => {
    const key = "order-7-authorise";
    const first = await authorise(4200, {}, { idempotencyKey: key });
    const second = await authorise(4200, {}, { idempotencyKey: key });
    assert.equal(second.id, first.id);
    assert.equal(second.lastResponse.headers["idempotent-replayed"], "true");
    const requests = (await control("GET", `requests?intent=${first.id}`)).data;
    assert.deepEqual(
      requests.map((r: { idempotencyKey: string; replayed: boolean; status: number }) => [
        r.idempotencyKey,
        r.replayed,
        r.status,
      ]),
      [
        [key, false, 200],
        [key, true, 200],
      ],
    );
    const err = await refused(authorise(4300, {}, { idempotencyKey: key }), Stripe.errors.StripeIdempotencyError);
    assert.equal(err.rawType, "idempotency_error");

    await hooks.waitFor(first.id, 1);
    await new Promise((r) => setTimeout(r, 30));
    assert.deepEqual(hooks.typesFor(first.id), ["payment_intent.amount_capturable_updated"], "one authorisation");
  });

  it("signs each webhook so that stripe.webhooks.constructEvent takes it, and nothing tampered", async () => {
    const pi = await authorise(1200);
    await hooks.waitFor(pi.id, 1);
    const delivery = hooks.got.find((d) => (d.event.data.object as { id: string }).id === pi.id)!;
    const event = stripe.webhooks.constructEvent(delivery.raw, delivery.signature, SECRET);
    assert.match(event.id, /^evt_/);
    assert.equal(event.object, "event");
    assert.equal(event.livemode, false);
    assert.ok(event.request?.idempotency_key, "the SDK's own key on the request that caused it");
    assert.throws(
      () => stripe.webhooks.constructEvent(delivery.raw.replace("1200", "1"), delivery.signature, SECRET),
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it("saves the card to the customer with setup_future_usage, reuses it off-session, lists and detaches it", async () => {
    const customer = await stripe.customers.create({ email: "ada@example.com", metadata: { uid: "u1" } });
    assert.match(customer.id, /^cus_/);
    assert.equal((await stripe.customers.retrieve(customer.id)).object, "customer");
    const pi = await authorise(2000, { customer: customer.id, setup_future_usage: "off_session" });
    const pm = await stripe.paymentMethods.retrieve(String(pi.payment_method));
    assert.equal(pm.customer, customer.id);
    assert.deepEqual([pm.card?.brand, pm.card?.last4, pm.card?.exp_month], ["visa", "4242", 12]);

    const list = await stripe.paymentMethods.list({ customer: customer.id, type: "card" });
    assert.deepEqual([list.object, list.has_more, list.data.map((m) => m.id)], ["list", false, [pm.id]]);
    const again = await authorise(900, {
      customer: customer.id,
      payment_method: pm.id,
      off_session: true,
      capture_method: "automatic",
    });
    assert.equal(again.status, "succeeded");
    const other = await refused(authorise(900, { payment_method: pm.id }), Stripe.errors.StripeInvalidRequestError);
    assert.equal(other.param, "payment_method", "a saved card needs its customer");

    assert.equal((await stripe.paymentMethods.detach(pm.id)).customer, null);
    assert.deepEqual((await stripe.paymentMethods.list({ customer: customer.id, type: "card" })).data, []);
  });

  it("off-session with a card that needs authentication fails with authentication_required", async () => {
    const customer = await stripe.customers.create({ email: "bob@example.com" });
    const err = await refused(
      authorise(1000, { customer: customer.id, payment_method: "pm_card_authenticationRequired", off_session: true }),
      Stripe.errors.StripeCardError,
    );
    assert.equal(err.code, "authentication_required");
    const pi = intentIn(err);
    assert.equal(pi.status, "requires_payment_method");
    assert.deepEqual(await hooks.waitFor(pi.id, 1), ["payment_intent.payment_failed"]);
  });

  it("refuses a wrong key, unknown ids and unknown parameters as Stripe does", async () => {
    const intruder = new Stripe("sk_test_wrong", { host: "127.0.0.1", port: standIn.port, protocol: "http" });
    const denied = await refused(intruder.paymentIntents.retrieve("pi_x"), Stripe.errors.StripeAuthenticationError);
    assert.equal(denied.statusCode, 401);
    assert.equal(denied.rawType, "invalid_request_error");

    const missing = await refused(stripe.paymentIntents.retrieve("pi_nope"), Stripe.errors.StripeInvalidRequestError);
    assert.deepEqual([missing.statusCode, missing.code], [404, "resource_missing"]);
    const noCard = await refused(
      authorise(1000, { payment_method: "pm_nope" }),
      Stripe.errors.StripeInvalidRequestError,
    );
    assert.deepEqual([noCard.statusCode, noCard.code, noCard.param], [400, "resource_missing", "payment_method"]);
    const unknown = await refused(
      authorise(1000, { tip: 5 } as Partial<Stripe.PaymentIntentCreateParams>),
      Stripe.errors.StripeInvalidRequestError,
    );
    assert.deepEqual([unknown.code, unknown.param], ["parameter_unknown", "tip"]);
  });

  it("webhooks: retried after a failed answer, held back while dropped, recorded either way", async () => {
    hooks.answers = [500];
    const retried = await authorise(1100);
    await hooks.waitFor(retried.id, 1);
    const [record] = (await control("GET", `events?intent=${retried.id}`)).data;
    assert.deepEqual([record.delivered, record.statuses], [true, [500, 200]]);

    await control("POST", "drop?all=true");
    const lost = await authorise(1100);
    await control("POST", "undrop");
    await stripe.paymentIntents.capture(lost.id);
    assert.deepEqual(await hooks.waitFor(lost.id, 1), ["payment_intent.succeeded"], "the held event is gone");
    const events = (await control("GET", `events?intent=${lost.id}`)).data;
    assert.deepEqual(
      events.map((e: { type: string; dropped: boolean; delivered: boolean }) => [e.type, e.dropped, e.delivered]),
      [
        ["payment_intent.amount_capturable_updated", true, false],
        ["payment_intent.succeeded", false, true],
      ],
    );

    await control("POST", "webhook-url", { url: "http://127.0.0.1:9/nobody" });
    const unheard = await authorise(1100);
    const until = Date.now() + 2000;
    let tried: { attempts: number; statuses: unknown[]; delivered: boolean } | undefined;
    while (Date.now() < until && (tried?.statuses.length ?? 0) < 3) {
      await new Promise((r) => setTimeout(r, 10));
      [tried] = (await control("GET", `events?intent=${unheard.id}`)).data;
    }
    await control("POST", "webhook-url", { url: hooks.url });
    assert.deepEqual([tried?.statuses, tried?.delivered], [[null, null, null], false], "one attempt, two retries");
  });
});

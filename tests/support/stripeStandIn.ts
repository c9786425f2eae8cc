// A local stand-in for the slice of Stripe's REST API the payments adapter uses, so tests can point
// the official `stripe` SDK at it (`host: "127.0.0.1", port, protocol: "http"`) and get Stripe's
// wire format: form-encoded requests with bracket nesting, Bearer auth, Idempotency-Key replays,
// Stripe's error shapes and signed webhooks. Everything lives in memory. `/_standin/*` holds test
// controls Stripe has no API for: finishing 3-D Secure, losing webhooks, cutting requests off (a
// network outage), reading what was asked.
//
// CLI: npx tsx tests/support/stripeStandIn.ts --port 12111 --key sk_test_x --webhook-url URL --webhook-secret whsec_x

import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { parseArgs } from "node:util";
import Stripe from "stripe";

export interface StandInOptions {
  /** 0 (the default): any free port. */
  port?: number;
  secretKey: string;
  webhookUrl?: string;
  webhookSecret: string;
  /** The wait before each webhook retry: 1 s unless a test wants its retries quicker. */
  retryDelayMs?: number;
}

export interface StandIn {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Json = { [key: string]: unknown };
type Metadata = Record<string, string>;

interface Card {
  outcome: "succeed" | "decline" | "authenticate";
  last4: string;
  decline?: { code: string; message: string };
}

/** Stripe's documented test PaymentMethods; each use clones one into a fresh `pm_…` that keeps its behaviour. */
const TEST_CARDS: Record<string, Card> = {
  pm_card_visa: { outcome: "succeed", last4: "4242" },
  pm_card_chargeDeclined: {
    outcome: "decline",
    last4: "0002",
    decline: { code: "generic_decline", message: "Your card was declined." },
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    outcome: "decline",
    last4: "9995",
    decline: { code: "insufficient_funds", message: "Your card has insufficient funds." },
  },
  pm_card_authenticationRequired: { outcome: "authenticate", last4: "3184" },
};

/** Stripe's minimum charge per currency (the ones it refuses below); other currencies are not checked. */
const MINIMUM: Record<string, number> = { eur: 50, usd: 50, chf: 50, gbp: 30 };

const CANCELABLE = ["requires_payment_method", "requires_confirmation", "requires_action", "requires_capture"];

interface Intent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  cancellation_reason: string | null;
  canceled_at: number | null;
  capture_method: string;
  client_secret: string;
  confirmation_method: "automatic";
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  last_payment_error: Json | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  next_action: Json | null;
  payment_method: string | null;
  payment_method_types: string[];
  setup_future_usage: string | null;
  status: string;
}

interface Refund {
  id: string;
  object: "refund";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: string | null;
  status: "succeeded";
}

interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Metadata;
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  refunded: boolean;
  refunds: { object: "list"; data: Refund[]; has_more: false; url: string };
  status: "succeeded" | "failed";
}

interface Customer {
  id: string;
  object: "customer";
  created: number;
  description: string | null;
  email: string | null;
  invoice_settings: { default_payment_method: string | null };
  livemode: false;
  metadata: Metadata;
  name: string | null;
  phone: string | null;
}

interface PaymentMethod {
  id: string;
  object: "payment_method";
  billing_details: Json;
  card: Json;
  created: number;
  customer: string | null;
  livemode: false;
  metadata: Metadata;
  type: "card";
}

interface EventRecord {
  event: Json;
  intent: string;
  delivered: boolean;
  dropped: boolean;
  attempts: number;
  /** The HTTP status of each attempt; null when the endpoint could not be reached. */
  statuses: (number | null)[];
}

interface RequestRecord {
  requestId: string;
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Json;
  status: number;
  replayed: boolean;
  intents: string[];
}

class ApiError extends Error {
  /** `validation`: the request never started executing, so (as at Stripe) no idempotent result is saved. */
  constructor(
    readonly status: number,
    readonly body: Json,
    readonly validation = false,
  ) {
    super(String(body.message));
  }
}

function apiError(status: number, type: string, message: string, fields: Json = {}, validation = false) {
  const code = fields.code;
  const doc =
    typeof code === "string" ? { doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}` } : {};
  return new ApiError(status, { type, message, ...doc, ...fields }, validation);
}
const invalid = (message: string, fields: Json = {}, status = 400) =>
  apiError(status, "invalid_request_error", message, fields);
const badParam = (param: string, message: string, code?: string) =>
  apiError(400, "invalid_request_error", message, { ...(code && { code }), param }, true);

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const random = (n: number) => Array.from(randomBytes(n), (b) => BASE62[b % 62]).join("");
const newId = (prefix: string) => `${prefix}_${random(24)}`;
const now = () => Math.floor(Date.now() / 1000);
const clone = <T>(v: T): T => structuredClone(v);
/** Prototype-free, so a parameter named `__proto__` or `constructor` is just a name. */
const dict = () => Object.create(null) as Json;
const own = <T>(o: Record<string, T>, k: string): T | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

/** Stripe's form encoding: `metadata[orderId]=a`, `expand[0]=x` or `expand[]=x`; 0..n keys make arrays. */
function parseForm(pairs: Iterable<[string, string]>, into: Json = dict()): Json {
  for (const [name, value] of pairs) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
    if (!m) throw badParam(name, `Invalid parameter name: ${name}`);
    const keys = [m[1], ...Array.from(m[2].matchAll(/\[([^[\]]*)\]/g), (k) => k[1])];
    let node = into;
    keys.forEach((key, i) => {
      const k = key === "" ? String(Object.keys(node).length) : key;
      if (i === keys.length - 1) node[k] = value;
      else if (typeof node[k] === "string") throw badParam(m[1], `Invalid hash: ${m[1]}`);
      else node = (node[k] ??= dict()) as Json;
    });
  }
  return toArrays(into) as Json;
}

function toArrays(v: unknown): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
  const o = v as Json;
  const keys = Object.keys(o);
  for (const k of keys) o[k] = toArrays(o[k]);
  return keys.length > 0 && keys.every((k, i) => k === String(i)) ? keys.map((k) => o[k]) : o;
}

/** Key order does not matter when comparing an idempotent request's parameters. */
function canonical(v: unknown): string {
  if (typeof v !== "object" || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const o = v as Json;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(",")}}`;
}

/** Typed reads of one request's parameters, with Stripe's messages for what it refuses. */
class Params {
  constructor(readonly raw: Json) {}

  allow(...names: string[]): void {
    const unknown = Object.keys(this.raw).find((k) => k !== "expand" && !names.includes(k));
    if (unknown) throw badParam(unknown, `Received unknown parameter: ${unknown}`, "parameter_unknown");
  }

  /** An empty value is Stripe's "unset". */
  str(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === "") return undefined;
    if (typeof v !== "string") throw badParam(name, `Invalid string: ${JSON.stringify(v)}`);
    return v;
  }

  int(name: string): number | undefined {
    const v = this.str(name);
    if (v !== undefined && !/^-?\d+$/.test(v))
      throw badParam(name, `Invalid integer: ${v}`, "parameter_invalid_integer");
    return v === undefined ? undefined : Number(v);
  }

  bool(name: string): boolean | undefined {
    const v = this.str(name);
    if (v !== undefined && v !== "true" && v !== "false") throw badParam(name, `Invalid boolean: ${v}`);
    return v === undefined ? undefined : v === "true";
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.str(name);
    if (v !== undefined && !values.includes(v as T)) {
      throw badParam(name, `Invalid ${name}: must be one of ${values.join(", ")}`);
    }
    return v as T | undefined;
  }

  need<T>(name: string, v: T | undefined): T {
    if (v === undefined) throw badParam(name, `Missing required param: ${name}.`, "parameter_missing");
    return v;
  }

  /** Merges `metadata[…]` into `base`; an empty value removes the key, as at Stripe. */
  metadata(base: Metadata = {}): Metadata {
    const v = this.raw.metadata;
    if (v === undefined || v === "") return base;
    if (typeof v !== "object" || v === null) throw badParam("metadata", "Invalid hash");
    const out = Object.assign(dict(), base) as Metadata;
    for (const [k, value] of Object.entries(v)) {
      if (typeof value !== "string") throw badParam(`metadata[${k}]`, "Invalid string");
      if (k.length > 40) throw badParam(`metadata[${k}]`, "Metadata keys can be at most 40 characters.");
      if (value.length > 500) throw badParam(`metadata[${k}]`, "Metadata values can be at most 500 characters.");
      if (value === "") delete out[k];
      else out[k] = value;
    }
    if (Object.keys(out).length > 50) throw badParam("metadata", "Metadata can have at most 50 keys.");
    return out;
  }

  expand(): string[] {
    const v = this.raw.expand;
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((e) => typeof e !== "string")) throw badParam("expand", "Invalid array");
    return v as string[];
  }
}

/** Which fields of which object type `expand` may replace, and with what type of object. */
const EXPANDABLE: Record<string, Record<string, string>> = {
  payment_intent: { customer: "customer", latest_charge: "charge", payment_method: "payment_method" },
  charge: { customer: "customer", payment_intent: "payment_intent", payment_method: "payment_method" },
  refund: { charge: "charge", payment_intent: "payment_intent" },
  payment_method: { customer: "customer" },
  customer: {},
};

function checkExpand(type: string, path: string[]): void {
  const [head, ...rest] = path;
  if (type.startsWith("list:") && head === "data" && rest.length) return checkExpand(type.slice(5), rest);
  const fields = own(EXPANDABLE, type);
  const next = fields && own(fields, head);
  if (!next) throw badParam("expand", `This property cannot be expanded (${head}).`);
  if (rest.length) checkExpand(next, rest);
}

interface Ctx {
  p: Params;
  key: string | null;
  intents: Set<string>;
  events: EventRecord[];
}

interface Answer {
  status: number;
  body: string;
  intents: string[];
}

export async function startStripeStandIn(o: StandInOptions): Promise<StandIn> {
  const retryDelayMs = o.retryDelayMs ?? 1000;
  const signer = new Stripe(o.secretKey);
  let webhookUrl = o.webhookUrl;
  let closed = false;
  const shutdown = new AbortController();

  const intents = new Map<string, Intent>();
  const charges = new Map<string, Charge>();
  const refunds = new Map<string, Refund>();
  const customers = new Map<string, Customer>();
  const methods = new Map<string, PaymentMethod>();
  /** Like Stripe, a card detached from its customer cannot be used again. */
  const detached = new Set<string>();
  const cardOf = new Map<string, Card>();
  const stores: Record<string, Map<string, object>> = {
    payment_intent: intents,
    charge: charges,
    refund: refunds,
    customer: customers,
    payment_method: methods,
  };
  const saved = new Map<string, Answer & { endpoint: string; params: string }>();
  const requests: RequestRecord[] = [];
  const events: EventRecord[] = [];
  const queues = new Map<string, Promise<void>>();
  const dropped = new Set<string>();
  let dropAll = false;

  // --- objects and their state changes

  function found<T>(map: Map<string, T>, id: string, type: string, param: string, status: number): T {
    const v = map.get(id);
    if (!v) throw invalid(`No such ${type}: '${id}'`, { code: "resource_missing", param }, status);
    return v;
  }

  const intentOf = (c: Ctx, id: string) => {
    const pi = found(intents, id, "payment_intent", "intent", 404);
    c.intents.add(pi.id);
    return pi;
  };

  function unexpectedState(pi: Intent, message: string) {
    return invalid(message, { code: "payment_intent_unexpected_state", payment_intent: clone(pi) });
  }

  function newMethod(card: Card): PaymentMethod {
    const pm: PaymentMethod = {
      id: newId("pm"),
      object: "payment_method",
      billing_details: { address: null, email: null, name: null, phone: null },
      card: {
        brand: "visa",
        display_brand: "visa",
        country: "US",
        exp_month: 12,
        exp_year: new Date().getUTCFullYear() + 2,
        // Same test card, same fingerprint, as Stripe does for one card number.
        fingerprint: createHash("sha256").update(card.last4).digest("base64url").slice(0, 16),
        funding: "credit",
        last4: card.last4,
        wallet: null,
      },
      created: now(),
      customer: null,
      livemode: false,
      metadata: {},
      type: "card",
    };
    methods.set(pm.id, pm);
    cardOf.set(pm.id, card);
    return pm;
  }

  function methodFor(id: string): PaymentMethod {
    const token = own(TEST_CARDS, id);
    if (token) return newMethod(token);
    const pm = methods.get(id);
    if (!pm) throw invalid(`No such PaymentMethod: '${id}'`, { code: "resource_missing", param: "payment_method" });
    return pm;
  }

  function newCharge(pi: Intent, failure?: Json): Charge {
    const ch: Charge = {
      id: newId("ch"),
      object: "charge",
      amount: pi.amount,
      amount_captured: 0,
      amount_refunded: 0,
      captured: false,
      created: now(),
      currency: pi.currency,
      customer: pi.customer,
      failure_code: failure ? String(failure.code) : null,
      failure_message: failure ? String(failure.message) : null,
      livemode: false,
      metadata: { ...pi.metadata },
      paid: !failure,
      payment_intent: pi.id,
      payment_method: pi.payment_method!,
      refunded: false,
      refunds: { object: "list", data: [], has_more: false, url: "" },
      status: failure ? "failed" : "succeeded",
    };
    ch.refunds.url = `/v1/charges/${ch.id}/refunds`;
    charges.set(ch.id, ch);
    pi.latest_charge = ch.id;
    return ch;
  }

  function emit(c: Pick<Ctx, "key" | "events">, type: string, object: Intent | Charge, intent: string): void {
    const event = {
      id: newId("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: now(),
      data: { object: clone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: c.key },
      type,
    };
    const record: EventRecord = {
      event,
      intent,
      delivered: false,
      dropped: dropAll || dropped.has(intent),
      attempts: 0,
      statuses: [],
    };
    events.push(record);
    c.events.push(record);
  }

  /** The card said yes: held for capture, or charged at once. */
  function authorise(c: Ctx, pi: Intent): void {
    const ch = newCharge(pi);
    Object.assign(pi, { last_payment_error: null, next_action: null });
    if (pi.capture_method === "manual") {
      Object.assign(pi, { status: "requires_capture", amount_capturable: pi.amount });
      emit(c, "payment_intent.amount_capturable_updated", pi, pi.id);
    } else {
      Object.assign(ch, { captured: true, amount_captured: pi.amount });
      Object.assign(pi, { status: "succeeded", amount_received: pi.amount });
      emit(c, "payment_intent.succeeded", pi, pi.id);
    }
    // Stripe saves the card to the customer once a payment with setup_future_usage went through.
    if (pi.setup_future_usage && pi.customer) methods.get(pi.payment_method!)!.customer = pi.customer;
  }

  /** The payment failed: the intent asks for a new payment method and keeps the error. */
  function fail(c: Ctx, pi: Intent, error: Json, withCharge: boolean): Json {
    const pm = methods.get(pi.payment_method!)!;
    const ch = withCharge ? newCharge(pi, error) : null;
    pi.last_payment_error = { ...error, ...(ch && { charge: ch.id }), payment_method: clone(pm) };
    Object.assign(pi, { status: "requires_payment_method", payment_method: null, next_action: null });
    emit(c, "payment_intent.payment_failed", pi, pi.id);
    return { ...pi.last_payment_error, payment_intent: clone(pi) };
  }

  function confirm(c: Ctx, pi: Intent, offSession: boolean): void {
    const card = cardOf.get(pi.payment_method!)!;
    if (card.outcome === "succeed") return authorise(c, pi);
    if (card.outcome === "authenticate" && !offSession) {
      pi.status = "requires_action";
      pi.next_action = { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } };
      emit(c, "payment_intent.requires_action", pi, pi.id);
      return;
    }
    const [code, decline, message] = card.decline
      ? ["card_declined", card.decline.code, card.decline.message]
      : [
          "authentication_required",
          "authentication_required",
          "Your card was declined. This transaction requires authentication.",
        ];
    const error = { type: "card_error", code, decline_code: decline, message };
    throw new ApiError(402, fail(c, pi, apiError(402, "card_error", message, error).body, true));
  }

  // --- the API

  function createIntent(c: Ctx): Intent {
    const p = c.p;
    p.allow(
      ...["amount", "currency", "capture_method", "payment_method", "customer", "confirm", "off_session"],
      ...[
        "setup_future_usage",
        "metadata",
        "description",
        "payment_method_types",
        "automatic_payment_methods",
        "receipt_email",
        "return_url",
      ],
    );
    const amount = p.need("amount", p.int("amount"));
    const currency = p.need("currency", p.str("currency")).toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) throw badParam("currency", `Invalid currency: ${currency}`);
    if (amount < 1) throw badParam("amount", "This value must be greater than or equal to 1.");
    const minimum = own(MINIMUM, currency) ?? 1;
    if (amount < minimum) {
      const min = `${(minimum / 100).toFixed(2)} ${currency}`;
      throw apiError(400, "invalid_request_error", `Amount must be at least ${min}`, {
        code: "amount_too_small",
        param: "amount",
      });
    }
    const captureMethod = p.oneOf("capture_method", ["automatic", "automatic_async", "manual"]) ?? "automatic";
    const confirmNow = p.bool("confirm") ?? false;
    // off_session also takes Stripe's older "one_off" / "recurring" spellings.
    const off = p.str("off_session");
    const offSession = off === "one_off" || off === "recurring" || p.bool("off_session") === true;
    if (off !== undefined && !confirmNow) {
      throw badParam("off_session", "You can only pass `off_session` when `confirm` is true.");
    }
    const setupFutureUsage = p.oneOf("setup_future_usage", ["off_session", "on_session"]) ?? null;
    const customer = p.str("customer") ?? null;
    if (customer && !customers.has(customer)) {
      throw invalid(`No such customer: '${customer}'`, { code: "resource_missing", param: "customer" });
    }
    const metadata = p.metadata();
    const pmId = p.str("payment_method");
    if (confirmNow && !pmId) {
      throw badParam("payment_method", "You cannot confirm this PaymentIntent because it's missing a payment method.");
    }
    const pm = pmId ? methodFor(pmId) : null;
    if (pm && detached.has(pm.id)) {
      throw invalid(
        "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again.",
        { param: "payment_method" },
      );
    }
    if (pm?.customer && pm.customer !== customer) {
      throw invalid(
        `The PaymentMethod ${pm.id} belongs to the Customer ${pm.customer}. Please include the Customer in the \`customer\` parameter on the PaymentIntent.`,
        { param: "payment_method" },
      );
    }
    const id = newId("pi");
    const pi: Intent = {
      id,
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_received: 0,
      cancellation_reason: null,
      canceled_at: null,
      capture_method: captureMethod,
      client_secret: `${id}_secret_${random(25)}`,
      confirmation_method: "automatic",
      created: now(),
      currency,
      customer,
      description: p.str("description") ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata,
      next_action: null,
      payment_method: pm?.id ?? null,
      payment_method_types: ["card"],
      setup_future_usage: setupFutureUsage,
      status: pm ? "requires_confirmation" : "requires_payment_method",
    };
    intents.set(id, pi);
    c.intents.add(id);
    if (confirmNow) confirm(c, pi, offSession);
    return pi;
  }

  function capture(c: Ctx, id: string): Intent {
    c.p.allow("amount_to_capture", "metadata");
    const pi = intentOf(c, id);
    const amount = c.p.int("amount_to_capture");
    const metadata = c.p.metadata(pi.metadata);
    if (pi.status !== "requires_capture") {
      throw unexpectedState(
        pi,
        `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      );
    }
    const captured = amount ?? pi.amount_capturable;
    if (captured < 1) throw badParam("amount_to_capture", "This value must be greater than or equal to 1.");
    if (captured > pi.amount_capturable) {
      throw invalid(
        `The amount to capture (${captured}) is greater than the amount capturable (${pi.amount_capturable}).`,
        { code: "amount_too_large", param: "amount_to_capture", payment_intent: clone(pi) },
      );
    }
    Object.assign(charges.get(pi.latest_charge!)!, { captured: true, amount_captured: captured });
    Object.assign(pi, { status: "succeeded", amount_received: captured, amount_capturable: 0, metadata });
    emit(c, "payment_intent.succeeded", pi, pi.id);
    return pi;
  }

  function cancel(c: Ctx, id: string): Intent {
    c.p.allow("cancellation_reason");
    const pi = intentOf(c, id);
    const reasons = ["duplicate", "fraudulent", "requested_by_customer", "abandoned"] as const;
    const reason = c.p.oneOf("cancellation_reason", reasons) ?? null;
    if (!CANCELABLE.includes(pi.status)) {
      throw unexpectedState(
        pi,
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
      );
    }
    Object.assign(pi, {
      status: "canceled",
      cancellation_reason: reason,
      canceled_at: now(),
      amount_capturable: 0,
      next_action: null,
    });
    emit(c, "payment_intent.canceled", pi, pi.id);
    return pi;
  }

  function createRefund(c: Ctx): Refund {
    const p = c.p;
    p.allow("payment_intent", "charge", "amount", "reason", "metadata");
    const piId = p.str("payment_intent");
    const chId = p.str("charge");
    const amount = p.int("amount");
    const reason = p.oneOf("reason", ["duplicate", "fraudulent", "requested_by_customer"] as const) ?? null;
    const metadata = p.metadata();
    if (!piId && !chId) {
      throw badParam(
        "payment_intent",
        "One of the following params should be provided for this request: payment_intent or charge.",
        "parameter_missing",
      );
    }
    const pi = piId
      ? found(intents, piId, "payment_intent", "payment_intent", 400)
      : intents.get(found(charges, chId!, "charge", "charge", 400).payment_intent)!;
    c.intents.add(pi.id);
    const ch = chId ? charges.get(chId)! : pi.latest_charge ? charges.get(pi.latest_charge) : undefined;
    if (pi.status !== "succeeded" || !ch?.captured) {
      throw invalid(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
        code: "payment_intent_unexpected_state",
        param: piId ? "payment_intent" : "charge",
      });
    }
    const left = ch.amount_captured - ch.amount_refunded;
    if (left === 0) {
      throw invalid(`Charge ${ch.id} has already been refunded.`, { code: "charge_already_refunded", charge: ch.id });
    }
    const refunded = amount ?? left;
    if (refunded < 1) throw badParam("amount", "This value must be greater than or equal to 1.");
    if (refunded > left) {
      throw invalid(`Refund amount (${refunded}) is greater than unrefunded amount on charge (${left})`, {
        code: "amount_too_large",
        param: "amount",
      });
    }
    const refund: Refund = {
      id: newId("re"),
      object: "refund",
      amount: refunded,
      charge: ch.id,
      created: now(),
      currency: ch.currency,
      metadata,
      payment_intent: pi.id,
      reason,
      status: "succeeded",
    };
    refunds.set(refund.id, refund);
    ch.amount_refunded += refunded;
    ch.refunded = ch.amount_refunded === ch.amount_captured;
    ch.refunds.data.unshift(refund);
    emit(c, "charge.refunded", ch, pi.id);
    return refund;
  }

  function createCustomer(c: Ctx): Customer {
    c.p.allow("email", "name", "metadata", "description", "phone");
    const customer: Customer = {
      id: newId("cus"),
      object: "customer",
      created: now(),
      description: c.p.str("description") ?? null,
      email: c.p.str("email") ?? null,
      invoice_settings: { default_payment_method: null },
      livemode: false,
      metadata: c.p.metadata(),
      name: c.p.str("name") ?? null,
      phone: c.p.str("phone") ?? null,
    };
    customers.set(customer.id, customer);
    return customer;
  }

  function listMethods(c: Ctx): Json {
    c.p.allow("customer", "type", "limit", "starting_after");
    const customer = c.p.need("customer", c.p.str("customer"));
    found(customers, customer, "customer", "customer", 400);
    const type = c.p.str("type");
    const limit = c.p.int("limit") ?? 10;
    if (limit < 1 || limit > 100) throw badParam("limit", "This value must be between 1 and 100.");
    let all = [...methods.values()].filter((pm) => pm.customer === customer && (!type || pm.type === type)).reverse();
    const after = c.p.str("starting_after");
    if (after) all = all.slice(all.findIndex((pm) => pm.id === after) + 1);
    return { object: "list", data: all.slice(0, limit), has_more: all.length > limit, url: "/v1/payment_methods" };
  }

  function detach(c: Ctx, id: string): PaymentMethod {
    c.p.allow();
    const pm = found(methods, id, "payment_method", "payment_method", 404);
    if (!pm.customer) {
      throw invalid("The payment method you provided is not attached to a customer so detachment is impossible.", {
        code: "payment_method_unexpected_state",
      });
    }
    pm.customer = null;
    detached.add(pm.id);
    return pm;
  }

  type Route = [method: string, path: RegExp, type: string, handler: (c: Ctx, id: string) => object];
  const routes: Route[] = [
    ["POST", /^\/v1\/payment_intents$/, "payment_intent", createIntent],
    [
      "GET",
      /^\/v1\/payment_intents\/([^/]+)$/,
      "payment_intent",
      (c, id) => (c.p.allow("client_secret"), intentOf(c, id)),
    ],
    ["POST", /^\/v1\/payment_intents\/([^/]+)\/capture$/, "payment_intent", capture],
    ["POST", /^\/v1\/payment_intents\/([^/]+)\/cancel$/, "payment_intent", cancel],
    ["POST", /^\/v1\/refunds$/, "refund", createRefund],
    ["POST", /^\/v1\/customers$/, "customer", createCustomer],
    [
      "GET",
      /^\/v1\/customers\/([^/]+)$/,
      "customer",
      (c, id) => (c.p.allow(), found(customers, id, "customer", "id", 404)),
    ],
    ["GET", /^\/v1\/payment_methods$/, "list:payment_method", listMethods],
    [
      "GET",
      /^\/v1\/payment_methods\/([^/]+)$/,
      "payment_method",
      (c, id) => (
        c.p.allow(),
        own(TEST_CARDS, id) ? methodFor(id) : found(methods, id, "payment_method", "payment_method", 404)
      ),
    ],
    ["POST", /^\/v1\/payment_methods\/([^/]+)\/detach$/, "payment_method", detach],
  ];

  function expand(obj: Json, path: string[]): void {
    const [head, ...rest] = path;
    if (obj.object === "list" && head === "data") {
      for (const item of obj.data as Json[]) expand(item, rest);
      return;
    }
    const target = EXPANDABLE[String(obj.object)][head];
    const v = obj[head];
    if (typeof v === "string") obj[head] = clone(stores[target].get(v)) ?? v;
    if (rest.length && typeof obj[head] === "object" && obj[head] !== null) expand(obj[head] as Json, rest);
  }

  function api(method: string, path: string, params: Json, key: string | null): Answer & { events: EventRecord[] } {
    let route: Route | undefined;
    let id = "";
    for (const r of routes) {
      const m = r[0] === method ? r[1].exec(path) : null;
      if (m) [route, id] = [r, decodeURIComponent(m[1] ?? "")];
    }
    const c: Ctx = { p: new Params(params), key, intents: new Set(), events: [] };
    let status = 200;
    let json: unknown;
    let validation = false;
    try {
      if (!route) {
        throw invalid(
          `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
          {},
          404,
        );
      }
      const paths = c.p.expand().map((e) => e.split("."));
      for (const e of paths) checkExpand(route[2], e);
      json = clone(route[3](c, id));
      for (const e of paths) expand(json as Json, e);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      [status, json, validation] = [e.status, { error: e.body }, e.validation || !route];
    }
    const answer = { status, body: JSON.stringify(json, null, 2), intents: [...c.intents] };
    if (key && !validation)
      saved.set(`${o.secretKey}\0${key}`, { ...answer, endpoint: `${method} ${path}`, params: canonical(params) });
    return { ...answer, events: c.events };
  }

  /** Same key: the first answer again, untouched; the key on another endpoint or other params is refused. */
  function replay(method: string, path: string, params: Json, key: string): Answer | undefined {
    const first = saved.get(`${o.secretKey}\0${key}`);
    if (!first) return undefined;
    const retry = `Try using a key other than '${key}' if you meant to execute a different request.`;
    if (first.endpoint !== `${method} ${path}`) {
      throw apiError(
        400,
        "idempotency_error",
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${first.endpoint}' vs '${method} ${path}'). ${retry}`,
      );
    }
    if (first.params !== canonical(params)) {
      throw apiError(
        400,
        "idempotency_error",
        `Keys for idempotent requests can only be used with the same parameters they were first used with. ${retry}`,
      );
    }
    return first;
  }

  // --- test controls

  function control(method: string, path: string, params: Json): { json: unknown; events: EventRecord[] } {
    const c: Ctx = { p: new Params(params), key: null, intents: new Set(), events: [] };
    const intent = c.p.str("intent");
    const auth = /^\/_standin\/authenticate\/([^/]+)$/.exec(path);
    if (method === "POST" && auth) {
      const pi = intentOf(c, decodeURIComponent(auth[1]));
      const outcome = c.p.need("outcome", c.p.oneOf("outcome", ["succeed", "fail"]));
      if (pi.status !== "requires_action") {
        throw unexpectedState(
          pi,
          `This PaymentIntent has a status of ${pi.status}; only requires_action awaits authentication.`,
        );
      }
      if (outcome === "succeed") authorise(c, pi);
      else {
        fail(
          c,
          pi,
          apiError(
            400,
            "invalid_request_error",
            "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
            { code: "payment_intent_authentication_failure" },
          ).body,
          false,
        );
      }
      return { json: clone(pi), events: c.events };
    }
    const route = `${method} ${path}`;
    if (route === "GET /_standin/requests") {
      return {
        json: { object: "list", data: requests.filter((r) => !intent || r.intents.includes(intent)) },
        events: [],
      };
    }
    if (route === "GET /_standin/events") {
      const data = events
        .filter((r) => !intent || r.intent === intent)
        .map((r) => ({
          id: r.event.id,
          type: r.event.type,
          intent: r.intent,
          delivered: r.delivered,
          dropped: r.dropped,
          attempts: r.attempts,
          status: r.statuses.at(-1) ?? null,
          statuses: r.statuses,
          event: r.event,
        }));
      return { json: { object: "list", data }, events: [] };
    }
    if (route === "POST /_standin/drop") {
      if (c.p.bool("all")) dropAll = true;
      else dropped.add(c.p.need("intent", intent));
      return { json: { all: dropAll, intents: [...dropped] }, events: [] };
    }
    if (route === "POST /_standin/outage") {
      outage = { path: new RegExp(c.p.need("path", c.p.str("path"))), left: Number(c.p.str("times") ?? "1") };
      return { json: { path: outage.path.source, times: outage.left }, events: [] };
    }
    if (route === "POST /_standin/undrop") {
      dropAll = false;
      dropped.clear();
      return { json: { all: false, intents: [] }, events: [] };
    }
    if (route === "POST /_standin/webhook-url") {
      webhookUrl = c.p.str("url");
      return { json: { url: webhookUrl ?? null }, events: [] };
    }
    throw invalid(`Unrecognized stand-in control (${route}).`, {}, 404);
  }

  // --- webhooks

  /** One attempt and up to two retries; the endpoint's answers are kept on the record. Never rejects. */
  async function deliver(r: EventRecord): Promise<void> {
    const payload = JSON.stringify(r.event, null, 2);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) await delay(retryDelayMs, undefined, { signal: shutdown.signal }).catch(() => undefined);
      if (closed || !webhookUrl) return;
      r.attempts++;
      try {
        const res = await fetch(webhookUrl, {
          method: "POST",
          redirect: "manual",
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "Stripe-Signature": signer.webhooks.generateTestHeaderString({ payload, secret: o.webhookSecret }),
          },
          body: payload,
          signal: AbortSignal.any([shutdown.signal, AbortSignal.timeout(10_000)]),
        });
        r.statuses.push(res.status);
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) {
          r.delivered = true;
          return;
        }
      } catch {
        r.statuses.push(null);
      }
    }
  }

  /** In order per PaymentIntent, one at a time, after the API answer has gone out. */
  function send(records: EventRecord[]): void {
    for (const r of records) {
      if (r.dropped) continue;
      queues.set(
        r.intent,
        (queues.get(r.intent) ?? Promise.resolve()).then(() => deliver(r)),
      );
    }
  }

  // --- HTTP

  function authError(header: string | undefined): string | null {
    const bearer = /^Bearer (.+)$/i.exec(header ?? "")?.[1];
    const basic = /^Basic (.+)$/i.exec(header ?? "")?.[1];
    const key = bearer ?? (basic ? Buffer.from(basic, "base64").toString().split(":")[0] : "");
    if (!key) {
      return "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";
    }
    if (key === o.secretKey) return null;
    return `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
  }

  function paramsOf(req: IncomingMessage, url: URL, text: string): Json {
    const query = parseForm(url.searchParams);
    if (!/^application\/json/i.test(req.headers["content-type"] ?? "") || !text) {
      return parseForm(new URLSearchParams(text), query);
    }
    try {
      return { ...query, ...(JSON.parse(text) as Json) };
    } catch {
      throw invalid("Invalid JSON body.");
    }
  }

  interface Out extends Partial<Answer> {
    status: number;
    body: string;
    params?: Json;
    replayed?: boolean;
    events?: EventRecord[];
  }

  function handle(req: IncomingMessage, method: string, url: URL, text: string, key: string | null): Out {
    let params: Json = {};
    try {
      const denied = authError(req.headers.authorization);
      if (denied) throw new ApiError(401, { type: "invalid_request_error", message: denied });
      params = paramsOf(req, url, text);
      if (url.pathname.startsWith("/_standin/")) {
        const out = control(method, url.pathname, params);
        return { status: 200, body: JSON.stringify(out.json, null, 2), events: out.events };
      }
      const first = key ? replay(method, url.pathname, params, key) : undefined;
      return first ? { ...first, params, replayed: true } : { ...api(method, url.pathname, params, key), params };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { status: e.status, body: JSON.stringify({ error: e.body }, null, 2), params };
    }
  }

  /** Requests whose path matches are cut off, this many times (`/_standin/outage`). */
  let outage: { path: RegExp; left: number } | null = null;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const requestId = `req_${random(14)}`;
      const method = req.method ?? "GET";
      const url = new URL(req.url ?? "/", "http://stand-in");
      // Stripe reads Idempotency-Key on POST only.
      const key = method === "POST" ? ((req.headers["idempotency-key"] as string | undefined) ?? null) : null;
      // A network outage: the request never reaches Stripe (nothing is done, nothing kept under its
      // key), and the connection drops.
      if (outage && outage.left > 0 && outage.path.test(url.pathname)) {
        outage.left--;
        const intents = [/\/v1\/payment_intents\/([^/]+)/.exec(url.pathname)?.[1]].filter((i): i is string => !!i);
        requests.push({
          requestId,
          method,
          path: url.pathname,
          idempotencyKey: key,
          params: {},
          status: 0,
          replayed: false,
          intents,
        });
        req.socket.destroy();
        return;
      }
      let out: Out;
      try {
        out = handle(req, method, url, Buffer.concat(chunks).toString("utf8"), key);
      } catch (e) {
        out = { status: 500, body: JSON.stringify({ error: { type: "api_error", message: String(e) } }) };
      }
      res
        .writeHead(out.status, {
          "Content-Type": "application/json",
          "Request-Id": requestId,
          "Stripe-Version": (req.headers["stripe-version"] as string | undefined) ?? Stripe.API_VERSION,
          ...(key && { "Idempotency-Key": key }),
          ...(out.replayed && { "Idempotent-Replayed": "true" }),
          ...(out.status === 401 && { "WWW-Authenticate": 'Bearer realm="Stripe"' }),
        })
        .end(out.body);
      if (!url.pathname.startsWith("/_standin/")) {
        requests.push({
          requestId,
          method,
          path: url.pathname,
          idempotencyKey: key,
          params: out.params ?? {},
          status: out.status,
          replayed: out.replayed ?? false,
          intents: out.intents ?? [],
        });
      }
      send(out.events ?? []);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      closed = true;
      shutdown.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "12111" },
      key: { type: "string", default: "sk_test_standin" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string", default: "whsec_standin" },
    },
  });
  void startStripeStandIn({
    port: Number(values.port),
    secretKey: values.key,
    webhookUrl: values["webhook-url"],
    webhookSecret: values["webhook-secret"],
  }).then((s) => console.log(`Stripe stand-in on ${s.url}`));
}

// What the payment tests need of Stripe's stand-in (started by the test runner, which hands its
// address to the functions and the tests as STRIPE_API_BASE): the official SDK pointed at it, its
// test controls, and signed webhook deliveries of our own to the emulated function.

import Stripe from "stripe";
import { REGION } from "../../functions/src/domain";
import { HOST, PORTS, PROJECT_ID } from "../../scripts/lib/config";
import { STAND_IN_KEYS } from "../../scripts/lib/secrets";

const base = () => {
  const url = process.env.STRIPE_API_BASE;
  if (!url) throw new Error("STRIPE_API_BASE is not set: run the payment tests through npm test");
  return new URL(url);
};

let client: Stripe | null = null;

/** The official SDK, on the stand-in, with the key the functions use. */
export function stripeClient(): Stripe {
  const url = base();
  client ??= new Stripe(STAND_IN_KEYS.STRIPE_SECRET_KEY, {
    host: url.hostname,
    port: url.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  return client;
}

async function control<T>(method: "GET" | "POST", path: string, body?: Record<string, string>): Promise<T> {
  const res = await fetch(new URL(path, base()), {
    method,
    headers: {
      authorization: `Bearer ${STAND_IN_KEYS.STRIPE_SECRET_KEY}`,
      ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: body ? new URLSearchParams(body).toString() : undefined,
  });
  if (!res.ok) throw new Error(`stand-in ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface StandInRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Record<string, unknown>;
  status: number;
  replayed: boolean;
}

export interface StandInEvent {
  id: string;
  type: string;
  delivered: boolean;
  dropped: boolean;
  statuses: (number | null)[];
}

export const standIn = {
  /** The customer finishing (or failing) 3-D Secure in Stripe's own window. */
  authenticate: (intentId: string, outcome: "succeed" | "fail") =>
    control("POST", `/_standin/authenticate/${intentId}`, { outcome }),
  /** The next `times` requests whose path matches never reach Stripe (a network outage). */
  outage: (path: string, times: number) => control("POST", `/_standin/outage`, { path, times: String(times) }),
  /** Stripe's webhooks for this intent are lost from now on. */
  drop: (intentId: string) => control("POST", `/_standin/drop?intent=${intentId}`),
  requests: async (intentId: string) =>
    (await control<{ data: StandInRequest[] }>("GET", `/_standin/requests?intent=${intentId}`)).data,
  events: async (intentId: string) =>
    (await control<{ data: StandInEvent[] }>("GET", `/_standin/events?intent=${intentId}`)).data,
};

/** The emulated stripeWebhook function's address. */
export const WEBHOOK_URL = `http://${HOST}:${PORTS.functions}/${PROJECT_ID}/${REGION}/stripeWebhook`;

/** Delivers an event to the webhook function as Stripe would, signed with `secret` (the
 * functions' own, unless a test wants a bad signature) at `timestamp` (now; in seconds). */
export async function deliverEvent(
  event: { id: string; type: string; data: { object: unknown } },
  secret = STAND_IN_KEYS.STRIPE_WEBHOOK_SECRET,
  timestamp?: number,
): Promise<number> {
  const payload = JSON.stringify({
    object: "event",
    livemode: false,
    created: Math.floor(Date.now() / 1000),
    ...event,
  });
  const header = stripeClient().webhooks.generateTestHeaderString({ payload, secret, timestamp });
  const res = await fetch(WEBHOOK_URL, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": header },
    body: payload,
  });
  await res.text();
  return res.status;
}

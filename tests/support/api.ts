// The partner API from the outside, as a restaurant's system uses it: through Hosting's /api/v1
// (the real rewrite to the function), with a client the owner made with the Integrations tab's
// callable. Every answer is checked against the OpenAPI document the API serves (ajv, JSON Schema
// 2020-12), so no test can pass on an answer the document does not describe. A local HTTP receiver
// stands in for the restaurant's webhook endpoint.

import { strict as assert } from "node:assert";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { httpsCallable } from "firebase/functions";
import type { ApiScope, WebhookEvent } from "../../functions/src/domain";
import { APP_URL } from "../../scripts/lib/config";
import { createRestaurant, createUser, RECOVERY_MS, type TestRestaurant, type TestUser } from "./app";

export const API = `${APP_URL}/api/v1`;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it checks
  json: any;
}

let spec: Promise<{ doc: Record<string, unknown>; ajv: Ajv2020 }> | undefined;

/** The served OpenAPI document, compiled once for validating answers. */
export function openApi() {
  spec ??= fetch(`${API}/openapi.json`).then(async (r) => {
    assert.equal(r.status, 200);
    const doc = (await r.json()) as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, "openapi");
    return { doc, ajv };
  });
  return spec;
}

const escape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** The document's path template for a request path (/orders/abc/accept → /orders/{id}/accept). */
function templateOf(doc: Record<string, unknown>, path: string): string | undefined {
  return Object.keys(doc.paths as object).find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path));
}

/** Asserts that the answer is one the document lists for this operation, in the shape it gives. */
export async function assertDocumented(method: string, path: string, reply: Reply): Promise<void> {
  const { doc, ajv } = await openApi();
  const template = templateOf(doc, path);
  assert.ok(template, `${path} is not in the OpenAPI document`);
  const op = (doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[template][
    method.toLowerCase()
  ];
  assert.ok(op, `${method} ${template} is not in the OpenAPI document`);
  const response = op.responses[String(reply.status)] as { content?: Record<string, unknown> } | undefined;
  assert.ok(response, `${method} ${template} does not document ${reply.status}: ${reply.text.slice(0, 300)}`);
  const type = (reply.headers.get("content-type") ?? "").split(";")[0];
  assert.ok(response.content?.[type], `${method} ${template} ${reply.status} does not document ${type}`);
  if (type.endsWith("json")) {
    const pointer = `openapi#/paths/${escape(template)}/${method.toLowerCase()}/responses/${reply.status}/content/${escape(type)}/schema`;
    const validate = ajv.compile({ $ref: pointer });
    assert.ok(
      validate(reply.json),
      `${method} ${path} ${reply.status} does not match the document: ${JSON.stringify(validate.errors)}\n${reply.text.slice(0, 500)}`,
    );
  }
  assert.equal(reply.headers.get("cache-control"), "no-store", "every API answer carries Cache-Control: no-store");
}

/** A webhook body, checked against the document's WebhookEvent schema. */
export async function assertWebhookEvent(body: unknown): Promise<void> {
  const { ajv } = await openApi();
  const validate = ajv.compile({ $ref: "openapi#/components/schemas/WebhookEvent" });
  assert.ok(validate(body), `webhook body does not match the document: ${JSON.stringify(validate.errors)}`);
}

/** One API call, its answer checked against the document. */
export async function call(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const reply = await send(token, method, path, body, headers);
  await assertDocumented(method, path.split("?")[0], reply);
  return reply;
}

/** A call to an address or with a method the document does not have: its answer must still be a
 * documented problem. */
export async function callUndocumented(token: string | null, method: string, path: string): Promise<Reply> {
  const reply = await send(token, method, path);
  const { ajv } = await openApi();
  assert.equal(reply.headers.get("content-type")?.split(";")[0], "application/problem+json");
  const validate = ajv.compile({ $ref: "openapi#/components/schemas/Problem" });
  assert.ok(validate(reply.json), JSON.stringify(validate.errors));
  assert.equal(reply.headers.get("cache-control"), "no-store");
  return reply;
}

/** A request whose answer is not the API's own (the platform's), unchecked. */
export async function send(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && typeof body !== "string" ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** POST /oauth/token with the client's id and secret (by HTTP Basic unless told otherwise). */
export async function requestToken(
  clientId: string,
  secret: string,
  extra: Record<string, string> = {},
  basic = true,
): Promise<Reply> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    ...(basic ? {} : { client_id: clientId, client_secret: secret }),
    ...extra,
  });
  return call(null, "POST", "/oauth/token", form.toString(), {
    "Content-Type": "application/x-www-form-urlencoded",
    ...(basic ? { Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}` } : {}),
  });
}

export interface Integration {
  restaurant: TestRestaurant;
  owner: TestUser;
  clientId: string;
  secret: string;
  token: string;
}

export const ALL_SCOPES: ApiScope[] = ["orders:read", "orders:write", "menu:write", "store:write", "statements:read"];

/** An owner's API client, made as the Integrations tab makes it. */
export async function createClient(owner: TestUser, restaurantId: string, scopes = ALL_SCOPES, name = "Till") {
  const made = await httpsCallable<unknown, { clientId: string; clientSecret: string }>(
    owner.functions,
    "createApiClient",
  )({
    restaurantId,
    name,
    scopes,
  });
  return made.data;
}

/** A restaurant open around the clock, its owner, a client with `scopes` and a token for it. */
export async function integration(
  menu: Parameters<typeof createRestaurant>[0] = { dish: { price: 1200 } },
  scopes = ALL_SCOPES,
): Promise<Integration> {
  const restaurant = await createRestaurant(menu, { minOrder: 0 });
  const owner = await createUser({ owner: [restaurant.id] }, "Olga Owner");
  const { clientId, clientSecret } = await createClient(owner, restaurant.id, scopes);
  const token = await requestToken(clientId, clientSecret);
  assert.equal(token.status, 200, token.text);
  return { restaurant, owner, clientId, secret: clientSecret, token: token.json.access_token };
}

/** The owner registers the client's webhook endpoint; returns its signing secret. */
export async function registerWebhook(
  owner: TestUser,
  clientId: string,
  url: string,
  events: WebhookEvent[],
): Promise<string> {
  const set = await httpsCallable<unknown, { signingSecret: string | null }>(
    owner.functions,
    "setApiWebhook",
  )({
    clientId,
    url,
    events,
  });
  return set.data.signingSecret!;
}

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

/** A restaurant's system's webhook endpoint on this machine. `answers` are the statuses it gives,
 * one per request (the last one from then on). */
export class Receiver {
  readonly received: Received[] = [];
  private server: Server;
  private answers: number[];
  url = "";

  constructor(answers: number[] = [200]) {
    this.answers = answers;
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.received.push({ at: Date.now(), headers: req.headers, raw: Buffer.concat(chunks) });
        const status = this.answers.length > 1 ? this.answers.shift()! : this.answers[0];
        res.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : "till is down");
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(0, "127.0.0.1", done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/dishpatch`;
    return this;
  }

  answer(...statuses: number[]) {
    this.answers = statuses;
  }

  /** The deliveries of one event (its retries included). */
  of(eventId: string): Received[] {
    return this.received.filter((r) => r.headers["dishpatch-event-id"] === eventId);
  }

  async waitFor(test: () => boolean, ms = RECOVERY_MS, what = "deliveries"): Promise<void> {
    const until = Date.now() + ms;
    while (!test()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

// The partner API's HTTP side: routes under /api/v1, the guard on every call (guard.ts), bounded
// bodies checked against the schemas, Idempotency-Key on writes, and every answer with
// Cache-Control: no-store; every error as application/problem+json, never a stack trace.

import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { z } from "zod";
import { API_LIMITS, type ApiScope } from "../domain";
import { issueToken, requireClient, type ApiCaller } from "./guard";
import { once, type Answer } from "./idempotency";
import { patchMenuItem, replaceMenu } from "./menu";
import { openApiDocument } from "./openapi";
import { acceptOrder, cancelOrder, denyOrder, getOrder, listOrders, readyOrder } from "./orders";
import { ApiProblem } from "./problem";
import { AcceptRequest, CancelRequest, DenyRequest, MenuItemPatch, MenuPut, StoreStatusPut } from "./schemas";
import { readStatement } from "./statements";
import { getStore, putStore } from "./store";

export const BASE = "/api/v1";

export interface ApiRequest {
  method: string;
  /** The path as the client sent it, query string aside. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | undefined;
}

export interface ApiContext {
  db: Firestore;
  now: Date;
  jwtKey: string;
  rateLimit: number;
}

type Sent = Answer & { headers?: Record<string, string> };

interface Call {
  caller: ApiCaller;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  accept: string;
}

interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH";
  path: RegExp;
  scope?: ApiScope;
  /** The request body's schema (writes). */
  body?: z.ZodType;
  maxBytes?: number;
  run: (db: Firestore, call: Call, now: Date) => Promise<Sent | object>;
}

const ID = "([^/]+)";
const ROUTES: Route[] = [
  { method: "GET", path: /^\/orders$/, scope: "orders:read", run: (db, c) => listOrders(db, c.caller, c.query) },
  {
    method: "GET",
    path: new RegExp(`^/orders/${ID}$`),
    scope: "orders:read",
    run: (db, c) => getOrder(db, c.caller, c.params[0]),
  },
  {
    method: "POST",
    path: new RegExp(`^/orders/${ID}/accept$`),
    scope: "orders:write",
    body: AcceptRequest,
    run: (db, c) => acceptOrder(db, c.caller, c.params[0], (c.body as z.infer<typeof AcceptRequest>).prep_minutes),
  },
  {
    method: "POST",
    path: new RegExp(`^/orders/${ID}/deny$`),
    scope: "orders:write",
    body: DenyRequest,
    run: (db, c) => {
      const b = c.body as z.infer<typeof DenyRequest>;
      return denyOrder(db, c.caller, c.params[0], b.reason, b.note);
    },
  },
  {
    method: "POST",
    path: new RegExp(`^/orders/${ID}/ready$`),
    scope: "orders:write",
    run: (db, c) => readyOrder(db, c.caller, c.params[0]),
  },
  {
    method: "POST",
    path: new RegExp(`^/orders/${ID}/cancel$`),
    scope: "orders:write",
    body: CancelRequest,
    run: (db, c) => {
      const b = c.body as z.infer<typeof CancelRequest>;
      return cancelOrder(db, c.caller, c.params[0], b.reason, b.note);
    },
  },
  {
    method: "PUT",
    path: /^\/menu$/,
    scope: "menu:write",
    body: MenuPut,
    maxBytes: API_LIMITS.maxMenuBodyBytes,
    run: (db, c) => replaceMenu(db, c.caller, (c.body as z.infer<typeof MenuPut>).items),
  },
  {
    method: "PATCH",
    path: new RegExp(`^/menu/items/${ID}$`),
    scope: "menu:write",
    body: MenuItemPatch,
    run: (db, c) => patchMenuItem(db, c.caller, c.params[0], c.body as z.infer<typeof MenuItemPatch>),
  },
  { method: "GET", path: /^\/store\/status$/, scope: "store:write", run: (db, c, now) => getStore(db, c.caller, now) },
  {
    method: "PUT",
    path: /^\/store\/status$/,
    scope: "store:write",
    body: StoreStatusPut,
    run: (db, c, now) => putStore(db, c.caller, c.body as z.infer<typeof StoreStatusPut>, now),
  },
  {
    method: "GET",
    path: /^\/statements$/,
    scope: "statements:read",
    run: async (db, c) => {
      const { json, csv } = await readStatement(db, c.caller, c.query);
      const wantsCsv =
        c.query.get("format") === "csv" || (c.query.get("format") !== "json" && /text\/csv/.test(c.accept));
      return wantsCsv ? { status: 200, contentType: "text/csv; charset=utf-8", body: csv } : json;
    },
  },
];

const header = (req: ApiRequest, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

const jsonAnswer = (status: number, body: unknown): Sent => ({
  status,
  contentType: "application/json",
  body: JSON.stringify(body),
});

function problemAnswer(err: unknown): Sent {
  if (err instanceof ApiProblem) {
    return {
      status: err.status,
      contentType: "application/problem+json",
      body: JSON.stringify(err.body()),
      headers: err.headers,
    };
  }
  logger.error("api: unexpected error", { err: err instanceof Error ? err.stack : String(err) });
  const p = new ApiProblem("internal", "Something went wrong on our side; try again.");
  return { status: 500, contentType: "application/problem+json", body: JSON.stringify(p.body()) };
}

/** A JSON pointer (RFC 6901) for a zod issue's path. */
const pointer = (path: PropertyKey[]) =>
  path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

function parseBody(req: ApiRequest, route: Route): unknown {
  const raw = req.rawBody ?? Buffer.alloc(0);
  const max = route.maxBytes ?? API_LIMITS.maxBodyBytes;
  if (raw.length > max) throw new ApiProblem("payload_too_large", `At most ${max} bytes.`);
  if (!route.body) return undefined;
  const type = header(req, "content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ApiProblem("unsupported_media_type", "Send application/json.");
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new ApiProblem("invalid_body", "The body is not JSON.", { problems: [{ path: "", message: "not JSON" }] });
  }
  const parsed = route.body.safeParse(value);
  if (!parsed.success) {
    throw new ApiProblem("invalid_body", "Nothing was changed: the body has problems.", {
      problems: parsed.error.issues.map((i) => ({ path: pointer(i.path), message: i.message })),
    });
  }
  return parsed.data;
}

async function runRoute(req: ApiRequest, ctx: ApiContext, route: Route, params: string[]): Promise<Sent> {
  const caller = await requireClient(ctx.db, header(req, "authorization"), route.scope!, {
    key: ctx.jwtKey,
    rateLimit: ctx.rateLimit,
    now: ctx.now,
  });
  const work = async (): Promise<Sent> => {
    try {
      const body = route.method === "GET" ? undefined : parseBody(req, route);
      const out = await route.run(
        ctx.db,
        { caller, params, query: req.query, body, accept: header(req, "accept") ?? "" },
        ctx.now,
      );
      return "status" in out && "contentType" in out ? (out as Sent) : jsonAnswer(200, out);
    } catch (err) {
      return problemAnswer(err);
    }
  };
  const key = header(req, "idempotency-key");
  if (route.method === "GET" || key === undefined) return work();
  const raw = (req.rawBody ?? Buffer.alloc(0)).toString("utf8");
  const answer = await once(
    ctx.db,
    caller.clientId,
    key,
    { method: req.method, path: req.path, body: raw },
    work,
    ctx.now,
  );
  return answer.replayed ? { ...answer, headers: { "Idempotent-Replayed": "true" } } : answer;
}

async function tokenRoute(req: ApiRequest, ctx: ApiContext): Promise<Sent> {
  const raw = req.rawBody ?? Buffer.alloc(0);
  if (raw.length > API_LIMITS.maxBodyBytes) throw new ApiProblem("payload_too_large");
  if (!/^application\/x-www-form-urlencoded\b/i.test(header(req, "content-type") ?? "")) {
    throw new ApiProblem("unsupported_media_type", "Send application/x-www-form-urlencoded (RFC 6749).");
  }
  const token = await issueToken(ctx.db, new URLSearchParams(raw.toString("utf8")), header(req, "authorization"), {
    key: ctx.jwtKey,
    rateLimit: ctx.rateLimit,
    now: ctx.now,
  });
  return { ...jsonAnswer(200, token), headers: { Pragma: "no-cache" } };
}

/** The answer to one request. */
export async function answer(req: ApiRequest, ctx: ApiContext): Promise<Sent> {
  try {
    if (!req.path.startsWith(`${BASE}/`)) throw new ApiProblem("not_found", "Not an API address.");
    const path = req.path.slice(BASE.length).replace(/\/$/, "");
    if (path === "/openapi.json" && req.method === "GET") return jsonAnswer(200, openApiDocument());
    if (path === "/oauth/token") {
      if (req.method !== "POST") throw new ApiProblem("method_not_allowed", undefined, {}, { Allow: "POST" });
      return await tokenRoute(req, ctx);
    }
    const matching = ROUTES.map((r) => ({ r, m: r.path.exec(path) })).filter((x) => x.m);
    if (matching.length === 0) throw new ApiProblem("not_found", "No such endpoint.");
    const hit = matching.find((x) => x.r.method === req.method);
    if (!hit) {
      throw new ApiProblem("method_not_allowed", undefined, {}, { Allow: matching.map((x) => x.r.method).join(", ") });
    }
    return await runRoute(req, ctx, hit.r, hit.m!.slice(1).map(decodeURIComponent));
  } catch (err) {
    return problemAnswer(err);
  }
}

// The OpenAPI 3.1 document, served at /api/v1/openapi.json. Its schemas are the ones the handlers
// check requests with and build answers from (schemas.ts, turned into JSON Schema 2020-12 by zod),
// so the document cannot describe another API than the one that runs.

import { z } from "zod";
import { API_LIMITS, API_SCOPES, WEBHOOK_EVENTS } from "../domain";
import { PROBLEMS, problemType, type ProblemCode } from "./problem";
import { API_STATUSES, descriptions, registry } from "./schemas";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });

function problems(...codes: ProblemCode[]) {
  const out: Record<string, unknown> = {};
  for (const code of codes) {
    const status = String(PROBLEMS[code][0]);
    out[status] ??= {
      description: codes
        .filter((c) => String(PROBLEMS[c][0]) === status)
        .map((c) => `${c}: ${PROBLEMS[c][1]}`)
        .join("; "),
      content: { "application/problem+json": { schema: ref("Problem") } },
      ...(code === "rate_limited"
        ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } } }
        : {}),
    };
  }
  return out;
}

/** What every authenticated call may answer besides its own outcomes. */
const CALL = ["unauthorized", "insufficient_scope", "rate_limited", "internal"] as const;
const WRITE = [
  ...CALL,
  "invalid_body",
  "payload_too_large",
  "unsupported_media_type",
  "idempotency_key_reused",
  "idempotency_key_in_use",
] as const;

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: `Send the same key again (within ${API_LIMITS.idempotencyHours} hours) to get the first answer again without doing anything twice.`,
  schema: { type: "string", maxLength: API_LIMITS.maxIdempotencyKeyLength },
};
const orderId = { name: "id", in: "path", required: true, schema: { type: "string" } };

function orderMove(summary: string, body: string | null, scope = "orders:write") {
  return {
    post: {
      summary,
      security: [{ bearer: [scope] }],
      parameters: [orderId, idempotencyKey],
      ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
      responses: {
        "200": { description: "The order as it is now.", content: json("Order") },
        ...problems(...WRITE, "not_found", "state_conflict"),
      },
    },
  };
}

function schemas(): Record<string, unknown> {
  const { schemas: all } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  // Each comes as a document of its own; inside components it is one schema among others.
  return Object.fromEntries(
    Object.entries(all).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s;
      return [id, { ...rest, description: descriptions.get(id) }];
    }),
  );
}

let built: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  built ??= {
    openapi: "3.1.0",
    info: {
      title: "Dishpatch partner API",
      version: "1.0.0",
      description: [
        "For a restaurant's own systems (a till, a kitchen screen): take orders, answer them, keep the menu and the store's status, read statements, and hear about changes by signed webhooks.",
        "",
        "**Access.** The restaurant's owner creates a client on the dashboard's Integrations tab (its secret is shown once) and chooses its scopes. Exchange the client id and secret for an access token (OAuth 2.0 client credentials) and send it as `Authorization: Bearer <token>`. A token lasts " +
          `${API_LIMITS.tokenSeconds / 60} minutes; a revoked or rotated client is refused at once.`,
        "",
        "**Errors** are `application/problem+json` (RFC 9457): `type` is a tag URI, `code` names the problem, a 409 on an order carries its `current_status`, and a 400 or 422 lists every `problems` entry with its place. Every answer carries `Cache-Control: no-store`.",
        "",
        "**Writes** go through the same order state machine as the dashboard. Send an `Idempotency-Key` to repeat a write safely; a change the client already made is answered with the order as it is.",
        "",
        "**Limits.** Requests per client per minute (429 with `Retry-After` past it); bodies of at most " +
          `${API_LIMITS.maxBodyBytes / 1024} KB (a menu ${API_LIMITS.maxMenuBodyBytes / 1024} KB).`,
        "",
        "**Problem types:** " +
          Object.keys(PROBLEMS)
            .map((c) => `\`${problemType(c as ProblemCode)}\``)
            .join(", "),
      ].join("\n"),
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        bearer: {
          type: "oauth2",
          description: "Client credentials; send the token as a Bearer token.",
          flows: {
            clientCredentials: {
              tokenUrl: "/api/v1/oauth/token",
              scopes: Object.fromEntries(API_SCOPES.map((s) => [s, s])),
            },
          },
        },
      },
      schemas: schemas(),
    },
    paths: {
      "/oauth/token": {
        post: {
          summary: "An access token for the client (RFC 6749 §4.4)",
          description: "Client id and secret by HTTP Basic, or as client_id and client_secret in the form.",
          requestBody: {
            required: true,
            content: {
              "application/x-www-form-urlencoded": {
                schema: {
                  type: "object",
                  required: ["grant_type"],
                  properties: {
                    grant_type: { const: "client_credentials" },
                    client_id: { type: "string" },
                    client_secret: { type: "string" },
                    scope: {
                      type: "string",
                      description: "Space-separated; all of the client's scopes when left out.",
                    },
                  },
                },
              },
            },
          },
          responses: {
            "200": { description: "The token.", content: json("Token") },
            ...problems(
              "unsupported_grant_type",
              "invalid_scope",
              "invalid_client",
              "rate_limited",
              "unsupported_media_type",
              "internal",
            ),
          },
        },
      },
      "/orders": {
        get: {
          summary: "Orders changed since a time, oldest change first, a page at a time",
          security: [{ bearer: ["orders:read"] }],
          parameters: [
            {
              name: "status",
              in: "query",
              description: "Comma-separated statuses.",
              schema: { type: "string" },
              example: "placed,accepted",
            },
            { name: "updated_since", in: "query", schema: { type: "string", format: "date-time" } },
            {
              name: "limit",
              in: "query",
              schema: {
                type: "integer",
                minimum: 1,
                maximum: API_LIMITS.maxPageSize,
                default: API_LIMITS.defaultPageSize,
              },
            },
            { name: "cursor", in: "query", schema: { type: "string" } },
          ],
          responses: {
            "200": { description: "A page of orders.", content: json("OrderPage") },
            ...problems(...CALL, "bad_request"),
          },
        },
      },
      "/orders/{id}": {
        get: {
          summary: "One order",
          security: [{ bearer: ["orders:read"] }],
          parameters: [orderId],
          responses: {
            "200": { description: "The order.", content: json("Order") },
            ...problems(...CALL, "not_found"),
          },
        },
      },
      "/orders/{id}/accept": orderMove("Accept a placed order, with a prep time", "AcceptRequest"),
      "/orders/{id}/deny": orderMove("Decline a placed order, with a reason code", "DenyRequest"),
      "/orders/{id}/ready": orderMove("Ready for pickup (from accepted, through preparing, or from preparing)", null),
      "/orders/{id}/cancel": orderMove(
        "Cancel an order after acceptance, with a reason code (409 with the current status where the state machine does not allow it)",
        "CancelRequest",
      ),
      "/menu": {
        put: {
          summary: "Replace the whole menu, all or nothing",
          security: [{ bearer: ["menu:write"] }],
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json("MenuPut") },
          responses: {
            "200": { description: "The menu as written.", content: json("Menu") },
            ...problems(...WRITE, "invalid_menu"),
          },
        },
      },
      "/menu/items/{id}": {
        patch: {
          summary: "Set a dish's availability and price",
          description: "The id is the dish's Dishpatch id or the till's external_id.",
          security: [{ bearer: ["menu:write"] }],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, idempotencyKey],
          requestBody: { required: true, content: json("MenuItemPatch") },
          responses: {
            "200": { description: "The dish.", content: json("MenuItem") },
            ...problems(...WRITE, "not_found", "invalid_menu"),
          },
        },
      },
      "/store/status": {
        get: {
          summary: "Whether the restaurant takes orders now",
          security: [{ bearer: ["store:write"] }],
          responses: { "200": { description: "The status.", content: json("StoreStatus") }, ...problems(...CALL) },
        },
        put: {
          summary: "Pause or open, and busy mode",
          security: [{ bearer: ["store:write"] }],
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json("StoreStatusPut") },
          responses: { "200": { description: "The status now.", content: json("StoreStatus") }, ...problems(...WRITE) },
        },
      },
      "/statements": {
        get: {
          summary: "A day's or a week's statement, as JSON or CSV (Accept: text/csv, or format=csv)",
          security: [{ bearer: ["statements:read"] }],
          parameters: [
            { name: "period", in: "query", schema: { type: "string", enum: ["day", "week"], default: "day" } },
            { name: "date", in: "query", required: true, schema: { type: "string", format: "date" } },
            { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv"] } },
          ],
          responses: {
            "200": {
              description: "The statement.",
              content: { ...json("Statement"), "text/csv": { schema: { type: "string" } } },
            },
            ...problems(...CALL, "bad_request"),
          },
        },
      },
    },
    webhooks: Object.fromEntries(
      WEBHOOK_EVENTS.map((type) => [
        type,
        {
          post: {
            summary: `${type}: sent to the client's endpoint`,
            parameters: [
              {
                name: "Dishpatch-Signature",
                in: "header",
                required: true,
                schema: { type: "string" },
                description:
                  "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + '.' + raw body)>. Refuse deliveries older than 300 s.",
              },
            ],
            requestBody: { required: true, content: json("WebhookEvent") },
            responses: {
              "200": { description: "Any 2xx: received. Anything else is retried with exponential backoff." },
            },
          },
        },
      ]),
    ),
    "x-order-statuses": API_STATUSES,
  };
  return built;
}

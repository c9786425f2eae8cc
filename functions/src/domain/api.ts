// The partner API's domain: what a restaurant's own system (its till, its kitchen screen) may be
// allowed to do, which events it can hear about, and the bounds of both. The HTTP API, the
// callables that manage clients, the Integrations tab and the tests read them from here.

import type { OrderStatus } from "./status";
import type { TimestampLike } from "./types";

/** What an API client may be allowed to do (OAuth scopes). */
export const API_SCOPES = ["orders:read", "orders:write", "menu:write", "store:write", "statements:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(v: unknown): v is ApiScope {
  return typeof v === "string" && (API_SCOPES as readonly string[]).includes(v);
}

/** What a client's webhook endpoint can subscribe to. */
export const WEBHOOK_EVENTS = [
  "order.placed",
  "order.cancelled",
  "order.status_changed",
  "order.scheduled_released",
  "store.paused",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(v: unknown): v is WebhookEvent {
  return typeof v === "string" && (WEBHOOK_EVENTS as readonly string[]).includes(v);
}

export const API_LIMITS = {
  /** An access token's life, in seconds (OAuth client credentials: ask again when it ends). */
  tokenSeconds: 900,
  clientsPerRestaurant: 10,
  maxClientNameLength: 60,
  /** Request bodies: a menu can be large, anything else is a few fields. */
  maxBodyBytes: 16 * 1024,
  maxMenuBodyBytes: 512 * 1024,
  /** Dishes in one PUT /menu: it is written in one batch (Firestore takes 500 writes). */
  maxMenuItems: 300,
  maxExternalIdLength: 64,
  defaultPageSize: 50,
  maxPageSize: 100,
  maxIdempotencyKeyLength: 255,
  /** A webhook endpoint's address. */
  maxUrlLength: 500,
  /** A delivery keeps at most this many attempts (a resend adds a round of them). */
  maxAttemptsKept: 60,
  /** How long an idempotency key answers the same, and how long deliveries and their attempts are
   * kept (a Firestore TTL field, and the reconciler's cleanup). */
  idempotencyHours: 24,
  deliveryDays: 30,
  /** Rate-limit windows are kept this long after they end. */
  usageHours: 1,
} as const;

/** The till's own id for a dish or an option. */
export const EXTERNAL_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** apiClients/{clientId}: what the owner sees. The secret's hash and the webhook's signing secret
 * live apart, in apiClients/{clientId}/private/secrets, which only the backend reads. */
export interface ApiClient {
  restaurantId: string;
  name: string;
  scopes: ApiScope[];
  createdAt: TimestampLike;
  createdBy: string;
  /** Raised by every rotation: tokens name the version they were issued under. */
  secretVersion: number;
  rotatedAt: TimestampLike | null;
  revokedAt: TimestampLike | null;
  /** When it last took a token: whether the till still uses it. */
  lastTokenAt?: TimestampLike;
  webhook: WebhookEndpoint | null;
}

export interface WebhookEndpoint {
  url: string;
  events: WebhookEvent[];
  updatedAt: TimestampLike;
  /** When the endpoint last answered 2xx, and since when it has failed without a success. */
  lastSuccessAt: TimestampLike | null;
  failingSince: TimestampLike | null;
}

/** One attempt to deliver an event: what the endpoint answered, or why there was no answer. */
export interface DeliveryAttempt {
  at: TimestampLike;
  /** The HTTP status, null when there was none (refused, timed out). */
  status: number | null;
  error: string | null;
  ms: number;
  /** 1 for the first send; each resend starts a new round. */
  round: number;
}

export type DeliveryState = "pending" | "delivered" | "failed";

/** apiClients/{clientId}/deliveries/{eventId}: an event for one client, and every attempt. */
export interface WebhookDelivery {
  restaurantId: string;
  clientId: string;
  type: WebhookEvent;
  orderId: string | null;
  /** The body every attempt sends, byte for byte (the signature covers it). */
  body: string;
  state: DeliveryState;
  round: number;
  attempts: DeliveryAttempt[];
  createdAt: TimestampLike;
  /** When the queue's next retry is due; the reconciler re-queues a delivery well past it. */
  nextAttemptAt: TimestampLike | null;
  expireAt: TimestampLike;
}

/** The event an order's new status is for its restaurant's system, if any. Orders the restaurant
 * never received (still submitted or waiting for their card, rejected, their payment failed) are
 * none of its business. */
export function orderEventOf(order: {
  status: OrderStatus;
  timeline?: Partial<Record<OrderStatus, unknown>>;
}): WebhookEvent | null {
  switch (order.status) {
    case "submitted":
    case "awaiting_payment":
    case "rejected":
    case "payment_failed":
      return null;
    case "scheduled":
      return "order.placed";
    case "placed":
      return order.timeline?.scheduled ? "order.scheduled_released" : "order.placed";
    case "cancelled":
      return "order.cancelled";
    default:
      return "order.status_changed";
  }
}

/** An event's id: one per order and status (an order enters each status once), or per pause. */
export const orderEventId = (orderId: string, status: OrderStatus) => `${orderId}.${status}`;
export const pauseEventId = (rid: string, untilMillis: number) => `${rid}.paused.${untilMillis}`;

/** The actor an API client's changes are recorded under (by.<status>). */
export const apiActor = (clientId: string) => `api:${clientId}`;

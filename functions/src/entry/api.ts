// The partner API (api/): the HTTP API under /api/v1 (Hosting rewrites /api/** to it), the owner's
// callables that manage API clients, and the task queue that sends webhook deliveries. Each loads
// its work on its first call.
import { HttpsError, onCall, onRequest } from "firebase-functions/v2/https";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import {
  API_JWT_KEY,
  API_RATE_LIMIT_PER_MINUTE,
  WEBHOOK_ATTEMPTS,
  WEBHOOK_MAX_BACKOFF_SECONDS,
  WEBHOOK_MIN_BACKOFF_SECONDS,
  WEBHOOK_SECRET_KEY,
} from "../config";
import { TASK_QUEUE_CONCURRENCY } from "../domain/deployment";

export const api = onRequest({ secrets: [API_JWT_KEY], cors: false }, async (req, res) => {
  const [{ answer }, { db }] = await Promise.all([import("../api/router"), import("../admin")]);
  const url = new URL(req.originalUrl || req.url, "http://api");
  const sent = await answer(
    { method: req.method, path: url.pathname, query: url.searchParams, headers: req.headers, rawBody: req.rawBody },
    { db, now: new Date(), jwtKey: API_JWT_KEY.value(), rateLimit: API_RATE_LIMIT_PER_MINUTE.value() },
  );
  res.set({ "Cache-Control": "no-store", "Content-Type": sent.contentType, ...sent.headers });
  res.status(sent.status).send(sent.body);
});

const clients = () => Promise.all([import("../api/clients"), import("../admin")]);

export const createApiClient = onCall(async (request) => {
  const [c, { db }] = await clients();
  return c.createClient(db, request.auth, request.data);
});

export const rotateApiClient = onCall(async (request) => {
  const [c, { db }] = await clients();
  return c.rotateClient(db, request.auth, request.data);
});

export const revokeApiClient = onCall(async (request) => {
  const [c, { db }] = await clients();
  return c.revokeClient(db, request.auth, request.data);
});

export const setApiWebhook = onCall({ secrets: [WEBHOOK_SECRET_KEY] }, async (request) => {
  const [c, { db }] = await clients();
  return c.setWebhook(db, request.auth, request.data, WEBHOOK_SECRET_KEY.value());
});

export const resendWebhook = onCall(async (request) => {
  const [c, { db }] = await clients();
  return c.resend(db, request.auth, request.data);
});

/** One delivery's attempts: the queue retries with exponential backoff while the endpoint fails. */
export const deliverWebhook = onTaskDispatched<{ clientId: string; eventId: string; round: number }>(
  {
    secrets: [WEBHOOK_SECRET_KEY],
    retryConfig: {
      maxAttempts: WEBHOOK_ATTEMPTS,
      // Attempts alone end the retries (Cloud Tasks would otherwise go on until both were used up).
      maxRetrySeconds: 0,
      minBackoffSeconds: WEBHOOK_MIN_BACKOFF_SECONDS,
      maxBackoffSeconds: WEBHOOK_MAX_BACKOFF_SECONDS,
      maxDoublings: 16,
    },
    // A delivery may wait up to 10 s on a slow endpoint, so many are under way at once in a busy
    // city (the capacity model's figure); on the emulator each is a worker process of its own.
    rateLimits: { maxConcurrentDispatches: TASK_QUEUE_CONCURRENCY.webhooks },
  },
  async (req) => {
    const [{ deliver }, { liveDeps }] = await Promise.all([import("../api/webhooks/deliver"), import("../deps")]);
    const outcome = await deliver(liveDeps(), req.data, WEBHOOK_SECRET_KEY.value());
    if (outcome === "retry") throw new HttpsError("unavailable", "the endpoint did not take the delivery; retrying");
  },
);

// Sends one webhook delivery: signs the kept body with the endpoint's secret, posts it (through the
// SSRF guard), and records the attempt on the delivery, whatever came of it. A failure is retried
// by the task queue with exponential backoff (the handler answers 503) until WEBHOOK_ATTEMPTS are
// used; then the delivery is failed, and the owner can resend it from the Integrations tab.
// An endpoint that has failed for WEBHOOK_DOWN_PAUSE_SECONDS while orders wait pauses the
// restaurant and tells its staff, as the large platforms do with a till that stopped answering.

import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import {
  WEBHOOK_ATTEMPTS,
  WEBHOOK_DOWN_PAUSE_SECONDS,
  WEBHOOK_MAX_BACKOFF_SECONDS,
  WEBHOOK_MIN_BACKOFF_SECONDS,
} from "../../config";
import type { Deps } from "../../deps";
import {
  API_LIMITS,
  AUTO_PAUSE_MIN,
  paths,
  QUERIES,
  type ApiClient,
  type DeliveryAttempt,
  type WebhookDelivery,
} from "../../domain";
import { adminQuery } from "../../query";
import { autoPause } from "../../restaurants/rush";
import { unseal, type Sealed } from "../secrets";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";
import { postGuarded } from "./ssrf";

export interface DeliveryTask {
  clientId: string;
  eventId: string;
  round: number;
}

export type DeliveryOutcome = "delivered" | "retry" | "failed" | "nothing to do";

/** The queue's wait after the `n`th failed attempt (Cloud Tasks' exponential backoff). */
export function backoffSeconds(n: number): number {
  return Math.min(WEBHOOK_MAX_BACKOFF_SECONDS.value(), WEBHOOK_MIN_BACKOFF_SECONDS.value() * 2 ** (n - 1));
}

export async function deliver(deps: Deps, task: DeliveryTask, encryptionKey: string): Promise<DeliveryOutcome> {
  const { db } = deps;
  const ref = db.doc(paths.delivery(task.clientId, task.eventId));
  const [deliverySnap, clientSnap, secretsSnap] = await db.getAll(
    ref,
    db.doc(paths.apiClient(task.clientId)),
    db.doc(paths.apiClientSecrets(task.clientId)),
  );
  const delivery = deliverySnap.data() as WebhookDelivery | undefined;
  if (!delivery || delivery.state !== "pending" || delivery.round !== task.round) return "nothing to do";
  const client = clientSnap.data() as ApiClient | undefined;
  const sealed = secretsSnap.get("webhookSecret") as Sealed | undefined;
  const n = delivery.attempts.filter((a) => a.round === task.round).length + 1;

  const now = deps.now();
  let result: { status: number | null; error: string | null; ms: number };
  // A delivery without the body it was made with cannot be signed or sent: it fails, not retries.
  const unsendable = typeof delivery.body !== "string";
  if (!client || client.revokedAt || !client.webhook || !sealed) {
    result = { status: null, error: "the client was revoked or has no endpoint", ms: 0 };
  } else if (unsendable) {
    result = { status: null, error: "the delivery keeps no body to send", ms: 0 };
  } else {
    const secret = unseal(sealed, encryptionKey);
    result = await postGuarded(client.webhook.url, delivery.body, {
      [SIGNATURE_HEADER]: signatureHeader(secret, delivery.body, now),
      "Dishpatch-Event-Id": task.eventId,
      "Dishpatch-Event-Type": delivery.type,
      "User-Agent": "Dishpatch-Webhooks/1",
    });
  }
  const ok = result.error === null;
  const endpointGone = !client?.webhook || !!client.revokedAt;
  const last = n >= WEBHOOK_ATTEMPTS.value() || endpointGone || unsendable;
  const attempt: DeliveryAttempt = { at: Timestamp.fromDate(now), ...result, round: task.round };
  const outcome: DeliveryOutcome = ok ? "delivered" : last ? "failed" : "retry";
  await ref.update({
    attempts:
      delivery.attempts.length < API_LIMITS.maxAttemptsKept ? FieldValue.arrayUnion(attempt) : delivery.attempts,
    state: outcome === "retry" ? "pending" : outcome,
    nextAttemptAt: outcome === "retry" ? Timestamp.fromMillis(now.getTime() + backoffSeconds(n) * 1000) : null,
  });
  if (!endpointGone) await recordHealth(deps, task.clientId, client!, ok, now);
  logger.info("webhook attempt", { clientId: task.clientId, eventId: task.eventId, attempt: n, ...result });
  return outcome;
}

/** The endpoint's health on its client: the last success, and since when it has failed. A long
 * failure while orders wait pauses the restaurant. */
async function recordHealth(deps: Deps, clientId: string, client: ApiClient, ok: boolean, now: Date): Promise<void> {
  const ref = deps.db.doc(paths.apiClient(clientId));
  if (ok) {
    await ref.update({ "webhook.lastSuccessAt": Timestamp.fromDate(now), "webhook.failingSince": null });
    return;
  }
  const since = client.webhook!.failingSince?.toMillis();
  if (since === undefined) {
    await ref.update({ "webhook.failingSince": Timestamp.fromDate(now) });
    return;
  }
  const failingMs = now.getTime() - since;
  if (failingMs < WEBHOOK_DOWN_PAUSE_SECONDS.value() * 1000) return;
  const waiting = await adminQuery(deps.db, QUERIES.waitingOrders(client.restaurantId)).get();
  if (waiting.empty) return;
  const minutes = Math.max(1, Math.round(failingMs / 60_000));
  await autoPause(deps, client.restaurantId, `webhook-${clientId}-${since}`, {
    key: "webhookDown",
    client: client.name,
    failingMinutes: minutes,
    minutes: AUTO_PAUSE_MIN,
  });
}

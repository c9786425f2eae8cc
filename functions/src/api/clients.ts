// The owner's management of API clients (the Integrations tab's callables): create one (its secret
// is shown once and kept only as a hash), rotate its secret, revoke it, register its webhook
// endpoint and events (the endpoint's signing secret is shown once and kept encrypted), and resend
// a delivery. Each checks, through the callables' guard, that the caller owns the client's
// restaurant. The registry of who listens to what (restaurants/{rid}/backend/api) changes in the
// same transaction as the client.

import { FieldValue, Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { requireCaller, type TokenClaims } from "../auth/guard";
import {
  API_LIMITS,
  isApiScope,
  isWebhookEvent,
  paths,
  QUERIES,
  type ApiClient,
  type ApiScope,
  type WebhookDelivery,
  type WebhookEvent,
} from "../domain";
import { adminQuery } from "../query";
import { newSecret, seal, sha256 } from "./secrets";
import { sendDelivery } from "./webhooks/events";
import { resolvesPublic, urlProblem } from "./webhooks/ssrf";

type Auth = { uid: string; token: TokenClaims } | undefined;

const bad = (message: string, reason: string, params: Record<string, unknown> = {}) =>
  new HttpsError("invalid-argument", message, { reason, ...params });

function clientIdOf(data: unknown): string {
  const id = (data as { clientId?: unknown } | null)?.clientId;
  if (typeof id !== "string" || !/^[A-Za-z0-9]{1,40}$/.test(id)) throw bad("Which client?", "api_client_unknown");
  return id;
}

/** The client, after checking that the caller owns its restaurant. */
async function ownedClient(db: Firestore, auth: Auth, clientId: string): Promise<ApiClient> {
  const client = (await db.doc(paths.apiClient(clientId)).get()).data() as ApiClient | undefined;
  // An unknown client gets the same answer as someone else's: nothing to learn from guessing ids.
  await requireCaller(db, auth, { role: "owner", restaurantId: client?.restaurantId ?? "-" });
  if (!client) throw new HttpsError("not-found", "No such client.", { reason: "api_client_unknown" });
  return client;
}

function updateRegistry(tx: Transaction, db: Firestore, rid: string, clientId: string, events: WebhookEvent[] | null) {
  tx.set(
    db.doc(paths.apiRegistry(rid)),
    { subscribers: { [clientId]: events ?? FieldValue.delete() }, updatedAt: FieldValue.serverTimestamp() },
    { merge: true },
  );
}

export async function createClient(db: Firestore, auth: Auth, data: unknown) {
  const input = (data ?? {}) as { restaurantId?: unknown; name?: unknown; scopes?: unknown };
  const rid = typeof input.restaurantId === "string" ? input.restaurantId : "";
  const caller = await requireCaller(db, auth, { role: "owner", restaurantId: rid });
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (name.length < 1 || name.length > API_LIMITS.maxClientNameLength) {
    throw bad(`Give the client a name of 1 to ${API_LIMITS.maxClientNameLength} characters.`, "api_name", {
      max: API_LIMITS.maxClientNameLength,
    });
  }
  const scopes = Array.isArray(input.scopes) ? [...new Set(input.scopes)] : [];
  if (scopes.length === 0 || !scopes.every(isApiScope))
    throw bad("Choose at least one scope from the list.", "api_scopes");
  const ref = db.collection(paths.apiClients()).doc();
  const secret = newSecret("dps");
  await db.runTransaction(async (tx) => {
    const existing = await tx.get(adminQuery(db, QUERIES.apiClientsOf(rid)));
    const active = existing.docs.filter((d) => !d.get("revokedAt")).length;
    if (active >= API_LIMITS.clientsPerRestaurant) {
      throw new HttpsError(
        "resource-exhausted",
        `At most ${API_LIMITS.clientsPerRestaurant} clients; revoke one first.`,
        {
          reason: "api_client_limit",
          max: API_LIMITS.clientsPerRestaurant,
        },
      );
    }
    const client: Omit<ApiClient, "createdAt"> = {
      restaurantId: rid,
      name,
      scopes: scopes as ApiScope[],
      createdBy: caller.uid,
      secretVersion: 1,
      rotatedAt: null,
      revokedAt: null,
      webhook: null,
    };
    tx.create(ref, { ...client, createdAt: FieldValue.serverTimestamp() });
    tx.create(db.doc(paths.apiClientSecrets(ref.id)), { secretHash: sha256(secret) });
  });
  return { clientId: ref.id, clientSecret: secret };
}

export async function rotateClient(db: Firestore, auth: Auth, data: unknown) {
  const clientId = clientIdOf(data);
  const client = await ownedClient(db, auth, clientId);
  if (client.revokedAt)
    throw new HttpsError("failed-precondition", "This client was revoked.", { reason: "api_revoked" });
  const secret = newSecret("dps");
  const batch = db.batch();
  batch.update(db.doc(paths.apiClient(clientId)), {
    secretVersion: FieldValue.increment(1),
    rotatedAt: FieldValue.serverTimestamp(),
  });
  batch.set(db.doc(paths.apiClientSecrets(clientId)), { secretHash: sha256(secret) }, { merge: true });
  await batch.commit();
  return { clientId, clientSecret: secret };
}

export async function revokeClient(db: Firestore, auth: Auth, data: unknown) {
  const clientId = clientIdOf(data);
  const client = await ownedClient(db, auth, clientId);
  if (client.revokedAt) return { clientId };
  await db.runTransaction(async (tx) => {
    tx.update(db.doc(paths.apiClient(clientId)), { revokedAt: FieldValue.serverTimestamp() });
    updateRegistry(tx, db, client.restaurantId, clientId, null);
  });
  return { clientId };
}

/** Registers (or changes, or removes with url null) the client's endpoint and its events. A new
 * signing secret is made for a first endpoint, or when asked for; it is returned only then. */
export async function setWebhook(db: Firestore, auth: Auth, data: unknown, encryptionKey: string) {
  const clientId = clientIdOf(data);
  const client = await ownedClient(db, auth, clientId);
  if (client.revokedAt)
    throw new HttpsError("failed-precondition", "This client was revoked.", { reason: "api_revoked" });
  const input = data as { url?: unknown; events?: unknown; newSecret?: unknown };
  const ref = db.doc(paths.apiClient(clientId));
  if (input.url === null) {
    await db.runTransaction(async (tx) => {
      tx.update(ref, { webhook: null });
      updateRegistry(tx, db, client.restaurantId, clientId, null);
    });
    return { clientId, signingSecret: null };
  }
  const url = typeof input.url === "string" ? input.url.trim() : "";
  const problem = urlProblem(url) ?? (await resolvesPublic(url).catch(() => "cannot be found"));
  if (problem) throw bad(`The endpoint ${problem}.`, "api_url", { problem });
  const events = Array.isArray(input.events) ? [...new Set(input.events)] : [];
  if (events.length === 0 || !events.every(isWebhookEvent))
    throw bad("Choose at least one event from the list.", "api_events");
  const fresh = !client.webhook || input.newSecret === true;
  const secret = fresh ? newSecret("whsec") : null;
  await db.runTransaction(async (tx) => {
    tx.update(ref, {
      webhook: {
        url,
        events,
        updatedAt: Timestamp.now(),
        lastSuccessAt: client.webhook?.lastSuccessAt ?? null,
        failingSince: client.webhook?.url === url ? (client.webhook.failingSince ?? null) : null,
      },
    });
    if (secret)
      tx.set(db.doc(paths.apiClientSecrets(clientId)), { webhookSecret: seal(secret, encryptionKey) }, { merge: true });
    updateRegistry(tx, db, client.restaurantId, clientId, events as WebhookEvent[]);
  });
  return { clientId, signingSecret: secret };
}

/** Sends a delivery again, as a new round of attempts. */
export async function resend(db: Firestore, auth: Auth, data: unknown) {
  const clientId = clientIdOf(data);
  const client = await ownedClient(db, auth, clientId);
  const eventId = (data as { eventId?: unknown }).eventId;
  if (typeof eventId !== "string" || !/^[A-Za-z0-9._-]{1,200}$/.test(eventId))
    throw bad("Which delivery?", "api_delivery_unknown");
  if (client.revokedAt || !client.webhook) {
    throw new HttpsError("failed-precondition", "This client has no endpoint to send to.", {
      reason: "api_no_endpoint",
    });
  }
  const ref = db.doc(paths.delivery(clientId, eventId));
  const round = await db.runTransaction(async (tx) => {
    const d = (await tx.get(ref)).data() as WebhookDelivery | undefined;
    if (!d) throw new HttpsError("not-found", "No such delivery.", { reason: "api_delivery_unknown" });
    if (d.attempts.length >= API_LIMITS.maxAttemptsKept) {
      throw new HttpsError("resource-exhausted", "This delivery was tried too often.", { reason: "api_resend_limit" });
    }
    const next = d.round + 1;
    tx.update(ref, { state: "pending", round: next, nextAttemptAt: Timestamp.now() });
    return next;
  });
  await sendDelivery(clientId, eventId, round);
  return { clientId, eventId, round };
}

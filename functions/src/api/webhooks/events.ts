// Webhook events: when an order of a restaurant with listening API clients changes status, or the
// restaurant is paused, each client subscribed to that event gets a delivery (a document holding
// the exact body every attempt sends) and a Cloud Task to send it. Both are keyed by the event, so
// a retried trigger or the reconciler running the same step again adds nothing.

import { Timestamp, type Firestore } from "firebase-admin/firestore";
import type { Deps } from "../../deps";
import {
  API_LIMITS,
  orderEventId,
  orderEventOf,
  paths,
  pauseEventId,
  type Order,
  type Restaurant,
  type WebhookDelivery,
  type WebhookEvent,
} from "../../domain";
import { isAlreadyExists } from "../../errors";
import { enqueueOnce, taskId } from "../../tasks";
import { orderView, storeView } from "../views";

/** restaurants/{rid}/backend/api: which clients hear which events. */
export interface ApiRegistry {
  subscribers?: Record<string, WebhookEvent[]>;
}

export async function subscribersOf(db: Firestore, rid: string, type: WebhookEvent): Promise<string[]> {
  const registry = (await db.doc(paths.apiRegistry(rid)).get()).data() as ApiRegistry | undefined;
  return Object.entries(registry?.subscribers ?? {})
    .filter(([, events]) => events.includes(type))
    .map(([clientId]) => clientId)
    .sort();
}

export const deliveryTaskId = (clientId: string, eventId: string, round: number, takeover = 0) =>
  taskId("webhook", `${clientId}-${eventId}-${round}${takeover ? `-t${takeover}` : ""}`);

/** Sends the delivery's current round (now, and again by the queue's retries). */
export function sendDelivery(clientId: string, eventId: string, round: number, takeover = 0): Promise<void> {
  return enqueueOnce(
    "deliverWebhook",
    { clientId, eventId, round },
    new Date(),
    deliveryTaskId(clientId, eventId, round, takeover),
  );
}

async function emit(
  deps: Deps,
  rid: string,
  type: WebhookEvent,
  eventId: string,
  createdAt: Date,
  orderId: string | null,
  data: Record<string, unknown>,
): Promise<number> {
  const clients = await subscribersOf(deps.db, rid, type);
  // The same bytes for every client and every retry: the event as it was when it happened.
  const body = JSON.stringify({ id: eventId, type, created_at: createdAt.toISOString(), data });
  await Promise.all(
    clients.map(async (clientId) => {
      const delivery: Omit<WebhookDelivery, "createdAt" | "expireAt" | "nextAttemptAt"> = {
        restaurantId: rid,
        clientId,
        type,
        orderId,
        body,
        state: "pending",
        round: 1,
        attempts: [],
      };
      try {
        await deps.db.doc(paths.delivery(clientId, eventId)).create({
          ...delivery,
          createdAt: Timestamp.fromDate(deps.now()),
          nextAttemptAt: Timestamp.fromDate(deps.now()),
          expireAt: Timestamp.fromMillis(deps.now().getTime() + API_LIMITS.deliveryDays * 86_400_000),
        });
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
      }
      await sendDelivery(clientId, eventId, 1);
    }),
  );
  return clients.length;
}

/** The side effect of an order's status change for its restaurant's listening clients. */
export async function emitOrderEvent(deps: Deps, orderId: string, order: Order): Promise<number> {
  const type = orderEventOf(order);
  if (!type || !order.apiEvents) return 0;
  const at = order.timeline?.[order.status]?.toMillis() ?? order.updatedAt?.toMillis() ?? deps.now().getTime();
  return emit(deps, order.restaurantId, type, orderEventId(orderId, order.status), new Date(at), orderId, {
    order: orderView(orderId, order),
  });
}

/** After a restaurant write: a pause that was set or moved is a store.paused event. */
export async function emitPauseEvent(
  deps: Deps,
  rid: string,
  before?: Restaurant,
  after?: Restaurant,
): Promise<number> {
  const until = after?.pausedUntil?.toMillis();
  if (!after || !until || until === before?.pausedUntil?.toMillis() || until <= deps.now().getTime()) return 0;
  return emit(deps, rid, "store.paused", pauseEventId(rid, until), deps.now(), null, {
    store: storeView(after, deps.now()),
  });
}

/** Whether every listening client has its delivery of the order's current event (the reconciler's check). */
export async function orderEventDone(db: Firestore, orderId: string, order: Order): Promise<boolean> {
  const type = orderEventOf(order);
  if (!type || !order.apiEvents) return true;
  const clients = await subscribersOf(db, order.restaurantId, type);
  if (clients.length === 0) return true;
  const docs = await db.getAll(...clients.map((c) => db.doc(paths.delivery(c, orderEventId(orderId, order.status)))));
  return docs.every((d) => d.exists);
}

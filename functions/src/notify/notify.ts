// Tells everyone concerned about one order transition: an inbox entry per recipient (one batched
// write for all of them) and a push to their devices or topic. Inbox ids derive from (order,
// status), so a retried trigger finds its earlier entries, writes only what is missing and pushes
// only to recipients it newly wrote for.

import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/v2";
import {
  COURIERS_TOPIC,
  INBOX,
  LIMITS,
  messageFor,
  notificationId,
  paths,
  PUSH,
  QUERIES,
  type Audience,
  type Message,
  type Order,
  type OrderStatus,
} from "../domain";
import { adminQuery } from "../query";
import type { PushSender } from "./push";

export async function recipientsOf(db: Firestore, audience: Audience, order: Order): Promise<string[]> {
  if (audience === "customer") return [order.customerId];
  if (audience === "staff") {
    const snap = await adminQuery(db, QUERIES.staffOf(order.restaurantId)).select().get();
    return snap.docs.map((d) => d.id);
  }
  return []; // couriers hear through their topic
}

/** Pushes to a user's devices (at most LIMITS.maxDevices) and forgets the tokens FCM rejects. */
export async function pushToUser(db: Firestore, push: PushSender, uid: string, message: Message, orderId: string) {
  const devices = await adminQuery(db, QUERIES.devices(uid)).limit(LIMITS.maxDevices).get();
  const tokens = devices.docs.map((d) => String(d.get("token")));
  if (tokens.length === 0) return;
  const { invalidTokens } = await push.sendToTokens(tokens, {
    ...message,
    data: { orderId, link: `/orders/${orderId}` },
  });
  const stale = devices.docs.filter((d) => invalidTokens.includes(String(d.get("token"))));
  await Promise.all(stale.map((d) => d.ref.delete()));
  if (stale.length) logger.info("removed invalid push tokens", { uid, count: stale.length });
}

function contextOf(order: Order) {
  return {
    restaurantName: order.restaurantName || "the restaurant",
    rejection: order.rejection?.message,
    declineReason: order.declineReason,
    cancelReason: order.cancelReason,
  };
}

/** Writes the missing inbox entries for this transition; returns the recipients it wrote for. */
async function writeInbox(db: Firestore, orderId: string, order: Order, status: OrderStatus) {
  const wanted: { uid: string; audience: Audience; message: Message }[] = [];
  for (const audience of INBOX[status]) {
    const message = messageFor(status, audience, contextOf(order));
    for (const uid of await recipientsOf(db, audience, order)) wanted.push({ uid, audience, message });
  }
  if (wanted.length === 0) return [];
  const id = notificationId(orderId, status);
  const refs = wanted.map((w) => db.doc(paths.notification(w.uid, id)));
  const existing = await db.getAll(...refs);
  const missing = wanted.filter((_, i) => !existing[i].exists);
  if (missing.length === 0) return [];
  const batch = db.batch();
  for (const w of missing) {
    batch.create(db.doc(paths.notification(w.uid, id)), {
      orderId,
      status,
      audience: w.audience,
      link: w.audience === "customer" ? `/orders/${orderId}` : "/dashboard",
      ...w.message,
      read: false,
      createdAt: FieldValue.serverTimestamp(),
    });
  }
  // A racing retry that created one in between fails this batch (ALREADY_EXISTS): the event is
  // retried and the next run finds every entry written.
  await batch.commit();
  return missing;
}

export async function notifyTransition(
  db: Firestore,
  push: PushSender,
  orderId: string,
  order: Order,
): Promise<number> {
  const status = order.status;
  const written = await writeInbox(db, orderId, order, status);
  // Push is best effort: the inbox entry is the record, and one bad device must not fail the
  // step. Inbox recipients are pushed only on the run that wrote their entry.
  const pushes: Promise<unknown>[] = [];
  for (const audience of PUSH[status]) {
    const message = messageFor(status, audience, contextOf(order));
    if (audience === "couriers") {
      pushes.push(push.sendToTopic(COURIERS_TOPIC, { ...message, data: { orderId, link: "/courier" } }));
      continue;
    }
    const uids = INBOX[status].includes(audience)
      ? written.filter((w) => w.audience === audience).map((w) => w.uid)
      : await recipientsOf(db, audience, order);
    for (const uid of uids) pushes.push(pushToUser(db, push, uid, message, orderId));
  }
  for (const r of await Promise.allSettled(pushes)) {
    if (r.status === "rejected") logger.warn("push failed", { orderId, status, err: String(r.reason) });
  }
  return written.length;
}

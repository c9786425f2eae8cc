// Tells everyone concerned about one order transition: an inbox entry per recipient (one batched
// write for all of them, no read first) and a push to each recipient's topic (no read at all).
// Inbox ids derive from (order, status): a retried trigger's batch finds them there, writes only
// what is missing and pushes only to recipients it newly wrote for.

import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import {
  clockTime,
  courierAreaTopic,
  INBOX,
  LANGUAGES,
  languageOr,
  messageFor,
  notificationId,
  parseSlot,
  paths,
  PUSH,
  restaurantTopic,
  userTopic,
  type Audience,
  type Language,
  type Message,
  type MessageContext,
  type Order,
  type OrderStatus,
} from "../domain";
import { isAlreadyExists } from "../errors";
import type { PushSender } from "./push";
import { staffOfRestaurant } from "./staff";

type Recipient = { uid: string; lang: Language };

/** Who gets an inbox entry, each with their language: the customer's is the order's, a staff
 * member's their profile's (read in the same query, as one field). */
export async function recipientsOf(db: Firestore, audience: Audience, order: Order): Promise<Recipient[]> {
  if (audience === "customer") return [{ uid: order.customerId, lang: languageOr(order.language) }];
  if (audience === "staff") return staffOfRestaurant(db, order.restaurantId);
  return []; // couriers hear through their topic
}

function contextOf(orderId: string, order: Order & { timeZone?: string }): MessageContext {
  const slot = parseSlot(order.slotStart);
  return {
    orderId,
    restaurantName: order.restaurantName ?? "",
    rejectionCode: order.rejection?.code,
    rejection: order.rejection?.message,
    declineReason: order.declineReason,
    cancelReason: order.cancelReason,
    slot: slot
      ? clockTime(slot, order.timeZone ?? "UTC", order.createdAt ? new Date(order.createdAt.toMillis()) : slot)
      : undefined,
  };
}

type Entry = { uid: string; audience: Audience; message: Message };

function write(db: Firestore, orderId: string, status: OrderStatus, entries: Entry[]) {
  const id = notificationId(orderId, status);
  const batch = db.batch();
  for (const w of entries) {
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
  return batch.commit();
}

/** Writes the missing inbox entries for this transition; returns those it wrote. */
async function writeInbox(db: Firestore, orderId: string, order: Order, status: OrderStatus): Promise<Entry[]> {
  const wanted: Entry[] = [];
  const ctx = contextOf(orderId, order);
  for (const audience of INBOX[status]) {
    for (const { uid, lang } of await recipientsOf(db, audience, order)) {
      wanted.push({ uid, audience, message: messageFor(status, audience, ctx, lang) });
    }
  }
  if (wanted.length === 0) return [];
  try {
    await write(db, orderId, status, wanted); // the first delivery: nothing to read
    return wanted;
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
  // A redelivery (or a racing run) wrote some already: write only the others.
  const id = notificationId(orderId, status);
  const existing = await db.getAll(...wanted.map((w) => db.doc(paths.notification(w.uid, id))));
  const missing = wanted.filter((_, i) => !existing[i].exists);
  if (missing.length) await write(db, orderId, status, missing);
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
  // Push is best effort: the inbox entry is the record, and a push service outage must not fail
  // the step. Inbox recipients are pushed only on the run that wrote their entry.
  const sends: Promise<unknown>[] = [];
  const ctx = contextOf(orderId, order);
  for (const audience of PUSH[status]) {
    const send = (topic: string, lang: Language, link: string) =>
      sends.push(push.sendToTopic(topic, { ...messageFor(status, audience, ctx, lang), data: { orderId, link } }));
    // Shared topics get one message per language; the customer's own, the order's language. The
    // couriers told are those around the restaurant's cell (courierArea.ts), not the whole city.
    if (audience === "couriers") {
      if (order.pickupCell)
        for (const lang of LANGUAGES) send(courierAreaTopic(order.pickupCell, lang), lang, "/courier");
    } else if (audience === "staff") {
      if (!INBOX[status].includes("staff") || written.some((w) => w.audience === "staff")) {
        for (const lang of LANGUAGES) send(restaurantTopic(order.restaurantId, lang), lang, "/dashboard");
      }
    } else if (written.some((w) => w.audience === "customer")) {
      send(userTopic(order.customerId), languageOr(order.language), `/orders/${orderId}`);
    }
  }
  for (const r of await Promise.allSettled(sends)) {
    if (r.status === "rejected") logger.warn("push failed", { orderId, status, err: String(r.reason) });
  }
  return written.length;
}

// Tells everyone concerned about one order transition: each recipient's inbox entry about the
// order, and a push to each recipient's topic (no read at all). The customer's entry follows the
// order (one entry per order, moved forward in a transaction, never back, keeping the big moments
// with their times); a staff member's, written only when an order they took on is cancelled, is
// created once without a read. A retried or late event finds its news told and pushes nothing.

import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import {
  courierAreaTopic,
  INBOX,
  inboxChange,
  inboxEntryId,
  LANGUAGES,
  languageOr,
  LIMITS,
  messageFor,
  momentsOf,
  parseSlot,
  paths,
  publicName,
  PUSH,
  restaurantTopic,
  userTopic,
  type Audience,
  type InboxNotification,
  type InboxText,
  type Language,
  type MessageContext,
  type Order,
  type OrderStatus,
} from "../domain";
import { isAlreadyExists } from "../errors";
import type { PushSender } from "./push";
import { staffOfRestaurant } from "./staff";

/** The order's facts a message names, as an entry stores them (Firestore takes no undefined). */
export function contextOf(order: Order & { timeZone?: string }): MessageContext {
  const slot = parseSlot(order.slotStart);
  const ctx: MessageContext = {
    // Placement copied it plain; an order written before that check says "the restaurant".
    restaurantName: publicName(order.restaurantName, LIMITS.maxNameLength) ?? "",
    code: order.code,
    rejectionCode: order.rejection?.code,
    rejection: order.rejection?.message,
    declineReason: order.declineReason,
    cancelReason: order.cancelReason,
    deliveryProblem: order.deliveryProblem,
    paymentFailure: order.paymentFailure,
    ...(slot
      ? { slotAt: slot.getTime(), timeZone: order.timeZone ?? "UTC", orderedAt: order.createdAt?.toMillis() }
      : {}),
  };
  return Object.fromEntries(Object.entries(ctx).filter(([, v]) => v !== undefined)) as MessageContext;
}

function textOf(status: OrderStatus, audience: Audience, order: Order): InboxText {
  return { kind: "order", status, audience, context: contextOf(order) };
}

/** Moves the customer's entry about the order on to its status, or completes the moments of an
 * entry already past it (a late event); returns whether it moved: only then is the customer pushed. */
async function tellCustomer(db: Firestore, orderId: string, order: Order): Promise<boolean> {
  const ref = db.doc(paths.notification(order.customerId, inboxEntryId(orderId)));
  return db.runTransaction(async (tx) => {
    const entry = (await tx.get(ref)).data() as InboxNotification | undefined;
    const next = inboxChange(entry, order);
    if (next?.change === "moments") tx.update(ref, { moments: next.moments });
    if (next?.change !== "move") return false;
    tx.set(ref, {
      orderId,
      status: order.status,
      audience: "customer",
      link: `/orders/${orderId}`,
      text: textOf(order.status, "customer", order),
      moments: next.moments,
      read: false,
      createdAt: entry?.createdAt ?? FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
    return true;
  });
}

/** Creates each staff member's entry about the order once (a cancellation: nothing follows it);
 * returns whether this run wrote any. */
async function tellStaffOf(db: Firestore, orderId: string, order: Order): Promise<boolean> {
  const write = (uids: string[]) => {
    const batch = db.batch();
    for (const uid of uids) {
      batch.create(db.doc(paths.notification(uid, inboxEntryId(orderId))), {
        orderId,
        status: order.status,
        audience: "staff",
        link: "/dashboard",
        text: textOf(order.status, "staff", order),
        moments: momentsOf(order),
        read: false,
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
    return batch.commit();
  };
  const uids = (await staffOfRestaurant(db, order.restaurantId)).map((s) => s.uid);
  if (uids.length === 0) return false;
  try {
    await write(uids); // the first delivery: nothing to read
    return true;
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
  // A redelivery (or a racing run) wrote some already: write only the others.
  const existing = await db.getAll(...uids.map((uid) => db.doc(paths.notification(uid, inboxEntryId(orderId)))));
  const missing = uids.filter((_, i) => !existing[i].exists);
  if (missing.length) await write(missing);
  return missing.length > 0;
}

/** Tells the order's inbox recipients about its status; returns how many of them this run told. */
async function writeInbox(db: Firestore, orderId: string, order: Order): Promise<Audience[]> {
  const told: Audience[] = [];
  for (const audience of INBOX[order.status]) {
    if (audience === "customer" && (await tellCustomer(db, orderId, order))) told.push("customer");
    if (audience === "staff" && (await tellStaffOf(db, orderId, order))) told.push("staff");
  }
  return told;
}

export async function notifyTransition(
  db: Firestore,
  push: PushSender,
  orderId: string,
  order: Order,
): Promise<number> {
  const status = order.status;
  const told = await writeInbox(db, orderId, order);
  // Push is best effort: the inbox entry is the record, and a push service outage must not fail
  // the step. Inbox recipients are pushed only on the run that told them.
  const sends: Promise<unknown>[] = [];
  const ctx = contextOf(order);
  for (const audience of PUSH[status]) {
    const send = (topic: string, lang: Language, link: string) =>
      sends.push(push.sendToTopic(topic, { ...messageFor(status, audience, ctx, lang), data: { orderId, link } }));
    // Shared topics get one message per language; the customer's own, the order's language. The
    // couriers told are those around the restaurant's cell (courierArea.ts), not the whole city.
    if (audience === "couriers") {
      if (order.pickupCell)
        for (const lang of LANGUAGES) send(courierAreaTopic(order.pickupCell, lang), lang, "/courier");
    } else if (audience === "staff") {
      if (!INBOX[status].includes("staff") || told.includes("staff")) {
        for (const lang of LANGUAGES) send(restaurantTopic(order.restaurantId, lang), lang, "/dashboard");
      }
    } else if (told.includes("customer")) {
      send(userTopic(order.customerId), languageOr(order.language), `/orders/${orderId}`);
    }
  }
  for (const r of await Promise.allSettled(sends)) {
    if (r.status === "rejected") logger.warn("push failed", { orderId, status, err: String(r.reason) });
  }
  return told.length;
}

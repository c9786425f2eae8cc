// Writes the in-app notification for one order transition to each recipient's inbox, then
// pushes it to their devices. The inbox id is derived from (order, status), so a retried
// trigger finds its earlier notification instead of writing a second one, and pushes only
// what it newly wrote.

import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions/v2";
import { db } from "../admin";
import { isAlreadyExists } from "../errors";
import { messageFor, notificationId, NOTIFY, paths, type Audience, type Order, type OrderStatus } from "../domain";
import { pushSender, type PushSender } from "./push";

async function recipientsOf(audience: Audience, order: Order): Promise<string[]> {
  if (audience === "customer") return [order.customerId];
  const users = db.collection("users");
  const query =
    audience === "restaurant"
      ? users.where("roles.staff", "array-contains", order.restaurantId)
      : users.where("roles.courier", "==", true);
  const snap = await query.select().get();
  return snap.docs.map((d) => d.id);
}

function reasonOf(order: Order, status: OrderStatus): string | undefined {
  if (status === "rejected") return order.rejection?.message;
  if (status === "declined") return order.declineReason ? `Reason: ${order.declineReason}` : undefined;
  if (status === "cancelled") return order.cancelReason;
  return undefined;
}

/** Creates the inbox entry unless it exists; true when this call created it. */
async function createOnce(uid: string, id: string, data: Record<string, unknown>): Promise<boolean> {
  try {
    await db.doc(paths.notification(uid, id)).create(data);
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

async function pushTo(uid: string, sender: PushSender, message: { title: string; body: string }, orderId: string) {
  const devices = await db.collection(paths.devices(uid)).get();
  const tokens = devices.docs.map((d) => String(d.get("token")));
  if (tokens.length === 0) return;
  const { invalidTokens } = await sender.send(tokens, {
    ...message,
    data: { orderId, link: `/orders/${orderId}` },
  });
  const stale = devices.docs.filter((d) => invalidTokens.includes(String(d.get("token"))));
  await Promise.all(stale.map((d) => d.ref.delete()));
  if (stale.length) logger.info("removed invalid push tokens", { uid, count: stale.length });
}

export async function notifyTransition(
  orderId: string,
  order: Order,
  sender: PushSender = pushSender(),
): Promise<number> {
  const status = order.status;
  const id = notificationId(orderId, status);
  let created = 0;
  for (const audience of NOTIFY[status]) {
    const message = messageFor(status, audience, {
      restaurantName: order.restaurantName ?? "the restaurant",
      reason: reasonOf(order, status),
    });
    const uids = await recipientsOf(audience, order);
    await Promise.all(
      uids.map(async (uid) => {
        const isNew = await createOnce(uid, id, {
          orderId,
          status,
          audience,
          ...message,
          read: false,
          createdAt: FieldValue.serverTimestamp(),
        });
        if (!isNew) return;
        created++;
        // Push is best effort: the inbox entry is the record, and one bad device must not
        // make the trigger retry (which would skip the push anyway, the entry now existing).
        await pushTo(uid, sender, message, orderId).catch((err) =>
          logger.warn("push failed", { uid, err: String(err) }),
        );
      }),
    );
  }
  return created;
}

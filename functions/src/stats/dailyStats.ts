// Per-restaurant daily order count and revenue. Increments go to one of STATS_SHARDS shard
// documents at random, so a busy restaurant's deliveries do not all contend for one document;
// readers add the shards up. An order is counted once: the marker on the order is set in the
// same transaction as the increment.

import { FieldValue } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { localDay, paths, STATS_SHARDS, type Order } from "../domain";

export async function recordDelivery({ db }: Deps, orderId: string, timeZone: string, at: Date): Promise<boolean> {
  const orderRef = db.doc(paths.order(orderId));
  return db.runTransaction(async (tx) => {
    const order = (await tx.get(orderRef)).data() as (Order & { statsRecorded?: boolean }) | undefined;
    if (!order || order.status !== "delivered" || order.statsRecorded) return false;
    const shard = Math.floor(Math.random() * STATS_SHARDS);
    const shardRef = db.doc(paths.statsShard(order.restaurantId, localDay(at, timeZone), shard));
    tx.set(
      shardRef,
      { orders: FieldValue.increment(1), revenue: FieldValue.increment(order.pricing?.subtotal ?? 0) },
      { merge: true },
    );
    tx.update(orderRef, { statsRecorded: true });
    return true;
  });
}

/** The shard an order's answer goes to: always the same one, so a repeat overwrites itself. */
function shardOf(orderId: string): number {
  let h = 0;
  for (const c of orderId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % STATS_SHARDS;
}

/** How the restaurant answered a placed order, for its day's figures: seconds to accept, or a
 * miss (nobody accepted in time). Keyed by order id inside the shard, so recording twice changes
 * nothing and no transaction or marker is needed. */
export async function recordAnswer({ db }: Pick<Deps, "db">, orderId: string, order: Order & { timeZone?: string }) {
  const placed = order.timeline?.placed?.toMillis();
  if (!placed) return false;
  const day = localDay(new Date(placed), order.timeZone ?? "UTC");
  const ref = db.doc(paths.statsShard(order.restaurantId, day, shardOf(orderId)));
  if (order.status === "accepted") {
    const accepted = order.timeline?.accepted?.toMillis();
    if (!accepted) return false;
    await ref.set(
      { acceptSeconds: { [orderId]: Math.max(0, Math.round((accepted - placed) / 1000)) } },
      { merge: true },
    );
    return true;
  }
  if (order.status === "cancelled" && order.cancelReason === "accept_timeout") {
    await ref.set({ missed: { [orderId]: true } }, { merge: true });
    return true;
  }
  return false;
}

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

// A restaurant's day in figures: deliveries and their food sales, seconds to accept, missed
// orders. Each order's figure is written under its own id in one of STATS_SHARDS shard documents
// (the same one for the same order), so a busy day does not contend for one document, a repeated
// write changes nothing (no transaction, no marker on the order), and readers add the shards up.

import type { Deps } from "../deps";
import { countsAsMissed, localDay, paths, STATS_SHARDS, type Order } from "../domain";

/** Where and what a delivered order adds to its restaurant's day: its food subtotal under its
 * id (written in the same batch as its receipt, money/receipts.ts). */
export function deliveryFigure(orderId: string, order: Order & { timeZone?: string }, deliveredAt: Date) {
  const day = localDay(deliveredAt, order.timeZone ?? "UTC");
  return {
    path: paths.statsShard(order.restaurantId, day, shardOf(orderId)),
    data: { delivered: { [orderId]: order.pricing?.subtotal ?? 0 } },
  };
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
  if (countsAsMissed(order)) {
    await ref.set({ missed: { [orderId]: true } }, { merge: true });
    return true;
  }
  return false;
}

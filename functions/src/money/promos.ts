// Promo codes on the order path: an order that ends without a delivery gives its redemption back.
// Creating codes is in createPromo.ts (the admin's callable, with its HTTPS error types, stays out
// of the order triggers' cold start); placing an order with a code is in orders/placement.ts.

import { FieldValue } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { paths, type Order, type PromoRedemption } from "../domain";

/** An order declined or cancelled gives back what its redemption took, once. */
export async function releaseRedemption({ db }: Pick<Deps, "db">, orderId: string, order: Order): Promise<boolean> {
  const code = order.pricing?.promo?.code;
  if (!code) return false;
  const ref = db.doc(paths.promoRedemption(code, orderId));
  return db.runTransaction(async (tx) => {
    const r = (await tx.get(ref)).data() as PromoRedemption | undefined;
    if (!r || r.released) return false;
    for (const t of r.takes) {
      tx.update(db.doc(paths.promoAllocation(code, t.shard)), {
        ...(t.redemptions ? { left: FieldValue.increment(t.redemptions) } : {}),
        ...(t.cents ? { budgetLeft: FieldValue.increment(t.cents) } : {}),
      });
    }
    tx.update(ref, { released: true, releasedAt: FieldValue.serverTimestamp() });
    return true;
  });
}

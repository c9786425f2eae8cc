// Credit moving outside placement: what an order spent comes back when it does not go through. A
// side effect of the order's status (effects.ts), run again by the reconciler: it finds its work
// done the second time.

import { FieldValue } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { creditEntryId, creditOf, orderCodeOf, partOf, paths, type CreditEntry, type Order } from "../domain";

/** Gives back the credit an order spent, once (its entry's id names the order). */
export async function returnCredit({ db }: Pick<Deps, "db">, orderId: string, order: Order): Promise<boolean> {
  const amount = partOf(order.payment?.parts, "credit");
  if (amount <= 0) return false;
  const userRef = db.doc(paths.user(order.customerId));
  const entryRef = db.doc(paths.creditEntry(order.customerId, creditEntryId.returned(orderId)));
  return db.runTransaction(async (tx) => {
    const [user, entry] = await tx.getAll(userRef, entryRef);
    // Given back already; or the account is gone (and its credit with it).
    if (entry.exists || !user.exists) return false;
    const returned: CreditEntry = { amount, cause: "returned", orderId, number: orderCodeOf(order, orderId) };
    tx.update(userRef, { credit: creditOf(user.data()) + amount });
    tx.create(entryRef, { ...returned, createdAt: FieldValue.serverTimestamp() });
    return true;
  });
}

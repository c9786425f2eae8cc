// A courier's claim (couriers/{uid}.activeOrderId) ends with the order it is on, however that
// ends: in the transaction that ends it (an admin's decision or cancel, the backend's undeliverable),
// or as the side effect of a cancel the rules wrote (the restaurant's).

import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { paths } from "../domain";

/** Reads in `tx` whether the courier still holds `orderId`, and returns the write that ends that
 * claim (a transaction reads first and writes after); it writes nothing, and answers false, when
 * they do not. */
export async function claimEnd(
  db: Firestore,
  tx: Transaction,
  courierId: string | null | undefined,
  orderId: string,
): Promise<() => boolean> {
  if (!courierId) return () => false;
  const ref = db.doc(paths.courier(courierId));
  const holds = (await tx.get(ref)).get("activeOrderId") === orderId;
  return () => {
    if (holds) tx.set(ref, { activeOrderId: null, updatedAt: FieldValue.serverTimestamp() });
    return holds;
  };
}

/** Ends the courier's claim on an order that was cancelled, if they still hold it. */
export function freeCourier({ db }: Pick<Deps, "db">, orderId: string, courierId: string): Promise<boolean> {
  return db.runTransaction(async (tx) => (await claimEnd(db, tx, courierId, orderId))());
}

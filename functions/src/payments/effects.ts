// The card payment's part in an order's side effects (orders/effects.ts) and in the reconciler's
// check of them. Stripe's SDK is loaded only when an order has a card part to act on.

import type { Firestore } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { partOf, paths, type BackendActor, type CardPayment, type Order } from "../domain";
import { cardSettled, endedUnpaid } from "./record";

/** What the order asks of the card: its total less the credit it spent. */
export const cardAmountOf = (order: Order) => partOf(order.payment?.parts, "card");

/** The card payment's side effect for the order's status, if it has one. */
export function cardEffectOf(
  deps: Deps,
  orderId: string,
  order: Order,
  by: BackendActor,
): (() => Promise<void>) | null {
  if (cardAmountOf(order) <= 0) return null;
  if (order.status === "awaiting_payment")
    return async () => (await import("./lifecycle")).authorise(deps, orderId, order, by);
  if (order.status === "delivered" || order.status === "undeliverable")
    return async () => (await import("./lifecycle")).capture(deps, orderId, by);
  if (endedUnpaid(order)) return async () => (await import("./lifecycle")).cancelHold(deps, orderId, order, by);
  return null;
}

/** Whether the card payment is where the order's status wants it (the reconciler's check). */
export async function cardEffectDone(db: Firestore, orderId: string, order: Order): Promise<boolean> {
  if (cardAmountOf(order) <= 0) return true;
  const record = (await db.doc(paths.payment(orderId)).get()).data() as CardPayment | undefined;
  if (order.status === "awaiting_payment") return !!record?.intentId;
  if (order.status === "delivered" || order.status === "undeliverable") return record?.state === "captured";
  // A failed intent may still be confirmed with another card: it is let go too.
  if (endedUnpaid(order)) return !record || cardSettled(record);
  return true;
}

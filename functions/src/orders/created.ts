// What the order creation trigger does (entry/orders.ts defines it): process a new order. It loads
// only placement's code, not the side effects' (triggers.ts): a new instance of processOrder starts
// the sooner. Delivered at least once (retry: true); placement is idempotent, and the retries stop
// (logging an error) once the event is older than an hour: the reconciler places what is left.

import type { DocumentSnapshot } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps } from "../deps";
import { processSubmittedOrder } from "./placement";
import { tooOldToRetry } from "./retryAge";

export interface Event<T> {
  time: string;
  params: { orderId: string };
  data?: T;
}

export async function orderCreated(event: Event<DocumentSnapshot>): Promise<void> {
  if (!event.data) return;
  const deps = liveDeps();
  try {
    const outcome = await processSubmittedOrder(deps, event.data, "backend:trigger");
    logger.info("order processed", { orderId: event.params.orderId, outcome });
  } catch (err) {
    if (!tooOldToRetry(event.time, deps.now())) throw err;
    logger.error("giving up processing an order; the reconciler will retry it", {
      orderId: event.params.orderId,
      err: String(err),
    });
  }
}

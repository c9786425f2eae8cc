// What the order triggers do (index.ts defines them). Events are delivered at least once
// (retry: true); every handler is idempotent, and stops retrying (logging an error) once the
// event is older than an hour: the reconciler finishes what is left.

import type { DocumentSnapshot } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps } from "../deps";
import type { Order } from "../domain";
import { runEffects, tooOldToRetry } from "./effects";
import { processSubmittedOrder } from "./placement";

interface Event<T> {
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

export async function orderUpdated(event: Event<{ before: DocumentSnapshot; after: DocumentSnapshot }>): Promise<void> {
  const before = event.data?.before.data() as Order | undefined;
  const after = event.data?.after.data() as Order | undefined;
  if (!before || !after || before.status === after.status) return;
  const deps = liveDeps();
  try {
    await runEffects(deps, event.params.orderId, after);
  } catch (err) {
    if (!tooOldToRetry(event.time, deps.now())) throw err;
    logger.error("giving up on side effects; the reconciler will finish them", {
      orderId: event.params.orderId,
      err: String(err),
    });
  }
}

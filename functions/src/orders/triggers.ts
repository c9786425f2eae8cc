// The order triggers. Events are delivered at least once (retry: true); every handler is
// idempotent, and stops retrying (logging an error) once the event is older than an hour.

import { onDocumentCreated, onDocumentUpdated } from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions/v2";
import { liveDeps } from "../deps";
import type { Order } from "../domain";
import { runEffects, tooOldToRetry } from "./effects";
import { processSubmittedOrder } from "./placement";

export const processOrder = onDocumentCreated({ document: "orders/{orderId}", retry: true }, async (event) => {
  if (!event.data) return;
  const deps = liveDeps();
  try {
    const outcome = await processSubmittedOrder(deps, event.data);
    logger.info("order processed", { orderId: event.params.orderId, outcome });
  } catch (err) {
    if (!tooOldToRetry(event.time, deps.now())) throw err;
    logger.error("giving up processing an order; the reconciler will retry it", {
      orderId: event.params.orderId,
      err: String(err),
    });
  }
});

export const onOrderUpdated = onDocumentUpdated({ document: "orders/{orderId}", retry: true }, async (event) => {
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
});

// What the order update trigger does (entry/orders.ts defines it; created.ts holds the creation's):
// run the side effects of a status change, and schedule the expiry of a courier's claim. Events are
// delivered at least once (retry: true); every handler is idempotent, and stops retrying (logging
// an error) once the event is older than an hour: the reconciler finishes what is left.

import type { DocumentSnapshot } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps } from "../deps";
import type { Order, TimestampLike } from "../domain";
import { scheduleClaimExpiry } from "./claimExpiry";
import { runEffects } from "./effects";
import { tooOldToRetry } from "./retryAge";
import type { Event } from "./created";

/** A courier's claim: the order is still ready and has a courier it did not have before. */
function claimOf(before: Order, after: Order): { courierId: string; claimedAt: TimestampLike } | null {
  if (after.status !== "ready" || !after.courierId || !after.claimedAt || before.courierId === after.courierId)
    return null;
  return { courierId: after.courierId, claimedAt: after.claimedAt };
}

export async function orderUpdated(event: Event<{ before: DocumentSnapshot; after: DocumentSnapshot }>): Promise<void> {
  const before = event.data?.before.data() as Order | undefined;
  const after = event.data?.after.data() as Order | undefined;
  if (!before || !after) return;
  const claim = claimOf(before, after);
  if (before.status === after.status && !claim) return;
  const deps = liveDeps();
  try {
    if (claim) await scheduleClaimExpiry(event.params.orderId, claim.courierId, claim.claimedAt);
    else await runEffects(deps, event.params.orderId, after);
  } catch (err) {
    if (!tooOldToRetry(event.time, deps.now())) throw err;
    logger.error("giving up on side effects; the reconciler will finish them", {
      orderId: event.params.orderId,
      err: String(err),
    });
  }
}

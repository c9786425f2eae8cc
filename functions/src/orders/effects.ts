// The side effects of a status change, whoever made it. Each effect is idempotent and runs on its
// own: one failing does not keep the others from happening, and the event is retried for the
// failures only in effect (the others find their work done). After MAX_RETRY_AGE_MS (retryAge.ts)
// the retries stop with an error in the log; the reconciler finishes what is left.

import { logger } from "firebase-functions/logger";
import { emitOrderEvent } from "../api/webhooks/events";
import type { Deps } from "../deps";
import { countsAsMissed, partOf, respondBy, type BackendActor, type Order, type OrderStatus } from "../domain";
import { cardEffectOf } from "../payments/effects";
import { notifyTransition } from "../notify/notify";
import { returnCredit } from "../money/credit";
import { releaseRedemption } from "../money/promos";
import { bookDelivery } from "../money/receipts";
import { autoPauseAfterMiss } from "../restaurants/rush";
import { recordAnswer } from "../stats/dailyStats";
import { scheduleAcceptTimeout } from "./acceptTimeout";
import { freeCourier } from "./courierClaim";
import { scheduleProblemTimeout } from "./problemTimeout";
import { scheduleRelease } from "./release";

type Placed = Order & { timeZone?: string };

/** Endings that give back what the order spent: it never reached its customer (a rejected order
 * spent nothing). */
const GIVES_BACK: readonly OrderStatus[] = ["declined", "cancelled", "undelivered", "payment_failed"];

function effectsOf(
  deps: Deps,
  orderId: string,
  order: Placed,
  by: BackendActor,
): Record<string, () => Promise<unknown>> {
  const effects: Record<string, () => Promise<unknown>> = {
    notify: () => notifyTransition(deps.db, deps.push, orderId, order),
  };
  if (order.status === "placed" && order.acceptBy) {
    const acceptBy = new Date(order.acceptBy.toMillis());
    effects.acceptTimeout = () => scheduleAcceptTimeout(orderId, acceptBy);
  }
  const problemDue = order.status === "delivery_problem" ? respondBy(order) : null;
  if (problemDue !== null) effects.problemTimeout = () => scheduleProblemTimeout(orderId, new Date(problemDue));
  if (order.status === "scheduled" && order.releaseAt) {
    const releaseAt = new Date(order.releaseAt.toMillis());
    effects.release = () => scheduleRelease(orderId, releaseAt);
  }
  const missed = countsAsMissed(order);
  if (order.status === "accepted" || missed) effects.answerStats = () => recordAnswer(deps, orderId, order);
  if (missed) effects.autoPause = () => autoPauseAfterMiss(deps, orderId, order);
  // Undeliverable is the customer's doing: the restaurant and the courier are paid as for a delivery.
  if (order.status === "delivered" || order.status === "undeliverable") {
    effects.booking = () => bookDelivery(deps, orderId, order);
  }
  // An order that never reached the customer gives its code back, as one that was never made.
  if (GIVES_BACK.includes(order.status) && order.pricing?.promo) {
    effects.releasePromo = () => releaseRedemption(deps, orderId, order);
  }
  // ...and the credit it spent: a cash order was never charged at all, a card's hold is let go.
  if (creditToReturn(order)) {
    effects.returnCredit = () => returnCredit(deps, orderId, order);
  }
  // The card: authorised while it waits, captured at delivery, its hold let go on other endings.
  const card = cardEffectOf(deps, orderId, order, by);
  if (card) effects.card = card;
  // A courier who had claimed (or carried) an order cancelled under way is free for the next.
  if (order.status === "cancelled" && order.courierId) {
    effects.freeCourier = () => freeCourier(deps, orderId, order.courierId!);
  }
  // Only for a restaurant that had API clients listening when the order was placed: the others pay
  // no read for it.
  if (order.apiEvents) effects.webhooks = () => emitOrderEvent(deps, orderId, order);
  return effects;
}

/** Whether the order ended without reaching its customer and spent credit (which comes back). */
export function creditToReturn(order: Order): boolean {
  return GIVES_BACK.includes(order.status) && partOf(order.payment?.parts, "credit") > 0;
}

export class EffectsFailed extends Error {}

/** Runs every effect of the order's current status; throws if any failed (so it is retried). */
export async function runEffects(
  deps: Deps,
  orderId: string,
  order: Order,
  by: BackendActor = "backend:trigger",
): Promise<void> {
  const effects = effectsOf(deps, orderId, order as Placed, by);
  const names = Object.keys(effects);
  const results = await Promise.allSettled(names.map((n) => effects[n]()));
  const failed = names.filter((_, i) => results[i].status === "rejected");
  if (failed.length === 0) return;
  for (const n of failed) {
    const reason = (results[names.indexOf(n)] as PromiseRejectedResult).reason;
    logger.warn("side effect failed", { orderId, status: order.status, effect: n, err: String(reason) });
  }
  throw new EffectsFailed(`order ${orderId} (${order.status}): ${failed.join(", ")} failed`);
}

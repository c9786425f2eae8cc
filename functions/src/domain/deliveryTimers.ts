// The two timers of a delivery once the food is ready: a courier's claim that is never picked up,
// and an order that stays picked up but never arrives.

import type { OrderEstimate } from "./eta";
import type { OrderStatus } from "./status";
import type { TimestampLike } from "./types";

/**
 * A claim the courier has not picked up this long after claiming goes back to the other couriers.
 * A courier claims from the pickups in their area (courierArea.ts), nearest first: at the cycling
 * pace of geo.ts (250 m a minute) 15 minutes reach 3.75 km, beyond any restaurant in their own
 * cell and the cells beside it that they would sensibly claim. The food is ready and waiting
 * meanwhile, so a courier who is not coming should not hold it longer.
 */
export const CLAIM_PICKUP_MIN = 15;

/**
 * An order still `picked_up` this long after pickup, or twice its estimated ride when that is
 * longer, needs someone to decide how it ends: admins are alerted and the customer told. A ride
 * across a 5 km delivery radius is estimated at about 20 minutes (eta.ts); an hour is long past it
 * and still short enough that the customer is not left waiting all evening. A restaurant with a
 * far larger radius gets twice its rides' estimate.
 */
export const DELIVERY_OVERDUE_MIN = 60;

/**
 * A customer asked to answer a courier who cannot deliver (delivery_problem) has this long. Ten
 * minutes is what the large platforms give a courier waiting at the door; the food is cooling.
 */
export const RESPOND_MIN = 10;

const MIN = 60_000;

/** When a customer asked about a delivery problem must have answered (null: none reported). */
export function respondBy(order: { timeline?: Partial<Record<OrderStatus, TimestampLike>> }): number | null {
  const at = order.timeline?.delivery_problem;
  return at ? at.toMillis() + RESPOND_MIN * MIN : null;
}

/** When a claim made at `claimedAt` expires. */
export function pickupDeadline(claimedAt: TimestampLike): number {
  return claimedAt.toMillis() + CLAIM_PICKUP_MIN * MIN;
}

/** When an order picked up becomes overdue (null: it was never picked up). */
export function deliveryOverdueAt(order: {
  timeline?: Partial<Record<OrderStatus, TimestampLike>>;
  estimate?: OrderEstimate;
}): number | null {
  const pickedUp = order.timeline?.picked_up;
  if (!pickedUp) return null;
  return pickedUp.toMillis() + Math.max(DELIVERY_OVERDUE_MIN, 2 * (order.estimate?.travelMin ?? 0)) * MIN;
}

/** Whether an order still under way at `now` waits for a decision. */
export function isOverdue(order: Parameters<typeof deliveryOverdueAt>[0] & { status: OrderStatus }, now: number) {
  const at = deliveryOverdueAt(order);
  return order.status === "picked_up" && at !== null && at <= now;
}

/** Orders picked up before this may be overdue at `now` (none picked up later is). */
export function overdueCutoff(now: number): Date {
  return new Date(now - DELIVERY_OVERDUE_MIN * MIN);
}

/** Inbox entries about a delivery's timers, beside the order's own entry. Each claim is its own (a
 * claim made again and expiring again is news again); an order becomes overdue once (the admins'
 * entry: the customer's one entry about the order says it instead). */
export const claimExpiredId = (orderId: string, claimedAt: TimestampLike) =>
  `${orderId}_claimExpired_${claimedAt.toMillis()}`;
export const overdueId = (orderId: string) => `${orderId}_overdue`;

// Delivery time estimates: the kitchen's prep time plus the courier's travel time. Travel time is
// one small function (distance at a city cycling pace) so that a routing service could replace it.

import { etaMinutes, type LatLng } from "./geo";
import type { OrderStatus } from "./status";
import type { TimestampLike } from "./types";

/** Minutes from the restaurant's door to the customer's. */
export function travelMinutes(from: LatLng, to: LatLng): number {
  return etaMinutes(from, to);
}

/** Minutes a courier needs to reach the restaurant and collect a ready order. */
export const PICKUP_MINUTES = 5;

/** What the backend stores on an order when it places it: the estimate at that moment. */
export interface OrderEstimate {
  prepMin: number;
  travelMin: number;
}

export interface EtaInput {
  status: OrderStatus;
  estimate?: OrderEstimate;
  /** The prep time staff chose when accepting. */
  prepMin?: number;
  slotStart?: TimestampLike | null;
  timeline?: Partial<Record<OrderStatus, TimestampLike>>;
}

const MIN = 60_000;

/** When the order should arrive, as the customer is told at each step; null once it is over or
 * when there is nothing to go on. Each step replaces the guess before it with what happened. */
export function estimatedArrival(o: EtaInput, now: Date): Date | null {
  const t = (s: OrderStatus) => o.timeline?.[s]?.toMillis();
  const travel = o.estimate?.travelMin;
  if (travel === undefined) return null;
  const atLeastNow = (ms: number) => new Date(Math.max(ms, now.getTime()));
  switch (o.status) {
    case "scheduled":
      return o.slotStart ? new Date(o.slotStart.toMillis()) : null;
    case "placed": {
      const from = t("placed") ?? now.getTime();
      return atLeastNow(from + (o.estimate!.prepMin + PICKUP_MINUTES + travel) * MIN);
    }
    case "accepted":
    case "preparing": {
      const from = t("accepted") ?? now.getTime();
      const prep = o.prepMin ?? o.estimate!.prepMin;
      return atLeastNow(from + (prep + PICKUP_MINUTES + travel) * MIN);
    }
    case "ready":
      return atLeastNow((t("ready") ?? now.getTime()) + (PICKUP_MINUTES + travel) * MIN);
    case "picked_up":
      return atLeastNow((t("picked_up") ?? now.getTime()) + travel * MIN);
    default:
      return null;
  }
}

/** The estimate shown before ordering: prep plus pickup plus travel, in minutes. */
export function minutesToDoor(prepMin: number, travelMin: number): number {
  return prepMin + PICKUP_MINUTES + travelMin;
}

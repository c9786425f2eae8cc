// Who hears about each status, and what they are told. The trigger writes one inbox
// document per recipient per transition, with the id notificationId(order, status).

import type { OrderStatus } from "./status";

export type Audience = "customer" | "restaurant" | "couriers";

export const NOTIFY: Record<OrderStatus, readonly Audience[]> = {
  submitted: [],
  placed: ["restaurant"],
  rejected: ["customer"],
  accepted: ["customer"],
  declined: ["customer"],
  cancelled: ["customer", "restaurant"],
  preparing: ["customer"],
  ready: ["customer", "couriers"],
  picked_up: ["customer"],
  delivered: ["customer"],
};

/** Deterministic so that a retried trigger finds, rather than duplicates, its notification. */
export function notificationId(orderId: string, status: OrderStatus): string {
  return `${orderId}_${status}`;
}

export interface MessageContext {
  restaurantName: string;
  reason?: string;
}

export function messageFor(
  status: OrderStatus,
  audience: Audience,
  ctx: MessageContext,
): { title: string; body: string } {
  const r = ctx.restaurantName;
  const why = ctx.reason ? ` ${ctx.reason}` : "";
  if (audience === "restaurant") {
    return status === "placed"
      ? { title: "New order", body: `A new order is waiting for ${r} to accept it.` }
      : { title: "Order cancelled", body: `An order for ${r} was cancelled.${why}` };
  }
  if (audience === "couriers") return { title: "Pickup available", body: `An order is ready for pickup at ${r}.` };
  const customer: Record<OrderStatus, { title: string; body: string }> = {
    submitted: { title: "Order sent", body: `Your order to ${r} was sent.` },
    placed: { title: "Order placed", body: `Your order to ${r} was placed.` },
    rejected: { title: "Order not placed", body: `Your order to ${r} could not be placed.${why}` },
    accepted: { title: "Order accepted", body: `${r} accepted your order.` },
    declined: { title: "Order declined", body: `${r} declined your order.${why}` },
    cancelled: { title: "Order cancelled", body: `Your order to ${r} was cancelled.${why}` },
    preparing: { title: "Being prepared", body: `${r} is preparing your order.` },
    ready: { title: "Ready for pickup", body: `Your order is ready at ${r} and waiting for a courier.` },
    picked_up: { title: "On its way", body: `A courier picked up your order from ${r}.` },
    delivered: { title: "Delivered", body: `Your order from ${r} was delivered. Enjoy!` },
  };
  return customer[status];
}

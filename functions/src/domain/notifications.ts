// Who hears about each status, on which channel, and what they are told. Inbox entries have the
// id notificationId(order, status) per recipient, so a retried trigger finds rather than
// duplicates them. Texts come from fixed strings and reason codes, never from what someone typed.

import { REASON_TEXTS, type CancelReason, type DeclineReason } from "./reasons";
import type { OrderStatus } from "./status";

export type Audience = "customer" | "staff" | "couriers";

/** The in-app inbox. The restaurant's board already shows every new order, so staff get an inbox
 * entry only when an order they took on is cancelled. */
export const INBOX: Record<OrderStatus, readonly Audience[]> = {
  submitted: [],
  scheduled: ["customer"],
  placed: [],
  rejected: ["customer"],
  accepted: ["customer"],
  declined: ["customer"],
  cancelled: ["customer", "staff"],
  preparing: ["customer"],
  ready: ["customer"],
  picked_up: ["customer"],
  delivered: ["customer"],
};

/** Push notifications (FCM), each sent to a topic: a user's own (their devices), a restaurant's
 * (its staff's devices) or the couriers'. A send then reads nothing, however many devices or
 * people there are; devices join their topics when they are registered and when roles change. */
export const PUSH: Record<OrderStatus, readonly Audience[]> = {
  ...INBOX,
  scheduled: ["customer", "staff"],
  placed: ["staff"],
  ready: ["customer", "couriers"],
};

export const COURIERS_TOPIC = "couriers";
export const userTopic = (uid: string) => `user-${uid}`;
export const restaurantTopic = (rid: string) => `restaurant-${rid}`;

/** The topics a user's devices belong to, given their roles. */
export function topicsFor(uid: string, roles: { courier?: boolean; staff?: string[] } | undefined): string[] {
  return [userTopic(uid), ...(roles?.staff ?? []).map(restaurantTopic), ...(roles?.courier ? [COURIERS_TOPIC] : [])];
}

/** Deterministic so that a retried trigger finds, rather than duplicates, its notification. */
export function notificationId(orderId: string, status: OrderStatus): string {
  return `${orderId}_${status}`;
}

export interface MessageContext {
  restaurantName: string;
  rejection?: string;
  declineReason?: DeclineReason;
  cancelReason?: CancelReason;
  /** A scheduled order's slot, as the restaurant's clock shows it ("Fri 12:30"). */
  slot?: string;
}

export interface Message {
  title: string;
  body: string;
}

export function messageFor(status: OrderStatus, audience: Audience, ctx: MessageContext): Message {
  const r = ctx.restaurantName;
  const declined = ctx.declineReason ? ` ${REASON_TEXTS[ctx.declineReason]}` : "";
  const cancelled = ctx.cancelReason ? ` ${REASON_TEXTS[ctx.cancelReason]}` : "";
  if (audience === "staff") {
    if (status === "placed") return { title: "New order", body: `A new order is waiting for ${r} to accept it.` };
    if (status === "scheduled") {
      return { title: "Order for later", body: `An order for ${ctx.slot ?? "later"} is scheduled at ${r}.` };
    }
    return { title: "Order cancelled", body: `An order for ${r} was cancelled.${cancelled}` };
  }
  // Every courier hears this: it names no restaurant, whose name its staff chose.
  if (audience === "couriers") return { title: "Pickup available", body: "An order is ready for pickup." };
  const customer: Record<OrderStatus, Message> = {
    submitted: { title: "Order sent", body: `Your order to ${r} was sent.` },
    scheduled: {
      title: "Order scheduled",
      body: `Your order to ${r} is scheduled for ${ctx.slot ?? "later"}. You can cancel it until the kitchen gets it.`,
    },
    placed: { title: "Order placed", body: `Your order to ${r} was placed.` },
    rejected: {
      title: "Order not placed",
      body: `Your order to ${r} could not be placed. ${ctx.rejection ?? ""}`.trim(),
    },
    accepted: { title: "Order accepted", body: `${r} accepted your order.` },
    declined: { title: "Order declined", body: `${r} declined your order.${declined}` },
    cancelled: { title: "Order cancelled", body: `Your order to ${r} was cancelled.${cancelled}` },
    preparing: { title: "Being prepared", body: `${r} is preparing your order.` },
    ready: { title: "Ready for pickup", body: `Your order is ready at ${r} and waiting for a courier.` },
    picked_up: { title: "On its way", body: `A courier picked up your order from ${r}.` },
    delivered: { title: "Delivered", body: `Your order from ${r} was delivered. Enjoy!` },
  };
  return customer[status];
}

/** What the backend tells a restaurant's staff about its own state (inbox and push). */
export const STAFF_NOTICES = {
  autoPaused: (minutes: number): Message => ({
    title: "Orders paused",
    body: `Several orders in a row were not accepted in time, so new orders are paused for ${minutes} minutes. Resume on the dashboard when you are ready.`,
  }),
  resumed: (): Message => ({ title: "Taking orders again", body: "The pause is over: customers can order again." }),
  unreadable: (problem: string): Message => ({
    title: "Orders are being refused",
    body: `Your restaurant's settings have a problem, so customers cannot order: ${problem} Fix it in Settings.`,
  }),
};

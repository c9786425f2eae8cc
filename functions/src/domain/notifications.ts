// Who hears about each status, on which channel, and what they are told. Inbox entries have the
// id notificationId(order, status) per recipient, so a retried trigger finds rather than
// duplicates them. Texts come from fixed strings and reason codes, never from what someone typed.

import { courierAreaTopics } from "./courierArea";
import type { Language } from "./language";
import { staffRestaurantIds, type RoleClaims } from "./roles";
import type { RejectionCode } from "./orderCheck";
import type { CancelReason, DeclineReason } from "./reasons";
import type { OrderStatus } from "./status";
import { TEXTS, type Mention, type Message } from "./texts";

export type { Message } from "./texts";

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
  undelivered: ["customer", "staff"],
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

/** A user's own topic carries messages about their orders, each in that order's language. The
 * topics many people share come one per language, and a device joins them in its own: a
 * restaurant's, and the couriers' around one cell of the map (courierArea.ts). */
export const userTopic = (uid: string) => `user-${uid}`;
export const restaurantTopic = (rid: string, lang: Language) => `restaurant-${rid}-${lang}`;

/** The topics a device belongs to, given its user's roles, its language and, for a courier, the
 * cell of the map they were last in: its owner's and kitchen staff's devices both hear about their
 * restaurants' orders, a courier's about pickups around them. */
export function topicsFor(
  uid: string,
  roles: RoleClaims | undefined,
  lang: Language,
  courierCell?: string | null,
): string[] {
  return [
    userTopic(uid),
    ...staffRestaurantIds(roles).map((rid) => restaurantTopic(rid, lang)),
    ...(roles?.courier ? courierAreaTopics(courierCell, lang) : []),
  ];
}

/** An order's short code, as the kitchen's ticket prints it. */
export const orderCode = (orderId: string) => `#${orderId.slice(0, 6).toUpperCase()}`;

/** Deterministic so that a retried trigger finds, rather than duplicates, its notification. */
export function notificationId(orderId: string, status: OrderStatus): string {
  return `${orderId}_${status}`;
}

export interface MessageContext {
  restaurantName: string;
  /** A rejected order's code, and the backend's English message for codes a language lacks. */
  rejectionCode?: string;
  rejection?: string;
  declineReason?: DeclineReason;
  cancelReason?: CancelReason;
  /** A scheduled order's slot, as the restaurant's clock shows it ("Fri 12:30"). */
  slot?: string;
  orderId?: string;
}

export function messageFor(status: OrderStatus, audience: Audience, ctx: MessageContext, lang: Language): Message {
  const t = TEXTS[lang];
  const reason = ctx.declineReason ?? ctx.cancelReason;
  const code = ctx.rejectionCode as RejectionCode | undefined;
  const m: Mention = {
    r: ctx.restaurantName || t.theRestaurant,
    reason: reason ? ` ${t.reasons[reason]}` : "",
    slot: ctx.slot ?? t.later,
    rejection: (code && t.rejections[code]) || ctx.rejection || "",
    code: ctx.orderId ? orderCode(ctx.orderId) : "",
  };
  if (audience === "staff") {
    if (status === "placed") return t.staff.placed(m);
    if (status === "scheduled") return t.staff.scheduled(m);
    if (status === "undelivered") return t.staff.undelivered(m);
    return t.staff.cancelled(m);
  }
  // Every courier hears this: it names no restaurant, whose name its staff chose.
  if (audience === "couriers") return t.couriers;
  return t.customer[status](m);
}

/** What the backend tells a restaurant's staff about its own state (inbox and push). */
export const staffNotices = (lang: Language) => TEXTS[lang].notices;

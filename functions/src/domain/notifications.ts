// Who hears about each status, on which channel, and what they are told. A recipient has one inbox
// entry per order (id: the order's), which follows the order's latest status and keeps its big
// moments; it only ever moves forward in the state machine, so a late or repeated event changes
// nothing. An entry stores what it says as a key and parameters (InboxText): the app says it in
// the reader's language of the moment, while a push is written in the recipient's language when
// it is sent. Texts come from fixed strings and reason codes, never from what someone typed.

import { courierAreaTopics } from "./courierArea";
import { clockTime } from "./hours";
import { formatCents, type Cents } from "./money";
import type { Language } from "./language";
import { staffRestaurantIds, type RoleClaims } from "./roles";
import type { RejectionCode } from "./orderCheck";
import type { CancelReason, DeclineReason, DeliveryProblem, PaymentFailure } from "./reasons";
import { isFinal, type OrderStatus } from "./status";
import type { TimestampLike } from "./types";
import { TEXTS, type Mention, type Message } from "./texts";

export type { Message } from "./texts";

export type Audience = "customer" | "staff" | "couriers";

/** The in-app inbox. The restaurant's board already shows every new order, so staff get an inbox
 * entry only when an order they took on is cancelled. */
export const INBOX: Record<OrderStatus, readonly Audience[]> = {
  submitted: [],
  // The order page shows the wait for the card; the customer is on it.
  awaiting_payment: [],
  scheduled: ["customer"],
  placed: [],
  rejected: ["customer"],
  payment_failed: ["customer"],
  accepted: ["customer"],
  declined: ["customer"],
  cancelled: ["customer", "staff"],
  preparing: ["customer"],
  ready: ["customer"],
  picked_up: ["customer"],
  delivery_problem: ["customer"],
  delivered: ["customer"],
  undelivered: ["customer", "staff"],
  undeliverable: ["customer", "staff"],
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

/** A recipient's one inbox entry about an order: a retried trigger finds, rather than duplicates, it. */
export const inboxEntryId = (orderId: string) => orderId;

/** How far along the state machine a status is: an entry never moves back. Every final status
 * ends the order, so none comes after another. */
export function progressOf(status: OrderStatus): number {
  const i = PROGRESS.indexOf(status);
  return isFinal(status) ? PROGRESS.length : i;
}
const PROGRESS: readonly OrderStatus[] = [
  "submitted",
  "awaiting_payment",
  "scheduled",
  "placed",
  "accepted",
  "preparing",
  "ready",
  "picked_up",
  "delivery_problem",
];

/** The moments an entry keeps with their times, as the big apps' order histories do; the steps
 * between (preparing, ready, on its way) show only while they are the latest. */
export const INBOX_MOMENTS: readonly OrderStatus[] = [
  "scheduled",
  "accepted",
  "rejected",
  "payment_failed",
  "declined",
  "cancelled",
  "delivered",
  "undelivered",
  "undeliverable",
];

type Moments = Partial<Record<OrderStatus, TimestampLike>>;
type Entry = { status?: OrderStatus; moments?: Moments };

/** Whether an entry (as stored) already tells its reader about `status`. */
export function inboxTells(entry: Entry | undefined, status: OrderStatus): boolean {
  if (!entry?.status || progressOf(entry.status) < progressOf(status)) return false;
  return !INBOX_MOMENTS.includes(status) || status in (entry.moments ?? {});
}

/** The big moments an order's timeline holds, with their times. */
export function momentsOf(order: { timeline?: Moments }): Moments {
  return Object.fromEntries(INBOX_MOMENTS.filter((s) => order.timeline?.[s]).map((s) => [s, order.timeline![s]]));
}

/**
 * What news of `order` (at its current status) does to its customer's inbox entry: moves it on to
 * the status ("move": the reader is told), only completes its moments (the entry is past this
 * status already: the event came late), or nothing (a repeated event). Moments come from the
 * order's timeline, so an entry that missed a step's event still keeps that step's moment.
 */
export function inboxChange(entry: Entry | undefined, order: { status: OrderStatus; timeline?: Moments }) {
  const moments = { ...momentsOf(order), ...(entry?.moments ?? {}) };
  if (!entry?.status || progressOf(entry.status) < progressOf(order.status))
    return { change: "move" as const, moments };
  const complete = Object.keys(moments).length === Object.keys(entry.moments ?? {}).length;
  return complete ? null : { change: "moments" as const, moments };
}

/** What a message about an order may mention, as stored with its inbox entry: no text in any
 * language, only names, codes and times. */
export interface MessageContext {
  restaurantName: string;
  /** The order's short code ("K7PX"). */
  code?: string;
  /** A rejected order's code, and the backend's English message for codes a language lacks. */
  rejectionCode?: string;
  rejection?: string;
  declineReason?: DeclineReason;
  cancelReason?: CancelReason;
  deliveryProblem?: DeliveryProblem;
  paymentFailure?: PaymentFailure;
  /** A scheduled order's slot (ms), on the restaurant's clock (timeZone) as seen when ordered (orderedAt). */
  slotAt?: number;
  timeZone?: string;
  orderedAt?: number;
}

/** What a message may name of an order, in `lang`. */
function mentionOf(ctx: MessageContext, lang: Language): Mention {
  const t = TEXTS[lang];
  const reason = ctx.declineReason ?? ctx.cancelReason ?? ctx.deliveryProblem ?? ctx.paymentFailure;
  const code = ctx.rejectionCode as RejectionCode | undefined;
  const slot =
    ctx.slotAt === undefined
      ? t.later
      : clockTime(new Date(ctx.slotAt), ctx.timeZone ?? "UTC", new Date(ctx.orderedAt ?? ctx.slotAt), lang);
  return {
    r: ctx.restaurantName || t.theRestaurant,
    code: ctx.code ? ` #${ctx.code}` : "",
    reason: reason ? ` ${t.reasons[reason]}` : "",
    slot,
    rejection: (code && t.rejections[code]) || ctx.rejection || "",
  };
}

export function messageFor(status: OrderStatus, audience: Audience, ctx: MessageContext, lang: Language): Message {
  const t = TEXTS[lang];
  const m = mentionOf(ctx, lang);
  if (audience === "staff") {
    if (status === "placed") return t.staff.placed(m);
    if (status === "scheduled") return t.staff.scheduled(m);
    if (status === "undelivered" || status === "undeliverable") return t.staff.undelivered(m);
    return t.staff.cancelled(m);
  }
  // Every courier hears this: it names no restaurant, whose name its staff chose.
  if (audience === "couriers") return t.couriers;
  return t.customer[status](m);
}

/** What the backend tells a restaurant's staff about its own state (inbox and push), as a key and
 * its parameters; a problem with its settings is said in every language when it is found. */
export type StaffNotice =
  | { key: "autoPaused"; minutes: number }
  | { key: "resumed" }
  | { key: "unreadable"; problem: Record<Language, string> }
  | { key: "webhookDown"; client: string; failingMinutes: number; minutes: number };

export function noticeMessage(notice: StaffNotice, lang: Language): Message {
  const n = TEXTS[lang].notices;
  if (notice.key === "autoPaused") return n.autoPaused(notice.minutes);
  if (notice.key === "unreadable") return n.unreadable(notice.problem[lang] ?? notice.problem.en ?? "");
  if (notice.key === "webhookDown") return n.webhookDown(notice.client, notice.failingMinutes, notice.minutes);
  return n.resumed;
}

/** What the backend tells people about a delivery's timers (deliveryTimers.ts): a claim not
 * picked up in time (its courier and the restaurant's staff), an order on its way far too long
 * (its customer and the admins, who decide how it ends). */
export type DeliveryNotice =
  | { key: "claimExpired"; audience: "courier" | "staff"; minutes: number }
  | { key: "overdue"; audience: "customer" | "admin" };

export function deliveryMessage(notice: DeliveryNotice, ctx: MessageContext, lang: Language): Message {
  const t = TEXTS[lang];
  const m = mentionOf(ctx, lang);
  if (notice.key === "claimExpired") return t.claimExpired[notice.audience](m, notice.minutes);
  return t.overdue[notice.audience](m);
}

/** What the backend tells the customer and the restaurant's staff about a complaint. */
export interface ComplaintNotice {
  key: "refunded" | "review" | "declined" | "charged" | "disputeUpheld" | "disputeRejected";
  amount: Cents;
  currency: string;
}

export function complaintMessage(notice: ComplaintNotice, ctx: MessageContext, lang: Language): Message {
  const t = TEXTS[lang].complaint;
  const m = mentionOf(ctx, lang);
  const amount = formatCents(notice.amount, notice.currency, lang === "de" ? "de-DE" : "en-IE");
  switch (notice.key) {
    case "refunded":
    case "charged":
    case "disputeUpheld":
      return t[notice.key](m, amount);
    default:
      return t[notice.key](m);
  }
}

/** What an inbox entry says, stored as a key and parameters and said in the reader's language. */
export type InboxText =
  | { kind: "order"; status: OrderStatus; audience: Audience; context: MessageContext }
  | { kind: "notice"; notice: StaffNotice }
  | { kind: "delivery"; notice: DeliveryNotice; context: MessageContext }
  | { kind: "complaint"; notice: ComplaintNotice; context: MessageContext };

export function inboxMessage(text: InboxText, lang: Language): Message {
  if (text.kind === "notice") return noticeMessage(text.notice, lang);
  if (text.kind === "complaint") return complaintMessage(text.notice, text.context, lang);
  if (text.kind === "delivery") return deliveryMessage(text.notice, text.context, lang);
  return messageFor(text.status, text.audience, text.context, lang);
}

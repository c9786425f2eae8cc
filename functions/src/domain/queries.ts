// Every Firestore query Dishpatch runs, as data. The web data layer and the functions build their
// SDK queries from these specs, and the deploy check (scripts/checkDeploy.ts) proves that each one
// has the composite index it needs in firestore.indexes.json, and a limit, or `bounded` saying why
// it needs none: what a screen or a step reads may not grow with the city.

import { paths } from "./collections";
import { LIMITS } from "./limits";
import type { GeoPiece } from "./listing";
import { MAX_USES_PER_CUSTOMER } from "./promo";
import { canTransition, OPEN_STATUSES, type OrderStatus } from "./status";

export type WhereOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not-in" | "array-contains" | "array-contains-any";
export type Direction = "asc" | "desc";

export interface QuerySpec {
  /** A collection path, or a collection id when `group` is set. */
  collection: string;
  group?: boolean;
  where: readonly (readonly [field: string, op: WhereOp, value: unknown])[];
  orderBy: readonly (readonly [field: string, direction: Direction])[];
  limit?: number;
  /** Why a query without a limit reads only a few documents however large the city grows (the
   * rules' caps, one claim at a time, counted on the server without reading). */
  bounded?: string;
}

/** The order board's columns, in the order a kitchen works through them. */
export const BOARD_STATUSES: readonly OrderStatus[] = ["placed", "accepted", "preparing", "ready", "picked_up"];
/** What the board listens to: its columns, and the orders ahead shown above them. */
export const BOARD_QUERY_STATUSES: readonly OrderStatus[] = ["scheduled", ...BOARD_STATUSES];
/** What a courier has claimed and not yet delivered. */
export const COURIER_ACTIVE_STATUSES: readonly OrderStatus[] = ["ready", "picked_up", "delivery_problem"];

/** The statuses an admin may cancel an order from (cancelOrder). */
export const ADMIN_CANCELLABLE: readonly OrderStatus[] = OPEN_STATUSES.filter((s) =>
  canTransition(s, "cancelled", "admin"),
);

/** The reconciler's sweeps: documents whose `field` falls in [from, to), oldest first, a page at a
 * time (`group`: every collection of that name). */
function changedIn(collection: string, field: string, from: Date, to: Date, max: number, group = false): QuerySpec {
  return {
    collection,
    ...(group ? { group: true } : {}),
    where: [
      [field, ">=", from],
      [field, "<", to],
    ],
    orderBy: [[field, "asc"]],
    limit: max,
  };
}

export const QUERIES = {
  menu: (rid: string): QuerySpec => ({
    collection: paths.menu(rid),
    where: [],
    orderBy: [],
    limit: LIMITS.maxMenuItems,
  }),
  /** The board: a kitchen's orders under way, oldest first. */
  boardOrders: (rid: string): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["restaurantId", "==", rid],
      ["status", "in", BOARD_QUERY_STATUSES],
    ],
    orderBy: [["createdAt", "asc"]],
    limit: LIMITS.maxBoardOrders,
  }),
  /** A restaurant's reviews, newest first, a page at a time (single-field index). */
  restaurantReviews: (rid: string, pageSize: number): QuerySpec => ({
    collection: paths.reviews(rid),
    where: [],
    orderBy: [["createdAt", "desc"]],
    limit: pageSize,
  }),
  customerOrders: (uid: string, pageSize: number): QuerySpec => ({
    collection: paths.orders(),
    where: [["customerId", "==", uid]],
    orderBy: [["createdAt", "desc"]],
    limit: pageSize,
  }),
  /** A courier's pickups: unclaimed ready orders in the cells of their area (courierArea.ts). */
  openPickups: (cells: readonly string[], pageSize: number): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["status", "==", "ready"],
      ["courierId", "==", null],
      ["pickupCell", "in", cells],
    ],
    orderBy: [],
    limit: pageSize,
  }),
  courierActive: (uid: string): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["courierId", "==", uid],
      ["status", "in", COURIER_ACTIVE_STATUSES],
    ],
    orderBy: [],
    bounded: "a courier holds one claim at a time (the rules' couriers/{uid}.activeOrderId)",
  }),
  /** The inbox, latest news first: an order's entry moves up when the order moves on. */
  inbox: (uid: string, pageSize: number): QuerySpec => ({
    collection: paths.inbox(uid),
    where: [],
    orderBy: [["updatedAt", "desc"]],
    limit: pageSize,
  }),
  unread: (uid: string): QuerySpec => ({
    collection: paths.inbox(uid),
    where: [["read", "==", false]],
    orderBy: [],
    bounded: "only counted by the server (the header's badge), never read",
  }),
  /** The unread entries about one order (two equalities: served by the single-field indexes). */
  unreadAbout: (uid: string, orderId: string): QuerySpec => ({
    collection: paths.inbox(uid),
    where: [
      ["orderId", "==", orderId],
      ["read", "==", false],
    ],
    orderBy: [],
    bounded: "one order's entries for one person: one per status and a few notices (notificationId)",
  }),
  addresses: (uid: string): QuerySpec => ({
    collection: paths.addresses(uid),
    where: [],
    orderBy: [],
    bounded: "at most ten addresses (the rules allow the ids a0 to a9)",
  }),
  devices: (uid: string): QuerySpec => ({
    collection: paths.devices(uid),
    where: [],
    orderBy: [],
    bounded: "at most five devices (the rules allow the ids d0 to d4)",
  }),
  statsShards: (rid: string, day: string): QuerySpec => ({
    collection: paths.statsShards(rid, day),
    where: [],
    orderBy: [],
    bounded: "STATS_SHARDS documents a day, written only by the backend",
  }),
  /** The first screen: restaurant cards in one geohash range (domain/listing.ts). */
  nearby: (span: GeoPiece, pageSize: number): QuerySpec => ({
    collection: paths.listings(),
    where: [
      ["geohash", span.fromInclusive ? ">=" : ">", span.from],
      ["geohash", span.toInclusive ? "<=" : "<", span.to],
    ],
    orderBy: [["geohash", "asc"]],
    limit: pageSize,
  }),
  /** The same spans, one cuisine only: choosing "Italian" finds the Italian places around, not
   * only those among the cards already shown. */
  nearbyOfCuisine: (span: GeoPiece, pageSize: number, cuisine: string): QuerySpec => ({
    collection: paths.listings(),
    where: [
      ["cuisine", "==", cuisine],
      ["geohash", span.fromInclusive ? ">=" : ">", span.from],
      ["geohash", span.toInclusive ? "<=" : "<", span.to],
    ],
    orderBy: [["geohash", "asc"]],
    limit: pageSize,
  }),
  /** Search: the entries holding one normalised word (the customer's search, and the admin's
   * restaurant picker a page at a time). */
  search: (token: string, pageSize: number): QuerySpec => ({
    collection: paths.searchIndex(),
    where: [["tokens", "array-contains", token]],
    orderBy: [],
    limit: pageSize,
  }),
  /** Backend: who works at a restaurant, in its kitchen and as its owner, and every courier (users'
   * roles mirror). A restaurant has a handful of staff; the limit only bounds a mistake. */
  staffOf: (rid: string): QuerySpec => ({
    collection: paths.users(),
    where: [["roles.staff", "array-contains", rid]],
    orderBy: [],
    limit: 200,
  }),
  ownersOf: (rid: string): QuerySpec => ({
    collection: paths.users(),
    where: [["roles.owner", "array-contains", rid]],
    orderBy: [],
    limit: 200,
  }),
  /** Backend: the admins, to tell them of an order that needs a decision. */
  admins: (): QuerySpec => ({
    collection: paths.users(),
    where: [["roles.admin", "==", true]],
    orderBy: [],
    limit: 100,
  }),
  /** Backend: a customer's orders under way (counted, for the open-orders limit). */
  openOrdersOf: (uid: string): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["customerId", "==", uid],
      ["status", "in", OPEN_STATUSES],
    ],
    orderBy: [],
    bounded: "only counted by the server, never read",
  }),
  /** Reconciler: orders in `status` whose `field` (a time) is before `before`, oldest first. */
  dueOrders: (
    status: OrderStatus,
    field:
      "createdAt" | "acceptBy" | "releaseAt" | "claimedAt" | "timeline.delivery_problem" | "timeline.awaiting_payment",
    before: Date,
    max: number,
  ): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["status", "==", status],
      [field, "<", before],
    ],
    orderBy: [[field, "asc"]],
    limit: max,
  }),
  /** Reconciler: orders changed in [from, to), to check their side effects happened. */
  changedBetween: (from: Date, to: Date, max: number): QuerySpec =>
    changedIn(paths.orders(), "updatedAt", from, to, max),
  /** Orders picked up before `before` and still on their way, longest first: those that may need
   * an admin's decision (deliveryTimers.ts), for the reconciler and the admin's list. */
  deliveriesOverdue: (before: Date, max: number): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["status", "==", "picked_up"],
      ["timeline.picked_up", "<", before],
    ],
    orderBy: [["timeline.picked_up", "asc"]],
    limit: max,
  }),
  /** Admin: deliveries a courier could not hand over, waiting for the customer or a decision, oldest first. */
  deliveryProblems: (pageSize: number): QuerySpec => ({
    collection: paths.orders(),
    where: [["status", "==", "delivery_problem"]],
    orderBy: [["timeline.delivery_problem", "asc"]],
    limit: pageSize,
  }),
  /** Reconciler: reviews written in [from, to), to check their rating was counted (collection group). */
  reviewsCreatedBetween: (from: Date, to: Date, max: number): QuerySpec =>
    changedIn("reviews", "createdAt", from, to, max, true),
  /** Reconciler: restaurants changed in [from, to), to check their public card followed. */
  restaurantsChangedBetween: (from: Date, to: Date, max: number): QuerySpec =>
    changedIn(paths.restaurants(), "updatedAt", from, to, max),
  /** Reconciler: dishes changed in [from, to), to check their restaurant's search words followed. */
  menusChangedBetween: (from: Date, to: Date, max: number): QuerySpec =>
    changedIn("menu", "updatedAt", from, to, max, true),
  /** Reconciler: complaints changed in [from, to), to check everyone was told. */
  complaintsChangedBetween: (from: Date, to: Date, max: number): QuerySpec =>
    changedIn(paths.complaints(), "updatedAt", from, to, max),
  /** Backend (auto-pause): the restaurant's last `max` orders placed at or before `at`, newest first. */
  placedUpTo: (rid: string, at: unknown, max: number): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["restaurantId", "==", rid],
      ["timeline.placed", "<=", at],
    ],
    orderBy: [["timeline.placed", "desc"]],
    limit: max,
  }),
  /** Backend (first-order codes): any order of the customer's that went through, or is going. */
  customerPastOrders: (uid: string): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["customerId", "==", uid],
      ["status", "in", ["scheduled", "placed", "accepted", "preparing", "ready", "picked_up", "delivered"]],
    ],
    orderBy: [],
    limit: 1,
  }),
  /** Backend (per-customer limit): the customer's redemptions of a code still standing. */
  customerRedemptions: (code: string, uid: string): QuerySpec => ({
    collection: paths.promoRedemptions(code),
    where: [
      ["customerId", "==", uid],
      ["released", "==", false],
    ],
    orderBy: [],
    limit: MAX_USES_PER_CUSTOMER,
  }),
  /** Checkout: the codes every customer may see (their public view). */
  publicPromos: (): QuerySpec => ({
    collection: paths.publicPromos(),
    where: [],
    orderBy: [],
    limit: 20,
  }),
  /** Admin: every code, newest first. */
  allPromos: (): QuerySpec => ({
    collection: paths.promoCodes(),
    where: [],
    orderBy: [["createdAt", "desc"]],
    limit: 100,
  }),
  /** A restaurant's statement lines for a period (its owner's statement). */
  restaurantStatement: (rid: string, from: Date, to: Date): QuerySpec => ({
    collection: paths.statementLines(),
    where: [
      ["restaurantId", "==", rid],
      ["deliveredAt", ">=", from],
      ["deliveredAt", "<", to],
    ],
    orderBy: [["deliveredAt", "asc"]],
    bounded: "one restaurant's deliveries in a statement's period, a day or a week at most",
  }),
  /** The refunds the platform booked in a period (the revenue's refunds, aggregated). */
  refundsBookedBetween: (from: Date, to: Date): QuerySpec => ({
    collection: paths.refundBooks(),
    where: [
      ["bookedAt", ">=", from],
      ["bookedAt", "<", to],
    ],
    orderBy: [],
    bounded: "only summed by the server (one aggregation), never read",
  }),
  /** A customer's complaints since `since` (the policy counts the last 30 days'). */
  customerComplaintsSince: (uid: string, since: Date): QuerySpec => ({
    collection: paths.complaints(),
    where: [
      ["customerId", "==", uid],
      ["createdAt", ">=", since],
    ],
    orderBy: [],
    limit: 100,
  }),
  /** The complaints about one order (its page shows them, newest first). */
  orderComplaints: (uid: string, orderId: string): QuerySpec => ({
    collection: paths.complaints(),
    where: [
      ["customerId", "==", uid],
      ["orderId", "==", orderId],
    ],
    orderBy: [["createdAt", "desc"]],
    limit: 20,
  }),
  /** A restaurant's complaints, newest first (its Complaints tab). */
  restaurantComplaints: (rid: string, pageSize: number): QuerySpec => ({
    collection: paths.complaints(),
    where: [["restaurantId", "==", rid]],
    orderBy: [["createdAt", "desc"]],
    limit: pageSize,
  }),
  /** Admin: complaints waiting for a decision, and disputes waiting for one, oldest first. */
  complaintsInReview: (pageSize: number): QuerySpec => ({
    collection: paths.complaints(),
    where: [["status", "==", "review"]],
    orderBy: [["createdAt", "asc"]],
    limit: pageSize,
  }),
  openDisputes: (pageSize: number): QuerySpec => ({
    collection: paths.complaints(),
    where: [["dispute.status", "==", "open"]],
    orderBy: [["createdAt", "asc"]],
    limit: pageSize,
  }),
  /** Admin: orders an admin may cancel (canTransition to "cancelled" by "admin"), newest first. */
  ordersUnderWay: (pageSize: number): QuerySpec => ({
    collection: paths.orders(),
    where: [["status", "in", ADMIN_CANCELLABLE]],
    orderBy: [["createdAt", "desc"]],
    limit: pageSize,
  }),
  /** Admin: the couriers' cash sums, those holding most first. */
  courierCash: (pageSize: number): QuerySpec => ({
    collection: paths.courierCash("x").split("/")[0],
    where: [],
    orderBy: [["collected", "desc"]],
    limit: pageSize,
  }),
  /** A customer's credit entries, newest first (their account page). */
  creditEntries: (uid: string, pageSize: number): QuerySpec => ({
    collection: paths.creditEntries(uid),
    where: [],
    orderBy: [["createdAt", "desc"]],
    limit: pageSize,
  }),
  /** The books of every order delivered in a period (the admin's revenue figures, aggregated). */
  booksDeliveredBetween: (from: Date, to: Date): QuerySpec => ({
    collection: paths.orderBooks(),
    where: [
      ["deliveredAt", ">=", from],
      ["deliveredAt", "<", to],
    ],
    orderBy: [],
    bounded: "only summed by the server (one aggregation), never read",
  }),
  /** Backend (deleting an account): a page of the receipts still naming the customer. */
  customerReceipts: (uid: string, pageSize: number): QuerySpec => ({
    collection: paths.receipts(),
    where: [["customerId", "==", uid]],
    orderBy: [],
    limit: pageSize,
  }),
  /** Backend (deleting an account): a page of the card payments still naming the customer. */
  customerPayments: (uid: string, pageSize: number): QuerySpec => ({
    collection: paths.payments(),
    where: [["customerId", "==", uid]],
    orderBy: [],
    limit: pageSize,
  }),
  /** Backend (a refund's webhook): the card payment of a Stripe PaymentIntent (one at most). */
  paymentOfIntent: (intentId: string): QuerySpec => ({
    collection: paths.payments(),
    where: [["intentId", "==", intentId]],
    orderBy: [],
    limit: 1,
  }),
  /** A courier's deliveries since `from` (today's and this week's earnings), newest first. */
  courierEarnings: (uid: string, from: Date): QuerySpec => ({
    collection: paths.earnings(uid),
    where: [["deliveredAt", ">=", from]],
    orderBy: [["deliveredAt", "desc"]],
    bounded: "one courier's deliveries since the start of the week, made one at a time",
  }),
  /** Reconciler: restaurants whose pause has ended but is still set. */
  pausesEnded: (now: Date, max: number): QuerySpec => ({
    collection: paths.restaurants(),
    where: [["pausedUntil", "<=", now]],
    orderBy: [["pausedUntil", "asc"]],
    limit: max,
  }),
  /** The owner's API clients (Integrations tab), and their count against the limit. */
  apiClientsOf: (rid: string): QuerySpec => ({
    collection: paths.apiClients(),
    where: [["restaurantId", "==", rid]],
    orderBy: [],
    limit: 50,
  }),
  /** Partner API: a dish by the till's own id. */
  menuItemByExternalId: (rid: string, externalId: string): QuerySpec => ({
    collection: paths.menu(rid),
    where: [["externalId", "==", externalId]],
    orderBy: [],
    limit: 1,
  }),
  /** A client's latest webhook deliveries, newest first. */
  recentDeliveries: (cid: string, pageSize: number): QuerySpec => ({
    collection: paths.deliveries(cid),
    where: [],
    orderBy: [["createdAt", "desc"]],
    limit: pageSize,
  }),
  /** Partner API: a restaurant's orders in these statuses changed since `since`, oldest change
   * first (a till catching up pages forward from its last sync). */
  apiOrders: (rid: string, statuses: readonly OrderStatus[], since: unknown, pageSize: number): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["restaurantId", "==", rid],
      ["status", "in", statuses],
      ["updatedAt", ">=", since],
    ],
    orderBy: [["updatedAt", "asc"]],
    limit: pageSize,
  }),
  /** Backend: whether a restaurant has an order waiting for an answer (two equalities). */
  waitingOrders: (rid: string): QuerySpec => ({
    collection: paths.orders(),
    where: [
      ["restaurantId", "==", rid],
      ["status", "==", "placed"],
    ],
    orderBy: [],
    limit: 1,
  }),
  /** Partner API rate limit: the shards of one client's window (summed). */
  usageWindow: (cid: string, window: string): QuerySpec => ({
    collection: paths.usage(cid),
    where: [["window", "==", window]],
    orderBy: [],
    bounded: "only summed by the server (one aggregation over a window's shards), never read",
  }),
  /** Reconciler: records past their keeping time (what a TTL policy deletes in production). */
  expired: (group: "deliveries" | "idempotency" | "usage", now: Date, max: number): QuerySpec => ({
    collection: group,
    group: true,
    where: [["expireAt", "<", now]],
    orderBy: [["expireAt", "asc"]],
    limit: max,
  }),
  /** Reconciler: card payments due a look (cardPayment.ts checkAt: an answer awaited from Stripe,
   * money held past an order's usual span, a refund or tip charge not confirmed). */
  paymentsToCheck: (now: Date, max: number): QuerySpec => ({
    collection: paths.payments(),
    where: [["checkAt", "<", now]],
    orderBy: [["checkAt", "asc"]],
    limit: max,
  }),
  /** Reconciler: webhook deliveries whose retry is long overdue (a lost task). */
  stalledDeliveries: (before: Date, max: number): QuerySpec => ({
    collection: "deliveries",
    group: true,
    where: [
      ["state", "==", "pending"],
      ["nextAttemptAt", "<", before],
    ],
    orderBy: [["nextAttemptAt", "asc"]],
    limit: max,
  }),
} satisfies Record<string, (...args: never[]) => QuerySpec>;

export type QueryName = keyof typeof QUERIES;

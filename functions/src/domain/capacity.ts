// What an order costs in capacity: every document an order writes over its life, how often, and
// how many orders share each one; and the functions each order invokes. From these a load (orders a
// minute across the city and at one restaurant) becomes writes a second on one document and
// invocations a second, set against Firestore's and Cloud Functions' documented limits. The
// README's Capacity section is rendered from this module (npm run capacity:readme), so the list
// here is the one the figures there come from.
//
// Counts are for an order's whole life on the happy path (HAPPY_PATH). A document only some orders
// write (a promo code, a review, a restaurant with a till on the API) is counted as if every order
// wrote it: each figure is an upper bound, and `when` says which orders really do.

import { orderEventOf } from "./api";
import { STATS_SHARDS, type paths } from "./collections";
import { INBOX } from "./notifications";
import { PROMO_SHARDS } from "./promo";
import { FUNCTION_SETTINGS, TASK_QUEUE_CONCURRENCY } from "./deployment";
import { HAPPY_PATH } from "./status";

/**
 * Firestore's limits, as its "Best practices" page gives them
 * (https://firebase.google.com/docs/firestore/best-practices): "Updates to a single document"
 * (about one sustained write a second; the exact rate depends on the workload), "Ramping up
 * traffic" (the 500/50/5 rule) and "Index exemptions" (sequentially indexed values).
 */
export const FIRESTORE_LIMITS = {
  /** Sustained writes a second to one document. */
  writesPerDocumentPerSecond: 1,
  /** 500/50/5: at most 500 operations a second to a new collection, then 50 % more every 5 minutes. */
  rampStartPerSecond: 500,
  rampGrowth: 0.5,
  rampStepMinutes: 5,
  /** A collection whose documents carry an indexed field that grows with time (a timestamp) takes
   * at most 500 writes a second: its index entries all land at one end of the index. */
  sequentialIndexWritesPerSecond: 500,
} as const;

/** The reconciler (orders/reconcile.ts takes these): once a minute it reads changed orders a page at
 * a time, checks a page's orders `sweepConcurrency` at once, and goes on until it has caught up or
 * its run's budget is spent; it looks back at most `lookBackMinutes`. */
export const RECONCILER = {
  runsPerMinute: 1,
  pageSize: 200,
  /** Repairs of due timers and submitted orders under way at once (they write). */
  concurrency: 10,
  /** Checks of changed orders under way at once (mostly reads). */
  sweepConcurrency: 20,
  budgetSeconds: 40,
  lookBackMinutes: 15,
} as const;

/** The courier's app shares its position at most this often (web/src/pages/courier/position.ts). */
export const POSITION_EVERY_MS = 5_000;

/** Till requests per order through the partner API: accept, then ready (the POS simulator's loop). */
export const TILL_REQUESTS_PER_ORDER = 2;

/** One minute's request counts of an API client are spread over this many documents (api/rateLimit.ts). */
export const API_USAGE_SHARDS = 10;

/** How many orders reach one document: one order's, one restaurant's (or its day's, or its API
 * client's), one courier's, or the whole city's (a promo code any restaurant takes, a singleton). */
export type Scope = "order" | "restaurant" | "restaurant-day" | "courier" | "city";

export type OrderDocKind =
  | "order"
  | "orderCode"
  | "orderBooks"
  | "promoAllocation"
  | "promoRedemption"
  | "customerInbox"
  | "staffInbox"
  | "dailyStats"
  | "receipt"
  | "statementLine"
  | "courierEarning"
  | "courierState"
  | "courierPosition"
  | "review"
  | "restaurantRating"
  | "listing"
  | "searchEntry"
  | "webhookDelivery"
  | "apiClient"
  | "apiUsage"
  | "idempotencyKey";

export interface OrderDocument {
  kind: OrderDocKind;
  what: string;
  /** Its path, with the `paths` helper (collections.ts) that builds it. */
  path: string;
  helper: keyof typeof paths;
  writtenBy: string;
  /** Writes over one order's life, over all the documents of this kind it writes. */
  writesPerOrder: number;
  /** Only these orders write it (counted as if all did). */
  when?: string;
  scope: Scope;
  /** The scope's writes are spread over this many documents (shards, or one per event). */
  documents?: number;
  /** For a document in a subcollection: whose writes its collection takes (its parent's). */
  parent?: Scope;
  /** Written at most once per this many milliseconds, for as long as its writer runs. */
  everyMs?: number;
}

/** Assumptions the figures rest on, each stated where it is rendered. */
export interface Assumptions {
  /** Submitted → delivered: an order's own documents take their writes over this time. */
  orderMinutes: number;
  /** Claim → delivered: the courier shares their position meanwhile. */
  rideMinutes: number;
  /** Deliveries one courier makes in an hour (one claim at a time). */
  courierOrdersPerHour: number;
  /** One function invocation's execution time. */
  executionMs: number;
  /** One webhook delivery's, waiting on the partner's endpoint. */
  webhookMs: number;
  /** The reconciler's check of one changed order: its status's side effects read back. */
  reconcilerCheckMs: number;
}

/** The README's bench table (run of 2026-11-26), one customer: write → placed, p95, on the
 * emulators. It includes the trigger's own delivery: no function is measured in production. */
export const BENCH_PLACED_P95_MS = 195;

export const ASSUMPTIONS: Assumptions = {
  orderMinutes: 45,
  rideMinutes: 20,
  courierOrdersPerHour: 4,
  // The bench's figure above, rounded up.
  executionMs: 200,
  // A partner answering within a second; a slow one holds a dispatch up to 10 s (webhooks/ssrf.ts).
  webhookMs: 1_000,
  // Two or three document reads in one region.
  reconcilerCheckMs: 50,
};

export interface Load {
  cityOrdersPerMinute: number;
  /** The busiest restaurant's orders a minute. */
  restaurantOrdersPerMinute: number;
  /** Staff and customers with the restaurant's board (or its orders) open. */
  boardListeners: number;
}

/** The loads the issue names: a city at 1,000 orders a minute with a busy restaurant in it at 3. */
export const CITY_LOAD: Load = { cityOrdersPerMinute: 1_000, restaurantOrdersPerMinute: 3, boardListeners: 30 };
/** The busy restaurant's peak on its own: nothing else reaches a city-wide document. */
export const RESTAURANT_PEAK: Load = { cityOrdersPerMinute: 3, restaurantOrdersPerMinute: 3, boardListeners: 30 };

/** Statuses of the happy path after `submitted`: one write to the order each. */
const statusChanges = () => HAPPY_PATH.length - 1;
/** Moves of the customer's inbox entry: statuses that tell the customer (INBOX). */
const inboxMoves = () => HAPPY_PATH.filter((s) => INBOX[s].includes("customer")).length;
/** Webhook events of one order: statuses an API client hears about (orderEventOf). */
export const webhookEventsPerOrder = () => HAPPY_PATH.filter((status) => orderEventOf({ status }) !== null).length;

/** Every document an order writes, from its cart to its review. */
export function orderDocuments(a: Assumptions = ASSUMPTIONS): OrderDocument[] {
  const events = webhookEventsPerOrder();
  const reviewed = "reviewed orders, one review each at most";
  const api = "orders at restaurants whose till listens on the API, one client each";
  return [
    {
      kind: "order",
      what: "the order",
      path: "orders/{orderId}",
      helper: "order",
      writtenBy:
        "the customer's cart; processOrder; staff (accepted, preparing, ready); the courier (claim, picked up, delivered)",
      // The cart, each later status, and the courier's claim.
      writesPerOrder: 1 + statusChanges() + 1,
      scope: "order",
    },
    {
      kind: "orderCode",
      what: "its short code",
      path: "restaurants/{rid}/orderCodes/{code}",
      helper: "orderCode",
      writtenBy: "processOrder, in the write that places it (a taken code: one more try)",
      writesPerOrder: 1,
      scope: "order",
      parent: "restaurant",
    },
    {
      kind: "orderBooks",
      what: "its books",
      path: "orderBooks/{orderId}",
      helper: "books",
      writtenBy: "processOrder; the delivery's booking",
      writesPerOrder: 2,
      scope: "order",
    },
    {
      kind: "promoAllocation",
      what: "promo allocations",
      path: "promoCodes/{code}/allocations/{n}",
      helper: "promoAllocation",
      writtenBy: "processOrder's transaction takes from one at random; an order ending undelivered gives it back",
      writesPerOrder: 1,
      when: "orders redeeming a capped code, all on one code",
      scope: "city",
      parent: "city",
      documents: PROMO_SHARDS,
    },
    {
      kind: "promoRedemption",
      what: "the redemption",
      path: "promoCodes/{code}/redemptions/{orderId}",
      helper: "promoRedemption",
      writtenBy: "processOrder (released once if the order ends undelivered)",
      writesPerOrder: 1,
      when: "orders with a code",
      scope: "order",
      parent: "city",
    },
    {
      kind: "customerInbox",
      what: "the customer's inbox entry",
      path: "users/{uid}/notifications/{orderId}",
      helper: "notification",
      writtenBy: "onOrderUpdated moves it on at each status it tells; the customer marks it read",
      writesPerOrder: 2 * inboxMoves(),
      scope: "order",
      parent: "order",
    },
    {
      kind: "staffInbox",
      what: "staff inbox entries",
      path: "users/{staffUid}/notifications/{orderId}",
      helper: "notification",
      writtenBy: "onOrderUpdated, once for each staff member",
      writesPerOrder: 1,
      when: "cancelled orders",
      scope: "order",
      parent: "restaurant",
    },
    {
      kind: "dailyStats",
      what: "the restaurant's daily stats",
      path: "restaurants/{rid}/stats/{day}/shards/{n}",
      helper: "statsShard",
      writtenBy: "onOrderUpdated (seconds to accept); the delivery's booking (food sales)",
      writesPerOrder: 2,
      scope: "restaurant-day",
      parent: "restaurant-day",
      documents: STATS_SHARDS,
    },
    {
      kind: "receipt",
      what: "the receipt",
      path: "receipts/{orderId}",
      helper: "receipt",
      writtenBy: "the delivery's booking",
      writesPerOrder: 1,
      scope: "order",
    },
    {
      kind: "statementLine",
      what: "the statement line",
      path: "statementLines/{orderId}",
      helper: "statementLine",
      writtenBy: "the delivery's booking",
      writesPerOrder: 1,
      scope: "order",
    },
    {
      kind: "courierEarning",
      what: "the courier's earning",
      path: "couriers/{uid}/earnings/{orderId}",
      helper: "earning",
      writtenBy: "the delivery's booking",
      writesPerOrder: 1,
      scope: "order",
      parent: "courier",
    },
    {
      kind: "courierState",
      what: "the courier's state",
      path: "couriers/{uid}",
      helper: "courier",
      writtenBy: "the courier's claim and delivery (the active order)",
      writesPerOrder: 2,
      scope: "courier",
    },
    {
      kind: "courierPosition",
      what: "the courier's position",
      path: "orders/{orderId}/tracking/courier",
      helper: "courierPosition",
      writtenBy: "the courier's app while on the way",
      writesPerOrder: (a.rideMinutes * 60_000) / POSITION_EVERY_MS,
      scope: "order",
      parent: "order",
      everyMs: POSITION_EVERY_MS,
    },
    {
      kind: "review",
      what: "the review",
      path: "restaurants/{rid}/reviews/{orderId}",
      helper: "review",
      writtenBy: "the customer; onReviewCreated signs it",
      writesPerOrder: 2,
      when: reviewed,
      scope: "order",
      parent: "restaurant",
    },
    {
      kind: "restaurantRating",
      what: "the restaurant's rating counters",
      path: "restaurants/{rid}",
      helper: "restaurant",
      writtenBy: "onReviewCreated adds to the rating's sum and count, in a transaction",
      writesPerOrder: 1,
      when: reviewed,
      scope: "restaurant",
    },
    {
      kind: "listing",
      what: "the restaurant's public card",
      path: "listings/{rid}",
      helper: "listing",
      writtenBy: "onRestaurantWritten: the card shows the rating",
      writesPerOrder: 1,
      when: reviewed,
      scope: "restaurant",
    },
    {
      kind: "searchEntry",
      what: "the restaurant's search entry",
      path: "searchIndex/{rid}",
      helper: "searchEntry",
      writtenBy: "onRestaurantWritten, with the card it holds",
      writesPerOrder: 1,
      when: reviewed,
      scope: "restaurant",
    },
    {
      kind: "webhookDelivery",
      what: "webhook deliveries",
      path: "apiClients/{cid}/deliveries/{eventId}",
      helper: "delivery",
      writtenBy: "onOrderUpdated creates one per event; deliverWebhook records each attempt",
      writesPerOrder: 2 * events,
      when: api,
      scope: "order",
      parent: "restaurant",
      documents: events,
    },
    {
      kind: "apiClient",
      what: "the API client (its endpoint's health)",
      path: "apiClients/{cid}",
      helper: "apiClient",
      writtenBy: "deliverWebhook, after each delivery",
      writesPerOrder: events,
      when: api,
      scope: "restaurant",
    },
    {
      kind: "apiUsage",
      what: "the API client's request counts",
      path: "apiClients/{cid}/usage/{windowShard}",
      helper: "usageShard",
      writtenBy: "the API, for each of the till's requests (accept, ready)",
      writesPerOrder: TILL_REQUESTS_PER_ORDER,
      when: api,
      scope: "restaurant",
      parent: "restaurant",
      documents: API_USAGE_SHARDS,
    },
    {
      kind: "idempotencyKey",
      what: "the till's idempotency keys",
      path: "apiClients/{cid}/idempotency/{keyHash}",
      helper: "idempotencyKey",
      writtenBy: "the API: taken, then answered, for each request with a key",
      writesPerOrder: 2 * TILL_REQUESTS_PER_ORDER,
      when: api,
      scope: "order",
      parent: "restaurant",
      documents: TILL_REQUESTS_PER_ORDER,
    },
  ];
}

/** Documents written as the system runs, not once per order. */
export const NOT_PER_ORDER = [
  { path: "system/reconciler", helper: "reconcilerState", rate: "once a run, every minute" },
  {
    path: "courierAreas/{uid}",
    helper: "courierArea",
    rate: "when a courier moves to another map cell, about 3 × 5 km",
  },
  { path: "restaurants/{rid}/backend/rush", helper: "rushNote", rate: "when a restaurant is auto-paused" },
] as const satisfies readonly { path: string; helper: keyof typeof paths; rate: string }[];

const perSecond = (perMinute: number) => perMinute / 60;

/** Orders a second that reach one document of the scope. */
function ordersPerSecondOn(scope: Scope, load: Load, a: Assumptions): number {
  switch (scope) {
    case "order":
      return 1 / (a.orderMinutes * 60);
    case "courier":
      return a.courierOrdersPerHour / 3600;
    case "restaurant":
    case "restaurant-day":
      return perSecond(load.restaurantOrdersPerMinute);
    case "city":
      return perSecond(load.cityOrdersPerMinute);
  }
}

export interface DocumentLoad {
  doc: OrderDocument;
  /** Sustained writes a second on one document. */
  writesPerSecond: number;
  withinLimit: boolean;
  /** Orders a minute, at the restaurant or across the city (as its scope says), at which one
   * document reaches the limit; null where the load does not reach it (an order's own). */
  limitAtOrdersPerMinute: number | null;
}

/** Each document's sustained writes a second under the load. */
export function documentLoads(
  load: Load,
  a: Assumptions = ASSUMPTIONS,
  docs: readonly OrderDocument[] = orderDocuments(a),
): DocumentLoad[] {
  const limit = FIRESTORE_LIMITS.writesPerDocumentPerSecond;
  return docs.map((doc) => {
    const perOrderPerDoc = doc.writesPerOrder / (doc.documents ?? 1);
    const writesPerSecond = doc.everyMs ? 1000 / doc.everyMs : ordersPerSecondOn(doc.scope, load, a) * perOrderPerDoc;
    const grows = doc.scope === "restaurant" || doc.scope === "restaurant-day" || doc.scope === "city";
    return {
      doc,
      writesPerSecond,
      withinLimit: writesPerSecond <= limit,
      limitAtOrdersPerMinute: grows ? (limit / perOrderPerDoc) * 60 : null,
    };
  });
}

/** The collection a document is in: its path less its id. */
export const collectionOf = (path: string) => path.slice(0, path.lastIndexOf("/"));

/** Minutes the 500/50/5 rule takes to bring a new collection to `perSecond`. */
export function rampMinutes(perSecond: number): number {
  const { rampStartPerSecond, rampGrowth, rampStepMinutes } = FIRESTORE_LIMITS;
  if (perSecond <= rampStartPerSecond) return 0;
  return Math.ceil(Math.log(perSecond / rampStartPerSecond) / Math.log(1 + rampGrowth)) * rampStepMinutes;
}

export interface CollectionLoad {
  /** Its collection group: the last collection id of its documents' paths. */
  group: string;
  paths: string[];
  /** Whether it is one top-level collection (the city's); else one collection per parent. */
  topLevel: boolean;
  /** Writes a second to the whole group across the city. */
  cityWritesPerSecond: number;
  /** Writes a second to its busiest collection: the city's for a top-level one, else a parent's. */
  perCollectionWritesPerSecond: number;
  /** Whether an index of collection-group scope spans the group's collections. */
  groupIndexed: boolean;
  /** The rate the limits are held to: one collection's, or the city's where one index spans them. */
  writesPerSecond: number;
  rampMinutes: number;
  withinLimit: boolean;
}

/** Writes a second to each collection group the order's documents are in. `groupIndexed` names
 * the groups with an index of collection-group scope (firestore.indexes.json): its entries take
 * the whole city's writes, where a collection's own index takes only its parent's. */
export function collectionLoads(
  load: Load,
  groupIndexed: readonly string[] = [],
  a: Assumptions = ASSUMPTIONS,
  docs: readonly OrderDocument[] = orderDocuments(a),
): CollectionLoad[] {
  const city = perSecond(load.cityOrdersPerMinute);
  const groups = new Map<string, { paths: string[]; topLevel: boolean; city: number; byParent: Map<string, number> }>();
  for (const doc of docs) {
    const collection = collectionOf(doc.path);
    const group = collection.slice(collection.lastIndexOf("/") + 1);
    const g = groups.get(group) ?? {
      paths: [] as string[],
      topLevel: !collection.includes("/"),
      city: 0,
      byParent: new Map<string, number>(),
    };
    if (!g.paths.includes(doc.path)) g.paths.push(doc.path);
    // A document written every few seconds is written by each order under way at once.
    const every = doc.everyMs ? 1000 / doc.everyMs : 0;
    g.city += every ? city * a.rideMinutes * 60 * every : city * doc.writesPerOrder;
    // The documents of one parent (a restaurant's codes, a courier's earnings) share its collection.
    const parent = doc.parent ?? doc.scope;
    const own = every || ordersPerSecondOn(parent, load, a) * doc.writesPerOrder;
    g.byParent.set(`${collection}:${parent}`, (g.byParent.get(`${collection}:${parent}`) ?? 0) + own);
    groups.set(group, g);
  }
  return [...groups].map(([group, g]) => {
    const perCollection = g.topLevel ? g.city : Math.max(...g.byParent.values());
    const spans = groupIndexed.includes(group);
    const writesPerSecond = g.topLevel || spans ? g.city : perCollection;
    return {
      group,
      paths: g.paths,
      topLevel: g.topLevel,
      cityWritesPerSecond: g.city,
      perCollectionWritesPerSecond: perCollection,
      groupIndexed: spans,
      writesPerSecond,
      rampMinutes: rampMinutes(writesPerSecond),
      withinLimit: writesPerSecond <= FIRESTORE_LIMITS.sequentialIndexWritesPerSecond,
    };
  });
}

export interface OrderInvocation {
  fn: string;
  trigger: string;
  perOrder: number;
  when?: string;
  /** A task queue's cap on dispatches under way at once. */
  queueConcurrency?: number;
  /** Waits on a partner's endpoint: takes Assumptions.webhookMs, not executionMs. */
  waitsOnPartner?: true;
}

/** The function invocations one order causes, from the documents it writes. */
export function orderInvocations(docs: readonly OrderDocument[] = orderDocuments()): OrderInvocation[] {
  const writes = (kind: OrderDocKind) => docs.find((d) => d.kind === kind)?.writesPerOrder ?? 0;
  const reviewed = docs.find((d) => d.kind === "review")?.when;
  const api = docs.find((d) => d.kind === "apiClient")?.when;
  return [
    { fn: "processOrder", trigger: "orders/{orderId} created", perOrder: 1 },
    // Every write to the order after the cart fires it, the courier's claim included.
    { fn: "onOrderUpdated", trigger: "orders/{orderId} updated", perOrder: writes("order") - 1 },
    {
      fn: "acceptTimeout",
      trigger: "Cloud Task at the accept deadline",
      perOrder: 1,
      queueConcurrency: TASK_QUEUE_CONCURRENCY.timers,
    },
    {
      fn: "claimExpiry",
      trigger: "Cloud Task at the claim's pickup deadline",
      perOrder: 1,
      queueConcurrency: TASK_QUEUE_CONCURRENCY.timers,
    },
    {
      fn: "onReviewCreated",
      trigger: "restaurants/{rid}/reviews/{orderId} created",
      perOrder: writes("review") > 0 ? 1 : 0,
      when: reviewed,
    },
    {
      fn: "onRestaurantWritten",
      trigger: "restaurants/{rid} written",
      perOrder: writes("restaurantRating"),
      when: reviewed,
    },
    {
      fn: "deliverWebhook",
      trigger: "Cloud Task per delivery",
      perOrder: webhookEventsPerOrder(),
      when: api,
      queueConcurrency: TASK_QUEUE_CONCURRENCY.webhooks,
      waitsOnPartner: true,
    },
    { fn: "api", trigger: "HTTPS (the till's accept and ready)", perOrder: TILL_REQUESTS_PER_ORDER, when: api },
  ];
}

export interface InvocationLoad {
  call: OrderInvocation;
  perSecond: number;
  executionMs: number;
  /** Invocations under way at once (rate × execution time). */
  concurrent: number;
  instances: number;
  withinLimit: boolean;
  /** City orders a minute at which it reaches its instance or queue limit. */
  limitAtOrdersPerMinute: number;
}

/** Each function's invocations a second under the load, and what they need. */
export function invocationLoads(
  load: Load,
  a: Assumptions = ASSUMPTIONS,
  calls: readonly OrderInvocation[] = orderInvocations(),
): InvocationLoad[] {
  const { concurrency, maxInstances } = FUNCTION_SETTINGS;
  return calls.map((call) => {
    const executionMs = call.waitsOnPartner ? a.webhookMs : a.executionMs;
    const rate = perSecond(load.cityOrdersPerMinute) * call.perOrder;
    const concurrent = (rate * executionMs) / 1000;
    const instances = Math.ceil(concurrent / concurrency);
    // Concurrent runs the function can hold: its instances', and its queue's where it has one.
    const room = Math.min(maxInstances * concurrency, call.queueConcurrency ?? Infinity);
    return {
      call,
      perSecond: rate,
      executionMs,
      concurrent,
      instances,
      withinLimit: concurrent <= room,
      limitAtOrdersPerMinute: call.perOrder > 0 ? ((room * 1000) / executionMs / call.perOrder) * 60 : Infinity,
    };
  });
}

/** The reconciler's sweep against the city: every write to an order is a change it checks (an upper
 * bound: an order changed twice between two runs is checked once), against the pages its budget
 * allows at the assumed time per check. */
export function reconcilerLoad(
  load: Load,
  a: Assumptions = ASSUMPTIONS,
  docs: readonly OrderDocument[] = orderDocuments(a),
) {
  const changes = docs.find((d) => d.kind === "order")?.writesPerOrder ?? 0;
  const pageMs = (RECONCILER.pageSize / RECONCILER.sweepConcurrency) * a.reconcilerCheckMs;
  const pages = Math.floor((RECONCILER.budgetSeconds * 1000) / pageMs);
  const capacity = pages * RECONCILER.pageSize * RECONCILER.runsPerMinute;
  const changedOrdersPerMinute = load.cityOrdersPerMinute * changes;
  return { changedOrdersPerMinute, pages, capacity, withinLimit: changedOrdersPerMinute <= capacity };
}

/** Changes a second to the orders on the restaurant's board, and the document reads they deliver
 * to its listeners (each listener reads each change). */
export function boardLoad(load: Load, docs: readonly OrderDocument[] = orderDocuments()) {
  const writes = docs.find((d) => d.kind === "order")?.writesPerOrder ?? 0;
  const changesPerSecond = perSecond(load.restaurantOrdersPerMinute) * writes;
  return { changesPerSecond, listenerReadsPerSecond: changesPerSecond * load.boardListeners };
}

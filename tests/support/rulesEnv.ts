// The rules test bench: one RulesTestEnvironment on its own project, the cast of roles
// the matrix runs over, and fixtures written with rules disabled before each test.

import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
  type TokenOptions,
} from "@firebase/rules-unit-testing";
import {
  collection,
  doc,
  limit,
  orderBy,
  query,
  setLogLevel,
  Timestamp,
  where,
  writeBatch,
  type Firestore,
  type Query,
} from "firebase/firestore";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allDay, ORDER_STATUSES, type QuerySpec, type RoleClaims } from "../../functions/src/domain";
import { uidHash } from "../../functions/src/privacy/closedAccounts";
import { HOST, PORTS, ROOT, RULES_PROJECT } from "../../scripts/lib/config";

/** The rules under test: firestore.rules, unless the mutation runner (scripts/mutants) loads a
 * mutant of them into the emulator before each run. */
let rules: string | undefined = readFileSync(join(ROOT, "firestore.rules"), "utf8");

/** For the mutation runner: the tests leave whatever rules the emulator holds in place. */
export function useLoadedRules(): void {
  rules = undefined;
}

/** The sign-in method every cast member used (anonymous sessions are a role of their own), with the
 * email address confirmed. */
const PASSWORD = { firebase: { sign_in_provider: "password" }, email_verified: true };

export const CAST = {
  anonymous: null,
  customer: { uid: "alice", claims: {} },
  otherCustomer: { uid: "bob", claims: {} },
  staff: { uid: "sam", claims: { staff: ["r1"] } },
  owner: { uid: "otto", claims: { owner: ["r1"] } },
  otherStaff: { uid: "olga", claims: { staff: ["r2"] } },
  courier: { uid: "cora", claims: { courier: true } },
  otherCourier: { uid: "carl", claims: { courier: true } },
  admin: { uid: "ada", claims: { admin: true } },
} satisfies Record<string, { uid: string; claims: RoleClaims } | null>;

/** When every cast member's ID token was issued (seconds): a fixed time in the past. */
export const ISSUED_AT = Math.floor(Date.UTC(2026, 10, 24, 11, 0, 0) / 1000);

export type RoleName = keyof typeof CAST;
export const ROLE_NAMES = Object.keys(CAST) as RoleName[];

let env: RulesTestEnvironment | undefined;
/** One client per role while the environment lives: a new client for every request opened a new
 * connection each time, and the rules tests took three times as long (but see freshDbAs). */
const clients = new Map<RoleName, Firestore>();

// Denied writes are the point of these tests; the SDK would log each one as an error.
setLogLevel("silent");

export async function rulesEnv(): Promise<RulesTestEnvironment> {
  env ??= await initializeTestEnvironment({
    projectId: RULES_PROJECT,
    firestore: { rules, host: HOST, port: PORTS.firestore },
  });
  return env;
}

export function rulesEnvUsed(): boolean {
  return env !== undefined;
}

export async function closeRulesEnv(): Promise<void> {
  await env?.cleanup();
  env = undefined;
  clients.clear();
}

export function dbAs(role: RoleName): Firestore {
  const db = clients.get(role) ?? freshDbAs(role);
  clients.set(role, db);
  return db;
}

/** A client of its own for `role`. On the emulator, a read's request.time is when the client's
 * listen stream opened (seen 80 s before the read on a shared client), so a test of a time window
 * on reads needs a fresh client. */
export function freshDbAs(role: RoleName): Firestore {
  const who = CAST[role];
  const context = who
    ? env!.authenticatedContext(who.uid, { ...PASSWORD, iat: ISSUED_AT, ...who.claims } as TokenOptions)
    : env!.unauthenticatedContext();
  return context.firestore() as unknown as Firestore;
}

/** A client signed in as `uid` with a token of one's own making (another sign-in method, an
 * older token). */
export function dbWithToken(uid: string, token: Record<string, unknown>): Firestore {
  return env!
    .authenticatedContext(uid, { ...PASSWORD, iat: ISSUED_AT, ...token } as TokenOptions)
    .firestore() as unknown as Firestore;
}

/** One of the app's queries (domain/queries.ts), as `db` would run it. */
export function specQuery(db: Firestore, spec: QuerySpec): Query {
  return query(
    collection(db, spec.collection),
    ...spec.where.map(([f, op, v]) => where(f, op, v)),
    ...spec.orderBy.map(([f, d]) => orderBy(f, d)),
    ...(spec.limit ? [limit(spec.limit)] : []),
  );
}

/** Changes the fixtures for one test, past the rules. */
export async function withoutRules(write: (db: Firestore) => Promise<unknown>): Promise<void> {
  dirty = true;
  await env!.withSecurityRulesDisabled((ctx) => write(ctx.firestore() as unknown as Firestore).then(() => undefined));
}

export function uidOf(role: RoleName): string {
  return CAST[role]?.uid ?? "nobody";
}

/** Whether the emulator may hold changes a test made; only then do fixtures need rewriting. */
let dirty = true;
export function markDirty(): void {
  dirty = true;
}

export async function expectAccess(allowed: boolean, attempt: Promise<unknown>): Promise<void> {
  if (allowed) {
    dirty = true;
    await assertSucceeds(attempt);
  } else {
    // A denied write changes nothing, so the fixtures stay as they are for the next test.
    await assertFails(attempt);
  }
}

// ---------- fixtures ----------

/** A time a client's clock gives, for the rules that demand the server's (request.time). A minute
 * off: the client's `new Date()` can equal the emulator's request time to the millisecond, and the
 * write it should refuse then passes. */
export const clientClock = () => new Date(Date.now() - 60_000);

export const T0 = Timestamp.fromMillis(Date.UTC(2026, 10, 24, 12, 0, 0));
export const ADDRESS = { line1: "Torstraße 100", city: "Berlin", lat: 52.529, lng: 13.401 };

export function restaurantDoc(name = "Trattoria Test"): Record<string, unknown> {
  return {
    name,
    cuisine: "Italian",
    description: "Test kitchen.",
    address: { line1: "Kastanienallee 42", city: "Berlin", lat: 52.5372, lng: 13.4108 },
    timeZone: "Europe/Berlin",
    openingHours: allDay(),
    isOpen: true,
    prepTimeMin: 20,
    deliveryRadiusM: 5000,
    deliveryFee: 249,
    minOrder: 1000,
    currency: "EUR",
    categories: ["Pizza"],
    ratingAvg: 0,
    ratingCount: 0,
    ratingSum: 0,
    createdAt: T0,
    updatedAt: T0,
  };
}

export function apiClientDoc(rid: string): Record<string, unknown> {
  return {
    restaurantId: rid,
    name: "Till",
    scopes: ["orders:read"],
    createdAt: T0,
    createdBy: "otto",
    secretVersion: 1,
    rotatedAt: null,
    revokedAt: null,
    webhook: null,
  };
}

export function menuItemDoc(): Record<string, unknown> {
  return {
    name: "Margherita",
    description: "",
    category: "Pizza",
    price: 950,
    available: true,
    optionGroups: [],
    updatedAt: T0,
  };
}

const PATH_TO: Record<string, string[]> = {
  submitted: [],
  awaiting_payment: ["awaiting_payment"],
  payment_failed: ["awaiting_payment", "payment_failed"],
  scheduled: ["scheduled"],
  placed: ["placed"],
  accepted: ["placed", "accepted"],
  preparing: ["placed", "accepted", "preparing"],
  ready: ["placed", "accepted", "preparing", "ready"],
  picked_up: ["placed", "accepted", "preparing", "ready", "picked_up"],
  delivered: ["placed", "accepted", "preparing", "ready", "picked_up", "delivered"],
  undelivered: ["placed", "accepted", "preparing", "ready", "picked_up", "undelivered"],
  delivery_problem: ["placed", "accepted", "preparing", "ready", "picked_up", "delivery_problem"],
  undeliverable: ["placed", "accepted", "preparing", "ready", "picked_up", "delivery_problem", "undeliverable"],
  rejected: ["rejected"],
  declined: ["placed", "declined"],
  cancelled: ["placed", "cancelled"],
};

export function orderDoc(status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    customerId: "alice",
    restaurantId: "r1",
    status,
    items: ["m1|1|"],
    deliveryAddress: ADDRESS,
    note: "",
    createdAt: T0,
  };
  if (status !== "submitted") {
    base.timeline = Object.fromEntries(["submitted", ...PATH_TO[status]].map((s) => [s, T0]));
    base.updatedAt = T0;
    base.restaurantName = "Trattoria Test";
  }
  if (status === "scheduled") {
    base.slotStart = Timestamp.fromMillis(T0.toMillis() + 24 * 3600_000);
    base.releaseAt = Timestamp.fromMillis(T0.toMillis() + 23 * 3600_000);
  }
  if (PATH_TO[status]?.includes("placed") || status === "scheduled") {
    base.customerName = "Alice";
    base.courierId = null;
    base.pricing = { lines: [], subtotal: 950, deliveryFee: 249, serviceFee: 48, total: 1247, currency: "EUR" };
  }
  if (["picked_up", "delivered", "undelivered", "delivery_problem", "undeliverable"].includes(status))
    base.courierId = "cora";
  if (status === "delivery_problem") base.deliveryProblem = "customer_unreachable";
  return { ...base, ...extra };
}

export function promoDoc(code: string, isPublic: boolean): Record<string, unknown> {
  return {
    code,
    description: "10 % off",
    kind: "percent",
    percentBps: 1000,
    amountCents: 0,
    minSubtotal: 0,
    maxDiscount: null,
    validFrom: T0,
    validUntil: Timestamp.fromMillis(T0.toMillis() + 365 * 24 * 3600_000),
    firstOrderOnly: false,
    perCustomerLimit: 1,
    maxRedemptions: 5,
    budgetCents: null,
    restaurantId: null,
    fundedBy: "platform",
    paused: false,
    public: isPublic,
    createdAt: T0,
  };
}

/** How the backend records that dora deleted her account. */
export const CLOSED_DORA = uidHash("dora");

const hoursAgo = (h: number, plusMinutes: number) =>
  Timestamp.fromMillis(Date.now() - h * 3600_000 - plusMinutes * 60_000);

const ORDER_TIMES = Object.fromEntries(["submitted", ...PATH_TO.delivered].map((s) => [s, T0]));

const ALL_STATUSES = ORDER_STATUSES;

type Fixture = [path: string, data: Record<string, unknown>];

/** The world every rules test starts from: each document's path and data. Order ids name their state. */
function fixtures(): Fixture[] {
  return [
    ...ROLE_NAMES.filter((r) => CAST[r]).map((r): Fixture => [
      `users/${uidOf(r)}`,
      { displayName: r, createdAt: T0, roles: CAST[r]!.claims },
    ]),
    ["users/alice/addresses/a0", { ...ADDRESS, label: "Home", updatedAt: T0 }],
    ["users/alice/devices/d0", { token: "token-1", createdAt: T0 }],
    [
      "users/alice/notifications/n1",
      {
        orderId: "placed",
        status: "accepted",
        title: "t",
        body: "b",
        read: false,
        createdAt: T0,
      },
    ],
    ["restaurants/r1", restaurantDoc()],
    ["restaurants/r2", restaurantDoc("Other Place")],
    ["restaurants/r1/menu/m1", menuItemDoc()],
    // The partner API: r1's client c1 (with a delivery, its secrets, a key and a rate window) and
    // r2's client c2; who listens to what is the backend's note.
    ["apiClients/c1", apiClientDoc("r1")],
    ["apiClients/c2", apiClientDoc("r2")],
    ["apiClients/c1/private/secrets", { secretHash: "0".repeat(64) }],
    ["apiClients/c1/deliveries/e1", { restaurantId: "r1", clientId: "c1", type: "order.placed", state: "delivered" }],
    ["apiClients/c2/deliveries/e2", { restaurantId: "r2", clientId: "c2", type: "order.placed", state: "delivered" }],
    ["apiClients/c1/idempotency/k1", { fingerprint: "f", state: "done", startedAt: T0 }],
    ["apiClients/c1/usage/w1", { window: "1", count: 1, expireAt: T0 }],
    ["restaurants/r1/backend/api", { subscribers: { c1: ["order.placed"] } }],
    ["restaurants/r1/reviews/delivered0", { rating: 5, text: "Great", createdAt: T0, authorName: "Alice A." }],
    ["restaurants/r1/reviews/unsigned0", { rating: 4, text: "Hm", createdAt: T0 }],
    ["restaurants/r1/stats/2026-11-24/shards/0", { orders: 1, revenue: 950 }],
    ...ALL_STATUSES.map((s): Fixture => [`orders/${s}`, orderDoc(s)]),
    ["orders/delivered0", orderDoc("delivered")],
    // Delivered a moment ago: its courier may still look at it.
    ["orders/deliveredNow", orderDoc("delivered", { timeline: { ...ORDER_TIMES, delivered: Timestamp.now() } })],
    // Staff may read an ended order for a day: one a minute inside that day, one a minute past it.
    ["orders/endedInsideDay", orderDoc("delivered", { timeline: { ...ORDER_TIMES, delivered: hoursAgo(24, -1) } })],
    ["orders/endedPastDay", orderDoc("delivered", { timeline: { ...ORDER_TIMES, delivered: hoursAgo(24, 1) } })],
    ["orders/cancelledInsideDay", orderDoc("cancelled", { timeline: { ...ORDER_TIMES, cancelled: hoursAgo(24, -1) } })],
    ["orders/readyClaimed", orderDoc("ready", { courierId: "cora" })],
    ["orders/readyClaimedByOther", orderDoc("ready", { courierId: "carl" })],
    ["orders/bobPlaced", orderDoc("placed", { customerId: "bob", customerName: "Bob" })],
    // Card payments: a payment that failed a moment ago (the restaurant never had it), alice's
    // payment record and saved card, and the backend's own Stripe records.
    [
      "orders/paymentFailedNow",
      orderDoc("payment_failed", {
        timeline: { submitted: T0, awaiting_payment: T0, payment_failed: Timestamp.now() },
      }),
    ],
    [
      "payments/awaiting_payment",
      { orderId: "awaiting_payment", customerId: "alice", method: "card", state: "requires_action" },
    ],
    ["users/alice/cards/pm_1", { brand: "visa", last4: "4242", expMonth: 12, expYear: 2030, createdAt: T0 }],
    ["stripeEvents/evt_1", { intentId: "pi_1", orderId: "awaiting_payment" }],
    ["stripeCustomers/alice", { id: "cus_1" }],
    ["orders/r2Placed", orderDoc("placed", { restaurantId: "r2" })],
    ["orders/picked_up/tracking/courier", { lat: 52.52, lng: 13.4, updatedAt: T0 }],
    ["orders/delivered/tracking/courier", { lat: 52.529, lng: 13.401, updatedAt: T0 }],
    // Cora is carrying orders/picked_up, so she may claim nothing else; carl is free.
    ["couriers/cora", { activeOrderId: "picked_up", updatedAt: T0 }],
    ["courierAreas/cora", { cell: "u33db", updatedAt: T0 }],
    // Money: the fees, r1's own commission, a public code and a private one with an
    // allocation and alice's redemption, and alice's receipt for the delivered order.
    [
      "settings/fees",
      {
        serviceFeeBps: 500,
        defaultCommissionBps: 1500,
        courierDeliveryShareBps: 8000,
        updatedAt: T0,
      },
    ],
    ["restaurantTerms/r1", { commissionBps: 1200, updatedAt: T0 }],
    ["promoCodes/SAVE10", promoDoc("SAVE10", true)],
    ["promoCodes/SECRET", promoDoc("SECRET", false)],
    ["promoCodes/SAVE10/allocations/0", { left: 5, budgetLeft: null }],
    [
      "promoCodes/SAVE10/redemptions/delivered",
      {
        customerId: "alice",
        orderId: "delivered",
        takes: [{ shard: 0, redemptions: 1, cents: 0 }],
        discount: 100,
        released: false,
      },
    ],
    ["publicPromos/SAVE10", { code: "SAVE10", description: "10 % off", restaurantId: null }],
    // The delivered order's money, one record per reader (functions/src/domain/books.ts).
    [
      "receipts/delivered",
      {
        orderId: "delivered",
        customerId: "alice",
        deliveryAddress: ADDRESS,
        subtotal: 950,
        total: 1247,
        deliveredAt: T0,
      },
    ],
    [
      "statementLines/delivered",
      {
        orderId: "delivered",
        restaurantId: "r1",
        subtotal: 950,
        commission: 143,
        restaurantNet: 807,
        deliveredAt: T0,
      },
    ],
    [
      "orderBooks/delivered",
      {
        orderId: "delivered",
        restaurantId: "r1",
        courierId: "cora",
        total: 1247,
        split: { commission: 143, restaurantNet: 807, courierTotal: 199, platformRevenue: 241 },
        deliveredAt: T0,
      },
    ],
    // After the order (domain/complaints.ts, credit.ts): alice's complaint about her delivered
    // order at r1, refunded at once, and the credit it gave her.
    [
      "complaints/c1",
      {
        orderId: "delivered",
        customerId: "alice",
        restaurantId: "r1",
        type: "missing_items",
        amount: 450,
        restaurantPays: 450,
        platformPays: 0,
        status: "approved",
        dispute: null,
        createdAt: T0,
      },
    ],
    ["users/alice/credit/refund-c1", { amount: 450, cause: "refund", orderId: "delivered", createdAt: T0 }],
    ["courierCash/cora", { collected: 1247, earned: 199, handedIn: 0, paidOut: 0 }],
    ["couriers/cora/settlements/s1", { kind: "handedIn", amount: 1000, by: "ada", note: "", createdAt: T0 }],
    ["refundBooks/refund-c1", { complaintId: "c1", restaurantId: "r1", amount: 450, platformPays: 0, bookedAt: T0 }],
    ["settings/payments", { maxCashOrderCents: 10000, maxCourierCashCents: 30000, updatedAt: T0 }],
    [
      "settings/complaints",
      { autoApproveMaxCents: 1500, maxClaimsPer30Days: 2, highValueOrderCents: 8000, updatedAt: T0 },
    ],
    // Dora deleted her account a moment ago; her ID token is still valid.
    [`closedAccounts/${CLOSED_DORA}`, { closedAt: T0, expiresAt: T0 }],
    [
      "couriers/cora/earnings/delivered",
      {
        orderId: "delivered",
        deliveryShare: 199,
        tip: 0,
        total: 199,
        deliveredAt: T0,
      },
    ],
  ];
}

/** Writes the fixtures, in one batch. Rewritten only when a test may have changed them (see
 * expectAccess). */
export async function seedFixtures(): Promise<void> {
  if (!dirty) return;
  dirty = false;
  await env!.clearFirestore();
  await env!.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore() as unknown as Firestore;
    const batch = writeBatch(db);
    for (const [path, data] of fixtures()) batch.set(doc(db, path), data);
    await batch.commit();
  });
}

// Turns a customer's `submitted` cart into a `placed` order priced from the menu (`scheduled` when
// ordered ahead for a slot), or a `rejected` one with a reason. Two round trips after the trigger
// fires: one batched read (restaurant, dishes, customer, and the count of the customer's open
// orders beside it), then one write (the order and its admin-only books in one commit) that holds
// only if the order is still exactly as created, so a replayed event or a racing instance (or the
// reconciler) leaves one result. That write also takes the order's short code
// (domain/orderCode.ts); in the rare case the code is taken, the next candidate is tried, one more
// write.

import {
  FieldValue,
  Timestamp,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
} from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { ACCEPT_TIMEOUT_SECONDS } from "../config";
import { booksAtPlacement } from "../domain/books";
import { isDocId, paths } from "../domain/collections";
import { areaCell } from "../domain/courierArea";
import { type CreditEntry, creditEntryId, creditOf } from "../domain/credit";
import { splitTermsFor } from "../domain/fees";
import { localDay } from "../domain/hours";
import { type Language, LANGUAGES } from "../domain/language";
import { LIMITS } from "../domain/limits";
import { asMenuItem } from "../domain/menuItem";
import { checkOrder, type OrderCheck, parseCart, reject } from "../domain/orderCheck";
import { CODE_KEEP_DAYS, ORDER_CODE_TRIES, orderCodeCandidate } from "../domain/orderCode";
import { isPayWith, overCashLimit, partOf, type Payment, paymentOf, paymentParts } from "../domain/payment";
import { splitOf } from "../domain/pricing";
import {
  type AllocationTake,
  CODE_PATTERN,
  neededFor,
  normalizeCode,
  PROMO_SHARDS,
  type PromoAllocation,
  type PromoCode,
  type PromoRedemption,
  takeFrom,
} from "../domain/promo";
import { publicName } from "../domain/publicText";
import { QUERIES } from "../domain/queries";
import { restaurantProblem } from "../domain/restaurant";
import { type BackendActor, transition } from "../domain/status";
import { type MenuItem, type Order, type Restaurant, type UserProfile } from "../domain/types";
import { PROBLEMS } from "../domain/texts/problems";
import type { Deps } from "../deps";
import { isAlreadyExists, isFailedPrecondition } from "../errors";
import { tellStaff } from "../notify/staffNotice";
import { termsFor } from "../money/terms";
import { adminQuery } from "../query";
import { cardsEnabled } from "../payments/enabled";

async function readContext(db: Firestore, order: Order, now: Date) {
  const rid = isDocId(order.restaurantId) ? order.restaurantId : null;
  const lines = parseCart(order.items);
  // Read only as much menu as a valid order could need.
  const itemIds =
    rid && lines && lines.length <= LIMITS.maxOrderLines
      ? [...new Set(lines.map((l) => l.itemId))].filter(isDocId)
      : [];
  const refs = [
    db.doc(paths.user(order.customerId)),
    ...(rid ? [db.doc(paths.restaurant(rid)), db.doc(paths.apiRegistry(rid))] : []),
    ...itemIds.map((id) => db.doc(paths.menuItem(rid!, id))),
  ];
  const [docs, open, platform] = await Promise.all([
    db.getAll(...refs),
    adminQuery(db, QUERIES.openOrdersOf(order.customerId)).count().get(),
    termsFor(db, rid, now.getTime()),
  ]);
  const [customer, ...rest] = docs;
  const [restaurant, registry, ...items] = rid ? rest : [];
  const menu = new Map<string, MenuItem>();
  for (const doc of rid ? items : []) {
    if (!doc.exists) continue;
    // A malformed menu document is treated as sold out rather than priced from bad data.
    const item = asMenuItem(doc.data());
    menu.set(doc.id, item ?? { ...(doc.data() as MenuItem), available: false, optionGroups: [] });
  }
  return {
    restaurant: rid && restaurant?.exists ? (restaurant.data() as Restaurant) : null,
    customer: customer.data() as UserProfile | undefined,
    // Read again in the transaction that spends it, when there is any.
    credit: creditOf(customer.data()),
    fees: platform.fees,
    cash: platform.cash,
    terms: platform.terms,
    menu,
    openOrders: open.data().count,
    // Its API clients listening for events (the partner API's webhooks): its changes go to them.
    apiEvents: Object.keys(registry?.get("subscribers") ?? {}).length > 0,
  };
}

type Context = Awaited<ReturnType<typeof readContext>>;

/** How the order's total is paid: the customer's credit first, the rest as they chose. */
function paymentFor(order: Order, total: number, credit: number): Payment {
  return paymentOf(paymentParts(total, credit, isPayWith(order.payWith) ? order.payWith : "cash"));
}

/** The order's check from what was read; a promo code's conditions and the credit to spend come
 * from the transaction. */
function check(order: Order, ctx: Context, at: Date, promo?: PromoFacts, credit = 0): OrderCheck {
  if (ctx.openOrders > LIMITS.maxOpenOrdersPerCustomer) return reject("too_many_open_orders");
  const result = checkOrder({
    items: order.items,
    deliveryAddress: order.deliveryAddress,
    restaurant: ctx.restaurant,
    restaurantId: order.restaurantId,
    menu: ctx.menu,
    now: at,
    slotStart: order.slotStart,
    fees: ctx.fees,
    tip: order.tip,
    promoCode: order.promoCode,
    ...promo,
  });
  const parts = result.ok ? paymentFor(order, result.pricing.total, credit).parts : [];
  if (result.ok && overCashLimit(parts, ctx.cash)) return reject("cash_limit");
  if (partOf(parts, "card") > 0 && (!cardsEnabled() || !order.paymentMethodId)) return reject("card_unavailable");
  return result;
}

interface PromoFacts {
  promo: PromoCode | null;
  firstOrder: boolean;
  customerRedemptions: number;
}

/** Which order holds a short code, until Firestore's TTL frees it (firestore.indexes.json). */
function codeHolder(orderId: string, at: Date) {
  return { orderId, expiresAt: Timestamp.fromMillis(at.getTime() + CODE_KEEP_DAYS * 24 * 3600_000) };
}

/** Runs `place` with each candidate code of the order in turn until one is not taken. */
async function withFreeCode<T>(orderId: string, place: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < ORDER_CODE_TRIES; attempt++) {
    try {
      return await place(orderCodeCandidate(orderId, attempt));
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }
  throw new Error(`order ${orderId}: no free short code in ${ORDER_CODE_TRIES} tries`);
}

/** The order's new fields once checked: placed, scheduled or rejected. */
function patchFor(
  order: Order,
  ctx: Context,
  result: OrderCheck,
  at: Date,
  by: BackendActor,
  code: string | null,
  credit = 0,
) {
  const stamp = FieldValue.serverTimestamp();
  // Names are copied as they will be pushed and printed (publicText.ts): NFKC, and only when
  // plain. A restaurant whose names are not plain was refused as unreadable (restaurantProblem);
  // a customer's is left out (the board says "A customer"): their order need not fail for it.
  const restaurantName = publicName(ctx.restaurant?.name, LIMITS.maxNameLength);
  const common = { "timeline.submitted": order.createdAt ?? stamp, restaurantName: restaurantName ?? "" };
  if (!result.ok) return transition("rejected", stamp, by, { ...common, rejection: result.rejection });
  const accepted = {
    ...common,
    pricing: result.pricing,
    payment: paymentFor(order, result.pricing.total, credit),
    estimate: result.estimate,
    customerName: publicName(ctx.customer?.displayName, LIMITS.maxNameLength),
    restaurantAddress: ctx.restaurant!.address,
    pickupCell: areaCell(ctx.restaurant!.address),
    restaurantLegalName: publicName(ctx.restaurant!.legalName, LIMITS.maxLegalNameLength) ?? restaurantName,
    timeZone: ctx.restaurant!.timeZone,
    courierId: null,
    ...(ctx.apiEvents ? { apiEvents: true } : {}),
    code,
  };
  const releaseAt = result.releaseAt ? { releaseAt: Timestamp.fromDate(result.releaseAt) } : {};
  // Paid by card: it waits for the card's authorisation (payments/), and reaches the kitchen (and
  // the restaurant's API clients, domain/api.ts orderEventOf) only then.
  if (partOf(accepted.payment.parts, "card") > 0) {
    return transition("awaiting_payment", stamp, by, { ...accepted, ...releaseAt });
  }
  return result.releaseAt
    ? transition("scheduled", stamp, by, { ...accepted, ...releaseAt })
    : transition("placed", stamp, by, { ...accepted, acceptBy: acceptDeadline(at) });
}

/** The admin-only books of an order that goes through: who gets what under today's terms, written
 * in the same write that places it (so an order is never placed without them). */
function booksFor(orderId: string, order: Order, ctx: Context, result: OrderCheck) {
  if (!result.ok) return null;
  const split = splitOf(result.pricing, splitTermsFor(ctx.fees, ctx.terms));
  return {
    ...booksAtPlacement(orderId, order.restaurantId, result.pricing, split),
    createdAt: FieldValue.serverTimestamp(),
  };
}

/** An order with a promo code, or from a customer with credit, is placed in one transaction with
 * what it spends. A code: its conditions read there (the customer's earlier orders and
 * redemptions), what is left of it taken from its allocations, and the redemption recorded under
 * the order's id, so a replayed event or a racing instance cannot redeem twice, and a code with 10
 * left is redeemed 10 times. Credit: the balance read there and lowered by what the order spends,
 * with its entry (credit.ts), so two orders placed at once share one balance. */
async function placeInTransaction(
  db: Firestore,
  orderRef: DocumentReference,
  ctx: Context,
  at: Date,
  by: BackendActor,
  orderCode: string,
) {
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(orderRef);
    const order = snap.data() as Order | undefined;
    if (!order || order.status !== "submitted") return null;
    const code = normalizeCode(String(order.promoCode ?? ""));
    const valid = order.promoCode !== undefined && CODE_PATTERN.test(code);
    // One read at a time: when contention aborts the transaction, parallel reads leave a stream
    // failing outside any promise, and the Firestore SDK kills the instance with it.
    const promoSnap = valid ? await tx.get(db.doc(paths.promoCode(code))) : null;
    const earlier = valid ? await tx.get(adminQuery(db, QUERIES.customerPastOrders(order.customerId))) : null;
    const used = valid ? await tx.get(adminQuery(db, QUERIES.customerRedemptions(code, order.customerId))) : null;
    const userRef = db.doc(paths.user(order.customerId));
    const credit = ctx.credit > 0 ? creditOf((await tx.get(userRef)).data()) : 0;
    const promo = promoSnap?.exists ? (promoSnap.data() as PromoCode) : null;
    const facts = order.promoCode
      ? { promo, firstOrder: earlier?.empty ?? true, customerRedemptions: used?.size ?? 0 }
      : undefined;
    let result = check(order, ctx, at, facts, credit);
    const takes: AllocationTake[] = [];
    if (result.ok && promo && result.pricing.discount > 0) {
      const need = neededFor(promo, result.pricing.discount);
      // One random allocation first (usually enough, and only it is locked); when it cannot give
      // all that is needed, the others in one read: two round trips at most, however it ends.
      const start = Math.floor(Math.random() * PROMO_SHARDS);
      const sequence = Array.from({ length: PROMO_SHARDS }, (_, i) => (start + i) % PROMO_SHARDS);
      const ref = (n: number) => db.doc(paths.promoAllocation(code, n));
      const take = (n: number, a: PromoAllocation | undefined) => {
        const t = a ? takeFrom(n, a, need) : null;
        if (!t) return;
        takes.push(t);
        need.redemptions -= t.redemptions;
        need.cents -= t.cents;
      };
      take(start, (await tx.get(ref(start))).data() as PromoAllocation | undefined);
      if (need.redemptions > 0 || need.cents > 0) {
        const rest = await tx.getAll(...sequence.slice(1).map(ref));
        rest.forEach((snap, i) => {
          if (need.redemptions > 0 || need.cents > 0) take(sequence[i + 1], snap.data() as PromoAllocation | undefined);
        });
      }
      if (need.redemptions > 0 || need.cents > 0) result = reject("promo_exhausted");
    }
    tx.update(orderRef, patchFor(order, ctx, result, at, by, result.ok ? orderCode : null, credit));
    const spent = result.ok ? partOf(paymentFor(order, result.pricing.total, credit).parts, "credit") : 0;
    if (spent > 0) {
      tx.update(userRef, { credit: credit - spent });
      const entry: CreditEntry = { amount: -spent, cause: "order", orderId: orderRef.id, number: orderCode };
      tx.create(db.doc(paths.creditEntry(order.customerId, creditEntryId.order(orderRef.id))), {
        ...entry,
        createdAt: FieldValue.serverTimestamp(),
      });
    }
    if (result.ok) tx.create(db.doc(paths.orderCode(order.restaurantId, orderCode)), codeHolder(orderRef.id, at));
    const books = booksFor(orderRef.id, order, ctx, result);
    if (books) tx.set(db.doc(paths.books(orderRef.id)), books);
    if (result.ok && promo) {
      for (const t of takes) {
        tx.update(db.doc(paths.promoAllocation(code, t.shard)), {
          ...(t.redemptions ? { left: FieldValue.increment(-t.redemptions) } : {}),
          ...(t.cents ? { budgetLeft: FieldValue.increment(-t.cents) } : {}),
        });
      }
      const redemption: PromoRedemption = {
        customerId: order.customerId,
        orderId: orderRef.id,
        takes,
        discount: result.pricing.discount,
        released: false,
      };
      tx.create(db.doc(paths.promoRedemption(code, orderRef.id)), {
        ...redemption,
        createdAt: FieldValue.serverTimestamp(),
      });
    }
    return result;
  });
}

export type Outcome = "placed" | "scheduled" | "awaiting_payment" | "rejected" | "already processed";

/** When the restaurant must have answered an order placed (or released to it) at `at`. */
export function acceptDeadline(at: Date): Timestamp {
  return Timestamp.fromMillis(at.getTime() + ACCEPT_TIMEOUT_SECONDS.value() * 1000);
}

/** Processes one order from a snapshot of it (the trigger's, or a fresh read by the reconciler). */
export async function processSubmittedOrder(
  deps: Deps,
  snapshot: DocumentSnapshot,
  by: BackendActor,
): Promise<Outcome> {
  const { db, now } = deps;
  const order = snapshot.data() as Order | undefined;
  if (!order || order.status !== "submitted" || !snapshot.updateTime) return "already processed";
  const at = now();
  const ctx = await readContext(db, order, at);
  let result: OrderCheck | null;
  if (order.promoCode || ctx.credit > 0) {
    result = await withFreeCode(snapshot.id, (code) => placeInTransaction(db, snapshot.ref, ctx, at, by, code));
    if (!result) return "already processed";
  } else {
    const checked = (result = check(order, ctx, at));
    // Only if the order is still exactly as created: a replay or a racing instance wrote first.
    // The books go in the same commit, so they exist exactly when the order went through.
    const precondition = { lastUpdateTime: snapshot.updateTime };
    const books = booksFor(snapshot.id, order, ctx, checked);
    try {
      if (!checked.ok) await snapshot.ref.update(patchFor(order, ctx, checked, at, by, null), precondition);
      else
        await withFreeCode(snapshot.id, (code) =>
          db
            .batch()
            .update(snapshot.ref, patchFor(order, ctx, checked, at, by, code), precondition)
            .create(db.doc(paths.orderCode(order.restaurantId, code)), codeHolder(snapshot.id, at))
            .set(db.doc(paths.books(snapshot.id)), books!)
            .commit(),
        );
    } catch (err) {
      if (isFailedPrecondition(err)) return "already processed";
      throw err;
    }
  }
  if (!result.ok && result.rejection.code === "restaurant_unavailable") {
    const problem = (lang: Language) => restaurantProblem(ctx.restaurant, PROBLEMS[lang]) ?? "";
    logger.warn("order refused: restaurant cannot be read", { orderId: snapshot.id, problem: problem("en") });
    // Once a day per restaurant: the notice id carries the day.
    await tellStaff(
      deps,
      order.restaurantId,
      `restaurant-problem-${localDay(at, "UTC")}`,
      {
        key: "unreadable",
        problem: Object.fromEntries(LANGUAGES.map((l) => [l, problem(l)])) as Record<Language, string>,
      },
      "/dashboard/settings",
    );
  }
  if (!result.ok) return "rejected";
  if (partOf(paymentFor(order, result.pricing.total, ctx.credit).parts, "card") > 0) return "awaiting_payment";
  return result.releaseAt ? "scheduled" : "placed";
}

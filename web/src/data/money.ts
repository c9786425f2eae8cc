// Money as the faces see it, each from its own records (domain/books.ts): the platform's fees and
// the public codes for the checkout, the customer's receipt, a courier's earnings, a restaurant
// owner's statement lines, and the admin's codes, fees and revenue (from the admin-only books).
import {
  count,
  doc,
  getAggregateFromServer,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  sum,
  updateDoc,
  type AggregateField,
} from "firebase/firestore";
import {
  aggregationGroups,
  feesOf,
  paths,
  QUERIES,
  REFUND_SUM,
  REVENUE_SUMS,
  type CourierEarning,
  type PlatformFees,
  type PromoCode,
  type PromoQuote,
  type PublicPromo,
  type Receipt,
  type Revenue,
  type StatementLine,
} from "@domain";
import { liveDb, liveQuery } from "../firebase/live";
import { createPromoCall, quotePromoCall, raiseTipCall, type PromoInput } from "../firebase/functions";
import { useLiveDoc, useLiveQuery } from "./live";

export async function readFees(): Promise<PlatformFees> {
  return feesOf((await getDoc(doc(liveDb, paths.fees()))).data());
}

/** Whether a code is good for this customer at this restaurant, and for how much of `subtotal`:
 * the backend's answer (a code's terms are the admins'). */
export async function quotePromo(code: string, restaurantId: string, subtotal: number): Promise<PromoQuote> {
  return (await quotePromoCall({ code, restaurantId, subtotal })).data;
}

export function usePublicPromos() {
  return useLiveQuery<PublicPromo>(liveQuery(QUERIES.publicPromos()));
}

export async function raiseTip(orderId: string, tip: number): Promise<void> {
  await raiseTipCall({ orderId, tip });
}

export type { Receipt };

export function useReceipt(orderId: string) {
  return useLiveDoc<Receipt>(doc(liveDb, paths.receipt(orderId)));
}

export type Earning = CourierEarning;

/** A courier's deliveries since `from`, live (a tip raised later shows at once). */
export function useEarnings(uid: string, from: Date) {
  return useLiveQuery<Earning>(liveQuery(QUERIES.courierEarnings(uid, from)));
}

/** A statement line with its id: a sale's is its order's, a refund's names its complaint. */
export type StatementRow = StatementLine & { id: string };

/** The owner's statement lines for [from, to). */
export async function readStatement(rid: string, from: Date, to: Date): Promise<StatementRow[]> {
  const snap = await getDocs(liveQuery(QUERIES.restaurantStatement(rid, from, to)));
  return snap.docs.map((d) => ({ id: d.id, ...(d.data() as StatementLine) }));
}

// ---------- admin ----------

export function useAllPromos() {
  return useLiveQuery<PromoCode>(liveQuery(QUERIES.allPromos()));
}

export async function createPromo(input: PromoInput): Promise<string> {
  return (await createPromoCall(input)).data.code;
}

export function setPromoPaused(code: string, paused: boolean): Promise<void> {
  return updateDoc(doc(liveDb, paths.promoCode(code)), { paused, updatedAt: serverTimestamp() });
}

export function useFees() {
  return useLiveDoc<PlatformFees>(doc(liveDb, paths.fees()));
}

export function saveFees(fees: PlatformFees): Promise<void> {
  return setDoc(doc(liveDb, paths.fees()), { ...fees, updatedAt: serverTimestamp() });
}

export function saveCommission(rid: string, commissionBps: number): Promise<void> {
  return setDoc(doc(liveDb, paths.restaurantTerms(rid)), { commissionBps, updatedAt: serverTimestamp() });
}

/** The platform's revenue from the books of the orders delivered in [from, to), summed by the
 * server: as few aggregation queries as Firestore's limit per query allows. */
export async function revenueBetween(from: Date, to: Date): Promise<Revenue> {
  const q = liveQuery(QUERIES.booksDeliveredBetween(from, to));
  const wanted: Record<string, AggregateField<number>> = { orders: count() };
  for (const [name, field] of Object.entries(REVENUE_SUMS)) wanted[name] = sum(field);
  const parts = await Promise.all(
    aggregationGroups(wanted).map(async (group) => (await getAggregateFromServer(q, group)).data()),
  );
  return Object.assign({}, ...parts) as Revenue;
}

/** What the platform paid in refunds booked in [from, to), summed by the server. */
export async function platformRefundsBetween(from: Date, to: Date): Promise<number> {
  const q = liveQuery(QUERIES.refundsBookedBetween(from, to));
  return (await getAggregateFromServer(q, { paid: sum(REFUND_SUM) })).data().paid ?? 0;
}

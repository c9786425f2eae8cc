// Money as the faces see it: the platform's fees and promo codes for the checkout, receipts, a
// courier's earnings, a restaurant's statement, and the admin's codes, fees and revenue.
import {
  doc,
  getAggregateFromServer,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  sum,
  count,
  updateDoc,
  type Query,
} from "firebase/firestore";
import {
  feesOf,
  paths,
  platformRevenueOf,
  QUERIES,
  type PlatformFees,
  type PromoCode,
  type ReceiptLine,
  type Revenue,
} from "@domain";
import { liveDb, liveQuery } from "../firebase/live";
import { createPromoCall, raiseTipCall, type PromoInput } from "../firebase/functions";
import { useLiveDoc, useLiveQuery } from "./live";

export async function readFees(): Promise<PlatformFees> {
  return feesOf((await getDoc(doc(liveDb, paths.fees()))).data());
}

/** The code's document, or null when there is no such code. */
export async function readPromo(code: string): Promise<PromoCode | null> {
  if (!code) return null;
  const snap = await getDoc(doc(liveDb, paths.promoCode(code)));
  return snap.exists() ? (snap.data() as PromoCode) : null;
}

export function usePublicPromos() {
  return useLiveQuery<PromoCode>(liveQuery(QUERIES.publicPromos()));
}

export async function raiseTip(orderId: string, tip: number): Promise<void> {
  await raiseTipCall({ orderId, tip });
}

export type Receipt = ReceiptLine & {
  customerId: string;
  restaurantId: string;
  restaurant: { name: string; legalName: string; address: { line1: string; city: string } | null };
  deliveryAddress: { line1: string; city: string };
  timeZone: string;
  placedAt: { toMillis(): number } | null;
  lines: { name: string; quantity: number; options: { name: string }[]; lineTotal: number }[];
};

export function useReceipt(orderId: string) {
  return useLiveDoc<Receipt>(doc(liveDb, paths.receipt(orderId)));
}

export interface Earning {
  orderId: string;
  number: string;
  restaurantName: string;
  deliveredAt: { toMillis(): number };
  deliveryShare: number;
  tip: number;
  total: number;
  currency: string;
}

/** A courier's deliveries since `from`, live (a tip raised later shows at once). */
export function useEarnings(uid: string, from: Date) {
  return useLiveQuery<Earning>(liveQuery(QUERIES.courierEarnings(uid, from)));
}

export async function readStatement(rid: string, from: Date, to: Date): Promise<Receipt[]> {
  const snap = await getDocs(liveQuery(QUERIES.restaurantReceipts(rid, from, to)));
  return snap.docs.map((d) => d.data() as Receipt);
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

/** The platform's revenue from the receipts of [from, to), summed by the server in one aggregation.
 * Firestore takes at most five aggregations in one query, so the revenue is made from the sums of
 * its parts, as each receipt's own is. */
export async function revenueBetween(from: Date, to: Date): Promise<Revenue> {
  const q: Query = liveQuery(QUERIES.receiptsBetween(from, to));
  const a = (
    await getAggregateFromServer(q, {
      orders: count(),
      commission: sum("split.commission"),
      serviceFees: sum("serviceFee"),
      deliveryShare: sum("split.platformDeliveryShare"),
      platformPromotions: sum("split.platformPromo"),
    })
  ).data();
  const revenue = platformRevenueOf({
    commission: a.commission,
    serviceFee: a.serviceFees,
    platformDeliveryShare: a.deliveryShare,
    platformPromo: a.platformPromotions,
  });
  return { ...a, revenue };
}

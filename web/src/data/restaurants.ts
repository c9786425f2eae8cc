// One restaurant, live: its document, the staff's edits to it, its daily figures; and the admin's
// way to find one among thousands, a page at a time.
import { doc, getDocs, serverTimestamp, startAfter, updateDoc, type QueryDocumentSnapshot } from "firebase/firestore";
import { paths, QUERIES, searchToken, type Restaurant } from "@domain";
import { liveDb, liveQuery } from "../firebase/live";
import { useLiveDoc, useLiveQuery } from "./live";

export function useRestaurant(rid: string | null) {
  return useLiveDoc<Restaurant>(rid ? doc(liveDb, paths.restaurant(rid)) : null);
}

export function updateRestaurant(rid: string, patch: Partial<Restaurant>): Promise<void> {
  return updateDoc(doc(liveDb, paths.restaurant(rid)), { ...patch, updatedAt: serverTimestamp() });
}

/** Pauses new orders until `until` (the backend ends the pause then). */
export function pause(rid: string, until: Date): Promise<void> {
  return updateDoc(doc(liveDb, paths.restaurant(rid)), {
    pausedUntil: until,
    pausedBy: "staff",
    updatedAt: serverTimestamp(),
  });
}

export function resume(rid: string): Promise<void> {
  return updateDoc(doc(liveDb, paths.restaurant(rid)), {
    pausedUntil: null,
    pausedBy: null,
    updatedAt: serverTimestamp(),
  });
}

/** Busy mode: `extraMin` more prep time until `until`; 0 and null end it. */
export function setBusy(rid: string, extraMin: number, until: Date | null): Promise<void> {
  return updateDoc(doc(liveDb, paths.restaurant(rid)), {
    busyExtraMin: extraMin,
    busyUntil: until,
    updatedAt: serverTimestamp(),
  });
}

/** One shard of a day's figures (stats/dailyStats.ts). */
export interface DayShard {
  /** orderId -> food subtotal of a delivered order */
  delivered?: Record<string, number>;
  /** orderId -> seconds from placed to accepted */
  acceptSeconds?: Record<string, number>;
  /** orderId -> true: nobody accepted it in time */
  missed?: Record<string, true>;
}

export function useDayStats(rid: string, day: string | null) {
  return useLiveQuery<DayShard>(day ? liveQuery(QUERIES.statsShards(rid, day)) : null);
}

/** A restaurant as the admin's picker shows it. */
export interface RestaurantChoice {
  id: string;
  name: string;
  line1: string;
}

export interface RestaurantPage {
  items: RestaurantChoice[];
  /** Where the next page starts, or null when there is none. */
  next: QueryDocumentSnapshot | null;
}

export const PICKER_PAGE = 10;

/** The restaurants found by a word of their name, cuisine or dishes (the search words the backend
 * indexes), a page at a time; null when the text holds no word to look for. */
export async function findRestaurants(text: string, after: QueryDocumentSnapshot | null = null) {
  const token = searchToken(text);
  if (!token) return null;
  const snap = await getDocs(liveQuery(QUERIES.search(token, PICKER_PAGE), ...(after ? [startAfter(after)] : [])));
  const page: RestaurantPage = {
    items: snap.docs.map((d) => ({
      id: d.id,
      name: String(d.get("card.name") ?? d.id),
      line1: String(d.get("card.address.line1") ?? ""),
    })),
    next: snap.size === PICKER_PAGE ? snap.docs[snap.size - 1] : null,
  };
  return page;
}

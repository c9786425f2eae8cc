// One restaurant, live: its document, the staff's edits to it, its daily figures.
import { doc, serverTimestamp, updateDoc } from "firebase/firestore";
import { paths, QUERIES, type Restaurant } from "@domain";
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

export function useAllRestaurants() {
  return useLiveQuery<Restaurant>(liveQuery(QUERIES.restaurants()));
}

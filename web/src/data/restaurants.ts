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

export function useDayStats(rid: string, day: string | null) {
  return useLiveQuery<{ orders?: number; revenue?: number }>(day ? liveQuery(QUERIES.statsShards(rid, day)) : null);
}

export function useAllRestaurants() {
  return useLiveQuery<Restaurant>(liveQuery(QUERIES.restaurants()));
}

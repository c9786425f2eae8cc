// Dishpatch credit as the customer's screens see it: the balance on their profile, its entries
// (newest first), and one entry by its id.
import { doc } from "firebase/firestore";
import { creditOf, paths, QUERIES, type CreditEntry } from "@domain";
import { liveDb, liveQuery } from "../firebase/live";
import { useLiveDoc, useLiveQuery } from "./live";

/** The customer's credit balance in cents, live; undefined while loading. */
export function useCreditBalance(uid: string | null | undefined): number | undefined {
  const profile = useLiveDoc<{ credit?: number }>(uid ? doc(liveDb, paths.user(uid)) : null);
  return profile.data === undefined ? undefined : creditOf(profile.data ?? undefined);
}

export function useCreditEntries(uid: string, pageSize: number) {
  return useLiveQuery<CreditEntry>(liveQuery(QUERIES.creditEntries(uid, pageSize)));
}

/** One entry by its id (creditEntryId): whether that cause has moved the balance yet. */
export function useCreditEntry(uid: string | null | undefined, entryId: string) {
  return useLiveDoc<CreditEntry>(uid ? doc(liveDb, paths.creditEntries(uid), entryId) : null);
}

// Keeps a restaurant's public card (listings/{rid}) and search entry (searchIndex/{rid}) in step
// with the restaurant and its menu. Each writer recomputes from the current documents inside a
// transaction on the search entry, so a restaurant change and a menu change racing each other
// cannot leave stale words behind; nothing is written when nothing the public sees changed.

import { FieldValue } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { cuisineNames, listingOf, paths, searchTokensOf, wordsOf, type Listing, type Restaurant } from "../domain";

interface SearchEntry {
  tokens: string[];
  /** Whole words of the menu's dishes and categories, kept by the menu writer. */
  dishWords: string[];
  card: Listing;
}

/** JSON with map keys in order: Firestore does not keep the order they were written in. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
const same = (a: unknown, b: unknown) => stable(a) === stable(b);

/** Rewrites the card and the search entry from the restaurant and, when `menuChanged`, its menu. */
export async function syncListing({ db }: Pick<Deps, "db">, rid: string, menuChanged: boolean): Promise<boolean> {
  const menuWords = menuChanged
    ? (await db.collection(paths.menu(rid)).select("name", "category").get()).docs.flatMap((d) => [
        ...wordsOf(String(d.get("name") ?? "")),
        ...wordsOf(String(d.get("category") ?? "")),
      ])
    : null;
  const listingRef = db.doc(paths.listing(rid));
  const searchRef = db.doc(paths.searchEntry(rid));
  return db.runTransaction(async (tx) => {
    const [restaurantSnap, listingSnap, searchSnap] = await tx.getAll(
      db.doc(paths.restaurant(rid)),
      listingRef,
      searchRef,
    );
    const card = restaurantSnap.exists ? listingOf(restaurantSnap.data()) : null;
    if (!card) {
      if (listingSnap.exists) tx.delete(listingRef);
      if (searchSnap.exists) tx.delete(searchRef);
      return listingSnap.exists || searchSnap.exists;
    }
    const r = restaurantSnap.data() as Restaurant;
    const dishWords = menuWords ? [...new Set(menuWords)] : ((searchSnap.get("dishWords") as string[]) ?? []);
    const entry: SearchEntry = {
      tokens: card.available ? searchTokensOf([r.name, ...cuisineNames(r.cuisine)], dishWords) : [],
      dishWords,
      card,
    };
    const { updatedAt: _l, ...oldCard } = listingSnap.data() ?? {};
    const { updatedAt: _s, ...oldEntry } = searchSnap.data() ?? {};
    if (same(oldCard, card) && same(oldEntry, entry)) return false;
    tx.set(listingRef, { ...card, updatedAt: FieldValue.serverTimestamp() });
    tx.set(searchRef, { ...entry, updatedAt: FieldValue.serverTimestamp() });
    return true;
  });
}

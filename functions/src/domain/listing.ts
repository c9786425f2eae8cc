// The public card of a restaurant (listings/{rid}) and its search entry (searchIndex/{rid}), both
// written by the backend whenever the restaurant or its menu changes. The first screen reads only
// cards near the delivery point (geohash ranges, a few dozen documents whatever the size of the
// city), and search reads only the entries holding a word, never every restaurant or menu.

import { distanceBetween, geohashForLocation, geohashQueryBounds } from "geofire-common";
import type { LatLng } from "./geo";
import type { OpeningHours } from "./hours";
import { LIMITS } from "./limits";
import { publicName } from "./publicText";
import { restaurantProblem } from "./restaurant";
import type { Restaurant, TimestampLike } from "./types";

export interface Listing {
  name: string;
  cuisine: string;
  address: { line1: string; lat: number; lng: number };
  geohash: string;
  timeZone: string;
  openingHours: OpeningHours;
  isOpen: boolean;
  prepTimeMin: number;
  deliveryRadiusM: number;
  deliveryFee: number;
  minOrder: number;
  currency: string;
  ratingAvg: number;
  ratingCount: number;
  /** False when the restaurant's settings cannot be read: shown, but not orderable. */
  available: boolean;
  pausedUntil: TimestampLike | null;
  busyUntil: TimestampLike | null;
  busyExtraMin: number;
  imageUrl?: string;
}

/** Offered in the cuisine filter before any card is seen (restaurants name their own cuisine). */
export const POPULAR_CUISINES = [
  "Bakery",
  "Burgers",
  "Indian",
  "Italian",
  "Japanese",
  "Mexican",
  "Turkish",
  "Vegan",
  "Vietnamese",
] as const;

/** How far around the delivery point the first screen looks. */
export const DISCOVERY_RADIUS_M = 8000;
/** The first screen reads at most this many cards (split over the geohash ranges). */
export const DISCOVERY_PAGE = 30;

/** The card for a restaurant document, or null when it has no place on the map. */
export function listingOf(value: unknown): Listing | null {
  const r = value as Partial<Restaurant> | null;
  const a = r?.address;
  if (!r || !a || typeof a.lat !== "number" || typeof a.lng !== "number") return null;
  if (restaurantProblem(r) !== null) {
    return {
      ...UNAVAILABLE,
      // Shown on the first screen: a name that is not plain is not shown (publicText.ts).
      name: publicName(r.name, LIMITS.maxNameLength) ?? "Restaurant",
      address: { line1: String(a.line1 ?? "").slice(0, 200), lat: a.lat, lng: a.lng },
      geohash: geohashForLocation([a.lat, a.lng]),
    };
  }
  const ok = r as Restaurant;
  return {
    name: ok.name,
    cuisine: ok.cuisine,
    address: { line1: ok.address.line1, lat: ok.address.lat, lng: ok.address.lng },
    geohash: geohashForLocation([ok.address.lat, ok.address.lng]),
    timeZone: ok.timeZone,
    openingHours: ok.openingHours,
    isOpen: ok.isOpen,
    prepTimeMin: ok.prepTimeMin,
    deliveryRadiusM: ok.deliveryRadiusM,
    deliveryFee: ok.deliveryFee,
    minOrder: ok.minOrder,
    currency: ok.currency,
    ratingAvg: ok.ratingAvg ?? 0,
    ratingCount: ok.ratingCount ?? 0,
    available: true,
    pausedUntil: ok.pausedUntil ?? null,
    busyUntil: ok.busyUntil ?? null,
    busyExtraMin: ok.busyExtraMin ?? 0,
    ...(ok.imageUrl ? { imageUrl: ok.imageUrl } : {}),
  };
}

const UNAVAILABLE: Omit<Listing, "name" | "address" | "geohash"> = {
  cuisine: "",
  timeZone: "UTC",
  openingHours: {},
  isOpen: false,
  prepTimeMin: 1,
  deliveryRadiusM: 0,
  deliveryFee: 0,
  minOrder: 0,
  currency: "EUR",
  ratingAvg: 0,
  ratingCount: 0,
  available: false,
  pausedUntil: null,
  busyUntil: null,
  busyExtraMin: 0,
};

/** The rings the first screen widens through, nearest first, until a page is full. */
export const DISCOVERY_RINGS_M = [1000, 3000, DISCOVERY_RADIUS_M];

/** A span of geohashes to read: from `from` (inclusive, or after it) to `to` (inclusive, or before). */
export interface GeoPiece {
  from: string;
  fromInclusive: boolean;
  to: string;
  toInclusive: boolean;
  /** Which ring (index into DISCOVERY_RINGS_M) the piece belongs to. */
  ring: number;
}

/** The geohash ranges that cover a circle around `center`. */
export function nearbyRanges(center: LatLng, radiusM = DISCOVERY_RADIUS_M): [string, string][] {
  return geohashQueryBounds([center.lat, center.lng], radiusM) as [string, string][];
}

/** The part of piece `p` not covered by range [c0, c1] (inclusive). */
function subtract(p: GeoPiece, [c0, c1]: [string, string]): GeoPiece[] {
  const beforeEnd = (x: string) => (p.toInclusive ? x <= p.to : x < p.to);
  const afterStart = (x: string) => (p.fromInclusive ? x >= p.from : x > p.from);
  if (c1 < p.from || c0 > p.to) return [p]; // no overlap
  const out: GeoPiece[] = [];
  if (afterStart(c0) && c0 > p.from) out.push({ ...p, to: c0, toInclusive: false });
  if (beforeEnd(c1) && c1 < p.to) out.push({ ...p, from: c1, fromInclusive: false });
  return out;
}

/** Disjoint geohash spans around `center`, ring by ring: each ring without what the rings inside
 * it already cover, so widening the search never reads a restaurant twice. */
export function nearbyPieces(center: LatLng, rings = DISCOVERY_RINGS_M): GeoPiece[] {
  const covered: [string, string][] = [];
  const pieces: GeoPiece[] = [];
  rings.forEach((radius, ring) => {
    let parts: GeoPiece[] = nearbyRanges(center, radius).map(([from, to]) => ({
      from,
      fromInclusive: true,
      to,
      toInclusive: true,
      ring,
    }));
    for (const c of covered) parts = parts.flatMap((p) => subtract(p, c));
    pieces.push(...parts);
    covered.push(...nearbyRanges(center, radius));
  });
  return pieces;
}

export function distanceKm(a: LatLng, b: LatLng): number {
  return distanceBetween([a.lat, a.lng], [b.lat, b.lng]);
}

// ---------- search ----------

/** Lower case, without accents, and "ß" as "ss": "Taquería" and "taqueria" are one word. */
export function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
}

export function wordsOf(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

/** A word's plural folded the way search entries hold both forms: "pizzas" is "pizza". */
const singular = (w: string) => (w.endsWith("s") && w.length > 3 ? w.slice(0, -1) : w);

/** The search term to query with: its longest word (the most selective), plural folded, or null.
 * Every indexed word is there without its "s" too (a name by every prefix), so the folded word
 * finds what the word itself would. */
export function searchToken(query: string): string | null {
  const words = wordsOf(query);
  return words.length ? singular(words.reduce((a, b) => (b.length > a.length ? b : a))) : null;
}

export const MAX_SEARCH_TOKENS = 400;

/**
 * The words a restaurant is found by: its name and cuisine (in every language: cuisines.ts) and
 * every prefix of their words (so "taq" finds "Taquería Luna" while typing), and the whole words of
 * its categories and dishes (so "pizza" finds the restaurants that sell pizza), singular and plural
 * alike.
 */
export function searchTokensOf(names: string[], dishes: string[]): string[] {
  const tokens = new Set<string>();
  for (const w of names.flatMap(wordsOf)) for (let i = 2; i <= w.length; i++) tokens.add(w.slice(0, i));
  for (const w of dishes.flatMap(wordsOf)) {
    tokens.add(w);
    tokens.add(singular(w));
  }
  return [...tokens].slice(0, MAX_SEARCH_TOKENS);
}

/** Where a span stands: not read yet, read up to a document, or exhausted. */
export type SpanCursor<D> = { at: "start" } | { at: "after"; doc: D } | { at: "done" };

/**
 * Fills one page of at most `budget` cards around a point: ring by ring, nearest first, the spans
 * of a ring sharing what is left of the budget (a second round gives what sparse spans left unused
 * to the dense ones), stopping once the page is nearly full. So the page holds the nearest restaurants
 * and reads about `budget` documents however many there are. Pass the returned `next` to continue.
 */
export async function fillNearbyPage<D>(
  pieces: GeoPiece[],
  budget: number,
  read: (piece: GeoPiece, limit: number, after: D | undefined) => Promise<D[]>,
  from?: SpanCursor<D>[],
  /** Called with the cards as each round brings them, so a list can show the nearest at once. */
  onProgress?: (docs: D[]) => void,
): Promise<{ docs: D[]; next: SpanCursor<D>[] | null }> {
  const cursors: SpanCursor<D>[] = from ? [...from] : pieces.map(() => ({ at: "start" }));
  const docs: D[] = [];
  const rings = [...new Set(pieces.map((p) => p.ring))].sort((a, b) => a - b);
  for (const ring of rings) {
    const open = () => pieces.map((_, i) => i).filter((i) => pieces[i].ring === ring && cursors[i].at !== "done");
    // A few rounds: later ones give the budget the sparse spans left to the dense ones.
    for (let round = 0; round < 4; round++) {
      const left = budget - docs.length;
      // When fewer cards are left than open spans, the first spans get one each.
      const active = open().slice(0, left);
      if (active.length === 0) break;
      const share = Math.floor(left / active.length);
      const pages = await Promise.all(
        active.map((i) => {
          const c = cursors[i];
          return read(pieces[i], share, c.at === "after" ? c.doc : undefined);
        }),
      );
      pages.forEach((page, k) => {
        docs.push(...page);
        cursors[active[k]] = page.length === share ? { at: "after", doc: page[page.length - 1] } : { at: "done" };
      });
      onProgress?.([...docs]);
    }
    if (open().length > 0) break; // this ring has more: the next page continues here
  }
  return { docs, next: cursors.some((c) => c.at !== "done") ? cursors : null };
}

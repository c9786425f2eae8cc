// Finding restaurants, with Firestore Lite (the first screen loads no more SDK than this): the
// cards near a delivery point, a page at a time across the geohash ranges that cover the
// discovery radius, and search by one normalised word. Neither reads every restaurant.

import { doc, getDoc, getDocs, startAfter, type QueryDocumentSnapshot } from "firebase/firestore/lite";
import {
  DISCOVERY_PAGE,
  fillNearbyPage,
  nearbyPieces,
  QUERIES,
  searchToken,
  type GeoPiece,
  type LatLng,
  type Listing,
  paths,
  type SpanCursor,
} from "@domain";
import { liteDb, liteQuery } from "../firebase/lite";

export type Card = Listing & { id: string };

export interface NearbyPage {
  cards: Card[];
  /** Where the next page continues, or null when every restaurant around was shown. */
  next: SpanCursor<QueryDocumentSnapshot>[] | null;
}

/** One page of the cards nearest to `center`: at most DISCOVERY_PAGE of them, whatever the city's size. */
export async function fetchNearby(
  center: LatLng,
  from?: SpanCursor<QueryDocumentSnapshot>[],
  onProgress?: (cards: Card[]) => void,
  cuisine = "",
): Promise<NearbyPage> {
  const toCards = (docs: QueryDocumentSnapshot[]) => docs.map((d) => ({ id: d.id, ...(d.data() as Listing) }));
  const spec = (piece: GeoPiece, limit: number) =>
    cuisine ? QUERIES.nearbyOfCuisine(piece, limit, cuisine) : QUERIES.nearby(piece, limit);
  const { docs, next } = await fillNearbyPage<QueryDocumentSnapshot>(
    nearbyPieces(center),
    DISCOVERY_PAGE,
    async (piece, limit, after) =>
      (await getDocs(liteQuery(spec(piece, limit), ...(after ? [startAfter(after)] : [])))).docs,
    from,
    onProgress && ((docs) => onProgress(toCards(docs))),
  );
  return { cards: toCards(docs), next };
}

/** How many favourites the list fetches by id, wherever they are: one read each. */
export const FAVOURITES_SHOWN = 10;

/** The customer's favourite restaurants' cards, read by id: a favourite comes first on the list
 * even where the nearest pages, crowded by other restaurants, do not hold it. */
export async function fetchFavourites(ids: readonly string[]): Promise<Card[]> {
  const snaps = await Promise.all(ids.slice(0, FAVOURITES_SHOWN).map((id) => getDoc(doc(liteDb, paths.listing(id)))));
  return snaps.filter((s) => s.exists()).map((s) => ({ id: s.id, ...(s.data() as Listing) }));
}

export const SEARCH_PAGE = 20;

/** Restaurants whose name, cuisine, categories or dishes hold the query's main word. */
export async function searchRestaurants(query: string): Promise<Card[]> {
  const token = searchToken(query);
  if (!token) return [];
  const snap = await getDocs(liteQuery(QUERIES.search(token, SEARCH_PAGE)));
  return snap.docs.map((d) => ({ id: d.id, ...(d.get("card") as Listing) }));
}

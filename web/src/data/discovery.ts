// Finding restaurants, over Firestore's REST API (the first screen loads no Firebase SDK): the
// cards near a delivery point, a page at a time across the geohash ranges that cover the
// discovery radius, and search by one normalised word. Neither reads every restaurant.

import {
  DISCOVERY_PAGE,
  fillNearbyPage,
  nearbyPieces,
  QUERIES,
  searchToken,
  type GeoPiece,
  type LatLng,
  type Listing,
  type SpanCursor,
} from "@domain";
import { restQuery, type RestDoc } from "../firebase/rest";

export type Card = Listing & { id: string };

export interface NearbyPage {
  cards: Card[];
  /** Where the next page continues, or null when every restaurant around was shown. */
  next: SpanCursor<RestDoc>[] | null;
}

/** One page of the cards nearest to `center`: at most DISCOVERY_PAGE of them, whatever the city's size. */
export async function fetchNearby(
  center: LatLng,
  from?: SpanCursor<RestDoc>[],
  onProgress?: (cards: Card[]) => void,
  cuisine = "",
): Promise<NearbyPage> {
  const toCards = (docs: RestDoc[]) => docs.map((d) => ({ id: d.id, ...(d.data() as Listing) }));
  const spec = (piece: GeoPiece, limit: number) =>
    cuisine ? QUERIES.nearbyOfCuisine(piece, limit, cuisine) : QUERIES.nearby(piece, limit);
  const { docs, next } = await fillNearbyPage<RestDoc>(
    nearbyPieces(center),
    DISCOVERY_PAGE,
    (piece, limit, after) => restQuery(spec(piece, limit), after),
    from,
    onProgress && ((docs) => onProgress(toCards(docs))),
  );
  return { cards: toCards(docs), next };
}

export const SEARCH_PAGE = 20;

/** Restaurants whose name, cuisine, categories or dishes hold the query's main word. */
export async function searchRestaurants(query: string): Promise<Card[]> {
  const token = searchToken(query);
  if (!token) return [];
  const docs = await restQuery(QUERIES.search(token, SEARCH_PAGE));
  return docs.map((d) => ({ id: d.id, ...(d.data() as { card: Listing }).card }));
}

// The first screen's restaurants, read once with Firestore Lite.
import { getDocs } from "firebase/firestore/lite";
import { QUERIES } from "@domain";
import { liteQuery } from "../firebase/lite";

export async function fetchRestaurants(): Promise<{ id: string; data: unknown }[]> {
  const snap = await getDocs(liteQuery(QUERIES.restaurants()));
  return snap.docs.map((d) => ({ id: d.id, data: d.data() }));
}

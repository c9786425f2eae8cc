// A restaurant's staff as the backend finds them to tell them something: its kitchen and its
// owners (users' roles mirror), each with the language they read.

import type { Firestore } from "firebase-admin/firestore";
import { type Language, languageOr } from "../domain/language";
import { QUERIES } from "../domain/queries";
import { adminQuery } from "../query";

export async function staffOfRestaurant(db: Firestore, rid: string): Promise<{ uid: string; lang: Language }[]> {
  const [kitchen, owners] = await Promise.all(
    [QUERIES.staffOf(rid), QUERIES.ownersOf(rid)].map((q) => adminQuery(db, q).select("language").get()),
  );
  const byUid = new Map<string, Language>();
  for (const d of [...kitchen.docs, ...owners.docs]) byUid.set(d.id, languageOr(d.get("language")));
  return [...byUid].map(([uid, lang]) => ({ uid, lang }));
}

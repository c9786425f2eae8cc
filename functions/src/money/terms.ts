// The platform's fees and a restaurant's terms, as placing an order needs them. They change
// rarely and are read for every order, so each instance keeps what it read for
// FEES_CACHE_SECONDS: a change reaches every order within that time, and an order costs no reads
// for them meanwhile. Each order keeps the terms it was placed under (its books' split).

import type { Firestore } from "firebase-admin/firestore";
import { FEES_CACHE_SECONDS } from "../config";
import { feesOf, paths, type PlatformFees } from "../domain";

interface Kept<T> {
  value: T;
  until: number;
}

let fees: Kept<PlatformFees> | null = null;
const terms = new Map<string, Kept<unknown>>();

/** The fees, and the restaurant's terms document (null: none, so the default commission). */
export async function termsFor(
  db: Firestore,
  rid: string | null,
  now: number,
): Promise<{ fees: PlatformFees; terms: unknown }> {
  const ttl = FEES_CACHE_SECONDS.value() * 1000;
  const keptTerms = rid ? terms.get(rid) : undefined;
  const needFees = !fees || fees.until <= now;
  const needTerms = rid !== null && (!keptTerms || keptTerms.until <= now);
  if (needFees || needTerms) {
    const refs = [
      ...(needFees ? [db.doc(paths.fees())] : []),
      ...(needTerms ? [db.doc(paths.restaurantTerms(rid!))] : []),
    ];
    const docs = await db.getAll(...refs);
    if (needFees) fees = { value: feesOf(docs[0].data()), until: now + ttl };
    if (needTerms) terms.set(rid!, { value: docs[needFees ? 1 : 0].data() ?? null, until: now + ttl });
  }
  return { fees: fees!.value, terms: rid ? terms.get(rid)!.value : null };
}

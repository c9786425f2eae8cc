// The platform's fees, its cash limits and a restaurant's terms, as placing an order needs them. They change
// rarely and are read for every order, so each instance keeps what it read for
// FEES_CACHE_SECONDS: a change reaches every order within that time, and an order costs no reads
// for them meanwhile. Each order keeps the terms it was placed under (its books' split).

import type { Firestore } from "firebase-admin/firestore";
import { FEES_CACHE_SECONDS } from "../config";
import { paths } from "../domain/collections";
import { feesOf, type PlatformFees } from "../domain/fees";
import { type CashLimits, cashLimitsOf } from "../domain/payment";

interface Kept<T> {
  value: T;
  until: number;
}

let fees: Kept<{ fees: PlatformFees; cash: CashLimits }> | null = null;
const terms = new Map<string, Kept<unknown>>();

/** The fees and cash limits, and the restaurant's terms document (null: none, so the default
 * commission). */
export async function termsFor(
  db: Firestore,
  rid: string | null,
  now: number,
): Promise<{ fees: PlatformFees; cash: CashLimits; terms: unknown }> {
  const ttl = FEES_CACHE_SECONDS.value() * 1000;
  const keptTerms = rid ? terms.get(rid) : undefined;
  const needFees = !fees || fees.until <= now;
  const needTerms = rid !== null && (!keptTerms || keptTerms.until <= now);
  if (needFees || needTerms) {
    const refs = [
      ...(needFees ? [db.doc(paths.fees()), db.doc(paths.paymentSettings())] : []),
      ...(needTerms ? [db.doc(paths.restaurantTerms(rid!))] : []),
    ];
    const docs = await db.getAll(...refs);
    if (needFees)
      fees = { value: { fees: feesOf(docs[0].data()), cash: cashLimitsOf(docs[1].data()) }, until: now + ttl };
    if (needTerms) terms.set(rid!, { value: docs[needFees ? 2 : 0].data() ?? null, until: now + ttl });
  }
  return { ...fees!.value, terms: rid ? terms.get(rid)!.value : null };
}

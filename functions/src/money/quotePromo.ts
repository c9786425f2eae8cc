// Checkout's question about a code: is it good for me, on this order, and for how much? Answered
// from the code's own terms and the customer's history, which the customer may not read: a code's
// budget, caps and creator are the admins'. The order itself is checked again when it is placed.

import { HttpsError } from "firebase-functions/v2/https";
import type { Deps } from "../deps";
import {
  checkPromo,
  CODE_PATTERN,
  isLeftFor,
  LIMITS,
  normalizeCode,
  paths,
  PROMO_SHARDS,
  QUERIES,
  type PromoAllocation,
  type PromoCode,
  type PromoQuote,
  isDocId,
} from "../domain";
import { adminQuery } from "../query";

export async function quotePromo(
  { db, now }: Pick<Deps, "db" | "now">,
  uid: string,
  input: unknown,
): Promise<PromoQuote> {
  const { code: typed, restaurantId, subtotal } = (input ?? {}) as Record<string, unknown>;
  if (
    typeof typed !== "string" ||
    !isDocId(restaurantId) ||
    !Number.isSafeInteger(subtotal) ||
    (subtotal as number) < 0 ||
    (subtotal as number) > LIMITS.maxPriceCents * LIMITS.maxOrderLines * LIMITS.maxQuantity
  ) {
    throw new HttpsError("invalid-argument", "A code, a restaurant and a subtotal in cents.", { reason: "input" });
  }
  const code = normalizeCode(typed);
  if (!CODE_PATTERN.test(code)) return { ok: false, code: "promo_unknown" };
  const [promoSnap, earlier, used] = await Promise.all([
    db.doc(paths.promoCode(code)).get(),
    adminQuery(db, QUERIES.customerPastOrders(uid)).get(),
    adminQuery(db, QUERIES.customerRedemptions(code, uid)).get(),
  ]);
  const promo = promoSnap.exists ? (promoSnap.data() as PromoCode) : null;
  const answer = checkPromo(promo, {
    subtotal: subtotal as number,
    restaurantId,
    now: now(),
    firstOrder: earlier.empty,
    customerRedemptions: used.size,
  });
  if (!answer.ok || !promo) return answer.ok ? { ok: false, code: "promo_unknown" } : answer;
  if (promo.maxRedemptions !== null || promo.budgetCents !== null) {
    const shards = await db.getAll(
      ...Array.from({ length: PROMO_SHARDS }, (_, n) => db.doc(paths.promoAllocation(code, n))),
    );
    const left = shards.map((s) => (s.data() as PromoAllocation | undefined) ?? { left: 0, budgetLeft: 0 });
    if (!isLeftFor(promo, left, answer.discount)) return { ok: false, code: "promo_exhausted" };
  }
  return { ok: true, discount: answer.discount, fundedBy: promo.fundedBy };
}

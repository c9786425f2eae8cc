// An admin creates a promo code, with its allocations (a capped code's remainder is spread over
// several documents, so that redemptions do not all write one).

import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { logger } from "firebase-functions/logger";
import type { Deps } from "../deps";
import { initialAllocations, normalizeCode, paths, promoProblem, type PromoCode } from "../domain";
import { isAlreadyExists } from "../errors";

/** The callable's input, with dates as milliseconds. */
export type PromoInput = Omit<PromoCode, "validFrom" | "validUntil"> & { validFrom: number; validUntil: number };

export async function createPromo(
  { db }: Pick<Deps, "db">,
  input: unknown,
  adminUid: string,
): Promise<{ code: string }> {
  const raw = (input ?? {}) as Partial<PromoInput>;
  const promo = {
    ...raw,
    code: normalizeCode(String(raw.code ?? "")),
    validFrom: Timestamp.fromMillis(Number(raw.validFrom)),
    validUntil: Timestamp.fromMillis(Number(raw.validUntil)),
  } as PromoCode;
  const fields: (keyof PromoCode)[] = [
    "code",
    "description",
    "kind",
    "percentBps",
    "amountCents",
    "minSubtotal",
    "maxDiscount",
    "validFrom",
    "validUntil",
    "firstOrderOnly",
    "perCustomerLimit",
    "maxRedemptions",
    "budgetCents",
    "restaurantId",
    "fundedBy",
    "paused",
    "public",
  ];
  const unknown = Object.keys(raw).filter((k) => !(fields as string[]).includes(k));
  if (unknown.length) throw new HttpsError("invalid-argument", `Unknown fields: ${unknown.join(", ")}.`);
  const problem =
    Number.isFinite(Number(raw.validFrom)) && Number.isFinite(Number(raw.validUntil))
      ? promoProblem(promo)
      : "The validity dates are missing.";
  if (problem) throw new HttpsError("invalid-argument", problem);
  if (promo.restaurantId && !(await db.doc(paths.restaurant(promo.restaurantId)).get()).exists) {
    throw new HttpsError("not-found", "No such restaurant.");
  }
  const clean = Object.fromEntries(fields.map((f) => [f, promo[f]]));
  const batch = db.batch();
  batch.create(db.doc(paths.promoCode(promo.code)), {
    ...clean,
    createdAt: FieldValue.serverTimestamp(),
    createdBy: adminUid,
  });
  initialAllocations(promo).forEach((a, n) => batch.create(db.doc(paths.promoAllocation(promo.code, n)), a));
  try {
    await batch.commit();
  } catch (err) {
    if (isAlreadyExists(err)) throw new HttpsError("already-exists", `The code ${promo.code} exists already.`);
    throw err;
  }
  logger.info("promo code created", { code: promo.code, by: adminUid });
  return { code: promo.code };
}

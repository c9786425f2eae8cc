// An admin records a courier's settlement (the recordSettlement callable): cash handed in, or
// earnings paid out. The record and the courier's running sums change in one transaction, so the
// balance an admin and the courier see is always the sum of the books; nobody types a balance.

import { FieldValue } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import type { Deps } from "../deps";
import {
  cashHeld,
  courierBalance,
  LIMITS,
  MAX_SETTLEMENT_CENTS,
  paths,
  SETTLEMENT_KINDS,
  type CourierCash,
  type Settlement,
  type SettlementKind,
  isDocId,
} from "../domain";

function bad(message: string, reason: string): never {
  throw new HttpsError("invalid-argument", message, { reason });
}

export async function recordSettlement(
  { db }: Pick<Deps, "db">,
  adminUid: string,
  input: unknown,
): Promise<{ balance: number; held: number }> {
  const { courierId, kind, amount, note } = (input ?? {}) as Record<string, unknown>;
  if (!isDocId(courierId)) bad("Which courier?", "bad_input");
  if (!SETTLEMENT_KINDS.includes(kind as SettlementKind))
    bad(`kind is one of ${SETTLEMENT_KINDS.join(", ")}.`, "bad_input");
  if (!Number.isInteger(amount) || (amount as number) < 1 || (amount as number) > MAX_SETTLEMENT_CENTS)
    bad(`An amount from 1 to ${MAX_SETTLEMENT_CENTS} cents.`, "bad_amount");
  if (note !== undefined && (typeof note !== "string" || note.length > LIMITS.maxCancelNoteLength))
    bad(`A note of at most ${LIMITS.maxCancelNoteLength} characters.`, "bad_input");
  const cashRef = db.doc(paths.courierCash(courierId as string));
  const userRef = db.doc(paths.user(courierId as string));
  return db.runTransaction(async (tx) => {
    const [cash, user] = await tx.getAll(cashRef, userRef);
    if (user.get("roles.courier") !== true)
      throw new HttpsError("not-found", "No such courier.", { reason: "not_found" });
    const sums = (cash.data() ?? {}) as Partial<CourierCash>;
    // Cash handed in cannot be more than they hold; a payout not more than the platform owes.
    if (kind === "handedIn" && (amount as number) > cashHeld(sums))
      throw new HttpsError("failed-precondition", "More than the courier holds.", { reason: "more_than_held" });
    if (kind === "paidOut" && (amount as number) > -courierBalance(sums))
      throw new HttpsError("failed-precondition", "More than the courier is owed.", { reason: "more_than_owed" });
    const record: Settlement = {
      kind: kind as SettlementKind,
      amount: amount as number,
      by: adminUid,
      note: (note as string | undefined) ?? "",
    };
    tx.create(db.collection(paths.settlements(courierId as string)).doc(), {
      ...record,
      createdAt: FieldValue.serverTimestamp(),
    });
    tx.set(
      cashRef,
      { [kind as string]: FieldValue.increment(amount as number), updatedAt: FieldValue.serverTimestamp() },
      { merge: true },
    );
    const next = { ...sums, [kind as string]: ((sums[kind as SettlementKind] ?? 0) as number) + (amount as number) };
    return { balance: courierBalance(next), held: cashHeld(next) };
  });
}

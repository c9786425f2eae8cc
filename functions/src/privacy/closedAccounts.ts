// A deleted account's ID tokens stay valid until they expire (up to an hour), and the rules cannot
// ask Auth whether the account still exists. So deleting an account first records it under a
// hash of its uid (closedAccounts/{sha256 hex}), which the rules look up before a customer's
// writes; the record names no one, and expires after CLOSED_ACCOUNT_HOURS (a TTL policy on
// expiresAt deletes it in production).

import { createHash } from "node:crypto";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { CLOSED_ACCOUNT_HOURS, paths } from "../domain";

/** What the rules compute with hashing.sha256(uid).toHexString(): the same digest, in capitals. */
export const uidHash = (uid: string) => createHash("sha256").update(uid).digest("hex").toUpperCase();

export function closeAccount(db: Firestore, uid: string, now: Date) {
  return db.doc(paths.closedAccount(uidHash(uid))).set({
    closedAt: FieldValue.serverTimestamp(),
    expiresAt: Timestamp.fromMillis(now.getTime() + CLOSED_ACCOUNT_HOURS * 3600_000),
  });
}

/** Takes a refused deletion back: the account is open as before. */
export function reopenAccount(db: Firestore, uid: string) {
  return db.doc(paths.closedAccount(uidHash(uid))).delete();
}

// The rest of a complaint's life, each in one transaction with the money it moves:
// - an admin approves (refunded now) or declines (what it held of the order is freed) a complaint
//   the policy sent to review;
// - the restaurant's owner disputes what a complaint charged it, within COMPLAINT_LIMITS.disputeDays;
// - an admin upholds the dispute (the platform takes over the restaurant's part, the customer keeps
//   the refund) or rejects it.
// A decision is made once: a second one (a double click, two admins) finds it made and is refused.

import { FieldValue } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import type { Deps } from "../deps";
import {
  ADMIN_DECISIONS,
  disputeProblem,
  paths,
  type AdminDecision,
  type ClaimedLines,
  type CardPayment,
  type Complaint,
  type OrderBooks,
  isDocId,
} from "../domain";
import { cardShareOf, writeRefund, writeReversal } from "./refund";

function complaintId(input: unknown): string {
  const id = (input as { complaintId?: unknown } | null)?.complaintId;
  if (!isDocId(id)) throw new HttpsError("invalid-argument", "Which complaint?", { reason: "bad_input" });
  return id;
}

function decided(status: string): never {
  throw new HttpsError("failed-precondition", `The complaint is ${status} already.`, { reason: "decided", status });
}

export async function decideComplaint(
  { db }: Pick<Deps, "db">,
  adminUid: string,
  input: unknown,
): Promise<{ status: Complaint["status"]; dispute: string | null }> {
  const id = complaintId(input);
  const decision = (input as { decision?: unknown }).decision as AdminDecision;
  if (!ADMIN_DECISIONS.includes(decision))
    throw new HttpsError("invalid-argument", `decision is one of ${ADMIN_DECISIONS.join(", ")}.`, {
      reason: "bad_input",
    });
  const ref = db.doc(paths.complaint(id));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const c = snap.data() as Complaint | undefined;
    if (!c) throw new HttpsError("not-found", "No such complaint.", { reason: "not_found" });
    const stamp = FieldValue.serverTimestamp();
    if (decision === "approve" || decision === "decline") {
      if (c.status !== "review") decided(c.status);
      const userRef = db.doc(paths.user(c.customerId));
      const booksRef = db.doc(paths.books(c.orderId));
      const paymentRef = db.doc(paths.payment(c.orderId));
      const [user, books, paymentSnap] = await tx.getAll(userRef, booksRef, paymentRef);
      const payment = { ref: paymentRef, data: paymentSnap.data() as CardPayment | undefined };
      const toCard = decision === "approve" ? cardShareOf(c, payment) : 0;
      if (decision === "approve")
        writeRefund(db, tx, id, { ...c, toCard }, { ref: userRef, data: user.data() }, payment);
      else {
        // What it held of the order is free again: its amount, and the lines it named.
        const b = books.data() as (OrderBooks & { refunded?: number; claimed?: ClaimedLines }) | undefined;
        tx.update(booksRef, {
          refunded: Math.max(0, (b?.refunded ?? 0) - c.amount),
          ...Object.fromEntries(
            c.lines.map((l) => [`claimed.${l.line}`, Math.max(0, (b?.claimed?.[l.line] ?? 0) - l.quantity)]),
          ),
        });
      }
      const status = decision === "approve" ? "approved" : "declined";
      const card = decision === "approve" ? { toCard, cardRefundId: null } : {};
      tx.update(ref, { status, decidedAt: stamp, decidedBy: adminUid, updatedAt: stamp, ...card });
      return { status, dispute: null };
    }
    if (c.dispute?.status !== "open") decided(c.dispute?.status ?? "not disputed");
    if (decision === "uphold") writeReversal(db, tx, id, c);
    const status = decision === "uphold" ? "upheld" : "rejected";
    tx.update(ref, {
      "dispute.status": status,
      "dispute.decidedAt": stamp,
      "dispute.decidedBy": adminUid,
      updatedAt: stamp,
    });
    return { status: c.status, dispute: status };
  });
}

/** The owner disputes the charge (the caller is checked as an owner of the complaint's restaurant
 * by `mayDispute`, with the complaint as read here). */
export async function disputeComplaint(
  { db, now }: Pick<Deps, "db" | "now">,
  uid: string,
  input: unknown,
  mayDispute: (restaurantId: string) => Promise<void>,
): Promise<{ dispute: "open" }> {
  const id = complaintId(input);
  const reason = (input as { reason?: unknown }).reason;
  const ref = db.doc(paths.complaint(id));
  return db.runTransaction(async (tx) => {
    const c = (await tx.get(ref)).data() as Complaint | undefined;
    if (!c) throw new HttpsError("not-found", "No such complaint.", { reason: "not_found" });
    await mayDispute(c.restaurantId);
    const problem = disputeProblem(c, c.decidedAt?.toMillis() ?? null, reason, now().getTime());
    if (problem) {
      const code =
        problem === "reason_needed" || problem === "reason_too_long" ? "invalid-argument" : "failed-precondition";
      throw new HttpsError(code, problem, { reason: problem });
    }
    const stamp = FieldValue.serverTimestamp();
    tx.update(ref, {
      dispute: { reason: (reason as string).trim(), status: "open", by: uid, at: stamp },
      updatedAt: stamp,
    });
    return { dispute: "open" as const };
  });
}

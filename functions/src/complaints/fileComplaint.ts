// A customer reports a problem with a delivered order (the fileComplaint callable). One transaction
// reads the order, its books (what earlier complaints took: books.refunded, which also serialises
// two complaints about one order), the customer's complaints of the last 30 days and the
// thresholds; the policy (domain/complaints.ts) decides the amount, who pays and whether it is
// approved at once, and an approved complaint is refunded in the same commit (refund.ts).

import { FieldValue } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import type { Deps } from "../deps";
import {
  complaintProblem,
  complaintSettingsOf,
  orderCodeOf,
  paths,
  QUERIES,
  refundPlan,
  type CardPayment,
  type ClaimedLines,
  type Complaint,
  type ComplaintProblem,
  type ComplaintStatus,
  type Order,
  type OrderBooks,
} from "../domain";
import { adminQuery } from "../query";
import { complaintInput } from "./input";
import { cardShareOf, writeRefund } from "./refund";

const DAY_MS = 24 * 3600_000;

/** Problems that are the order's state rather than what was sent. */
const STATE_PROBLEMS: readonly ComplaintProblem[] = [
  "not_delivered",
  "window_closed",
  "nothing_left",
  "already_claimed",
];

export async function fileComplaint(
  { db, now }: Pick<Deps, "db" | "now">,
  uid: string,
  input: unknown,
): Promise<{ complaintId: string; status: ComplaintStatus; amount: number; toCard: number }> {
  const claim = complaintInput(input);
  const orderRef = db.doc(paths.order(claim.orderId));
  const booksRef = db.doc(paths.books(claim.orderId));
  const userRef = db.doc(paths.user(uid));
  const complaintRef = db.collection(paths.complaints()).doc();
  const at = now().getTime();
  return db.runTransaction(async (tx) => {
    const paymentRef = db.doc(paths.payment(claim.orderId));
    const [orderSnap, booksSnap, userSnap, settingsSnap, paymentSnap] = await tx.getAll(
      orderRef,
      booksRef,
      userRef,
      db.doc(paths.complaintSettings()),
      paymentRef,
    );
    const payment = { ref: paymentRef, data: paymentSnap.data() as CardPayment | undefined };
    const order = orderSnap.data() as Order | undefined;
    // Someone else's order is answered as if there were none.
    if (!order || order.customerId !== uid)
      throw new HttpsError("not-found", "No such order.", { reason: "not_found" });
    const books = booksSnap.data() as (OrderBooks & { refunded?: number; claimed?: ClaimedLines }) | undefined;
    const p = order.pricing;
    const deliveredAt = order.status === "delivered" ? (order.timeline?.delivered?.toMillis() ?? null) : null;
    if (!p || !books)
      throw new HttpsError("failed-precondition", "The order was not delivered.", { reason: "not_delivered" });
    const recent = await tx.get(adminQuery(db, QUERIES.customerComplaintsSince(uid, new Date(at - 30 * DAY_MS))));
    const refunded = books.refunded ?? 0;
    const claimed = books.claimed ?? {};
    const problem = complaintProblem(claim, p, deliveredAt, at, refunded, claimed);
    if (problem) {
      throw new HttpsError(STATE_PROBLEMS.includes(problem) ? "failed-precondition" : "invalid-argument", problem, {
        reason: problem,
      });
    }
    const plan = refundPlan(claim, p, refunded, recent.size, complaintSettingsOf(settingsSnap.data()));
    if (plan.amount <= 0) throw new HttpsError("failed-precondition", "nothing_left", { reason: "nothing_left" });
    const approved = plan.decision === "approved";
    const complaint: Complaint = {
      orderId: claim.orderId,
      number: orderCodeOf(order, claim.orderId),
      customerId: uid,
      restaurantId: order.restaurantId,
      restaurantName: order.restaurantName ?? "",
      type: claim.type,
      lines: (claim.lines ?? []).map((l) => ({ ...l, name: p.lines[l.line].name })),
      description: claim.description ?? "",
      amount: plan.amount,
      restaurantPays: plan.restaurantPays,
      platformPays: plan.platformPays,
      payer: plan.payer,
      status: approved ? "approved" : "review",
      review: plan.review ?? null,
      currency: p.currency,
      createdAt: FieldValue.serverTimestamp() as never,
      updatedAt: FieldValue.serverTimestamp() as never,
      decidedAt: approved ? (FieldValue.serverTimestamp() as never) : null,
      decidedBy: approved ? "policy" : null,
      dispute: null,
      ...(approved ? { toCard: cardShareOf(plan, payment), cardRefundId: null } : {}),
    };
    tx.create(complaintRef, complaint);
    // Held while in review too, so that two claims cannot together take more than was paid.
    tx.update(booksRef, {
      refunded: refunded + plan.amount,
      ...Object.fromEntries((claim.lines ?? []).map((l) => [`claimed.${l.line}`, (claimed[l.line] ?? 0) + l.quantity])),
    });
    if (approved) writeRefund(db, tx, complaintRef.id, complaint, { ref: userRef, data: userSnap.data() }, payment);
    return {
      complaintId: complaintRef.id,
      status: complaint.status,
      amount: plan.amount,
      toCard: complaint.toCard ?? 0,
    };
  });
}

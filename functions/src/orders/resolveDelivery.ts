// An admin decides how an overdue delivery ends (the resolveDelivery callable, asked of the guard
// first): delivered after all, or not delivered; and how a delivery problem the customer answered
// ends: delivered after all, not delivered (not the customer's fault), or undeliverable (theirs).
// Only an order still on its way and overdue (domain/deliveryTimers.ts), or one with a delivery
// problem, waits for a decision; the courier's claim ends with it, in the same
// transaction, so they can take the next order. The status change's own side effects follow
// (notifications; a delivered order's booking; a code's redemption given back).

import { FieldValue } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { claimEnd } from "./courierClaim";
import type { Deps } from "../deps";
import { canTransition, isOverdue, paths, transition, type Order, isDocId } from "../domain";

export const DECISIONS = ["delivered", "undelivered", "undeliverable"] as const;
export type Decision = (typeof DECISIONS)[number];

export async function resolveDelivery(
  { db, now }: Pick<Deps, "db" | "now">,
  adminUid: string,
  input: unknown,
): Promise<{ status: Decision }> {
  const { orderId, outcome } = (input ?? {}) as { orderId?: unknown; outcome?: unknown };
  if (!isDocId(orderId)) {
    throw new HttpsError("invalid-argument", "Which order?", { reason: "bad_input" });
  }
  if (!DECISIONS.includes(outcome as Decision)) {
    throw new HttpsError("invalid-argument", `outcome must be one of ${DECISIONS.join(", ")}.`, {
      reason: "bad_input",
    });
  }
  const decision = outcome as Decision;
  const ref = db.doc(paths.order(orderId));
  return db.runTransaction(async (tx) => {
    const order = (await tx.get(ref)).data() as Order | undefined;
    if (!order) throw new HttpsError("not-found", "No such order.", { reason: "not_found" });
    if (!canTransition(order.status, decision, "admin")) {
      throw new HttpsError("failed-precondition", `The order is ${order.status}: it cannot become ${decision}.`, {
        reason: "not_on_its_way",
        status: order.status,
      });
    }
    if (order.status === "picked_up" && !isOverdue(order, now().getTime())) {
      throw new HttpsError("failed-precondition", "The order is not overdue yet: its courier may still deliver it.", {
        reason: "not_overdue",
      });
    }
    const endClaim = await claimEnd(db, tx, order.courierId, orderId);
    tx.update(ref, transition(decision, FieldValue.serverTimestamp(), adminUid));
    endClaim();
    return { status: decision };
  });
}

// An admin cancels an order under way (the cancelOrder callable), with a reason from the list:
// any open status the state machine lets an admin cancel from. A courier's claim on it ends in the
// same transaction; the status change's side effects follow as for any cancel (the customer and
// the restaurant are told, credit spent and a code's redemption come back).

import { FieldValue } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { claimEnd } from "./courierClaim";
import type { Deps } from "../deps";
import {
  ADMIN_CANCEL_REASONS,
  canTransition,
  paths,
  transition,
  type AdminCancelReason,
  type Order,
  isDocId,
} from "../domain";

export async function cancelOrder(
  { db }: Pick<Deps, "db">,
  adminUid: string,
  input: unknown,
): Promise<{ status: "cancelled" }> {
  const { orderId, reason } = (input ?? {}) as { orderId?: unknown; reason?: unknown };
  if (!isDocId(orderId)) {
    throw new HttpsError("invalid-argument", "Which order?", { reason: "bad_input" });
  }
  if (!ADMIN_CANCEL_REASONS.includes(reason as AdminCancelReason)) {
    throw new HttpsError("invalid-argument", `reason is one of ${ADMIN_CANCEL_REASONS.join(", ")}.`, {
      reason: "bad_input",
    });
  }
  const ref = db.doc(paths.order(orderId));
  return db.runTransaction(async (tx) => {
    const order = (await tx.get(ref)).data() as Order | undefined;
    if (!order) throw new HttpsError("not-found", "No such order.", { reason: "not_found" });
    if (!canTransition(order.status, "cancelled", "admin")) {
      throw new HttpsError("failed-precondition", `The order is ${order.status}: it cannot be cancelled now.`, {
        reason: "not_open",
        status: order.status,
      });
    }
    const endClaim = await claimEnd(db, tx, order.courierId, orderId);
    tx.update(
      ref,
      transition("cancelled", FieldValue.serverTimestamp(), adminUid, { cancelReason: reason, cancelledBy: "admin" }),
    );
    endClaim();
    return { status: "cancelled" as const };
  });
}

// After the order: complaints (a customer files, an owner disputes, an admin decides), an admin's
// cancel, a courier's cash settlement, and the notices a complaint's changes send. Each callable asks the guard first
// (auth/guard.ts): the role, and a token not revoked since.
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { onCall } from "firebase-functions/v2/https";
import type { Complaint } from "../domain";
import { STRIPE_SECRETS } from "../config";

export const fileComplaint = onCall(async (request) => {
  const [{ fileComplaint: file }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../complaints/fileComplaint"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "signedIn" });
  return file(deps, caller.uid, request.data);
});

export const disputeComplaint = onCall(async (request) => {
  const [{ disputeComplaint: dispute }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../complaints/decide"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "signedIn" });
  return dispute(deps, caller.uid, request.data, async (restaurantId) => {
    await requireCaller(deps.db, request.auth, { role: "owner", restaurantId });
  });
});

export const decideComplaint = onCall(async (request) => {
  const [{ decideComplaint: decide }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../complaints/decide"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "admin" });
  return decide(deps, caller.uid, request.data);
});

export const cancelOrder = onCall(async (request) => {
  const [{ cancelOrder: cancel }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../orders/cancelOrder"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "admin" });
  return cancel(deps, caller.uid, request.data);
});

export const recordSettlement = onCall(async (request) => {
  const [{ recordSettlement: record }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../couriers/settlement"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "admin" });
  return record(deps, caller.uid, request.data);
});

/** The notices a complaint's change sends, and an approved one's refund to the card: each on its
 * own (one failing does not hold up the other), retried until both are done. */
export const onComplaintWritten = onDocumentWritten(
  { document: "complaints/{complaintId}", retry: true, secrets: STRIPE_SECRETS },
  async (event) => {
    const [{ tellAboutComplaint }, { liveDeps }] = await Promise.all([
      import("../complaints/notify"),
      import("../deps"),
    ]);
    const after = event.data?.after.data() as Complaint | undefined;
    if (!after) return;
    const deps = liveDeps();
    const id = event.params.complaintId;
    const done = await Promise.allSettled([
      tellAboutComplaint(deps, id, event.data?.before.data() as Complaint | undefined, after),
      after.toCard ? import("../payments/refunds").then((r) => r.refundToCard(deps, id, after)) : null,
    ]);
    const failed = done.find((d) => d.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
  },
);

// Who is told what as a complaint moves on (onComplaintWritten): the customer of the credit, of
// review and of a decline; the restaurant's owners (not its kitchen) of a charge and of their
// dispute's answer; after a lost event, the reconciler tells them. Here, not in tests/afterOrder:
// losing events switches the emulator's triggers off for everyone, and only this process's tests
// run one at a time.

import { strict as assert } from "node:assert";
import { paths } from "../../functions/src/domain";
import { adminDb, closeClients, createUser, RECOVERY_MS, waitForDoc, withEventsLost } from "../support/app";
import { call, cast, delivered, type Cast } from "../afterOrder/support";

type Filed = { complaintId: string; status: string };
const inbox = (uid: string, id: string) => adminDb.doc(paths.notification(uid, id));
const told = (uid: string, id: string, ms = 60_000) => waitForDoc(inbox(uid, id), (s) => s.exists, ms);

describe("pipeline: complaint notices", function () {
  this.timeout(300_000);
  let c: Cast;
  after(closeClients);
  before(async () => {
    c = await cast("Notices");
  });

  it("the customer hears of credit, review and a decline; the owner of a charge and of their dispute's answer", async () => {
    const customer = await createUser({}, "Nell Notice");
    const { id } = await delivered(c, customer, { fries: 1, pizza: 2 });
    const small = await call<Filed>(customer, "fileComplaint", {
      orderId: id,
      type: "missing_items",
      lines: [{ line: 0, quantity: 1 }],
    });
    await told(customer.uid, `complaint-${small.complaintId}-refunded`);
    await told(c.owner.uid, `complaint-${small.complaintId}-charged`);
    assert.equal((await inbox(c.kitchen.uid, `complaint-${small.complaintId}-charged`).get()).exists, false);
    const message = (await inbox(customer.uid, `complaint-${small.complaintId}-refunded`).get()).get("text");
    assert.deepEqual([message.kind, message.notice.key, message.notice.amount], ["complaint", "refunded", 450]);

    const big = await call<Filed>(customer, "fileComplaint", { orderId: id, type: "wrong_order" });
    assert.equal(big.status, "review");
    await told(customer.uid, `complaint-${big.complaintId}-review`);
    await call(c.admin, "decideComplaint", { complaintId: big.complaintId, decision: "decline" });
    await told(customer.uid, `complaint-${big.complaintId}-declined`);

    await call(c.owner, "disputeComplaint", { complaintId: small.complaintId, reason: "The fries were in the bag." });
    await call(c.admin, "decideComplaint", { complaintId: small.complaintId, decision: "reject" });
    await told(c.owner.uid, `complaint-${small.complaintId}-disputeRejected`);
  });

  it("a complaint whose events are lost: the reconciler tells the customer and the owner", async () => {
    const customer = await createUser({}, "Lena Lost");
    const { id } = await delivered(c, customer, { fries: 1, pizza: 2 });
    const filed = await withEventsLost(() =>
      call<Filed>(customer, "fileComplaint", { orderId: id, type: "missing_items", lines: [{ line: 0, quantity: 1 }] }),
    );
    assert.equal(filed.status, "approved");
    await told(customer.uid, `complaint-${filed.complaintId}-refunded`, RECOVERY_MS);
    await told(c.owner.uid, `complaint-${filed.complaintId}-charged`, RECOVERY_MS);

    await call(c.owner, "disputeComplaint", { complaintId: filed.complaintId, reason: "It was in the bag." });
    await withEventsLost(() =>
      call(c.admin, "decideComplaint", { complaintId: filed.complaintId, decision: "uphold" }),
    );
    await told(c.owner.uid, `complaint-${filed.complaintId}-disputeUpheld`, RECOVERY_MS);
  });
});

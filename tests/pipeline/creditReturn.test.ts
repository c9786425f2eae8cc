// Credit an order spent comes back even when the cancel's event is lost: the reconciler notices
// the missing entry and gives it, once. Here, not in tests/afterOrder: losing events switches the
// emulator's triggers off for everyone, and only this process's tests run one at a time.

import { strict as assert } from "node:assert";
import { creditEntryId, paths } from "../../functions/src/domain";
import {
  adminDb,
  closeClients,
  createUser,
  moveOrder,
  nextReconcilerRun,
  RECOVERY_MS,
  statusIs,
  waitForDoc,
  withEventsLost,
} from "../support/app";
import { call, cast, creditOfUser, delivered, order, orderRef, type Cast } from "../afterOrder/support";

describe("pipeline: credit given back after a lost event", function () {
  this.timeout(300_000);
  let c: Cast;
  after(closeClients);
  before(async () => {
    c = await cast("Lost");
  });

  it("a restaurant's cancel whose event is lost: the reconciler gives the credit back, once", async () => {
    const customer = await createUser({}, "Lou Lost");
    const { id: first } = await delivered(c, customer, { fries: 1 });
    await call(customer, "fileComplaint", { orderId: first, type: "missing_items", lines: [{ line: 0, quantity: 1 }] });
    const id = await order(c, customer, { pizza: 1 });
    await waitForDoc(orderRef(id), statusIs("placed"), RECOVERY_MS);
    assert.equal(await creditOfUser(customer.uid), 0, "spent on the order");
    await moveOrder(c.kitchen, id, "accepted");
    await withEventsLost(() =>
      moveOrder(c.kitchen, id, "cancelled", { cancelReason: "too_busy", cancelledBy: "restaurant" }),
    );
    await waitForDoc(
      adminDb.doc(paths.creditEntry(customer.uid, creditEntryId.returned(id))),
      (s) => s.exists,
      RECOVERY_MS,
    );
    assert.equal(await creditOfUser(customer.uid), 450);
    // The reconciler's next run finds it given, and gives nothing more.
    await nextReconcilerRun();
    assert.equal(await creditOfUser(customer.uid), 450);
  });
});

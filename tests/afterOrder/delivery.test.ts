// When the courier cannot hand an order over: the customer is asked, and the order ends one of
// three ways through the system: undeliverable when nobody answers in time (the customer at
// fault: the restaurant and the courier are paid), delivered after all, or as an admin decides
// once the customer has answered.

import { strict as assert } from "node:assert";
import { serverTimestamp, updateDoc, doc } from "firebase/firestore";
import { Timestamp } from "firebase-admin/firestore";
import {
  creditEntryId,
  inboxEntryId,
  paths,
  RESPOND_MIN,
  type CourierEarning,
  type Order,
  type Receipt,
} from "../../functions/src/domain";
import {
  adminDb,
  claimOrder,
  closeClients,
  createUser,
  deliverOrder,
  moveOrder,
  nextReconcilerRun,
  statusIs,
  updateAsTest,
  type TestUser,
} from "../support/app";
import { call, cast, creditOfUser, delivered, order, orderRef, refusal, type Cast, waitFor } from "./support";

describe("after the order: a courier who cannot deliver", function () {
  this.timeout(600_000);
  let c: Cast;
  after(closeClients);
  before(async () => {
    c = await cast("Doorstep");
  });

  /** An order at the customer's door that the courier cannot hand over. */
  async function atTheDoor(customer: TestUser, lines = { pizza: 1 }): Promise<string> {
    const id = await order(c, customer, lines);
    await waitFor(orderRef(id), statusIs("placed"));
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(c.kitchen, id, s);
    await claimOrder(c.courier, id);
    await moveOrder(c.courier, id, "picked_up");
    await moveOrder(c.courier, id, "delivery_problem", { deliveryProblem: "customer_unreachable" });
    return id;
  }

  it("nobody answers: the order ends undeliverable by itself, the customer is charged, the restaurant and the courier are paid", async () => {
    const customer = await createUser({}, "Nico Noanswer");
    const id = await atTheDoor(customer);
    const asked = await waitFor(
      adminDb.doc(paths.notification(customer.uid, inboxEntryId(id))),
      (s) => s.get("status") === "delivery_problem",
    );
    assert.equal(asked.get("text.context.deliveryProblem"), "customer_unreachable");
    // The answer's time runs out (a test cannot wait the ten minutes).
    await updateAsTest(orderRef(id), {
      "timeline.delivery_problem": Timestamp.fromMillis(Date.now() - RESPOND_MIN * 60_000 - 1000),
    });
    const ended = (await waitFor(orderRef(id), statusIs("undeliverable"))).data() as Order;
    assert.match(ended.by?.undeliverable ?? "", /^backend:/);
    const receipt = (await waitFor(adminDb.doc(paths.receipt(id)), (s) => s.exists)).data() as Receipt;
    assert.equal(receipt.undeliverable, true);
    assert.equal(receipt.total, ended.pricing!.total);
    assert.ok((await adminDb.doc(paths.statementLine(id)).get()).exists, "the restaurant is paid");
    const earning = (await adminDb.doc(paths.earning(c.courier.uid, id)).get()).data() as CourierEarning;
    assert.ok(earning.total > 0, "the courier is paid");
    assert.equal(earning.cash, 0, "and took no cash");
    assert.equal((await adminDb.doc(paths.courier(c.courier.uid)).get()).get("activeOrderId"), null);
  });

  it("the customer comes down: the courier delivers after all", async () => {
    const customer = await createUser({}, "Dana Door");
    const id = await atTheDoor(customer);
    await deliverOrder(c.courier, id);
    const receipt = (await waitFor(adminDb.doc(paths.receipt(id)), (s) => s.exists)).data() as Receipt;
    assert.equal(receipt.undeliverable, undefined);
    const earning = (await adminDb.doc(paths.earning(c.courier.uid, id)).get()).data() as CourierEarning;
    assert.equal(earning.cash, receipt.total, "the courier took the cash at the door");
  });

  it("the customer answers: the timeout passes it by, and an admin decides (not delivered: credit back)", async () => {
    const customer = await createUser({}, "Ava Answer");
    // Credit to spend, so that its return shows.
    const { id: first } = await delivered(c, customer, { fries: 1 });
    await call(customer, "fileComplaint", { orderId: first, type: "missing_items", lines: [{ line: 0, quantity: 1 }] });
    const id = await atTheDoor(customer);
    assert.equal(await creditOfUser(customer.uid), 0, "spent on the order");
    await updateDoc(doc(customer.db, paths.order(id)), {
      customerReply: { at: serverTimestamp(), note: "Ring at the back door" },
      updatedAt: serverTimestamp(),
    });
    await updateAsTest(orderRef(id), {
      "timeline.delivery_problem": Timestamp.fromMillis(Date.now() - RESPOND_MIN * 60_000 - 1000),
    });
    // Past its time, but answered: the reconciler's runs leave it to the admins.
    await nextReconcilerRun();
    await nextReconcilerRun();
    assert.equal((await orderRef(id).get()).get("status"), "delivery_problem");
    // An admin's decision; nobody else's.
    assert.deepEqual(await refusal(call(c.courier, "resolveDelivery", { orderId: id, outcome: "undelivered" })), {
      code: "permission-denied",
      reason: "role",
    });
    await call(c.admin, "resolveDelivery", { orderId: id, outcome: "undelivered" });
    const o = (await orderRef(id).get()).data() as Order;
    assert.deepEqual(
      [o.status, o.by?.undelivered, o.customerReply?.note],
      ["undelivered", c.admin.uid, "Ring at the back door"],
    );
    await waitFor(adminDb.doc(paths.creditEntry(customer.uid, creditEntryId.returned(id))), (s) => s.exists);
    assert.equal(await creditOfUser(customer.uid), 450);
    assert.equal((await adminDb.doc(paths.courier(c.courier.uid)).get()).get("activeOrderId"), null);
  });
});

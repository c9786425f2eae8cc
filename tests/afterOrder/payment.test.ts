// How an order is paid and what comes back: credit first and exactly once across orders placed
// together, cash up to its limit, and an order cancelled after acceptance (by its restaurant or an
// admin) giving back what it spent, with the customer told, even when the cancel's event is lost.

import { strict as assert } from "node:assert";
import type { Timestamp } from "firebase-admin/firestore";
import {
  cashHeld,
  creditEntryId,
  DEFAULT_CASH_LIMITS,
  inboxEntryId,
  localDay,
  partOf,
  paths,
  type CourierCash,
  type Order,
} from "../../functions/src/domain";
import {
  adminDb,
  claimOrder,
  closeClients,
  createUser,
  deliverOrder,
  deliverThrough,
  moveOrder,
  statusIs,
  waitForCount,
  type TestUser,
} from "../support/app";
import { call, cast, creditOfUser, delivered, order, orderRef, placed, refusal, type Cast, waitFor } from "./support";

const STAFF_CANCEL = { cancelReason: "too_busy", cancelledBy: "restaurant" };
const returned = (uid: string, id: string) => adminDb.doc(paths.creditEntry(uid, creditEntryId.returned(id)));

describe("after the order: payment, credit and cancelling", function () {
  this.timeout(600_000);
  let c: Cast;
  after(closeClients);
  before(async () => {
    c = await cast("Payment");
  });

  /** A customer holding `fries` × 4.50 of credit, from a missing-fries complaint at `at`. */
  async function withCredit(name: string, fries: number, at = c): Promise<TestUser> {
    const customer = await createUser({}, name);
    const { id } = await delivered(at, customer, { fries });
    await call(customer, "fileComplaint", {
      orderId: id,
      type: "missing_items",
      lines: [{ line: 0, quantity: fries }],
    });
    assert.equal(await creditOfUser(customer.uid), fries * 450);
    return customer;
  }

  it("a cash order says so; one above the cash limit is refused with its reason", async () => {
    const customer = await createUser({}, "Cass Cash");
    const smallId = await order(c, customer, { pizza: 1 });
    const small = await placed(smallId);
    assert.equal(small.status, "placed");
    assert.deepEqual(small.payment?.parts, [{ method: "cash", amount: small.pricing!.total }]);
    // Declined, not left to time out: a timeout is a miss, and misses in a row pause the restaurant.
    await moveOrder(c.kitchen, smallId, "declined", { declineReason: "too_busy" });
    const big = await placed(await order(c, customer, { feast: 2 }));
    assert.ok(12000 > DEFAULT_CASH_LIMITS.maxCashOrderCents);
    assert.equal(big.status, "rejected");
    assert.equal(big.rejection?.code, "cash_limit");
  });

  it("orders placed at once share one credit balance: spent once, never below zero", async () => {
    // At a restaurant of its own, which none of the other tests order from.
    const own = await cast("Race");
    const customer = await withCredit("Cleo Credit", 2, own);
    // Four at once, so that their placements overlap (each re-reads the balance in its transaction).
    const ids = await Promise.all([1, 2, 3, 4].map(() => order(own, customer, { pizza: 1 })));
    // Each accepted as soon as it is placed: left waiting, the accept timeout (20 s in tests) would
    // cancel it and give its credit back.
    const orders = await Promise.all(
      ids.map(async (id) => {
        const o = await placed(id);
        if (o.status === "placed") await moveOrder(own.kitchen, id, "accepted");
        return o;
      }),
    );
    for (const o of orders) assert.equal(o.status, "placed", JSON.stringify(o.rejection));
    const spent = orders.map((o) => partOf(o.payment?.parts, "credit"));
    assert.deepEqual(
      [...spent].sort((a, b) => a - b),
      [0, 0, 0, 900],
    );
    for (const o of orders)
      assert.equal(partOf(o.payment?.parts, "credit") + partOf(o.payment?.parts, "cash"), o.pricing!.total);
    assert.equal(await creditOfUser(customer.uid), 0);
    const entries = await adminDb.collection(paths.creditEntries(customer.uid)).get();
    const sum = entries.docs.reduce((n, d) => n + (d.get("amount") as number), 0);
    assert.equal(sum, 0, "the entries add up to the balance");
    assert.equal(entries.docs.filter((d) => d.get("cause") === "order").length, 1);
  });

  it("the restaurant cancels an order it accepted: the credit it spent comes back, the customer is told why, and it counts as missed", async () => {
    const customer = await withCredit("Rita Return", 1);
    const id = await order(c, customer, { pizza: 1 });
    const o = await placed(id);
    assert.equal(partOf(o.payment?.parts, "credit"), 450);
    await moveOrder(c.kitchen, id, "accepted");
    await moveOrder(c.kitchen, id, "preparing");
    await moveOrder(c.kitchen, id, "cancelled", STAFF_CANCEL);
    await waitFor(returned(customer.uid, id), (s) => s.exists);
    assert.equal(await creditOfUser(customer.uid), 450);
    // The reconciler's sweep then passes the cancelled order (its checked window moves beyond the
    // order's last change) and gives nothing more: paid once, with both acting on it.
    const changed = ((await orderRef(id).get()).get("updatedAt") as Timestamp).toMillis();
    await waitFor(adminDb.doc(paths.reconcilerState()), (s) => (s.get("checkedUntil")?.toMillis() ?? 0) > changed);
    assert.equal(await creditOfUser(customer.uid), 450);
    const told = await waitFor(
      adminDb.doc(paths.notification(customer.uid, inboxEntryId(id))),
      (s) => s.get("status") === "cancelled",
    );
    assert.equal(told.get("text.context.cancelReason"), "too_busy");
    const day = localDay(new Date(o.timeline!.placed!.toMillis()), o.timeZone ?? "UTC");
    // Counted by its own side effect, which may come a moment later than the credit's.
    const missed = adminDb.collection(paths.statsShards(c.r.id, day)).where(`missed.${id}`, "==", true);
    assert.equal(await waitForCount(missed, 1), 1, "counted as missed");
    // A cash order is never charged: no receipt.
    assert.equal((await adminDb.doc(paths.receipt(id)).get()).exists, false);
  });

  it("an admin cancels an order a courier has claimed: the courier is free, the customer told; nobody else may", async () => {
    const customer = await createUser({}, "Ada Ask");
    const id = await order(c, customer, { pizza: 1 });
    await waitFor(orderRef(id), statusIs("placed"));
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(c.kitchen, id, s);
    await claimOrder(c.courier, id);
    for (const who of [customer, c.owner, c.courier]) {
      assert.deepEqual(await refusal(call(who, "cancelOrder", { orderId: id, reason: "other" })), {
        code: "permission-denied",
        reason: "role",
      });
    }
    assert.deepEqual(await refusal(call(c.admin, "cancelOrder", { orderId: id, reason: "because" })), {
      code: "invalid-argument",
      reason: "bad_input",
    });
    await call(c.admin, "cancelOrder", { orderId: id, reason: "no_courier" });
    const o = (await orderRef(id).get()).data() as Order;
    assert.deepEqual(
      [o.status, o.cancelledBy, o.cancelReason, o.by?.cancelled],
      ["cancelled", "admin", "no_courier", c.admin.uid],
    );
    assert.equal((await adminDb.doc(paths.courier(c.courier.uid)).get()).get("activeOrderId"), null);
    await waitFor(
      adminDb.doc(paths.notification(customer.uid, inboxEntryId(id))),
      (s) => s.get("status") === "cancelled",
    );
    assert.deepEqual(await refusal(call(c.admin, "cancelOrder", { orderId: id, reason: "other" })), {
      code: "failed-precondition",
      reason: "not_open",
    });
  });

  it("a courier's cash: taken at the door, held up to the limit, settled by an admin from the books", async () => {
    const courier = await createUser({ courier: true }, "Hal Holder");
    const customer = await createUser({}, "Fred Feast");
    const cashRef = adminDb.doc(paths.courierCash(courier.uid));
    let collected = 0;
    let earned = 0;
    // Four feasts in cash: 4 × 65.49 held, 261.96 of the 300.00 a courier may hold.
    for (let i = 0; i < 4; i++) {
      const id = await order(c, customer, { feast: 1 });
      await waitFor(orderRef(id), statusIs("placed"));
      await deliverThrough(c.kitchen, courier, id);
      const earning = await waitFor(adminDb.doc(paths.earning(courier.uid, id)), (d) => d.exists);
      collected += earning.get("cash") as number;
      earned += earning.get("total") as number;
    }
    const sums = (await waitFor(cashRef, (d) => d.get("collected") === collected)).data() as CourierCash;
    assert.deepEqual([sums.collected, sums.earned], [collected, earned], "the sums are the books'");
    // A fifth would take them past it: not theirs to take until they settle.
    const next = await order(c, customer, { feast: 1 });
    await waitFor(orderRef(next), statusIs("placed"));
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(c.kitchen, next, s);
    const due = ((await orderRef(next).get()).data() as Order).payment!.cash;
    assert.ok(cashHeld(sums) + due > DEFAULT_CASH_LIMITS.maxCourierCashCents, `${cashHeld(sums)} + ${due}`);
    await assert.rejects(claimOrder(courier, next), /permission/i);
    assert.deepEqual(
      await refusal(
        call(c.admin, "recordSettlement", { courierId: courier.uid, kind: "handedIn", amount: collected + 1 }),
      ),
      { code: "failed-precondition", reason: "more_than_held" },
    );
    assert.deepEqual(
      await refusal(call(courier, "recordSettlement", { courierId: courier.uid, kind: "handedIn", amount: 100 })),
      { code: "permission-denied", reason: "role" },
    );
    const after = await call<{ balance: number; held: number }>(c.admin, "recordSettlement", {
      courierId: courier.uid,
      kind: "handedIn",
      amount: 20000,
      note: "Cash desk",
    });
    assert.deepEqual(after, { held: collected - 20000, balance: collected - 20000 - earned });
    await claimOrder(courier, next);
    await moveOrder(courier, next, "picked_up");
    await deliverOrder(courier, next);
  });

  it("the restaurant cannot cancel once the courier has it", async () => {
    const customer = await createUser({}, "Pia Pickup");
    const id = await order(c, customer, { fries: 1 });
    await waitFor(orderRef(id), statusIs("placed"));
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(c.kitchen, id, s);
    await claimOrder(c.courier, id);
    await moveOrder(c.courier, id, "picked_up");
    await assert.rejects(moveOrder(c.kitchen, id, "cancelled", STAFF_CANCEL), /permission/i);
    // The courier delivers it, and is free for the next test's claim.
    await deliverOrder(c.courier, id);
  });
});

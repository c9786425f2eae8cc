// Complaints through the system: the policy's answer, credit at once, a dish claimed once, review by
// an admin, a restaurant's dispute, and bad claims refused with nothing changed.

import { strict as assert } from "node:assert";
import { Timestamp } from "firebase-admin/firestore";
import {
  creditEntryId,
  paths,
  refundLineId,
  reversalLineId,
  statementOf,
  type Complaint,
  type RefundBook,
  type StatementLine,
} from "../../functions/src/domain";
import { adminDb, closeClients, createUser, updateAsTest, type TestUser } from "../support/app";
import { call, cast, creditOfUser, delivered, refusal, type Cast } from "./support";

type Filed = { complaintId: string; status: string; amount: number };
const complaint = async (id: string) => (await adminDb.doc(paths.complaint(id)).get()).data() as Complaint;

describe("after the order: complaints", function () {
  this.timeout(600_000);
  let c: Cast;
  after(closeClients);
  before(async () => {
    c = await cast("Complaints");
  });

  it("a missing dish comes back as credit at once, paid by the restaurant, and is claimed once however often it is sent", async () => {
    const customer = await createUser({}, "Mona Missing");
    const { id } = await delivered(c, customer, { fries: 2, pizza: 1 });
    const claim = { orderId: id, type: "missing_items", lines: [{ line: 0, quantity: 2 }], description: "No fries" };
    // The same claim sent three times at once (a double tap, two tabs): one refund.
    const answers = await Promise.allSettled([1, 2, 3].map(() => call<Filed>(customer, "fileComplaint", claim)));
    const filed = answers
      .filter((a) => a.status === "fulfilled")
      .map((a) => (a as PromiseFulfilledResult<Filed>).value);
    assert.equal(filed.length, 1, JSON.stringify(answers));
    const refused = answers.filter((a) => a.status === "rejected") as PromiseRejectedResult[];
    for (const r of refused)
      assert.equal((r.reason as { details?: { reason?: string } }).details?.reason, "already_claimed");
    const { complaintId, status, amount } = filed[0];
    assert.equal(status, "approved");
    assert.equal(amount, 900);
    const saved = await complaint(complaintId);
    assert.deepEqual(
      [saved.restaurantPays, saved.platformPays, saved.payer, saved.decidedBy],
      [900, 0, "restaurant", "policy"],
    );
    // Named as ordered, for the restaurant's list.
    assert.deepEqual(saved.lines, [{ line: 0, quantity: 2, name: "fries" }]);
    assert.equal(await creditOfUser(customer.uid), 900);
    const entry = await adminDb.doc(paths.creditEntry(customer.uid, creditEntryId.refund(complaintId))).get();
    assert.deepEqual([entry.get("amount"), entry.get("cause"), entry.get("orderId")], [900, "refund", id]);
    const line = (await adminDb.doc(paths.statementLine(refundLineId(complaintId))).get()).data() as StatementLine;
    assert.deepEqual([line.kind, line.refund, line.restaurantNet, line.restaurantId], ["refund", 900, -900, c.r.id]);
    const book = (await adminDb.doc(paths.refundBook(refundLineId(complaintId))).get()).data() as RefundBook;
    assert.deepEqual([book.amount, book.restaurantPays, book.platformPays], [900, 900, 0]);
    // Who is told is tests/pipeline/complaintNotices.test.ts's, with its lost events.
  });

  it("a claim above the threshold waits for an admin: declined frees what it held, approved pays as the policy said", async () => {
    const customer = await createUser({}, "Nora Never");
    const { id, order } = await delivered(c, customer, { pizza: 2 });
    const first = await call<Filed>(customer, "fileComplaint", { orderId: id, type: "never_arrived" });
    assert.equal(first.status, "review");
    assert.equal(first.amount, order.pricing!.total);
    assert.equal(await creditOfUser(customer.uid), 0);
    assert.equal((await complaint(first.complaintId)).review, "amount");
    // Held while in review: a second claim finds nothing left.
    assert.deepEqual(await refusal(call(customer, "fileComplaint", { orderId: id, type: "very_late" })), {
      code: "failed-precondition",
      reason: "nothing_left",
    });
    assert.deepEqual(
      await refusal(call(customer, "decideComplaint", { complaintId: first.complaintId, decision: "approve" })),
      { code: "permission-denied", reason: "role" },
    );
    await call(c.admin, "decideComplaint", { complaintId: first.complaintId, decision: "decline" });
    assert.equal((await complaint(first.complaintId)).status, "declined");
    assert.equal(await creditOfUser(customer.uid), 0);
    assert.deepEqual(
      await refusal(call(c.admin, "decideComplaint", { complaintId: first.complaintId, decision: "approve" })),
      { code: "failed-precondition", reason: "decided" },
    );
    // Freed: the same claim again, approved this time.
    const second = await call<Filed>(customer, "fileComplaint", { orderId: id, type: "never_arrived" });
    await call(c.admin, "decideComplaint", { complaintId: second.complaintId, decision: "approve" });
    const saved = await complaint(second.complaintId);
    assert.deepEqual([saved.status, saved.platformPays, saved.restaurantPays], ["approved", order.pricing!.total, 0]);
    assert.equal(await creditOfUser(customer.uid), order.pricing!.total);
    // The platform paid all of it: no line on the restaurant's statement.
    assert.equal((await adminDb.doc(paths.statementLine(refundLineId(second.complaintId))).get()).exists, false);
  });

  it("the owner disputes a charge within the window, once; an upheld dispute gives it back on the statement", async () => {
    const customer = await createUser({}, "Walt Wrong");
    const { id } = await delivered(c, customer, { fries: 1, pizza: 1 });
    const { complaintId } = await call<Filed>(customer, "fileComplaint", {
      orderId: id,
      type: "wrong_items",
      lines: [{ line: 1, quantity: 1 }],
    });
    assert.deepEqual(await refusal(call(c.kitchen, "disputeComplaint", { complaintId, reason: "It was right" })), {
      code: "permission-denied",
      reason: "role",
    });
    assert.deepEqual(await refusal(call(c.owner, "disputeComplaint", { complaintId, reason: "  " })), {
      code: "invalid-argument",
      reason: "reason_needed",
    });
    await call(c.owner, "disputeComplaint", { complaintId, reason: "The pizza left here as ordered." });
    assert.deepEqual(await refusal(call(c.owner, "disputeComplaint", { complaintId, reason: "Again" })), {
      code: "failed-precondition",
      reason: "disputed_already",
    });
    await call(c.admin, "decideComplaint", { complaintId, decision: "uphold" });
    const saved = await complaint(complaintId);
    assert.equal(saved.dispute?.status, "upheld");
    const lines = await Promise.all(
      [refundLineId(complaintId), reversalLineId(complaintId)].map(
        async (lid) => (await adminDb.doc(paths.statementLine(lid)).get()).data() as StatementLine,
      ),
    );
    assert.deepEqual(
      lines.map((l) => l.refund),
      [1290, -1290],
    );
    assert.deepEqual([statementOf(lines).refunds, statementOf(lines).netPayout, statementOf(lines).orders], [0, 0, 0]);
    const reversal = (await adminDb.doc(paths.refundBook(reversalLineId(complaintId))).get()).data() as RefundBook;
    assert.deepEqual([reversal.platformPays, reversal.restaurantPays, reversal.amount], [1290, -1290, 0]);
    // The customer keeps the credit.
    assert.equal(await creditOfUser(customer.uid), 1290);
  });

  it("the owner cannot dispute a charge after 7 days", async () => {
    const customer = await createUser({}, "Lena Late");
    const { id } = await delivered(c, customer, { fries: 1 });
    const { complaintId } = await call<Filed>(customer, "fileComplaint", {
      orderId: id,
      type: "missing_items",
      lines: [{ line: 0, quantity: 1 }],
    });
    await updateAsTest(adminDb.doc(paths.complaint(complaintId)), {
      decidedAt: Timestamp.fromMillis(Date.now() - 7 * 24 * 3600_000 - 60_000),
    });
    assert.deepEqual(await refusal(call(c.owner, "disputeComplaint", { complaintId, reason: "Too late?" })), {
      code: "failed-precondition",
      reason: "window_closed",
    });
  });

  describe("bad claims are refused and change nothing", () => {
    let customer: TestUser;
    let orderId: string;
    before(async () => {
      customer = await createUser({}, "Bea Bad");
      orderId = (await delivered(c, customer, { fries: 1, pizza: 1 })).id;
    });
    const bad: [string, (id: string) => Record<string, unknown>, string, string | undefined][] = [
      ["an unknown type", (id) => ({ orderId: id, type: "rude_courier" }), "invalid-argument", "unknown_type"],
      ["items without lines", (id) => ({ orderId: id, type: "missing_items" }), "invalid-argument", "lines_needed"],
      [
        "a line the order does not have",
        (id) => ({ orderId: id, type: "missing_items", lines: [{ line: 5, quantity: 1 }] }),
        "invalid-argument",
        "bad_line",
      ],
      [
        "more than were ordered",
        (id) => ({ orderId: id, type: "missing_items", lines: [{ line: 0, quantity: 2 }] }),
        "invalid-argument",
        "bad_line",
      ],
      [
        "a description of 501 characters",
        (id) => ({ orderId: id, type: "cold_or_spilled", description: "x".repeat(501) }),
        "invalid-argument",
        "description_too_long",
      ],
      [
        "a line with an amount of its own",
        (id) => ({ orderId: id, type: "missing_items", lines: [{ line: 0, quantity: 1, amount: 9999 }] }),
        "invalid-argument",
        "bad_line",
      ],
      ["no order", () => ({ type: "very_late" }), "invalid-argument", "bad_input"],
    ];
    for (const [what, input, code, reason] of bad) {
      it(`refuses ${what}`, async () => {
        assert.deepEqual(await refusal(call(customer, "fileComplaint", input(orderId))), { code, reason });
      });
    }
    it("refuses someone else's order as if there were none", async () => {
      const other = await createUser({}, "Otto Other");
      assert.deepEqual(await refusal(call(other, "fileComplaint", { orderId, type: "very_late" })), {
        code: "not-found",
        reason: "not_found",
      });
    });
    it("refuses a claim 48 hours after delivery", async () => {
      const late = await createUser({}, "Tim Toolate");
      const { id } = await delivered(c, late, { fries: 1 });
      await updateAsTest(adminDb.doc(paths.order(id)), {
        "timeline.delivered": Timestamp.fromMillis(Date.now() - 48 * 3600_000 - 60_000),
      });
      assert.deepEqual(await refusal(call(late, "fileComplaint", { orderId: id, type: "very_late" })), {
        code: "failed-precondition",
        reason: "window_closed",
      });
    });
    after(async () => {
      // Nothing of any refusal was kept.
      const held = (await adminDb.doc(paths.books(orderId)).get()).get("refunded");
      assert.equal(held ?? 0, 0);
      const filed = await adminDb.collection(paths.complaints()).where("orderId", "==", orderId).get();
      assert.equal(filed.size, 0);
      assert.equal(await creditOfUser(customer.uid), 0);
    });
  });
});

import { strict as assert } from "node:assert";
import { doc, getDoc, runTransaction, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import { notificationId, NOTIFY, STATS_SHARDS, type OrderStatus } from "../../functions/src/domain";
import { notifyTransition } from "../../functions/src/notify/inbox";
import { countReview } from "../../functions/src/reviews/onReviewCreated";
import { recordDelivery } from "../../functions/src/stats/dailyStats";
import {
  adminAuth,
  adminDb,
  claimOrder,
  closeClients,
  createRestaurant,
  createUser,
  moveOrder,
  placeOrder,
  statusIs,
  waitForCount,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

describe("pipeline: lifecycle, notifications, timeouts, ratings", function () {
  this.timeout(90_000);
  let customer: TestUser, staff: TestUser, otherStaff: TestUser, courier: TestUser, rival: TestUser;
  let r: TestRestaurant;

  before(async () => {
    r = await createRestaurant({ dish: { price: 1200 } });
    const elsewhere = await createRestaurant({});
    customer = await createUser({}, "Nora Notified");
    staff = await createUser({ staff: [r.id] }, "Sam Staff");
    otherStaff = await createUser({ staff: [elsewhere.id] }, "Olga Elsewhere");
    courier = await createUser({ courier: true }, "Cora Courier");
    rival = await createUser({ courier: true }, "Carl Rival");
  });
  after(closeClients);

  const orderRef = (id: string) => adminDb.doc(`orders/${id}`);
  const inbox = (uid: string) => adminDb.collection(`users/${uid}/notifications`);
  const place = async () => {
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]);
    await waitForDoc(orderRef(id), statusIs("placed"));
    return id;
  };
  /** Moves an order through the happy path up to `until`, as the people who do each step. */
  async function drive(id: string, until: OrderStatus) {
    const steps: [OrderStatus, () => Promise<void>][] = [
      ["accepted", () => moveOrder(staff, id, "accepted")],
      ["preparing", () => moveOrder(staff, id, "preparing")],
      ["ready", () => moveOrder(staff, id, "ready")],
      [
        "picked_up",
        async () => {
          await claimOrder(courier, id);
          await moveOrder(courier, id, "picked_up");
        },
      ],
      ["delivered", () => moveOrder(courier, id, "delivered")],
    ];
    for (const [status, step] of steps) {
      await step();
      if (status === until) return;
    }
  }

  it("notifies each audience exactly once per transition, through a whole delivery", async () => {
    const id = await place();
    await drive(id, "delivered");
    const customerStatuses = (Object.keys(NOTIFY) as OrderStatus[]).filter(
      (s) => NOTIFY[s].includes("customer") && ["accepted", "preparing", "ready", "picked_up", "delivered"].includes(s),
    );
    for (const s of customerStatuses) {
      const n = await waitForCount(
        inbox(customer.uid).where("orderId", "==", id).where("status", "==", s),
        1,
        20_000,
        0,
      );
      assert.equal(n, 1, `customer notified once of ${s}`);
    }
    assert.equal(await waitForCount(inbox(staff.uid).where("orderId", "==", id).where("status", "==", "placed"), 1), 1);
    for (const c of [courier, rival]) {
      assert.equal(await waitForCount(inbox(c.uid).where("orderId", "==", id).where("status", "==", "ready"), 1), 1);
    }
    // Settled: nothing else arrived, and nobody else heard about it.
    assert.equal((await inbox(customer.uid).where("orderId", "==", id).get()).size, customerStatuses.length);
    assert.equal((await inbox(staff.uid).where("orderId", "==", id).get()).size, 1);
    assert.equal((await inbox(otherStaff.uid).where("orderId", "==", id).get()).size, 0);
    const order = (await orderRef(id).get()).data()!;
    for (const s of ["submitted", "placed", "accepted", "preparing", "ready", "picked_up", "delivered"]) {
      assert.ok(order.timeline[s], `timeline has ${s}`);
    }
    const times = ["submitted", "placed", "accepted", "preparing", "ready", "picked_up", "delivered"].map((s) =>
      order.timeline[s].toMillis(),
    );
    assert.deepEqual(
      [...times].sort((a, b) => a - b),
      times,
      "timeline in order",
    );
  });

  it("a retried notification step writes nothing new", async () => {
    const id = await place();
    await waitForCount(inbox(staff.uid).where("orderId", "==", id), 1);
    const order = (await orderRef(id).get()).data()!;
    const created = await Promise.all([notifyTransition(id, order as never), notifyTransition(id, order as never)]);
    assert.deepEqual(created, [0, 0]);
    assert.equal((await inbox(staff.uid).where("orderId", "==", id).get()).size, 1);
    assert.ok((await inbox(staff.uid).doc(notificationId(id, "placed")).get()).exists);
  });

  it("tells the customer why the restaurant declined", async () => {
    const id = await place();
    await moveOrder(staff, id, "declined", { declineReason: "Kitchen closed early" });
    const n = await waitForDoc(inbox(customer.uid).doc(notificationId(id, "declined")), (s) => s.exists);
    assert.match(n.get("body"), /Kitchen closed early/);
  });

  it("a customer cancelling tells the restaurant and the customer", async () => {
    const id = await place();
    await moveOrder(customer, id, "cancelled", { cancelReason: "Ordered twice" });
    await waitForDoc(inbox(staff.uid).doc(notificationId(id, "cancelled")), (s) => s.exists);
    await waitForDoc(inbox(customer.uid).doc(notificationId(id, "cancelled")), (s) => s.exists);
  });

  it("the customer may mark a notification read, and nothing else", async () => {
    const id = await place();
    await moveOrder(staff, id, "accepted");
    const ref = doc(customer.db, `users/${customer.uid}/notifications/${notificationId(id, "accepted")}`);
    await waitForDoc(inbox(customer.uid).doc(notificationId(id, "accepted")), (s) => s.exists);
    await updateDoc(ref, { read: true });
    assert.equal((await getDoc(ref)).get("read"), true);
    await assert.rejects(updateDoc(ref, { title: "changed" }));
  });

  it("two couriers claiming the same order at once: exactly one wins", async () => {
    const id = await place();
    await drive(id, "ready");
    const claim = (c: TestUser) =>
      runTransaction(c.db, async (tx) => {
        const ref = doc(c.db, "orders", id);
        const snap = await tx.get(ref);
        if (snap.get("courierId") !== null) throw new Error("already claimed");
        tx.update(ref, { courierId: c.uid, updatedAt: serverTimestamp() });
      });
    const results = await Promise.allSettled([claim(courier), claim(rival)]);
    assert.equal(
      results.filter((x) => x.status === "fulfilled").length,
      1,
      JSON.stringify(results.map((x) => x.status)),
    );
    const winner = (await orderRef(id).get()).get("courierId");
    assert.ok([courier.uid, rival.uid].includes(winner));
    const loser = winner === courier.uid ? rival : courier;
    await assert.rejects(moveOrder(loser, id, "picked_up"), "the loser cannot pick it up");
  });

  it("two staff members moving the same order at once: one transition, one notification", async () => {
    const second = await createUser({ staff: [r.id] }, "Second Staff");
    const id = await place();
    const results = await Promise.allSettled([moveOrder(staff, id, "accepted"), moveOrder(second, id, "accepted")]);
    assert.ok(results.some((x) => x.status === "fulfilled"));
    await waitForDoc(inbox(customer.uid).doc(notificationId(id, "accepted")), (s) => s.exists);
    assert.equal(
      await waitForCount(inbox(customer.uid).where("orderId", "==", id).where("status", "==", "accepted"), 1),
      1,
    );
  });

  it("cancels an order the restaurant does not accept in time, and says why", async function () {
    this.timeout(120_000);
    const id = await place();
    const placed = (await orderRef(id).get()).data()!;
    const deadline = placed.acceptBy.toMillis();
    const cancelled = await waitForDoc(orderRef(id), statusIs("cancelled"), 110_000);
    assert.equal(cancelled.get("cancelledBy"), "backend");
    assert.ok(cancelled.get("timeline.cancelled").toMillis() >= deadline, "not before the deadline");
    const n = await waitForDoc(inbox(customer.uid).doc(notificationId(id, "cancelled")), (s) => s.exists);
    assert.match(n.get("body"), /did not accept/);
  });

  it("does not cancel an order the restaurant accepted in time", async () => {
    const id = await place();
    await moveOrder(staff, id, "accepted");
    await new Promise((res) => setTimeout(res, 3000));
    assert.equal((await orderRef(id).get()).get("status"), "accepted");
  });

  it("a review updates the restaurant's rating exactly once, even when replayed", async () => {
    const rest = await createRestaurant({ dish: { price: 1200 } });
    const before = (await adminDb.doc(`restaurants/${rest.id}`).get()).data()!;
    assert.equal(before.ratingCount, 0);
    const id = await placeOrder(customer, rest.id, [{ itemId: rest.items.dish, quantity: 1, options: {} }]);
    await waitForDoc(orderRef(id), statusIs("placed"));
    const restStaff = await createUser({ staff: [rest.id] });
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(restStaff, id, s);
    await claimOrder(courier, id);
    await moveOrder(courier, id, "picked_up");
    await moveOrder(courier, id, "delivered");
    await setDoc(doc(customer.db, `restaurants/${rest.id}/reviews/${id}`), {
      customerId: customer.uid,
      authorName: "Nora",
      rating: 4,
      text: "Hot and fast",
      createdAt: serverTimestamp(),
    });
    const rated = await waitForDoc(adminDb.doc(`restaurants/${rest.id}`), (s) => s.get("ratingCount") === 1);
    assert.equal(rated.get("ratingSum"), 4);
    assert.equal(rated.get("ratingAvg"), 4);
    assert.deepEqual(await Promise.all([countReview(rest.id, id), countReview(rest.id, id)]), [false, false]);
    assert.equal((await adminDb.doc(`restaurants/${rest.id}`).get()).get("ratingCount"), 1);
    await assert.rejects(
      setDoc(doc(customer.db, `restaurants/${rest.id}/reviews/${id}`), {
        customerId: customer.uid,
        authorName: "Nora",
        rating: 1,
        text: "again",
        createdAt: serverTimestamp(),
      }),
      "a second review of the same order",
    );
  });

  it("counts a delivered order in the day's statistics once, across shards", async () => {
    const rest = await createRestaurant({ dish: { price: 1500 } });
    const restStaff = await createUser({ staff: [rest.id] });
    const deliverOne = async () => {
      const id = await placeOrder(customer, rest.id, [{ itemId: rest.items.dish, quantity: 2, options: {} }]);
      await waitForDoc(orderRef(id), statusIs("placed"));
      for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(restStaff, id, s);
      await claimOrder(courier, id);
      await moveOrder(courier, id, "picked_up");
      await moveOrder(courier, id, "delivered");
      return id;
    };
    const ids = [await deliverOne(), await deliverOne(), await deliverOne()];
    await Promise.all(ids.map((id) => waitForDoc(orderRef(id), (s) => s.get("statsRecorded") === true)));
    const replays = await Promise.all(ids.map((id) => recordDelivery(id, "Europe/Berlin", new Date())));
    assert.deepEqual(replays, [false, false, false]);
    const shards = await adminDb.collectionGroup("shards").get();
    const mine = shards.docs.filter((d) => d.ref.path.startsWith(`restaurants/${rest.id}/`));
    assert.ok(mine.length >= 1 && mine.length <= STATS_SHARDS);
    const total = mine.reduce(
      (acc, d) => ({ orders: acc.orders + d.get("orders"), revenue: acc.revenue + d.get("revenue") }),
      { orders: 0, revenue: 0 },
    );
    assert.deepEqual(total, { orders: 3, revenue: 3 * 3000 });
    // Staff read their own statistics through the rules; staff of another restaurant cannot.
    const day = mine[0].ref.parent.parent!.id;
    await getDoc(doc(restStaff.db, `restaurants/${rest.id}/stats/${day}/shards/${mine[0].id}`));
    await assert.rejects(getDoc(doc(otherStaff.db, `restaurants/${rest.id}/stats/${day}/shards/${mine[0].id}`)));
  });

  it("push: removes device tokens the push service reports invalid, keeps good ones", async () => {
    const buyer = await createUser({}, "Pushy");
    await setDoc(doc(buyer.db, `users/${buyer.uid}/devices/good`), {
      token: "good-token",
      createdAt: serverTimestamp(),
    });
    await setDoc(doc(buyer.db, `users/${buyer.uid}/devices/bad`), {
      token: "invalid-token",
      createdAt: serverTimestamp(),
    });
    const id = await placeOrder(buyer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]);
    await waitForDoc(orderRef(id), statusIs("placed"));
    await moveOrder(staff, id, "accepted");
    await waitForDoc(adminDb.doc(`users/${buyer.uid}/devices/bad`), (s) => !s.exists);
    assert.ok((await adminDb.doc(`users/${buyer.uid}/devices/good`).get()).exists);
  });

  describe("roles (admin-only callable)", () => {
    it("an admin grants and revokes the courier role; claims and mirror follow", async () => {
      const admin = await createUser({ admin: true }, "Ada");
      const person = await createUser({}, "Future Courier");
      const setRole = httpsCallable(admin.functions, "setRole");
      await setRole({ email: person.email, role: "courier", grant: true });
      assert.equal((await adminAuth.getUser(person.uid)).customClaims?.courier, true);
      assert.deepEqual((await adminDb.doc(`users/${person.uid}`).get()).get("roles"), { courier: true });
      await setRole({ uid: person.uid, role: "staff", grant: true, restaurantId: r.id });
      assert.deepEqual((await adminAuth.getUser(person.uid)).customClaims, { courier: true, staff: [r.id] });
      await setRole({ uid: person.uid, role: "courier", grant: false });
      assert.deepEqual((await adminDb.doc(`users/${person.uid}`).get()).get("roles"), { staff: [r.id] });
    });
    it("refuses non-admins, unknown users, unknown restaurants and bad input", async () => {
      const admin = await createUser({ admin: true });
      const asCustomer = httpsCallable(customer.functions, "setRole");
      await assert.rejects(
        asCustomer({ uid: customer.uid, role: "admin", grant: true }),
        /permission-denied|Only admins/,
      );
      assert.equal((await adminAuth.getUser(customer.uid)).customClaims?.admin, undefined);
      const setRole = httpsCallable(admin.functions, "setRole");
      await assert.rejects(
        setRole({ email: "nobody@nowhere.test", role: "courier", grant: true }),
        /not-found|No user/,
      );
      await assert.rejects(
        setRole({ uid: customer.uid, role: "staff", grant: true, restaurantId: "nope" }),
        /not-found|restaurant/,
      );
      await assert.rejects(
        setRole({ uid: customer.uid, role: "superuser", grant: true }),
        /invalid-argument|role must/,
      );
      await assert.rejects(setRole({ uid: admin.uid, role: "admin", grant: false }), /failed-precondition|own admin/);
    });
  });
});

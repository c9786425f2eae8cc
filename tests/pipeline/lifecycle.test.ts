import { strict as assert } from "node:assert";
import { doc, getDoc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { type Firestore as AdminFirestore } from "firebase-admin/firestore";
import {
  areaBlock,
  areaCell,
  courierAreaTopics,
  INBOX,
  inboxEntryId,
  inboxMessage,
  inboxTells,
  paths,
  TEXTS,
  STATS_SHARDS,
  type Order,
  type OrderStatus,
} from "../../functions/src/domain";
import { EffectsFailed, runEffects } from "../../functions/src/orders/effects";
import { syncCourierArea, syncDevice, syncRoleTopics } from "../../functions/src/notify/devices";
import { notifyTransition } from "../../functions/src/notify/notify";
import { TIMER_TAKEOVER_MS } from "../../functions/src/tasks";
import {
  adminDb,
  claimOrder,
  closeClients,
  createRestaurant,
  createUser,
  deliverOrder,
  moveDueTime,
  moveOrder,
  moveOrderOnce,
  nextReconcilerRun,
  placeOrder,
  RECOVERY_MS,
  recordingPush,
  statusIs,
  testDeps,
  waitForCount,
  waitForDoc,
  withEventsLost,
  type TestRestaurant,
  type TestUser,
  inboxTold,
} from "../support/app";

describe("pipeline: lifecycle, notifications, timeouts, ratings", function () {
  this.timeout(300_000);
  let customer: TestUser, staff: TestUser, otherStaff: TestUser;
  let r: TestRestaurant;

  before(async () => {
    r = await createRestaurant({ dish: { price: 1200 } });
    const elsewhere = await createRestaurant({});
    staff = await createUser({ staff: [r.id] }, "Sam Staff");
    otherStaff = await createUser({ staff: [elsewhere.id] }, "Olga Elsewhere");
  });
  // Each test has its customer: one may have only so many orders under way.
  beforeEach(async () => {
    customer = await createUser({}, "Nora Notified");
  });
  after(closeClients);

  const orderRef = (id: string) => adminDb.doc(paths.order(id));
  const inbox = (uid: string) => adminDb.collection(paths.inbox(uid));
  const entryRef = (uid: string, id: string) => inbox(uid).doc(inboxEntryId(id));
  /** The person's inbox entry about the order, once it tells them about `status`. */
  const told = inboxTold;
  /** What an entry says to a reader of `lang`. */
  const says = (entry: { get(field: string): unknown }, lang: "en" | "de" = "en") =>
    inboxMessage(entry.get("text") as never, lang);
  const place = async (rest = r, override: Record<string, unknown> = {}) => {
    const id = await placeOrder(customer, rest.id, [{ itemId: rest.items.dish, quantity: 1, options: {} }], override);
    await waitForDoc(orderRef(id), statusIs("placed"));
    return id;
  };
  /** Moves an order through the happy path up to `until`, as the people who do each step. */
  async function drive(id: string, until: OrderStatus, kitchen = staff, courier?: TestUser) {
    const rider = courier ?? (await createUser({ courier: true }, "Cora Courier"));
    const steps: [OrderStatus, () => Promise<void>][] = [
      ["accepted", () => moveOrder(kitchen, id, "accepted")],
      ["preparing", () => moveOrder(kitchen, id, "preparing")],
      ["ready", () => moveOrder(kitchen, id, "ready")],
      [
        "picked_up",
        async () => {
          await claimOrder(rider, id);
          await moveOrder(rider, id, "picked_up");
        },
      ],
      ["delivered", () => deliverOrder(rider, id)],
    ];
    for (const [status, step] of steps) {
      await step();
      if (status === until) return rider;
    }
    return rider;
  }

  it("keeps one inbox entry per order, which follows it to delivery and keeps its big moments with their times", async () => {
    const courier = await createUser({ courier: true }, "Cora Courier");
    const id = await place();
    const expected = ["accepted", "preparing", "ready", "picked_up", "delivered"];
    const customerStatuses = (Object.keys(INBOX) as OrderStatus[]).filter((s) => INBOX[s].includes("customer"));
    for (const s of expected) assert.ok(customerStatuses.includes(s as OrderStatus));
    // Each step shows in the entry as it happens.
    await drive(id, "accepted", staff, courier);
    assert.equal(says(await told(customer.uid, id, "accepted")).title, "Order accepted");
    await moveOrder(staff, id, "preparing");
    assert.equal(says(await told(customer.uid, id, "preparing")).title, "Being prepared");
    await moveOrder(staff, id, "ready");
    await claimOrder(courier, id);
    await moveOrder(courier, id, "picked_up");
    await deliverOrder(courier, id);
    const done = await told(customer.uid, id, "delivered");
    const order = (await orderRef(id).get()).data()!;
    assert.equal(done.get("status"), "delivered");
    assert.deepEqual(Object.keys(done.get("moments")).sort(), ["accepted", "delivered"]);
    for (const s of ["accepted", "delivered"])
      assert.equal(done.get(`moments.${s}`).toMillis(), order.timeline[s].toMillis(), `${s} at its time`);
    assert.match(says(done).body, new RegExp(`#${order.code}`), "it names the order by its code");
    // Settled: one entry, and nobody else heard about it in their inbox. The board shows new
    // orders to staff, and couriers hear of ready orders through their topic.
    assert.equal(await waitForCount(inbox(customer.uid).where("orderId", "==", id), 1), 1);
    for (const person of [staff, otherStaff, courier]) {
      assert.equal((await inbox(person.uid).where("orderId", "==", id).get()).size, 0);
    }
    const times = ["submitted", "placed", ...expected].map((s) => order.timeline[s].toMillis());
    assert.deepEqual(
      [...times].sort((a, b) => a - b),
      times,
      "timeline in order",
    );
  });

  it("an entry that never heard of a step (its event lost) still keeps the step's moment when the next arrives", async () => {
    const id = await place();
    await withEventsLost(() => moveOrder(staff, id, "accepted"));
    await moveOrder(staff, id, "preparing");
    const entry = await told(customer.uid, id, "preparing");
    const acceptedAt = (await orderRef(id).get()).get("timeline.accepted").toMillis();
    assert.equal(entry.get("moments.accepted")?.toMillis(), acceptedAt);
    assert.ok(inboxTells(entry.data(), "accepted"), "the reconciler finds nothing missing");
  });

  it("stores what an entry says as keys, so it reads in whatever language its reader has now", async () => {
    const germanStaff = await createUser({ staff: [r.id] }, "Koch");
    await adminDb.doc(paths.user(germanStaff.uid)).update({ language: "de" });
    const id = await place(r, { language: "de" });
    await moveOrder(customer, id, "cancelled", { cancelReason: "changed_mind" });
    const cancelled = await told(customer.uid, id, "cancelled");
    assert.equal(cancelled.get("title"), undefined, "no text in the language of the moment");
    assert.equal(says(cancelled, "de").title, "Bestellung storniert");
    assert.ok(says(cancelled, "de").body.includes(TEXTS.de.reasons.changed_mind), says(cancelled, "de").body);
    assert.equal(says(cancelled, "en").title, "Order cancelled");
    for (const person of [germanStaff, staff]) {
      const forStaff = await told(person.uid, id, "cancelled");
      assert.equal(says(forStaff, "de").title, `Bestellung storniert #${(await orderRef(id).get()).get("code")}`);
    }
  });

  it("tells the customer why the restaurant declined in the platform's words; the note stays on the order page", async () => {
    const id = await place();
    await moveOrder(staff, id, "declined", { declineReason: "too_busy", declineNote: "Call us: 030 123" });
    const n = await told(customer.uid, id, "declined");
    assert.ok(says(n).body.includes(TEXTS.en.reasons.too_busy));
    assert.ok(!JSON.stringify(n.data()).includes("030 123"), "the note is not in the notification");
    assert.equal((await orderRef(id).get()).get("declineNote"), "Call us: 030 123");
  });

  it("a customer cancelling tells the restaurant and the customer, and never passes the note on", async () => {
    const id = await place();
    await moveOrder(customer, id, "cancelled", {
      cancelReason: "ordered_by_mistake",
      cancelNote: "URGENT: payouts suspended, re-verify at https://phish.example",
    });
    for (const person of [staff, customer]) {
      const n = await told(person.uid, id, "cancelled");
      assert.ok(says(n).body.includes(TEXTS.en.reasons.ordered_by_mistake));
      assert.ok(!JSON.stringify(n.data()).includes("phish"));
    }
  });

  it("the customer may mark a notification read, and nothing else", async () => {
    const id = await place();
    await moveOrder(staff, id, "accepted");
    const ref = doc(customer.db, paths.notification(customer.uid, inboxEntryId(id)));
    await told(customer.uid, id, "accepted");
    await updateDoc(ref, { read: true });
    assert.equal((await getDoc(ref)).get("read"), true);
    await assert.rejects(updateDoc(ref, { title: "changed" }), { code: "permission-denied" });
    await assert.rejects(updateDoc(ref, { "text.status": "delivered" }), { code: "permission-denied" });
  });

  it("two couriers claiming the same order at once: exactly one wins", async () => {
    const id = await place();
    await drive(id, "ready");
    const [cora, carl] = await Promise.all([createUser({ courier: true }), createUser({ courier: true })]);
    const results = await Promise.allSettled([claimOrder(cora, id), claimOrder(carl, id)]);
    assert.equal(results.filter((x) => x.status === "fulfilled").length, 1, JSON.stringify(results));
    const winner = (await orderRef(id).get()).get("courierId");
    assert.ok([cora.uid, carl.uid].includes(winner));
    const loser = winner === cora.uid ? carl : cora;
    await assert.rejects(moveOrder(loser, id, "picked_up"), { code: "permission-denied" });
    assert.equal((await adminDb.doc(paths.courier(loser.uid)).get()).get("activeOrderId") ?? null, null);
  });

  it("two staff members accepting the same order at once: exactly one transition, one notification", async () => {
    const second = await createUser({ staff: [r.id] }, "Second Staff");
    const id = await place();
    const results = await Promise.allSettled([
      moveOrderOnce(staff, id, "accepted"),
      moveOrderOnce(second, id, "accepted"),
    ]);
    assert.equal(results.filter((x) => x.status === "fulfilled").length, 1, JSON.stringify(results));
    await told(customer.uid, id, "accepted");
    assert.equal(await waitForCount(inbox(customer.uid).where("orderId", "==", id), 1), 1);
  });

  // The four cases around the accept deadline wait it out side by side, each on its own order
  // and customer: their orders are placed together, so the suite waits for one deadline, not four.
  describe("the accept deadline", function () {
    this.timeout(180_000);
    type Placed = { id: string; customer: TestUser };
    let unanswered: Placed, beaten: Placed, taskGone: Placed & { movedAt: number }, accepted: Placed;
    before(async function () {
      this.timeout(300_000);
      // An order left to time out has a restaurant of its own: three misses in a row pause a
      // restaurant (AUTO_PAUSE_AFTER_MISSES), which would reject a later test's order in `r`.
      const placeFor = async (name: string, rest?: TestRestaurant): Promise<Placed> => {
        const who = await createUser({}, name);
        const at = rest ?? (await createRestaurant({ dish: { price: 1200 } }));
        const id = await placeOrder(who, at.id, [{ itemId: at.items.dish, quantity: 1, options: {} }]);
        await waitForDoc(orderRef(id), statusIs("placed"));
        return { id, customer: who };
      };
      [unanswered, beaten, accepted] = await Promise.all([
        placeFor("Una Unanswered"),
        placeFor("Bea Beaten"),
        placeFor("Acky Accepted", r),
      ]);
      await moveOrder(staff, accepted.id, "accepted");
      const gone = await placeFor("Gina Gone");
      // The deadline moves hours away: the task, back within seconds, finds it far off and leaves
      // the order to the reconciler, as it does with every far-off task.
      await moveDueTime(gone.id, "acceptBy", new Date(Date.now() + 3 * 3600_000));
      taskGone = { ...gone, movedAt: Date.now() };
    });

    it("its own task cancels an order the restaurant does not accept in time, not before, and says why", async () => {
      const { id, customer } = unanswered;
      const deadline = (await orderRef(id).get()).get("acceptBy").toMillis();
      const cancelled = await waitForDoc(orderRef(id), statusIs("cancelled"), 110_000);
      assert.equal(cancelled.get("cancelledBy"), "backend");
      assert.equal(cancelled.get("by.cancelled"), "backend:task", "the accept-timeout task, not the reconciler");
      assert.equal(cancelled.get("cancelReason"), "accept_timeout");
      assert.ok(cancelled.get("timeline.cancelled").toMillis() >= deadline, "not before the deadline");
      const n = await told(customer.uid, id, "cancelled");
      assert.ok(says(n).body.includes(TEXTS.en.reasons.accept_timeout));
    });

    it("a customer's cancel that the accept timeout beat is a refusal, not the customer's own cancel", async () => {
      const { id, customer } = beaten;
      await waitForDoc(orderRef(id), statusIs("cancelled"), 110_000);
      // The order is cancelled, as the customer asked, but not by them: the helper (like the web
      // app's moveOrder) must not report the backend's change as the customer's.
      await assert.rejects(moveOrder(customer, id, "cancelled", { cancelReason: "changed_mind" }), (err: Error) => {
        assert.match(err.message, /made so by backend:(task|reconciler)/);
        return true;
      });
      assert.equal((await orderRef(id).get()).get("cancelReason"), "accept_timeout");
    });

    it("does not cancel an order the restaurant accepted, after its deadline has passed", async () => {
      const { id } = accepted;
      const deadline = (await orderRef(id).get()).get("acceptBy").toMillis();
      // Wait until the reconciler has run well after the deadline: had it been going to cancel, it has.
      await waitForDoc(
        adminDb.doc(paths.reconcilerState()),
        (s) => (s.get("lastRunAt")?.toMillis() ?? 0) > deadline + TIMER_TAKEOVER_MS + 1000,
        110_000,
      );
      const after = await orderRef(id).get();
      assert.equal(after.get("status"), "accepted");
      assert.equal(after.get("by.accepted"), staff.uid);
    });

    it("the reconciler cancels an unanswered order whose timeout task is gone", async () => {
      const { id, movedAt } = taskGone;
      // The task has had its visits with the deadline far off (last of the four: on a loaded
      // emulator a queue's retries come late); then the deadline comes at once.
      await new Promise((done) => setTimeout(done, Math.max(0, movedAt + 30_000 - Date.now())));
      await moveDueTime(id, "acceptBy", new Date());
      const cancelled = await waitForDoc(orderRef(id), statusIs("cancelled"), RECOVERY_MS);
      assert.equal(cancelled.get("by.cancelled"), "backend:reconciler");
      assert.equal(cancelled.get("cancelReason"), "accept_timeout");
    });
  });

  it("one failing side effect does not stop the others, and the failure is reported for a retry", async () => {
    const id = await place();
    const courier = await drive(id, "picked_up");
    // The delivery's event is lost; its effects are run here with the booking's batch failing.
    await withEventsLost(() => deliverOrder(courier, id));
    const delivered = (await orderRef(id).get()).data() as Order;
    const failingDb = new Proxy(adminDb, {
      get(target, prop, receiver) {
        if (prop === "batch") {
          return () => {
            const batch = target.batch();
            let booking = false;
            return new Proxy(batch, {
              get(b, p) {
                if (p === "create")
                  return (ref: { path: string }, data: unknown) => {
                    booking ||= ref.path.startsWith("receipts/");
                    return b.create(ref as never, data as never);
                  };
                if (p === "commit")
                  return () => (booking ? Promise.reject(new Error("injected: bookings unavailable")) : b.commit());
                const v = Reflect.get(b, p);
                return typeof v === "function" ? v.bind(b) : v;
              },
            });
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as AdminFirestore;
    await assert.rejects(runEffects(testDeps({ db: failingDb }), id, delivered), (err: Error) => {
      assert.ok(err instanceof EffectsFailed);
      assert.match(err.message, /booking/);
      assert.doesNotMatch(err.message, /notify/);
      return true;
    });
    assert.ok(
      inboxTells((await entryRef(customer.uid, id).get()).data(), "delivered"),
      "the notification went out anyway",
    );
    assert.equal((await adminDb.doc(paths.receipt(id)).get()).exists, false);
    // No event will come again for it: the system's reconciler books it itself.
    await waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists, 60_000);
  });

  it("the reconciler comes back to an order whose repair failed, and makes it good once the data is", async function () {
    this.timeout(240_000);
    const id = await place();
    const courier = await drive(id, "picked_up");
    // The delivery's event is lost, and the order names a courier whose earning cannot be written
    // (no such document path): every booking of it fails until the data is mended.
    await withEventsLost(() => deliverOrder(courier, id));
    await orderRef(id).update({ courierId: "bad/courier" });
    const changedAt = (await orderRef(id).get()).get("updatedAt").toMillis();
    // Runs that began after the grace have looked at it and failed.
    await waitForDoc(
      adminDb.doc(paths.reconcilerState()),
      (s) => (s.get("lastRunAt")?.toMillis() ?? 0) > changedAt + 10_000,
      RECOVERY_MS,
    );
    await nextReconcilerRun();
    assert.equal((await adminDb.doc(paths.receipt(id)).get()).exists, false, "not booked while it cannot be");
    // Mended without touching updatedAt: only a window that stopped at it finds it again.
    await orderRef(id).update({ courierId: courier.uid });
    assert.equal((await orderRef(id).get()).get("updatedAt").toMillis(), changedAt);
    await waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists, RECOVERY_MS);
    assert.ok((await adminDb.doc(paths.earning(courier.uid, id)).get()).exists, "the courier's earning too");
  });

  it("a review updates the restaurant's rating exactly once, signed with the author's short name", async () => {
    const rest = await createRestaurant({ dish: { price: 1200 } });
    const restStaff = await createUser({ staff: [rest.id] });
    const id = await place(rest);
    await drive(id, "delivered", restStaff);
    await setDoc(doc(customer.db, paths.review(rest.id, id)), {
      rating: 4,
      text: "Hot and fast",
      createdAt: serverTimestamp(),
    });
    const rated = await waitForDoc(adminDb.doc(paths.restaurant(rest.id)), (s) => s.get("ratingCount") === 1);
    assert.equal(rated.get("ratingSum"), 4);
    assert.equal(rated.get("ratingAvg"), 4);
    const review = await waitForDoc(adminDb.doc(paths.review(rest.id, id)), (s) => s.get("counted") === true);
    assert.equal(review.get("authorName"), "Nora N.");
    assert.equal(review.get("customerId"), undefined);
    // Later runs of the reconciler leave the count as it is.
    await nextReconcilerRun();
    assert.equal((await adminDb.doc(paths.restaurant(rest.id)).get()).get("ratingCount"), 1);
    await assert.rejects(
      setDoc(doc(customer.db, paths.review(rest.id, id)), { rating: 1, text: "again", createdAt: serverTimestamp() }),
      { code: "permission-denied" },
    );
  });

  it("counts a delivered order in the day's statistics once, across shards", async () => {
    const rest = await createRestaurant({ dish: { price: 1500 } });
    const restStaff = await createUser({ staff: [rest.id] });
    const deliverOne = async () => {
      const id = await placeOrder(customer, rest.id, [{ itemId: rest.items.dish, quantity: 2, options: {} }]);
      await waitForDoc(orderRef(id), statusIs("placed"));
      await drive(id, "delivered", restStaff);
      return id;
    };
    const ids = [await deliverOne(), await deliverOne(), await deliverOne()];
    await Promise.all(ids.map((id) => waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists)));
    await nextReconcilerRun();
    const shards = await adminDb.collectionGroup("shards").get();
    const mine = shards.docs.filter((d) => d.ref.path.startsWith(`restaurants/${rest.id}/`));
    assert.ok(mine.length >= 1 && mine.length <= STATS_SHARDS);
    const delivered = Object.assign({}, ...mine.map((d) => d.get("delivered") ?? {})) as Record<string, number>;
    assert.deepEqual(Object.keys(delivered).sort(), [...ids].sort());
    assert.equal(
      Object.values(delivered).reduce((a, b) => a + b, 0),
      3 * 3000,
    );
    // The time each took to be accepted is there once per order, whatever the shard.
    const accepted = mine.flatMap((d) => Object.keys(d.get("acceptSeconds") ?? {}));
    assert.deepEqual(accepted.sort(), [...ids].sort());
    // Staff read their own statistics through the rules; staff of another restaurant cannot.
    const day = mine[0].ref.parent.parent!.id;
    await getDoc(doc(restStaff.db, `${paths.statsShards(rest.id, day)}/${mine[0].id}`));
    await assert.rejects(getDoc(doc(otherStaff.db, `${paths.statsShards(rest.id, day)}/${mine[0].id}`)), {
      code: "permission-denied",
    });
  });

  it("push: a device joins its user's topics, and a token the push service refuses is forgotten", async () => {
    const buyer = await createUser({ courier: true, staff: [r.id] }, "Pushy");
    await setDoc(doc(buyer.db, paths.device(buyer.uid, "d0")), { token: "good-token", createdAt: serverTimestamp() });
    await setDoc(doc(buyer.db, paths.device(buyer.uid, "d1")), { token: "stale-token", createdAt: serverTimestamp() });
    const push = recordingPush(["stale-token"]);
    await syncDevice(testDeps({ push }), buyer.uid, "d0", undefined, { token: "good-token" });
    await syncDevice(testDeps({ push }), buyer.uid, "d1", undefined, { token: "stale-token" });
    assert.deepEqual(
      push.sent.filter((s) => s.to === "good-token").map((s) => s.message.title),
      [`user-${buyer.uid}`, `restaurant-${r.id}-en`],
      "the user's and the restaurant's topics, in the device's language; a courier whose area is not known yet hears of no pickups",
    );
    assert.equal((await adminDb.doc(paths.device(buyer.uid, "d1")).get()).exists, false);
    assert.ok((await adminDb.doc(paths.device(buyer.uid, "d0")).get()).exists);
  });

  it("push: a device switched to German leaves the English shared topics for the German ones", async () => {
    const person = await createUser({ courier: true }, "Sprachwechsler");
    await setDoc(doc(person.db, paths.courierArea(person.uid)), { cell: "u33db", updatedAt: serverTimestamp() });
    const push = recordingPush();
    await syncDevice(testDeps({ push }), person.uid, "d0", { token: "t-de" }, { token: "t-de", language: "de" });
    const around = areaBlock("u33db");
    assert.deepEqual(
      push.sent.map((s) => `${s.message.body} ${s.message.title}`),
      [
        `unsubscribe user-${person.uid}`,
        ...around.map((cell) => `unsubscribe couriers-${cell}-en`),
        `subscribe user-${person.uid}`,
        ...around.map((cell) => `subscribe couriers-${cell}-de`),
      ],
    );
  });

  it("push: a change of role moves a user's devices between topics", async () => {
    const person = await createUser({}, "Role Changer");
    await setDoc(doc(person.db, paths.device(person.uid, "d0")), { token: "t-1", createdAt: serverTimestamp() });
    await adminDb.doc(paths.courierArea(person.uid)).set({ cell: "u33db", updatedAt: new Date() });
    const push = recordingPush();
    await syncRoleTopics(testDeps({ push }), person.uid, {}, { courier: true });
    await syncRoleTopics(testDeps({ push }), person.uid, { courier: true }, { staff: [r.id] });
    const around = areaBlock("u33db");
    assert.deepEqual(
      push.sent.map((s) => `${s.message.body} ${s.message.title}`),
      [
        ...around.map((cell) => `subscribe couriers-${cell}-en`),
        ...around.map((cell) => `unsubscribe couriers-${cell}-en`),
        `subscribe restaurant-${r.id}-en`,
      ],
    );
  });

  it("push: a courier moving one cell east leaves the topics of the cells now behind and joins the new ones", async () => {
    const person = await createUser({ courier: true }, "Mover");
    await setDoc(doc(person.db, paths.device(person.uid, "d0")), { token: "t-move", createdAt: serverTimestamp() });
    const [from, to] = [areaCell({ lat: 52.529, lng: 13.401 }), areaCell({ lat: 52.529, lng: 13.445 })];
    await setDoc(doc(person.db, paths.courierArea(person.uid)), { cell: to, updatedAt: serverTimestamp() });
    const push = recordingPush();
    await syncCourierArea(testDeps({ push }), person.uid, from);
    const left = push.sent.filter((s) => s.message.body === "unsubscribe").map((s) => s.message.title);
    const joined = push.sent.filter((s) => s.message.body === "subscribe").map((s) => s.message.title);
    assert.deepEqual(joined.sort(), courierAreaTopics(to, "en").sort());
    assert.deepEqual(
      left.sort(),
      courierAreaTopics(from, "en")
        .filter((t) => !joined.includes(t))
        .sort(),
      "the three cells now behind",
    );
    assert.equal(left.length, 3);
  });

  it("push: a ready order goes to the couriers around its restaurant only, one send per language", async () => {
    const id = await place();
    await drive(id, "ready");
    const push = recordingPush();
    const order = (await orderRef(id).get()).data() as Order;
    await notifyTransition(adminDb, push, id, order);
    const cell = areaCell({ lat: 52.5215, lng: 13.411 });
    assert.equal(order.pickupCell, cell);
    assert.deepEqual(
      push.sent.filter((s) => String(s.to).startsWith("couriers-")).map((s) => s.to),
      [`couriers-${cell}-en`, `couriers-${cell}-de`],
    );
  });

  it("push: each transition sends one push per topic, reading nothing for it", async () => {
    const id = await place();
    await withEventsLost(() => moveOrder(staff, id, "accepted"));
    const push = recordingPush();
    const order = (await orderRef(id).get()).data() as Order;
    await notifyTransition(adminDb, push, id, order);
    assert.deepEqual(
      push.sent.map((s) => s.to),
      [`user-${customer.uid}`],
    );
    assert.match(push.sent[0].message.body, new RegExp(`your order #${order.code}\\.`), "it names the order's code");
  });
});

// After the kitchen: the couriers around a pickup see it (and nobody else's list grows with the
// city), a claim not picked up in time goes back to the others by itself, and a delivery on its way
// far too long is brought to the admins, who decide how it ends.

import { strict as assert } from "node:assert";
import { doc, getDocs, setDoc, serverTimestamp } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import { Timestamp } from "firebase-admin/firestore";
import {
  areaBlock,
  areaCell,
  claimExpiredId,
  CLAIM_PICKUP_MIN,
  DELIVERY_OVERDUE_MIN,
  inboxEntryId,
  inboxMessage,
  LIMITS,
  overdueId,
  paths,
  QUERIES,
  TEXTS,
  type Language,
  type Mention,
} from "../../functions/src/domain";
import {
  adminDb,
  claimOrder,
  clientQuery,
  closeClients,
  createRestaurant,
  createUser,
  inboxTold,
  moveDueTime,
  moveOrder,
  moveOrderOnce,
  nextReconcilerRun,
  placeOrder,
  RECOVERY_MS,
  statusIs,
  waitForDoc,
  withEventsLost,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

const MIN = 60_000;
/** Kastanienallee, Prenzlauer Berg: the test kitchen's address. */
const KITCHEN = { line1: "Kastanienallee 42", city: "Berlin", lat: 52.5372, lng: 13.4108 };

describe("pipeline: pickups around a courier, claims that expire, deliveries that need a decision", function () {
  this.timeout(180_000);
  let r: TestRestaurant;
  let kitchen: TestUser, owner: TestUser, customer: TestUser;

  const orderRef = (id: string) => adminDb.doc(paths.order(id));
  const inboxEntry = (uid: string, id: string) => adminDb.doc(paths.notification(uid, id));
  const speaks = (who: TestUser, language: "en" | "de") => adminDb.doc(paths.user(who.uid)).update({ language });
  /** What the texts may name of the order: its restaurant and its code. */
  const mention = async (id: string): Promise<Mention> => ({
    r: "Bounds Kitchen",
    reason: "",
    slot: "",
    rejection: "",
    code: ` #${(await orderRef(id).get()).get("code")}`,
  });
  /** What an inbox entry says to a reader of `lang`. */
  const says = (entry: { get(field: string): unknown }, lang: Language) =>
    inboxMessage(entry.get("text") as never, lang).body;

  before(async () => {
    r = await createRestaurant({ dish: { price: 1200 } }, { name: "Bounds Kitchen", minOrder: 0, address: KITCHEN });
    [kitchen, owner] = await Promise.all([
      createUser({ staff: [r.id] }, "Kai Kitchen"),
      createUser({ owner: [r.id] }, "Olga Owner"),
    ]);
    await speaks(owner, "de");
  });
  // Each test has its customer: one may have only so many orders under way.
  beforeEach(async () => {
    customer = await createUser({}, "Dora Delivery");
  });
  after(closeClients);

  /** An order made ready by the kitchen, not yet claimed. */
  const ready = async () => {
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]);
    await waitForDoc(orderRef(id), statusIs("placed"));
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(kitchen, id, s);
    return id;
  };
  const courier = async (language: "en" | "de" = "en", name = "Cem Courier") => {
    const c = await createUser({ courier: true }, name);
    await speaks(c, language);
    return c;
  };
  const courierState = async (c: TestUser) => (await adminDb.doc(paths.courier(c.uid)).get()).get("activeOrderId");

  describe("pickups around a courier", () => {
    it("a courier sees the ready orders in the cells around them, and not those across the city", async () => {
      const id = await ready();
      const order = await orderRef(id).get();
      assert.equal(order.get("pickupCell"), areaCell(KITCHEN), "the order names its restaurant's cell");
      const near = await courier("en", "Nina Near");
      const pickups = async (at: { lat: number; lng: number }) =>
        (
          await getDocs(clientQuery(near.db, QUERIES.openPickups(areaBlock(areaCell(at)), LIMITS.maxOpenPickups)))
        ).docs.map((d) => d.id);
      // Torstraße, about a kilometre south: the kitchen's cell is around it.
      assert.ok((await pickups({ lat: 52.529, lng: 13.401 })).includes(id));
      // Steglitz, across the city: it is not.
      assert.ok(!(await pickups({ lat: 52.457, lng: 13.32 })).includes(id));
    });
  });

  describe("a claim not picked up in time", () => {
    it(`its own task gives the order back after ${CLAIM_PICKUP_MIN} minutes, not before, and tells the courier and the restaurant, each in their language`, async () => {
      const id = await ready();
      const cem = await courier("de");
      await claimOrder(cem, id);
      await setDoc(doc(cem.db, paths.courierPosition(id)), { lat: 52.53, lng: 13.41, updatedAt: serverTimestamp() });
      const claimed = await orderRef(id).get();
      assert.ok(claimed.get("claimedAt"), "the claim has the server's time");
      // The task came at once (the emulator dispatches early) and keeps coming back: it leaves the claim.
      await new Promise((done) => setTimeout(done, 6000));
      assert.equal((await orderRef(id).get()).get("courierId"), cem.uid);
      // The claim was made a quarter of an hour ago, less three seconds.
      const claimedAt = new Date(Date.now() - CLAIM_PICKUP_MIN * MIN + 3000);
      await moveDueTime(id, "claimedAt", claimedAt);
      const back = await waitForDoc(orderRef(id), (s) => s.get("courierId") === null, 30_000);
      assert.equal(back.get("status"), "ready");
      assert.equal(back.get("claimedAt"), null);
      assert.deepEqual(
        { ...back.get("lastExpiredClaim"), claimedAt: undefined, expiredAt: undefined },
        { courierId: cem.uid, expiredBy: "backend:task", claimedAt: undefined, expiredAt: undefined },
        "expired by its own task, not the reconciler",
      );
      assert.ok(
        back.get("lastExpiredClaim.expiredAt").toMillis() >= claimedAt.getTime() + CLAIM_PICKUP_MIN * MIN,
        "not before its time",
      );
      assert.equal(await courierState(cem), null, "the courier is free for another order");
      assert.equal((await adminDb.doc(paths.courierPosition(id)).get()).exists, false, "their position is gone");
      // Told, once, said in each reader's language.
      const entryId = claimExpiredId(id, Timestamp.fromDate(claimedAt));
      const told = await Promise.all([cem, kitchen, owner].map((p) => inboxEntry(p.uid, entryId).get()));
      const m = await mention(id);
      assert.equal(says(told[0], "de"), TEXTS.de.claimExpired.courier(m, CLAIM_PICKUP_MIN).body);
      assert.equal(says(told[1], "en"), TEXTS.en.claimExpired.staff(m, CLAIM_PICKUP_MIN).body);
      assert.equal(says(told[2], "de"), TEXTS.de.claimExpired.staff(m, CLAIM_PICKUP_MIN).body);
      // The courier can no longer pick it up; another courier can claim it, and picks it up.
      await assert.rejects(moveOrderOnce(cem, id, "picked_up"), { code: "permission-denied" });
      const next = await courier("en", "Nils Next");
      await claimOrder(next, id);
      await moveOrder(next, id, "picked_up");
      await waitForDoc(orderRef(id), statusIs("picked_up"));
    });

    it("its task, come early, leaves a claim that is not yet due", async () => {
      const id = await ready();
      const cem = await courier();
      await claimOrder(cem, id);
      // The emulator dispatches the task at once; it finds the claim a quarter of an hour from due
      // and its retries end long before. (A fixed wait: the task's visits leave no trace in the data.)
      await new Promise((done) => setTimeout(done, 20_000));
      const after = await orderRef(id).get();
      assert.equal(after.get("courierId"), cem.uid);
      assert.equal(after.get("lastExpiredClaim"), undefined);
      assert.equal(await courierState(cem), id);
    });

    it("a claim picked up in time stays with its courier", async () => {
      const id = await ready();
      const cem = await courier();
      await claimOrder(cem, id);
      await moveOrder(cem, id, "picked_up");
      await moveDueTime(id, "claimedAt", new Date(Date.now() - 2 * CLAIM_PICKUP_MIN * MIN));
      await nextReconcilerRun();
      await new Promise((done) => setTimeout(done, 3000));
      const after = await orderRef(id).get();
      assert.equal(after.get("status"), "picked_up");
      assert.equal(after.get("courierId"), cem.uid);
      assert.equal(after.get("lastExpiredClaim"), undefined);
      assert.equal(await courierState(cem), id);
    });

    it("the reconciler gives back a claim whose task is gone", async () => {
      const id = await ready();
      const cem = await courier();
      // The claim's event is lost: no task was ever scheduled for it.
      await withEventsLost(() => claimOrder(cem, id));
      await moveDueTime(id, "claimedAt", new Date(Date.now() - CLAIM_PICKUP_MIN * MIN - 20_000));
      const back = await waitForDoc(orderRef(id), (s) => s.get("courierId") === null, RECOVERY_MS);
      assert.equal(back.get("lastExpiredClaim.expiredBy"), "backend:reconciler");
      assert.equal(await courierState(cem), null);
    });
  });

  describe("a delivery on its way far too long", () => {
    let ada: TestUser, ana: TestUser;
    before(async () => {
      [ada, ana] = await Promise.all([
        createUser({ admin: true }, "Ada Admin"),
        createUser({ admin: true }, "Ana Admin"),
      ]);
      await speaks(ana, "de");
    });

    /** An order picked up `minutes` ago by a courier of its own, still on its way. */
    const onItsWay = async (minutes: number) => {
      const id = await ready();
      const cem = await courier();
      await claimOrder(cem, id);
      await moveOrder(cem, id, "picked_up");
      await moveDueTime(id, "timeline.picked_up", new Date(Date.now() - minutes * MIN));
      return { id, cem };
    };
    const resolve = (who: TestUser, orderId: string, outcome: string) =>
      httpsCallable(who.functions, "resolveDelivery")({ orderId, outcome });

    it(`after ${DELIVERY_OVERDUE_MIN} minutes each admin is alerted and the customer told, once, each in their language`, async () => {
      const { id } = await onItsWay(DELIVERY_OVERDUE_MIN + 1);
      // The customer's one entry about the order says it is late, unread again, still on its way.
      const customerEntry = await waitForDoc(
        inboxEntry(customer.uid, inboxEntryId(id)),
        (s) => s.get("text.kind") === "delivery",
        RECOVERY_MS,
      );
      const m = await mention(id);
      assert.equal(says(customerEntry, "en"), TEXTS.en.overdue.customer(m).body);
      assert.equal(says(customerEntry, "de"), TEXTS.de.overdue.customer(m).body);
      assert.equal(customerEntry.get("link"), `/orders/${id}`);
      assert.equal(customerEntry.get("status"), "picked_up");
      assert.equal(customerEntry.get("read"), false);
      const [toAda, toAna] = await Promise.all([ada, ana].map((a) => inboxEntry(a.uid, overdueId(id)).get()));
      assert.equal(says(toAda, "en"), TEXTS.en.overdue.admin(m).body);
      assert.equal(says(toAna, "de"), TEXTS.de.overdue.admin(m).body);
      assert.equal(toAda.get("link"), "/admin/decisions");
      const alertedAt = (await orderRef(id).get()).get("overdueAlertedAt");
      assert.ok(alertedAt);
      // Later runs of the reconciler pass it over: nobody is told twice.
      await nextReconcilerRun();
      assert.deepEqual((await orderRef(id).get()).get("overdueAlertedAt"), alertedAt);
      assert.deepEqual((await inboxEntry(ada.uid, overdueId(id)).get()).get("createdAt"), toAda.get("createdAt"));
      assert.equal((await orderRef(id).get()).get("status"), "picked_up", "it waits for a decision");
    });

    it(`one minute short of ${DELIVERY_OVERDUE_MIN} minutes nobody is alerted, and no admin may end it yet`, async () => {
      const { id } = await onItsWay(DELIVERY_OVERDUE_MIN - 1);
      await nextReconcilerRun();
      assert.equal((await orderRef(id).get()).get("overdueAlertedAt"), undefined);
      const entry = await inboxTold(customer.uid, id, "picked_up");
      assert.equal(entry.get("text.kind"), "order", "the customer's entry says only that it is on its way");
      assert.equal((await inboxEntry(ada.uid, overdueId(id)).get()).exists, false);
      await assert.rejects(resolve(ada, id, "undelivered"), (err: { code: string; details?: { reason?: string } }) => {
        assert.equal(err.code, "functions/failed-precondition");
        assert.equal(err.details?.reason, "not_overdue");
        return true;
      });
      assert.equal((await orderRef(id).get()).get("status"), "picked_up");
    });

    it("an admin ends it as not delivered: the customer and the restaurant are told, the courier is free", async () => {
      const { id, cem } = await onItsWay(DELIVERY_OVERDUE_MIN + 5);
      await assert.rejects(resolve(customer, id, "undelivered"), { code: "functions/permission-denied" });
      await assert.rejects(resolve(ada, id, "lost"), { code: "functions/invalid-argument" });
      await resolve(ana, id, "undelivered");
      const ended = await orderRef(id).get();
      assert.equal(ended.get("status"), "undelivered");
      assert.equal(ended.get("by.undelivered"), ana.uid, "the admin who decided");
      assert.equal(await courierState(cem), null, "the courier may take the next order");
      const m = await mention(id);
      const toCustomer = await inboxTold(customer.uid, id, "undelivered");
      assert.equal(says(toCustomer, "en"), TEXTS.en.customer.undelivered(m).body);
      assert.ok(toCustomer.get("moments.undelivered"), "the entry keeps the moment it ended");
      const toOwner = await waitForDoc(inboxEntry(owner.uid, inboxEntryId(id)), (s) => s.exists);
      assert.equal(says(toOwner, "de"), TEXTS.de.staff.undelivered(m).body);
      assert.equal((await adminDb.doc(paths.receipt(id)).get()).exists, false, "nothing is booked");
      // Decided once: a second decision is refused and changes nothing.
      await assert.rejects(resolve(ada, id, "delivered"), (err: { code: string; details?: { reason?: string } }) => {
        assert.equal(err.details?.reason, "not_on_its_way");
        return true;
      });
      assert.equal((await orderRef(id).get()).get("status"), "undelivered");
    });

    it("an admin marks it delivered after all: the order is booked as any delivery", async () => {
      const { id, cem } = await onItsWay(DELIVERY_OVERDUE_MIN + 5);
      await resolve(ada, id, "delivered");
      const done = await orderRef(id).get();
      assert.equal(done.get("status"), "delivered");
      assert.equal(done.get("by.delivered"), ada.uid);
      assert.equal(await courierState(cem), null);
      await waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists);
      await waitForDoc(adminDb.doc(paths.earning(cem.uid, id)), (s) => s.exists);
    });
  });
});

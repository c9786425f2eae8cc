import { strict as assert } from "node:assert";
import { doc, serverTimestamp, updateDoc } from "firebase/firestore";
import {
  allDay,
  inboxEntryId,
  inboxMessage,
  leadMinutes,
  localTime,
  paths,
  slotsFor,
  travelMinutes,
  type OpeningHours,
} from "../../functions/src/domain";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  moveOrder,
  placeOrder,
  statusIs,
  moveDueTime,
  nextReconcilerRun,
  RECOVERY_MS,
  waitForCount,
  waitForDoc,
  withEventsLost,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

const MIN = 60_000;
const allDayHours = allDay();
const orderRef = (id: string) => adminDb.doc(paths.order(id));
const restaurantRef = (rid: string) => adminDb.doc(paths.restaurant(rid));

describe("pipeline: a restaurant's rush and orders ahead", function () {
  this.timeout(300_000);
  let customer: TestUser;
  after(closeClients);
  beforeEach(async () => {
    customer = await createUser({}, "Rita Rush");
  });

  const kitchen = async (patch: Record<string, unknown> = {}) => {
    const r = await createRestaurant({ dish: { price: 1200 } }, patch);
    const staff = await createUser({ staff: [r.id] }, "Paul Pause");
    return { r, staff };
  };
  const order = (r: TestRestaurant, override: Record<string, unknown> = {}) =>
    placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }], override);
  const staffWrites = (staff: TestUser, rid: string, patch: Record<string, unknown>) =>
    updateDoc(doc(staff.db, paths.restaurant(rid)), { ...patch, updatedAt: serverTimestamp() });

  it("a paused restaurant refuses orders saying until when; the backend reopens it by itself and tells the staff", async () => {
    const { r, staff } = await kitchen();
    await staffWrites(staff, r.id, { pausedUntil: new Date(Date.now() + 8000), pausedBy: "staff" });
    const refused = await waitForDoc(orderRef(await order(r)), statusIs("rejected"));
    assert.equal(refused.get("rejection.code"), "restaurant_paused");
    assert.match(refused.get("rejection.message"), /Paused until (tomorrow )?\d\d:\d\d/);
    // Nobody resumes: the pause's end is the backend's to act on.
    const reopened = await waitForDoc(restaurantRef(r.id), (s) => s.get("pausedUntil") === null, 30_000);
    assert.equal(reopened.get("pausedBy"), null);
    const notices = adminDb.collection(paths.inbox(staff.uid)).where("text.notice.key", "==", "resumed");
    assert.equal(await waitForCount(notices, 1), 1, "told once");
    await waitForDoc(orderRef(await order(r)), statusIs("placed"));
  });

  it("three orders in a row left unanswered pause the restaurant and tell its staff; an answered one breaks the row", async function () {
    // Seven orders placed one after another, then the accept timeout: minutes on a loaded machine.
    this.timeout(240_000);
    const missing = await kitchen();
    const answering = await kitchen();
    const placeIn = async (k: { r: TestRestaurant }) => {
      // A customer each: one may have only so many orders under way.
      customer = await createUser({}, "Rita Rush");
      const id = await order(k.r);
      await waitForDoc(orderRef(id), statusIs("placed"));
      return id;
    };
    // One after another, so each has its own place in the row.
    const missed: string[] = [];
    const other: string[] = [];
    for (let i = 0; i < 3; i++) {
      missed.push(await placeIn(missing));
      other.push(await placeIn(answering));
    }
    // A fourth miss, placed before the pause: it must not pause (or tell the staff) again.
    missed.push(await placeIn(missing));
    await moveOrder(answering.staff, other[0], "accepted");
    await Promise.all(
      [...missed, ...other.slice(1)].map((id) => waitForDoc(orderRef(id), statusIs("cancelled"), 110_000)),
    );
    const paused = await waitForDoc(restaurantRef(missing.r.id), (s) => s.get("pausedBy") === "auto", 20_000);
    const until = paused.get("pausedUntil").toMillis();
    assert.ok(Math.abs(until - (Date.now() + 30 * MIN)) < 2 * MIN, "for 30 minutes");
    assert.equal(paused.get("autoPausedFor"), undefined, "which order it was is not on the public document");
    const pausedFor = (await adminDb.doc(paths.rushNote(missing.r.id)).get()).get("autoPausedFor");
    assert.ok([missed[2], missed[3]].includes(pausedFor), "paused by the third or the fourth miss");
    const told = await waitForDoc(
      adminDb.doc(paths.notification(missing.staff.uid, `auto-pause-${pausedFor}`)),
      (s) => s.exists,
    );
    assert.equal(inboxMessage(told.get("text"), "en").title, "Orders paused");
    await new Promise((r) => setTimeout(r, 3000)); // both misses' effects have had their turn
    const notices = await adminDb.collection(paths.inbox(missing.staff.uid)).get();
    assert.equal(
      notices.docs.filter((d) => d.id.startsWith("auto-pause-")).length,
      1,
      "paused and told once, however many misses follow",
    );
    assert.equal((await restaurantRef(missing.r.id).get()).get("pausedUntil").toMillis(), until, "not extended");
    // The restaurant whose first order was accepted missed two in a row only.
    const stillOpen = await restaurantRef(answering.r.id).get();
    assert.equal(stillOpen.get("pausedUntil") ?? null, null);
    // Staff can resume at once.
    await staffWrites(missing.staff, missing.r.id, { pausedUntil: null, pausedBy: null });
    await waitForDoc(orderRef(await order(missing.r)), statusIs("placed"));
  });

  it("busy mode lengthens the estimate the order carries; staff set the prep time when accepting", async () => {
    const { r, staff } = await kitchen({ prepTimeMin: 15 });
    await staffWrites(staff, r.id, { busyExtraMin: 20, busyUntil: new Date(Date.now() + 60 * MIN) });
    const id = await order(r);
    const placed = await waitForDoc(orderRef(id), statusIs("placed"));
    const travel = travelMinutes(placed.get("restaurantAddress"), BERLIN_CENTRE);
    assert.deepEqual(placed.get("estimate"), { prepMin: 35, travelMin: travel });
    await moveOrder(staff, id, "accepted", { prepMin: 45 });
    assert.equal((await orderRef(id).get()).get("prepMin"), 45);
  });

  describe("ordering ahead", () => {
    // Open 11:00-14:00 and 17:00-22:00 every day, in Lisbon's time (an hour behind Berlin).
    const week: OpeningHours = Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, "11:00-14:00,17:00-22:00"]),
    );
    const lisbon = { openingHours: week, timeZone: "Europe/Lisbon" };
    const lead = (prep: number) => leadMinutes(prep, travelMinutes({ lat: 52.5215, lng: 13.411 }, BERLIN_CENTRE));
    /** A slot some hours ahead (so its release is not due during the test). */
    const laterSlot = () =>
      slotsFor(lisbon, new Date(), lead(15)).find((s) => s.getTime() > Date.now() + 3 * 60 * MIN)!;

    /** The restaurant's soonest slot: its release falls within the quarter hour, so the order's
     * task is still being retried near its time when the test moves that time. */
    const soonestSlot = () =>
      slotsFor({ openingHours: allDayHours, timeZone: "Europe/Berlin" }, new Date(), lead(15)).find(
        (s) => s.getTime() - lead(15) * MIN > Date.now() + MIN,
      )!;

    it("schedules an order for a slot to be released at slot start less prep, pickup and travel", async () => {
      const { r } = await kitchen({ ...lisbon, prepTimeMin: 15 });
      const slot = laterSlot();
      const id = await order(r, { slotStart: slot });
      const scheduled = await waitForDoc(orderRef(id), statusIs("scheduled"));
      assert.equal(scheduled.get("releaseAt").toMillis(), slot.getTime() - lead(15) * MIN);
      assert.equal(scheduled.get("acceptBy"), undefined, "no accept deadline while it waits");
      const customerTold = await waitForDoc(
        adminDb.doc(paths.notification(customer.uid, inboxEntryId(id))),
        (s) => s.exists,
      );
      assert.match(inboxMessage(customerTold.get("text"), "en").body, /scheduled for (tomorrow )?\d\d:\d\d/);
      assert.match(inboxMessage(customerTold.get("text"), "de").body, /für (morgen )?\d\d:\d\d geplant/);
    });

    it("its own task releases a scheduled order at its time, not before, and the normal flow follows", async () => {
      const { r, staff } = await kitchen({ prepTimeMin: 15 });
      const id = await order(r, { slotStart: soonestSlot() });
      await waitForDoc(orderRef(id), statusIs("scheduled"));
      // The task keeps coming back while its time is near; it leaves the order as it is.
      await new Promise((done) => setTimeout(done, 6000));
      assert.equal((await orderRef(id).get()).get("status"), "scheduled");
      const releaseAt = new Date(Date.now() + 3000);
      await moveDueTime(id, "releaseAt", releaseAt);
      const placed = await waitForDoc(orderRef(id), statusIs("placed"), 30_000);
      assert.equal(placed.get("by.placed"), "backend:task", "released by its task, not the reconciler");
      assert.ok(placed.get("timeline.placed").toMillis() >= releaseAt.getTime(), "not before its time");
      assert.ok(placed.get("acceptBy").toMillis() > releaseAt.getTime(), "the accept timeout starts at release");
      await moveOrder(staff, id, "accepted");
      await waitForDoc(orderRef(id), statusIs("accepted"));
    });

    it("the reconciler releases a scheduled order whose task is gone", async () => {
      const { r } = await kitchen({ ...lisbon, prepTimeMin: 15 });
      const id = await order(r, { slotStart: laterSlot() });
      await waitForDoc(orderRef(id), statusIs("scheduled"));
      // Its task came hours early and left the order to the reconciler (as the emulator's
      // immediate dispatch does with every far-off task): once the scheduled effects have run
      // and a reconciler run has passed, no task of this order is waiting any more.
      await waitForDoc(adminDb.doc(paths.notification(customer.uid, inboxEntryId(id))), (s) => s.exists);
      await nextReconcilerRun();
      await moveDueTime(id, "releaseAt", new Date());
      const placed = await waitForDoc(orderRef(id), statusIs("placed"), RECOVERY_MS);
      assert.equal(placed.get("by.placed"), "backend:reconciler");
    });

    it("the customer cancels a scheduled order until it is released, and it is never released after", async () => {
      const { r } = await kitchen({ prepTimeMin: 15 });
      const id = await order(r, { slotStart: soonestSlot() });
      await waitForDoc(orderRef(id), statusIs("scheduled"));
      await moveOrder(customer, id, "cancelled", { cancelReason: "changed_mind" });
      await moveDueTime(id, "releaseAt", new Date());
      // Its task and the reconciler both come by after its time: neither releases it.
      await new Promise((done) => setTimeout(done, 6000));
      await nextReconcilerRun();
      const final = await orderRef(id).get();
      assert.equal(final.get("status"), "cancelled");
      assert.equal(final.get("by.cancelled"), customer.uid);
    });

    it("refuses a slot that is too soon, one when the restaurant is closed, and one off the quarter hour", async () => {
      const { r } = await kitchen({ ...lisbon, prepTimeMin: 15 });
      const allDay = await kitchen({ prepTimeMin: 15 });
      const now = new Date();
      const lisbonDay = (d: Date) => localTime(d, "Europe/Lisbon").date;
      // Tomorrow's first slot is 11:00 in Lisbon; 15:00 is between lunch and dinner.
      const tomorrowFirst = slotsFor(lisbon, now, 0).find((s) => lisbonDay(s) !== lisbonDay(now))!;
      const cases: [string, TestRestaurant, Date][] = [
        ["slot_closed", r, new Date(tomorrowFirst.getTime() + 4 * 60 * MIN)],
        ["slot_invalid", r, new Date(laterSlot().getTime() + 7 * MIN)],
        // The next quarter hour of a restaurant open around the clock: sooner than prep and travel.
        ["slot_too_soon", allDay.r, slotsFor({ openingHours: allDayHours, timeZone: "Europe/Berlin" }, now, 0)[0]],
      ];
      for (const [code, kitchenOf, slotStart] of cases) {
        const refused = await waitForDoc(orderRef(await order(kitchenOf, { slotStart })), statusIs("rejected"));
        assert.equal(refused.get("rejection.code"), code, slotStart.toISOString());
      }
    });

    it("a scheduled order whose creation event was lost is still scheduled by the reconciler", async () => {
      const { r } = await kitchen({ ...lisbon, prepTimeMin: 15 });
      const id = await withEventsLost(() => order(r, { slotStart: laterSlot() }));
      await waitForDoc(orderRef(id), statusIs("scheduled"), 40_000);
    });
  });
});

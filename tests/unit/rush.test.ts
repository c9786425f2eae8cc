import { strict as assert } from "node:assert";
import {
  asapState,
  DEFAULT_FEES,
  busyExtraMinutes,
  checkOrder,
  clockTime,
  currentPrepMinutes,
  estimatedArrival,
  leadMinutes,
  minutesToDoor,
  PICKUP_MINUTES,
  releaseTime,
  slotLabel,
  slotProblem,
  slotsByDay,
  slotsFor,
  tomorrowsOpening,
  travelMinutes,
  type OpeningHours,
} from "../../functions/src/domain";

const MIN = 60_000;
const ts = (d: Date) => ({ toMillis: () => d.getTime() });
/** 2026-11-26 (a Thursday) at hh:mm in Berlin (UTC+1 in November). */
const berlin = (hh: number, mm = 0, day = 26) => new Date(Date.UTC(2026, 10, day, hh - 1, mm));
const hours: OpeningHours = { thu: "11:00-14:30,17:00-22:00", fri: "11:00-22:00" };
const r = { openingHours: hours, timeZone: "Europe/Berlin" };

describe("unit: rush (pause, busy mode, estimates)", () => {
  const base = { prepTimeMin: 20, isOpen: true, openingHours: hours, timeZone: "Europe/Berlin" };
  it("is paused until the pause's end and not after", () => {
    const state = { ...base, pausedUntil: ts(berlin(12, 30)) };
    assert.deepEqual(asapState(state, berlin(12)), { open: false, why: "paused", until: berlin(12, 30) });
    assert.deepEqual(asapState(state, berlin(12, 30)), { open: true });
  });
  it("adds busy mode's minutes to the prep time while it lasts", () => {
    const busy = { ...base, busyUntil: ts(berlin(13)), busyExtraMin: 20 };
    assert.equal(busyExtraMinutes(busy, berlin(12)), 20);
    assert.equal(currentPrepMinutes(busy, berlin(12)), 40);
    assert.equal(currentPrepMinutes(busy, berlin(13)), 20);
  });
  it("says when a closed restaurant opens and that a switched-off one does not", () => {
    assert.deepEqual(asapState(base, berlin(15)), { open: false, why: "closed", until: berlin(17) });
    assert.equal((asapState({ ...base, isOpen: false }, berlin(12)) as { why: string }).why, "switched_off");
  });
  it("pauses 'until tomorrow' until the next day's first opening in the restaurant's zone", () => {
    assert.deepEqual(tomorrowsOpening(hours, "Europe/Berlin", berlin(20)), berlin(11, 0, 27));
    // No hours tomorrow: until midnight's end of today.
    assert.deepEqual(tomorrowsOpening({ thu: "11:00-22:00" }, "Europe/Berlin", berlin(20)), berlin(0, 0, 27));
  });
  it("estimates prep, pickup and travel; travel grows with distance", () => {
    const a = { lat: 52.52, lng: 13.4 };
    const near = travelMinutes(a, { lat: 52.521, lng: 13.4 });
    const far = travelMinutes(a, { lat: 52.56, lng: 13.4 });
    assert.ok(near >= 1 && far > near, `${near} < ${far}`);
    assert.equal(minutesToDoor(20, 10), 20 + PICKUP_MINUTES + 10);
  });
  it("moves the arrival estimate with each step", () => {
    const estimate = { prepMin: 20, travelMin: 10 };
    const t0 = berlin(12);
    const at = (m: number) => ts(new Date(t0.getTime() + m * MIN));
    const placed = { status: "placed" as const, estimate, timeline: { placed: at(0) } };
    assert.deepEqual(estimatedArrival(placed, t0), new Date(t0.getTime() + 35 * MIN));
    const accepted = {
      ...placed,
      status: "accepted" as const,
      prepMin: 40,
      timeline: { placed: at(0), accepted: at(2) },
    };
    assert.deepEqual(estimatedArrival(accepted, t0), new Date(t0.getTime() + (2 + 40 + 5 + 10) * MIN));
    const ready = { ...accepted, status: "ready" as const, timeline: { ...accepted.timeline, ready: at(15) } };
    assert.deepEqual(estimatedArrival(ready, t0), new Date(t0.getTime() + (15 + 5 + 10) * MIN));
    const pickedUp = { ...ready, status: "picked_up" as const, timeline: { ...ready.timeline, picked_up: at(22) } };
    assert.deepEqual(estimatedArrival(pickedUp, t0), new Date(t0.getTime() + 32 * MIN));
    // Late: never in the past.
    assert.deepEqual(estimatedArrival(pickedUp, berlin(14)), berlin(14));
    assert.equal(estimatedArrival({ ...placed, status: "delivered" }, t0), null);
  });
  it("writes times on the restaurant's clock: today, tomorrow, or a weekday", () => {
    assert.equal(clockTime(berlin(19, 45), "Europe/Berlin", berlin(12)), "19:45");
    assert.equal(clockTime(berlin(7, 0, 27), "Europe/Berlin", berlin(12)), "tomorrow 07:00");
    assert.equal(clockTime(berlin(7, 0, 28), "Europe/Berlin", berlin(12)), "Sat 07:00");
  });
  it("writes them in the reader's language: morgen, Sa.", () => {
    assert.equal(clockTime(berlin(19, 45), "Europe/Berlin", berlin(12), "de"), "19:45");
    assert.equal(clockTime(berlin(7, 0, 27), "Europe/Berlin", berlin(12), "de"), "morgen 07:00");
    assert.match(clockTime(berlin(7, 0, 28), "Europe/Berlin", berlin(12), "de"), /^Sa\.? 07:00$/);
  });
});

describe("unit: delivery slots", () => {
  it("offers quarter hours inside the opening hours, today and tomorrow, no sooner than the lead time", () => {
    const slots = slotsFor(r, berlin(13), 45);
    // 13:45 is the first start at least 45 minutes away; the last lunch slot ends at 14:30.
    assert.deepEqual(slots.slice(0, 3), [berlin(13, 45), berlin(14, 0), berlin(14, 15)]);
    assert.deepEqual(slots[3], berlin(17));
    assert.deepEqual(slots[slots.length - 1], berlin(21, 45, 27));
    assert.ok(slots.every((s, i) => i === 0 || s > slots[i - 1]));
  });
  it("starts slots at the first quarter hour after an odd opening time", () => {
    const odd = { openingHours: { thu: "11:10-12:00" }, timeZone: "Europe/Berlin" };
    assert.deepEqual(slotsFor(odd, berlin(8), 30), [berlin(11, 15), berlin(11, 30), berlin(11, 45)]);
  });
  it("names what is wrong with a slot", () => {
    const now = berlin(12);
    assert.equal(slotProblem(r, berlin(13, 10), now, 30), "slot_invalid", "not on a quarter hour");
    assert.equal(slotProblem(r, new Date(berlin(13).getTime() + 1000), now, 30), "slot_invalid", "seconds");
    assert.equal(slotProblem(r, berlin(12, 0, 28), now, 30), "slot_invalid", "the day after tomorrow");
    assert.equal(slotProblem(r, berlin(15), now, 30), "slot_closed", "between lunch and dinner");
    assert.equal(slotProblem(r, berlin(14, 30), now, 30), "slot_closed", "ends after closing");
    assert.equal(slotProblem(r, berlin(12, 15), now, 30), "slot_too_soon");
    assert.equal(slotProblem(r, berlin(12, 30), now, 30), null);
    assert.equal(slotProblem(r, berlin(11, 0, 27), now, 30), null, "tomorrow");
  });
  it("accepts a slot across midnight and checks days in the restaurant's own time zone", () => {
    const late = { openingHours: { thu: "18:00-24:00", fri: "00:00-02:00" }, timeZone: "Europe/Lisbon" };
    // 23:45 Lisbon is 00:45 in Berlin: the slot is Thursday's, ending at midnight.
    const lisbon = (hh: number, mm = 0, day = 26) => new Date(Date.UTC(2026, 10, day, hh, mm));
    assert.equal(slotProblem(late, lisbon(23, 45), lisbon(20), 30), null);
    assert.equal(slotProblem(late, lisbon(0, 0, 27), lisbon(20), 30), null);
    assert.equal(slotProblem(late, lisbon(2, 0, 27), lisbon(20), 30), "slot_closed");
    assert.deepEqual(slotsFor(late, lisbon(23, 20), 20).slice(0, 3), [
      lisbon(23, 45),
      lisbon(0, 0, 27),
      lisbon(0, 15, 27),
    ]);
  });
  it("lists a day's slots as times of that day: the one before midnight ends at 00:00, not tomorrow", () => {
    const late = { openingHours: { thu: "18:00-24:00", fri: "18:00-24:00" }, timeZone: "Europe/Berlin" };
    const days = slotsByDay(slotsFor(late, berlin(12), 30), "Europe/Berlin");
    assert.deepEqual(
      days.map((d) => [d.date, d.slots.length]),
      [
        ["2026-11-26", 24],
        ["2026-11-27", 24],
      ],
    );
    assert.equal(slotLabel(days[1].slots[0], "Europe/Berlin"), "18:00–18:15");
    assert.equal(slotLabel(days[1].slots[23], "Europe/Berlin"), "23:45–00:00");
  });
  it("releases an order in time for it to reach the door at the slot's start", () => {
    assert.deepEqual(
      releaseTime(berlin(12, 30), 20, 10),
      new Date(berlin(12, 30).getTime() - leadMinutes(20, 10) * MIN),
    );
  });
});

describe("unit: the order check with rush and slots", () => {
  const restaurant = {
    name: "Test",
    cuisine: "x",
    description: "",
    address: { line1: "A", city: "Berlin", lat: 52.52, lng: 13.4 },
    timeZone: "Europe/Berlin",
    openingHours: hours,
    isOpen: true,
    prepTimeMin: 20,
    deliveryRadiusM: 5000,
    deliveryFee: 200,
    minOrder: 0,
    currency: "EUR",
    categories: [],
    ratingAvg: 0,
    ratingCount: 0,
    ratingSum: 0,
  };
  const menu = new Map([
    ["m1", { name: "Dish", description: "", category: "x", price: 1000, available: true, optionGroups: [] }],
  ]);
  const input = (patch: Record<string, unknown> = {}, now = berlin(12)) => ({
    items: ["m1|1|"],
    deliveryAddress: { line1: "B", city: "Berlin", lat: 52.53, lng: 13.4 },
    restaurant: { ...restaurant, ...patch },
    menu,
    now,
    fees: DEFAULT_FEES,
  });
  it("refuses an order now while paused, saying until when", () => {
    const res = checkOrder(input({ pausedUntil: ts(berlin(12, 30)) }));
    assert.equal(res.ok, false);
    assert.equal(!res.ok && res.rejection.code, "restaurant_paused");
    assert.match(!res.ok ? res.rejection.message : "", /until 12:30/);
  });
  it("takes an order ahead while closed or paused, with its release time", () => {
    const res = checkOrder({ ...input({ pausedUntil: ts(berlin(16)) }, berlin(15)), slotStart: ts(berlin(18)) });
    assert.ok(res.ok);
    assert.ok(res.releaseAt && res.releaseAt < berlin(18) && res.releaseAt > berlin(17));
  });
  it("estimates with busy mode", () => {
    const res = checkOrder(input({ busyUntil: ts(berlin(13)), busyExtraMin: 30 }));
    assert.ok(res.ok);
    assert.equal(res.estimate.prepMin, 50);
  });
  it("refuses a slot that is not a time", () => {
    const res = checkOrder({ ...input(), slotStart: "tomorrow" });
    assert.equal(!res.ok && res.rejection.code, "slot_invalid");
  });
});

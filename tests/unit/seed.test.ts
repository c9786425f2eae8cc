import { strict as assert } from "node:assert";
import { asapState, slotsFor, localTime, type Restaurant } from "../../functions/src/domain";
import { RESTAURANTS } from "../../scripts/seed/berlin";

/** 2026-11-26 (a Thursday) at hh:mm in Berlin (UTC+1 in November). */
const berlin = (hh: number, mm = 0) => new Date(Date.UTC(2026, 10, 26, hh - 1, mm));
const asRestaurant = (r: (typeof RESTAURANTS)[number]) =>
  ({ ...r, timeZone: "Europe/Berlin", isOpen: true }) as unknown as Restaurant;

describe("unit: the demo restaurants' hours", () => {
  it("are a restaurant's hours: one open around the clock for the night, the others closed at 3 a.m.", () => {
    const at3 = RESTAURANTS.filter((r) => asapState(asRestaurant(r), berlin(3)).open).map((r) => r.name);
    assert.deepEqual(at3, ["Anatolia Grill"]);
  });
  it("offer Trattoria Rosa's slots at lunch and dinner only", () => {
    const trattoria = asRestaurant(RESTAURANTS.find((r) => r.key === "trattoria")!);
    const hours = new Set(slotsFor(trattoria, berlin(9), 40).map((s) => localTime(s, "Europe/Berlin").minute / 60));
    assert.ok(
      [...hours].every((h) => (h >= 12 && h < 15) || (h >= 17.5 && h < 23)),
      [...hours].join(", "),
    );
  });
});

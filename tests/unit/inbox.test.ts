import { strict as assert } from "node:assert";
import {
  inboxChange,
  inboxMessage,
  inboxTells,
  isOrderCode,
  noticeMessage,
  ORDER_CODE_ALPHABET,
  orderCodeCandidate,
  progressOf,
  type InboxText,
  type OrderStatus,
} from "../../functions/src/domain";
import { placeLinks, routeLinks } from "../../web/src/geo/links";

const ts = (ms: number) => ({ toMillis: () => ms });
/** An order at `status`, every step up to it in its timeline a minute apart. */
function orderAt(status: OrderStatus, steps: OrderStatus[]) {
  const timeline = Object.fromEntries(steps.map((s, i) => [s, ts(i * 60_000)]));
  return { status, timeline };
}
const STEPS: OrderStatus[] = ["placed", "accepted", "preparing", "ready", "picked_up", "delivered"];
const upTo = (s: OrderStatus) => STEPS.slice(0, STEPS.indexOf(s) + 1);

describe("unit: the inbox entry that follows an order", () => {
  it("moves forward through the state machine, every final status last", () => {
    const order: OrderStatus[] = ["submitted", "scheduled", "placed", "accepted", "preparing", "ready", "picked_up"];
    for (let i = 1; i < order.length; i++) assert.ok(progressOf(order[i]) > progressOf(order[i - 1]));
    for (const end of ["delivered", "cancelled", "declined", "rejected"] as const)
      assert.ok(progressOf(end) > progressOf("picked_up"), end);
  });

  it("moves on for news of a later status, whatever order the news arrives in", () => {
    // Events as they might arrive: ready first, then the late accepted and preparing, repeats.
    const arrivals: OrderStatus[] = ["ready", "accepted", "preparing", "ready", "delivered", "picked_up", "delivered"];
    let entry: { status?: OrderStatus; moments?: Record<string, { toMillis(): number }> } | undefined;
    const moves: OrderStatus[] = [];
    for (const status of arrivals) {
      const change = inboxChange(entry, orderAt(status, upTo(status)));
      if (change?.change === "move") {
        moves.push(status);
        entry = { status, moments: change.moments };
      } else if (change) entry = { ...entry, moments: change.moments };
    }
    assert.deepEqual(moves, ["ready", "delivered"], "never back, nothing twice");
    assert.equal(entry?.status, "delivered");
    assert.deepEqual(Object.keys(entry?.moments ?? {}).sort(), ["accepted", "delivered"]);
    assert.equal(entry?.moments?.accepted.toMillis(), 60_000, "the moment at its own time");
  });

  it("completes the moments of an entry that is past a late event's status, and tells nothing twice", () => {
    const entry = { status: "preparing" as const, moments: {} };
    const late = inboxChange(entry, orderAt("accepted", upTo("accepted")));
    assert.equal(late?.change, "moments");
    assert.ok(late && "accepted" in late.moments);
    assert.ok(!inboxTells(entry, "accepted"), "the reconciler would look at it");
    assert.ok(inboxTells({ ...entry, moments: late!.moments }, "accepted"));
    assert.equal(inboxChange({ ...entry, moments: late!.moments }, orderAt("accepted", upTo("accepted"))), null);
  });

  it("says an entry in the reader's language, with the order's code and a slot on the restaurant's clock", () => {
    const slotAt = Date.UTC(2026, 10, 27, 11, 30); // Friday 12:30 in Berlin
    const text: InboxText = {
      kind: "order",
      status: "scheduled",
      audience: "customer",
      context: {
        restaurantName: "Trattoria Rosa",
        code: "K7PX",
        slotAt,
        timeZone: "Europe/Berlin",
        orderedAt: Date.UTC(2026, 10, 26, 18),
      },
    };
    assert.match(
      inboxMessage(text, "en").body,
      /^Your order #K7PX to Trattoria Rosa is scheduled for tomorrow 12:30\./,
    );
    assert.match(
      inboxMessage(text, "de").body,
      /^Deine Bestellung #K7PX bei Trattoria Rosa ist für morgen 12:30 geplant\./,
    );
    const notice: InboxText = { kind: "notice", notice: { key: "autoPaused", minutes: 30 } };
    assert.equal(inboxMessage(notice, "de").title, "Bestellungen pausiert");
    assert.equal(
      noticeMessage({ key: "unreadable", problem: { en: "No hours.", de: "Keine Zeiten." } }, "de").body.includes(
        "Keine Zeiten.",
      ),
      true,
    );
  });
});

describe("unit: order codes", () => {
  it("are four characters people can read out, the same candidates for the same order every time", () => {
    assert.doesNotMatch(ORDER_CODE_ALPHABET, /[01OIL]/);
    const ids = Array.from({ length: 2000 }, (_, i) => `order${i}abcdefghijklmno`.slice(0, 20));
    for (const id of ids) assert.ok(isOrderCode(orderCodeCandidate(id, 0)), orderCodeCandidate(id, 0));
    assert.equal(orderCodeCandidate("abc", 3), orderCodeCandidate("abc", 3));
    assert.notEqual(orderCodeCandidate("abc", 0), orderCodeCandidate("abc", 1));
    // Spread over the space: 2,000 orders share few codes.
    assert.ok(new Set(ids.map((id) => orderCodeCandidate(id, 0))).size > 1990);
    assert.ok(!isOrderCode("K0PX") && !isOrderCode("k7px") && !isOrderCode("K7PXX"));
  });
});

describe("unit: Open in Maps", () => {
  it("links a place for the phone's map app, Google Maps and Apple Maps", () => {
    const p = { lat: 52.5219, lng: 13.4132 };
    assert.deepEqual(placeLinks(p, "Courier"), {
      geo: "geo:52.521900,13.413200?q=52.521900,13.413200(Courier)",
      google: "https://www.google.com/maps/search/?api=1&query=52.521900,13.413200",
      apple: "https://maps.apple.com/?ll=52.521900,13.413200&q=Courier",
    });
    assert.equal(
      routeLinks(p, "Torstraße 1").google,
      "https://www.google.com/maps/dir/?api=1&destination=52.521900,13.413200&travelmode=bicycling",
    );
    assert.match(routeLinks(p, "Torstraße 1").apple, /daddr=52\.521900,13\.413200&q=Torstra%C3%9Fe%201$/);
  });
});

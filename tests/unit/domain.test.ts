import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { geohashForLocation } from "geofire-common";
import {
  allDay,
  dayLabel,
  DEFAULT_FEES,
  applyRoleChange,
  ownedRestaurantIds,
  rolesOf,
  staffRestaurantIds,
  cartDoc,
  CURRENCIES,
  decodeLine,
  decodeOptions,
  encodeLine,
  hoursProblem,
  nearbyPieces,
  normalize,
  cuisineName,
  cuisineNames,
  searchToken,
  searchTokensOf,
  LIMITS,
  nextOpening,
  restaurantProblem,
  shortName,
  TIME_ZONES,
  transition,
  zonedInstant,
  canTransition,
  FINAL_STATUSES,
  checkOrder,
  distanceM,
  etaMinutes,
  isOpenAt,
  menuItemProblem,
  nextStatuses,
  percentOf,
  priceOrder,
  TRANSITIONS,
  ORDER_STATUSES,
  type MenuItem,
  type Restaurant,
} from "../../functions/src/domain";

const pizza: MenuItem = {
  name: "Pizza",
  description: "",
  category: "Pizza",
  price: 950,
  available: true,
  optionGroups: [
    {
      id: "size",
      name: "Size",
      min: 1,
      max: 1,
      options: [
        { id: "regular", name: "Regular", priceDelta: 0 },
        { id: "large", name: "Large", priceDelta: 350 },
      ],
    },
    {
      id: "extras",
      name: "Extras",
      min: 0,
      max: 2,
      options: [
        { id: "cheese", name: "Cheese", priceDelta: 150 },
        { id: "olives", name: "Olives", priceDelta: 100 },
      ],
    },
  ],
};
const water: MenuItem = {
  name: "Water",
  description: "",
  category: "Drinks",
  price: 290,
  available: true,
  optionGroups: [],
};
const soldOut: MenuItem = { ...water, name: "Lemonade", available: false };
const menu = new Map([
  ["pizza", pizza],
  ["water", water],
  ["lemonade", soldOut],
]);
const restaurant: Restaurant = {
  name: "R",
  cuisine: "Italian",
  description: "",
  address: { line1: "x", city: "Berlin", lat: 52.52, lng: 13.405 },
  timeZone: "Europe/Berlin",
  openingHours: { mon: "11:00-23:00", fri: "18:00-24:00", sat: "00:00-02:00" },
  isOpen: true,
  prepTimeMin: 20,
  deliveryRadiusM: 3000,
  deliveryFee: 249,
  minOrder: 1500,
  currency: "EUR",
  categories: [],
  ratingAvg: 0,
  ratingCount: 0,
  ratingSum: 0,
};
const TERMS = { serviceFeeBps: 500, commissionBps: 1500, courierDeliveryShareBps: 8000 };
// Monday 2026-11-23 13:00 in Berlin (UTC+1).
const MONDAY_LUNCH = new Date("2026-11-23T12:00:00Z");
const near = { line1: "Torstraße 1", city: "Berlin", lat: 52.53, lng: 13.41 };
type Line = { itemId: string; quantity: number; options: Record<string, string[]> };
/** Checks lines as the order document carries them (encoded), like the backend does. */
const check = (items: Line[] | unknown, patch: Partial<Restaurant> = {}, at = MONDAY_LUNCH, address: unknown = near) =>
  checkOrder({
    items: Array.isArray(items) ? items.map((l) => (typeof l === "object" && l ? encodeLine(l as Line) : l)) : items,
    deliveryAddress: address,
    restaurant: { ...restaurant, ...patch },
    menu,
    now: at,
    fees: DEFAULT_FEES,
  });
const codeOf = (r: ReturnType<typeof checkOrder>) => (r.ok ? "ok" : r.rejection.code);

describe("unit: pricing", () => {
  it("prices items with options from the menu: (950+350+150+100)*2 + 290*3", () => {
    const p = priceOrder(
      [
        { itemId: "pizza", quantity: 2, options: { size: ["large"], extras: ["cheese", "olives"] } },
        { itemId: "water", quantity: 3, options: {} },
      ],
      menu,
      restaurant,
      TERMS,
    );
    assert.equal(p.lines[0].unitPrice, 1550);
    assert.equal(p.lines[0].lineTotal, 3100);
    assert.equal(p.subtotal, 3970);
    assert.equal(p.serviceFee, 199); // 5 % of 39.70 = 1.985, rounded half up
    assert.equal(p.deliveryFee, 249);
    assert.equal(p.total, 3970 + 199 + 249);
    for (const v of [p.subtotal, p.serviceFee, p.total]) assert.ok(Number.isInteger(v));
  });
  it("rounds percentages half up in integer cents", () => {
    assert.equal(percentOf(1990, 500), 100); // 99.5 -> 100
    assert.equal(percentOf(1989, 500), 99); // 99.45 -> 99
    assert.equal(percentOf(0, 500), 0);
    assert.equal(percentOf(333, 3333), 111);
  });
  it("ignores any price fields smuggled into the cart lines", () => {
    const p = priceOrder(
      [{ itemId: "water", quantity: 1, options: {}, price: 1, unitPrice: 1 } as never],
      menu,
      restaurant,
      TERMS,
    );
    assert.equal(p.subtotal, 290);
  });
  it("refuses a menu whose options could make a price negative", () => {
    const discounts = {
      id: "d",
      name: "Discounts",
      min: 0,
      max: 2,
      options: [
        { id: "a", name: "A", priceDelta: -300 },
        { id: "b", name: "B", priceDelta: -300 },
      ],
    };
    // Each discount alone leaves 400 - 300 >= 0; both at once would be -200.
    assert.match(menuItemProblem({ ...water, price: 400, optionGroups: [discounts] }) ?? "", /negative/);
    assert.equal(menuItemProblem({ ...water, price: 600, optionGroups: [discounts] }), null);
    assert.equal(menuItemProblem({ ...water, price: 400, optionGroups: [{ ...discounts, max: 1 }] }), null);
  });
});

describe("unit: order check", () => {
  const ok = [
    { itemId: "pizza", quantity: 1, options: { size: ["regular"] } },
    { itemId: "water", quantity: 2, options: {} },
  ];
  it("accepts a valid order and returns the menu's pricing", () => {
    const r = check(ok);
    assert.ok(r.ok);
    assert.equal(r.pricing.subtotal, 950 + 580);
  });
  const cases: [string, string, () => ReturnType<typeof checkOrder>][] = [
    ["malformed_order", "items not a list", () => check("pizza")],
    ["malformed_order", "an address without coordinates", () => check(ok, {}, MONDAY_LUNCH, { line1: "x", city: "y" })],
    ["empty_order", "no lines", () => check([])],
    [
      "too_many_lines",
      `${LIMITS.maxOrderLines + 1} lines`,
      () => check(Array(LIMITS.maxOrderLines + 1).fill({ itemId: "water", quantity: 1, options: {} })),
    ],
    ["malformed_order", "a line that is not a string", () => check([42])],
    ["malformed_order", "a line with a fourth part", () => check(["water|1||999"])],
    ["invalid_quantity", "quantity 0", () => check([{ itemId: "water", quantity: 0, options: {} }])],
    ["invalid_quantity", "quantity 21", () => check([{ itemId: "water", quantity: 21, options: {} }])],
    ["invalid_quantity", "quantity 1.5", () => check([{ itemId: "water", quantity: 1.5, options: {} }])],
    ["restaurant_closed", "switch off", () => check(ok, { isOpen: false })],
    ["restaurant_closed", "outside hours (Monday 07:00)", () => check(ok, {}, new Date("2026-11-23T06:00:00Z"))],
    ["restaurant_closed", "a day without hours (Tuesday)", () => check(ok, {}, new Date("2026-11-24T12:00:00Z"))],
    ["restaurant_unavailable", "a time zone that does not exist", () => check(ok, { timeZone: "Mars/Olympus_Mons" })],
    ["restaurant_unavailable", "hours that are numbers", () => check(ok, { openingHours: { mon: 42 } as never })],
    ["restaurant_unavailable", "a currency that is no currency", () => check(ok, { currency: "12!" })],
    ["unknown_item", "an item not on the menu", () => check([{ itemId: "caviar", quantity: 1, options: {} }])],
    ["item_unavailable", "a sold-out item", () => check([...ok, { itemId: "lemonade", quantity: 1, options: {} }])],
    ["invalid_options", "a required option missing", () => check([{ itemId: "pizza", quantity: 2, options: {} }])],
    [
      "invalid_options",
      "too many options",
      () => check([{ itemId: "pizza", quantity: 2, options: { size: ["regular", "large"] } }]),
    ],
    [
      "invalid_options",
      "an unknown option",
      () => check([{ itemId: "pizza", quantity: 2, options: { size: ["xxl"] } }]),
    ],
    [
      "invalid_options",
      "an unknown option group",
      () => check([{ itemId: "pizza", quantity: 2, options: { size: ["large"], sauce: ["bbq"] } }]),
    ],
    [
      "invalid_options",
      "the same option twice",
      () => check([{ itemId: "pizza", quantity: 2, options: { size: ["large"], extras: ["cheese", "cheese"] } }]),
    ],
    ["out_of_zone", "an address 10 km away", () => check(ok, {}, MONDAY_LUNCH, { ...near, lat: 52.61 })],
    ["below_minimum", "a subtotal under the minimum", () => check([{ itemId: "water", quantity: 1, options: {} }])],
  ];
  for (const [code, what, run] of cases) it(`rejects ${what} with ${code}`, () => assert.equal(codeOf(run()), code));
  it("rejects when the restaurant does not exist", () =>
    assert.equal(
      codeOf(
        checkOrder({
          items: (ok as Line[]).map(encodeLine),
          deliveryAddress: near,
          restaurant: null,
          menu,
          now: MONDAY_LUNCH,
          fees: DEFAULT_FEES,
        }),
      ),
      "restaurant_not_found",
    ));
  it("gives a human message with every rejection", () => {
    for (const [, , run] of cases) {
      const r = run();
      assert.ok(!r.ok && r.rejection.message.length > 10);
    }
  });
});

describe("unit: opening hours", () => {
  it('names a calendar day as each language lists days ("Mon, 7 Dec", not 2026-12-07)', () => {
    assert.equal(dayLabel("2026-12-07", "en"), "Mon, 7 Dec");
    assert.equal(dayLabel("2026-12-07", "de"), "Mo., 7. Dez.");
    assert.equal(dayLabel("2027-01-01", "de"), "Fr., 1. Jan.");
  });
  it("is open inside and closed outside an interval, in the restaurant's time zone", () => {
    assert.ok(isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-23T10:00:00Z"))); // 11:00 Berlin
    assert.ok(!isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-23T09:59:00Z"))); // 10:59
    assert.ok(!isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-23T22:00:00Z"))); // 23:00 closes
  });
  it("continues past midnight through the next day's 00:00 interval", () => {
    assert.ok(isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-27T23:30:00Z"))); // Sat 00:30
    assert.ok(!isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-28T01:00:00Z"))); // Sat 02:00
  });
  it("treats 24:00 as the end of the day", () =>
    assert.ok(isOpenAt({ tue: "00:00-24:00" }, "Europe/Berlin", new Date("2026-11-24T22:59:00Z"))));
  it("names the problem with hours that are malformed or meaningless", () => {
    assert.equal(hoursProblem(allDay()), null);
    assert.equal(hoursProblem({ mon: "11:30-14:30,17:00-22:00", tue: "" }), null);
    for (const bad of [
      { mon: [42] },
      { mon: "25:99-26:00" },
      { mon: "22:00-11:00" },
      { mon: "10:00-10:00" },
      { mon: "17:00-22:00,11:00-14:00" },
      { mon: "10:00-14:00,13:00-15:00" },
      { mon: "9:00-17:00" },
      { funday: "10:00-11:00" },
      {
        mon: Array(LIMITS.maxIntervalsPerDay + 1)
          .fill("10:00-10:30")
          .join(","),
      },
      "always",
      null,
    ]) {
      assert.ok(hoursProblem(bad), JSON.stringify(bad));
    }
  });
  it("finds when a closed restaurant opens next, across days and daylight saving", () => {
    const breakfast = { mon: "07:00-15:00", sat: "08:00-12:00" };
    // Sunday 29 March 2026 20:00 in Berlin: the clocks went forward that morning.
    const next = nextOpening(breakfast, "Europe/Berlin", new Date("2026-03-29T18:00:00Z"));
    assert.equal(next?.toISOString(), "2026-03-30T05:00:00.000Z"); // Monday 07:00 CEST
    assert.equal(nextOpening({}, "Europe/Berlin", new Date()), null);
    assert.equal(zonedInstant("2026-10-25", 12 * 60, "Europe/Berlin").toISOString(), "2026-10-25T11:00:00.000Z");
  });
});

describe("unit: restaurants, time zones and currencies", () => {
  it("knows every listed time zone and currency (Intl can format with each)", () => {
    for (const timeZone of TIME_ZONES) assert.doesNotThrow(() => new Intl.DateTimeFormat("en", { timeZone }));
    for (const currency of CURRENCIES) {
      assert.doesNotThrow(() => new Intl.NumberFormat("en", { style: "currency", currency }));
      assert.equal(
        new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits,
        2,
      );
    }
  });
  it("the rules list exactly the domain's time zones and currencies", () => {
    const rules = readFileSync(join(__dirname, "..", "..", "firestore.rules"), "utf8");
    const listIn = (fn: string) =>
      [...(new RegExp(`function ${fn}\\([a-z]\\) \\{[^}]*`).exec(rules)?.[0] ?? "").matchAll(/'([^']+)'/g)].map(
        (m) => m[1],
      );
    assert.deepEqual(listIn("isTimeZone"), [...TIME_ZONES]);
    assert.deepEqual(listIn("isCurrency"), [...CURRENCIES]);
  });
  it("says what is wrong with a restaurant it cannot interpret", () => {
    assert.equal(restaurantProblem(restaurant), null);
    assert.match(restaurantProblem({ ...restaurant, timeZone: "Mars/Olympus_Mons" }) ?? "", /time zone/);
    assert.match(restaurantProblem({ ...restaurant, currency: "12!" }) ?? "", /currency/);
    assert.match(restaurantProblem({ ...restaurant, categories: ["x".repeat(51)] }) ?? "", /categories/);
    assert.match(restaurantProblem(null) ?? "", /no data/);
  });
});

describe("unit: cart lines and documents", () => {
  it("encodes a line as one bounded string and reads it back", () => {
    const line = { itemId: "pizza", quantity: 2, options: { size: ["large"], extras: ["olives", "cheese"] } };
    assert.equal(encodeLine(line), "pizza|2|extras=olives,cheese;size=large");
    assert.deepEqual(decodeLine(encodeLine(line)), line);
    assert.deepEqual(decodeLine("water|3|"), { itemId: "water", quantity: 3, options: {} });
  });
  it("refuses what is not a line", () => {
    for (const bad of [
      42,
      "water",
      "water|1",
      "water|1||x",
      "../x|1|",
      "water|two|",
      "water|1|size",
      "water|1|size=a=b",
      `${"x".repeat(129)}|1|`,
    ]) {
      assert.equal(decodeLine(bad), null, String(bad));
    }
    assert.equal(decodeOptions("a=1;a=2"), null, "a group twice");
  });
  it("builds the cart document and every transition in one place", () => {
    const doc = cartDoc(
      {
        customerId: "u",
        restaurantId: "r",
        items: [{ itemId: "w", quantity: 1, options: {} }],
        deliveryAddress: { ...near, label: "Home" },
        note: " hi ",
      },
      "NOW",
    );
    assert.deepEqual(doc, {
      customerId: "u",
      restaurantId: "r",
      status: "submitted",
      items: ["w|1|"],
      deliveryAddress: { ...near, label: "Home" },
      note: "hi",
      createdAt: "NOW",
    });
    assert.deepEqual(transition("accepted", "NOW", "sam", { x: 1 }), {
      status: "accepted",
      "timeline.accepted": "NOW",
      "by.accepted": "sam",
      updatedAt: "NOW",
      x: 1,
    });
  });
  it("names a reviewer by first name and initial", () => {
    assert.equal(shortName("Clara Customer"), "Clara C.");
    assert.equal(shortName("  Madonna "), "Madonna");
    assert.equal(shortName("Anna Maria von Lotte"), "Anna L.");
    assert.equal(shortName(""), null, 'no name: the page says "A customer" in the reader\'s language');
    assert.equal(shortName("Ｃｌａｒａ Ｃｕｓｔｏｍｅｒ"), "Clara C.", "NFKC");
    assert.equal(shortName("Nina 🍕"), "Nina 🍕.", "a whole character as the initial");
    assert.equal(shortName("Dishpatch Support"), null, "a name that is not plain signs nothing");
  });
});

describe("unit: state machine", () => {
  it("lets only the backend place or reject", () => {
    assert.ok(canTransition("submitted", "placed", "backend"));
    for (const actor of ["customer", "staff", "courier"] as const)
      assert.ok(!canTransition("submitted", "placed", actor));
  });
  it("lets the customer cancel only while placed, or while scheduled and not yet released", () => {
    assert.deepEqual(
      ORDER_STATUSES.filter((s) => canTransition(s, "cancelled", "customer")),
      ["scheduled", "placed"],
    );
  });
  it("lets only the backend schedule an order and release it", () => {
    for (const [from, to] of [
      ["submitted", "scheduled"],
      ["scheduled", "placed"],
    ] as const) {
      assert.ok(canTransition(from, to, "backend"));
      for (const actor of ["customer", "staff", "courier"] as const) assert.ok(!canTransition(from, to, actor));
    }
  });
  it("has no transition out of a final status", () => {
    for (const t of TRANSITIONS) assert.ok(!FINAL_STATUSES.includes(t.from));
    assert.deepEqual(
      [...FINAL_STATUSES],
      ["rejected", "payment_failed", "declined", "cancelled", "delivered", "undelivered", "undeliverable"],
    );
  });
  it("moves an order waiting for its card only by the backend: placed, scheduled or payment_failed", () => {
    for (const actor of ["customer", "staff", "courier", "admin"] as const)
      assert.deepEqual(nextStatuses("awaiting_payment", actor), [], actor);
    assert.deepEqual(nextStatuses("awaiting_payment", "backend").sort(), ["payment_failed", "placed", "scheduled"]);
    assert.deepEqual(nextStatuses("submitted", "backend").sort(), [
      "awaiting_payment",
      "placed",
      "rejected",
      "scheduled",
    ]);
  });
  it("ends an overdue delivery by an admin's decision only: delivered after all, or not delivered", () => {
    // (or cancelled, as an admin may cancel any order under way)
    assert.deepEqual(nextStatuses("picked_up", "admin"), ["delivered", "undelivered", "cancelled"]);
    assert.deepEqual(
      ORDER_STATUSES.filter((s) => canTransition(s, "undelivered", "admin")),
      ["picked_up", "delivery_problem"],
    );
    for (const actor of ["customer", "staff", "courier", "backend"] as const)
      assert.ok(!canTransition("picked_up", "undelivered", actor), actor);
    assert.deepEqual(
      nextStatuses("picked_up", "courier"),
      ["delivered", "delivery_problem"],
      "the courier delivers, or says why they cannot",
    );
  });
  it("walks the happy path one actor at a time", () => {
    assert.deepEqual(nextStatuses("placed", "staff"), ["accepted", "declined"]);
    assert.deepEqual(nextStatuses("ready", "courier"), ["picked_up"]);
  });
});

describe("unit: roles", () => {
  it("grants and revokes kitchen staff restaurants without touching other roles", () => {
    let c = applyRoleChange({ courier: true }, { role: "kitchen", grant: true, restaurantId: "b" });
    c = applyRoleChange(c, { role: "kitchen", grant: true, restaurantId: "a" });
    assert.deepEqual(c, { courier: true, staff: ["a", "b"] });
    c = applyRoleChange(c, { role: "kitchen", grant: false, restaurantId: "a" });
    c = applyRoleChange(c, { role: "kitchen", grant: false, restaurantId: "b" });
    assert.deepEqual(c, { courier: true });
  });
  it("holds one role per person and restaurant: making the kitchen owner moves them, and back", () => {
    let c = applyRoleChange({}, { role: "kitchen", grant: true, restaurantId: "a" });
    c = applyRoleChange(c, { role: "owner", grant: true, restaurantId: "a" });
    assert.deepEqual(c, { owner: ["a"] });
    assert.deepEqual(rolesOf(c), ["customer", "staff", "owner"]);
    assert.deepEqual(staffRestaurantIds(c), ["a"], "an owner works the board too");
    c = applyRoleChange(c, { role: "kitchen", grant: true, restaurantId: "a" });
    assert.deepEqual(c, { staff: ["a"] });
    assert.deepEqual(ownedRestaurantIds(c), []);
    assert.deepEqual(rolesOf(c), ["customer", "staff"]);
  });
  it("needs a restaurant for the owner and kitchen roles", () => {
    assert.throws(() => applyRoleChange({}, { role: "kitchen", grant: true }));
    assert.throws(() => applyRoleChange({}, { role: "owner", grant: true }));
  });
});

describe("unit: menu items and geography", () => {
  it("accepts a well-formed item and names the first problem of a bad one", () => {
    assert.equal(menuItemProblem(pizza), null);
    assert.match(menuItemProblem({ ...pizza, price: 9.5 }) ?? "", /cents/);
    assert.match(menuItemProblem({ ...pizza, optionGroups: [{ ...pizza.optionGroups[0], min: 2 }] }) ?? "", /choose/i);
    assert.match(
      menuItemProblem({
        ...pizza,
        price: 100,
        optionGroups: [
          { id: "s", name: "Size", min: 1, max: 1, options: [{ id: "x", name: "Small", priceDelta: -200 }] },
        ],
      }) ?? "",
      /negative/,
    );
  });
  it("measures Berlin distances within a few metres", () => {
    // Brandenburg Gate to Alexanderplatz: about 2.6 km
    const d = distanceM({ lat: 52.5163, lng: 13.3777 }, { lat: 52.5219, lng: 13.4132 });
    assert.ok(d > 2400 && d < 2600, String(d));
    assert.ok(etaMinutes({ lat: 52.5163, lng: 13.3777 }, { lat: 52.5219, lng: 13.4132 }) >= 10);
  });
});

describe("unit: discovery", () => {
  it("covers the rings around a point with disjoint spans, nearest ring first", () => {
    const pieces = nearbyPieces({ lat: 52.52, lng: 13.4 });
    assert.deepEqual([...new Set(pieces.map((p) => p.ring))], [0, 1, 2]);
    // Every geohash of a point within 8 km falls in exactly one span.
    const inside = (g: string, p: (typeof pieces)[number]) =>
      (p.fromInclusive ? g >= p.from : g > p.from) && (p.toInclusive ? g <= p.to : g < p.to);
    for (const [dLat, dLng] of [
      [0, 0],
      [0.005, 0.01],
      [-0.02, 0.03],
      [0.05, -0.06],
    ]) {
      const g = geohashForLocation([52.52 + dLat, 13.4 + dLng]);
      assert.equal(pieces.filter((p) => inside(g, p)).length, 1, `${g} in one span`);
    }
  });
  it("normalises search words: case, accents, ß, plurals, prefixes of names", () => {
    assert.equal(normalize("Taquería STRAßE"), "taqueria strasse");
    assert.equal(searchToken("  Pizza   Margherita "), "margherita");
    assert.equal(searchToken("!"), null);
    const tokens = searchTokensOf(["Taquería Luna"], ["Tacos al Pastor"]);
    for (const t of ["ta", "taq", "taqueria", "luna", "tacos", "taco", "pastor"]) assert.ok(tokens.includes(t), t);
    assert.ok(!tokens.includes("pas"), "dish words are whole words");
  });
  it("finds plurals of what it holds: the query folds them as the entries do", () => {
    const tokens = searchTokensOf(["Trattoria Rosa", "Italian"], ["Pizza Margherita", "Burgers"]);
    for (const q of ["pizza", "pizzas", "Pizzas", "burger", "burgers", "rosas"])
      assert.ok(tokens.includes(searchToken(q)!), q);
  });
  it("finds a cuisine by its name in every language", () => {
    const tokens = searchTokensOf(["Trattoria Rosa", ...cuisineNames("Italian")], []);
    for (const q of ["italian", "italienisch", "Italienisch", "itali"]) assert.ok(tokens.includes(searchToken(q)!), q);
    assert.deepEqual(cuisineNames("Späti food"), ["Späti food"], "a cuisine Dishpatch does not know stays as written");
    assert.equal(cuisineName("Bakery", "de"), "Bäckerei");
    assert.equal(cuisineName("Späti food", "de"), "Späti food");
  });
});

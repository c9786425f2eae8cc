import { strict as assert } from "node:assert";
import {
  applyRoleChange,
  canTransition,
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
  openingHours: { mon: [{ open: "11:00", close: "23:00" }], fri: [{ open: "18:00", close: "02:00" }] },
  isOpen: true,
  prepTimeMin: 20,
  deliveryRadiusM: 3000,
  deliveryFee: 249,
  serviceFeeBps: 500,
  minOrder: 1500,
  currency: "EUR",
  categories: [],
  ratingAvg: 0,
  ratingCount: 0,
  ratingSum: 0,
};
// Monday 2026-11-23 13:00 in Berlin (UTC+1).
const MONDAY_LUNCH = new Date("2026-11-23T12:00:00Z");
const near = { line1: "Torstraße 1", city: "Berlin", lat: 52.53, lng: 13.41 };
const check = (items: unknown, patch: Partial<Restaurant> = {}, at = MONDAY_LUNCH, address: unknown = near) =>
  checkOrder({ items, deliveryAddress: address, restaurant: { ...restaurant, ...patch }, menu, now: at });
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
    );
    assert.equal(p.subtotal, 290);
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
    ["too_many_lines", "51 lines", () => check(Array(51).fill({ itemId: "water", quantity: 1, options: {} }))],
    ["invalid_quantity", "quantity 0", () => check([{ itemId: "water", quantity: 0, options: {} }])],
    ["invalid_quantity", "quantity 21", () => check([{ itemId: "water", quantity: 21, options: {} }])],
    ["invalid_quantity", "quantity 1.5", () => check([{ itemId: "water", quantity: 1.5, options: {} }])],
    ["restaurant_closed", "switch off", () => check(ok, { isOpen: false })],
    ["restaurant_closed", "outside hours (Monday 07:00)", () => check(ok, {}, new Date("2026-11-23T06:00:00Z"))],
    ["restaurant_closed", "a day without hours (Tuesday)", () => check(ok, {}, new Date("2026-11-24T12:00:00Z"))],
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
      codeOf(checkOrder({ items: ok, deliveryAddress: near, restaurant: null, menu, now: MONDAY_LUNCH })),
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
  it("is open inside and closed outside an interval, in the restaurant's time zone", () => {
    assert.ok(isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-23T10:00:00Z"))); // 11:00 Berlin
    assert.ok(!isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-23T09:59:00Z"))); // 10:59
    assert.ok(!isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-23T22:00:00Z"))); // 23:00 closes
  });
  it("follows an interval past midnight into the next day", () => {
    assert.ok(isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-27T23:30:00Z"))); // Sat 00:30
    assert.ok(!isOpenAt(restaurant.openingHours, "Europe/Berlin", new Date("2026-11-28T01:00:00Z"))); // Sat 02:00
  });
  it("treats 24:00 as the end of the day", () =>
    assert.ok(
      isOpenAt({ tue: [{ open: "00:00", close: "24:00" }] }, "Europe/Berlin", new Date("2026-11-24T22:59:00Z")),
    ));
});

describe("unit: state machine", () => {
  it("lets only the backend place or reject", () => {
    assert.ok(canTransition("submitted", "placed", "backend"));
    for (const actor of ["customer", "restaurant", "courier"] as const)
      assert.ok(!canTransition("submitted", "placed", actor));
  });
  it("lets the customer cancel only while placed", () => {
    assert.deepEqual(
      ORDER_STATUSES.filter((s) => canTransition(s, "cancelled", "customer")),
      ["placed"],
    );
  });
  it("has no transition out of a final status", () => {
    for (const t of TRANSITIONS) assert.ok(!["rejected", "declined", "cancelled", "delivered"].includes(t.from));
  });
  it("walks the happy path one actor at a time", () => {
    assert.deepEqual(nextStatuses("placed", "restaurant"), ["accepted", "declined"]);
    assert.deepEqual(nextStatuses("ready", "courier"), ["picked_up"]);
  });
});

describe("unit: roles", () => {
  it("grants and revokes staff restaurants without touching other roles", () => {
    let c = applyRoleChange({ courier: true }, { role: "staff", grant: true, restaurantId: "b" });
    c = applyRoleChange(c, { role: "staff", grant: true, restaurantId: "a" });
    assert.deepEqual(c, { courier: true, staff: ["a", "b"] });
    c = applyRoleChange(c, { role: "staff", grant: false, restaurantId: "a" });
    c = applyRoleChange(c, { role: "staff", grant: false, restaurantId: "b" });
    assert.deepEqual(c, { courier: true });
  });
  it("needs a restaurant for the staff role", () =>
    assert.throws(() => applyRoleChange({}, { role: "staff", grant: true })));
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

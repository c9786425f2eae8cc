import { strict as assert } from "node:assert";
import { FieldValue } from "firebase-admin/firestore";
import { cartDoc, inboxMessage, LIMITS, paths, restaurantProblem } from "../../functions/src/domain";
import { PROBLEMS } from "../../functions/src/domain/texts/problems";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  placeOrder,
  statusIs,
  waitForCount,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

const MENU = {
  pizza: {
    price: 950,
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
  },
  water: { price: 290 },
  soldOut: { price: 500, available: false },
};

describe("pipeline: order processing", function () {
  this.timeout(300_000);
  let customer: TestUser;
  let r: TestRestaurant;

  before(async () => {
    r = await createRestaurant(MENU);
  });
  // A new customer for every test: orders placed here stay under way until they time out, and
  // one customer may have only so many at once.
  beforeEach(async () => {
    customer = await createUser({}, "Paula Pipeline");
  });
  after(closeClients);

  const settle = (orderId: string) => waitForDoc(adminDb.doc(paths.order(orderId)), statusIs("placed", "rejected"));
  /** An order written past the rules, as only a bug or an admin tool could: the backend must
   * still judge it on its own. */
  const writeDirectly = async (items: unknown, patch: Record<string, unknown> = {}) => {
    const ref = adminDb.collection("orders").doc();
    const cart = cartDoc(
      { customerId: customer.uid, restaurantId: r.id, items: [], deliveryAddress: BERLIN_CENTRE },
      FieldValue.serverTimestamp(),
    );
    await ref.set({ ...cart, items, ...patch });
    return ref.id;
  };

  it("prices items with options from the menu and places the order", async () => {
    const id = await placeOrder(customer, r.id, [
      { itemId: r.items.pizza, quantity: 2, options: { size: ["large"], extras: ["cheese", "olives"] } },
      { itemId: r.items.water, quantity: 3, options: {} },
    ]);
    const order = (await settle(id)).data()!;
    assert.equal(order.status, "placed");
    // (9.50 + 3.50 + 1.50 + 1.00) x 2 + 2.90 x 3 = 39.70; 5 % service = 1.99 (1.985 rounded up); delivery 2.49
    assert.equal(order.pricing.lines[0].unitPrice, 1550);
    assert.deepEqual(
      order.pricing.lines[0].options.map((o: { name: string }) => o.name),
      ["Large", "Cheese", "Olives"],
    );
    assert.equal(order.pricing.subtotal, 3970);
    assert.equal(order.pricing.serviceFee, 199);
    assert.equal(order.pricing.deliveryFee, 249);
    assert.equal(order.pricing.total, 4418);
    assert.equal(order.customerName, "Paula Pipeline");
    assert.equal(order.timeZone, "Europe/Berlin");
    assert.equal(order.courierId, null);
    assert.ok(order.timeline.submitted && order.timeline.placed, "timeline stamps");
    assert.ok(order.timeline.placed.toMillis() >= order.timeline.submitted.toMillis());
    assert.ok(order.acceptBy.toMillis() > order.timeline.placed.toMillis());
  });

  it("prices from the menu even when a client-made pricing got past the rules", async () => {
    const id = await writeDirectly([`${r.items.water}|4|`], {
      pricing: { subtotal: 1, total: 1, lines: [{ itemId: r.items.water, unitPrice: 1 }] },
    });
    const order = (await settle(id)).data()!;
    assert.equal(order.status, "placed");
    assert.equal(order.pricing.subtotal, 1160);
    assert.equal(order.pricing.total, 1160 + 249 + 58);
    assert.equal(order.pricing.lines[0].unitPrice, 290);
  });

  const fromCustomer: [string, () => Promise<string>][] = [
    ["unknown_item", () => placeOrder(customer, r.id, [{ itemId: "notOnTheMenu", quantity: 5, options: {} }])],
    ["item_unavailable", () => placeOrder(customer, r.id, [{ itemId: r.items.soldOut, quantity: 5, options: {} }])],
    [
      "invalid_options",
      () => placeOrder(customer, r.id, [{ itemId: r.items.pizza, quantity: 2, options: { size: ["xxl"] } }]),
    ],
    [
      "invalid_options",
      () => placeOrder(customer, r.id, [{ itemId: r.items.pizza, quantity: 2, options: { size: [] } }]),
    ],
    ["below_minimum", () => placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 1, options: {} }])],
    [
      "out_of_zone",
      () =>
        placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 5, options: {} }], {
          deliveryAddress: { ...BERLIN_CENTRE, lat: 52.4, lng: 13.05 }, // Potsdam
        }),
    ],
    [
      "restaurant_not_found",
      () => placeOrder(customer, "noSuchRestaurant", [{ itemId: r.items.water, quantity: 5, options: {} }]),
    ],
  ];
  const pastTheRules: [string, () => Promise<string>][] = [
    ["invalid_quantity", () => writeDirectly([`${r.items.water}|0|`])],
    ["invalid_quantity", () => writeDirectly([`${r.items.water}|21|`])],
    ["invalid_quantity", () => writeDirectly([`${r.items.water}|2.5|`])],
    ["invalid_quantity", () => writeDirectly([`${r.items.water}|-3|`])],
    ["too_many_lines", () => writeDirectly(Array(LIMITS.maxOrderLines + 1).fill(`${r.items.water}|1|`))],
    ["malformed_order", () => writeDirectly(["not a line"])],
    ["malformed_order", () => writeDirectly([42])],
    ["malformed_order", () => writeDirectly([{ itemId: r.items.water, quantity: 5, options: "" }])],
    ["malformed_order", () => writeDirectly([`${r.items.water}|5|size=;`])],
    ["malformed_order", () => writeDirectly([`${r.items.water}|5||999`])],
    ["malformed_order", () => writeDirectly([`${r.items.water}|two|`])],
    ["malformed_order", () => writeDirectly([`${r.items.water}|5|`], { deliveryAddress: "here" })],
  ];
  for (const [code, place] of [...fromCustomer, ...pastTheRules]) {
    it(`rejects with ${code}`, async () => {
      const order = (await settle(await place())).data()!;
      assert.equal(order.status, "rejected");
      assert.equal(order.rejection.code, code);
      assert.ok(order.rejection.message.length > 10);
      assert.equal(order.pricing, undefined, "a rejected order carries no pricing");
      assert.ok(order.timeline.rejected);
    });
  }

  it("rejects an order to a restaurant whose switch is off, and to one outside its hours", async () => {
    const closed = await createRestaurant({ water: { price: 290 } }, { isOpen: false });
    const noHours = await createRestaurant({ water: { price: 290 } }, { openingHours: {} });
    for (const rest of [closed, noHours]) {
      const order = (
        await settle(await placeOrder(customer, rest.id, [{ itemId: rest.items.water, quantity: 5, options: {} }]))
      ).data()!;
      assert.equal(order.rejection?.code, "restaurant_closed");
    }
  });

  const unreadable: [string, Record<string, unknown>][] = [
    ["a time zone that does not exist", { timeZone: "Mars/Olympus_Mons" }],
    ["hours that are numbers", { openingHours: { mon: [42] } }],
    ["hours with minute 99", { openingHours: { mon: "25:99-26:00" } }],
    ["hours that close before they open", { openingHours: { mon: "22:00-11:00" } }],
    ["a currency that is no currency", { currency: "12!" }],
  ];
  for (const [what, patch] of unreadable) {
    it(`a restaurant with ${what} refuses orders with a reason and tells its staff, instead of failing`, async () => {
      const broken = await createRestaurant({ water: { price: 290 } }, patch);
      const staff = await createUser({ staff: [broken.id] }, "Broken Staff");
      const koch = await createUser({ staff: [broken.id] }, "Koch");
      await adminDb.doc(paths.user(koch.uid)).update({ language: "de" });
      const id = await placeOrder(customer, broken.id, [{ itemId: broken.items.water, quantity: 5, options: {} }]);
      const order = (await settle(id)).data()!;
      assert.equal(order.rejection?.code, "restaurant_unavailable");
      const told = (uid: string) => adminDb.collection(paths.inbox(uid)).where("link", "==", "/dashboard/settings");
      assert.equal(await waitForCount(told(staff.uid), 1), 1, "staff hear about the problem once");
      assert.match(
        inboxMessage((await told(staff.uid).get()).docs[0].get("text"), "en").body,
        /settings have a problem/,
      );
      // Each in their own language, the problem too.
      await waitForCount(told(koch.uid), 1);
      const body = inboxMessage((await told(koch.uid).get()).docs[0].get("text"), "de").body;
      const restaurant = (await adminDb.doc(paths.restaurant(broken.id)).get()).data();
      assert.ok(body.includes(restaurantProblem(restaurant, PROBLEMS.de)!), body);
    });
  }

  it("uses the menu as it is at processing time", async () => {
    const rest = await createRestaurant({ dish: { price: 1200 } });
    await adminDb.doc(paths.menuItem(rest.id, rest.items.dish)).update({ price: 1500 });
    const order = (
      await settle(await placeOrder(customer, rest.id, [{ itemId: rest.items.dish, quantity: 1, options: {} }]))
    ).data()!;
    assert.equal(order.pricing.subtotal, 1500);
  });

  it(`refuses a customer's order beyond ${LIMITS.maxOpenOrdersPerCustomer} under way at once`, async () => {
    const hungry = await createUser({}, "Hungry Hugo");
    const order = () => placeOrder(hungry, r.id, [{ itemId: r.items.water, quantity: 5, options: {} }]);
    const first = await Promise.all(Array.from({ length: LIMITS.maxOpenOrdersPerCustomer }, order));
    for (const id of first) assert.equal((await settle(id)).get("status"), "placed");
    const extra = (await settle(await order())).data()!;
    assert.equal(extra.status, "rejected");
    assert.equal(extra.rejection.code, "too_many_open_orders");
  });
});

import { strict as assert } from "node:assert";
import { processSubmittedOrder } from "../../functions/src/orders/processOrder";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  placeOrder,
  statusIs,
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
  this.timeout(60_000);
  let customer: TestUser;
  let r: TestRestaurant;

  before(async () => {
    customer = await createUser({}, "Paula Pipeline");
    r = await createRestaurant(MENU);
  });
  after(closeClients);

  const settle = (orderId: string) => waitForDoc(adminDb.doc(`orders/${orderId}`), statusIs("placed", "rejected"));

  it("prices items with options from the menu and places the order", async () => {
    const id = await placeOrder(customer, r.id, [
      { itemId: r.items.pizza, quantity: 2, options: { size: ["large"], extras: ["cheese", "olives"] } },
      { itemId: r.items.water, quantity: 3, options: {} },
    ]);
    const order = (await settle(id)).data()!;
    assert.equal(order.status, "placed");
    // (9.50 + 3.50 + 1.50 + 1.00) x 2 + 2.90 x 3 = 39.70; 5 % service = 1.99 (1.985 rounded up); delivery 2.49
    assert.equal(order.pricing.lines[0].unitPrice, 1550);
    assert.equal(order.pricing.subtotal, 3970);
    assert.equal(order.pricing.serviceFee, 199);
    assert.equal(order.pricing.deliveryFee, 249);
    assert.equal(order.pricing.total, 4418);
    assert.equal(order.customerName, "Paula Pipeline");
    assert.equal(order.courierId, null);
    assert.ok(order.timeline.submitted && order.timeline.placed, "timeline stamps");
    assert.ok(order.timeline.placed.toMillis() >= order.timeline.submitted.toMillis());
    assert.ok(order.acceptBy.toMillis() > order.timeline.placed.toMillis());
  });

  it("ignores prices smuggled into the cart lines", async () => {
    const id = await placeOrder(customer, r.id, [
      { itemId: r.items.water, quantity: 4, options: {}, price: 1, unitPrice: 1, lineTotal: 4 },
    ]);
    const order = (await settle(id)).data()!;
    assert.equal(order.status, "placed");
    assert.equal(order.pricing.subtotal, 1160);
    assert.equal(order.pricing.lines[0].unitPrice, 290);
  });

  const rejections: [string, () => Promise<string>][] = [
    ["unknown_item", () => placeOrder(customer, r.id, [{ itemId: "notOnTheMenu", quantity: 5, options: {} }])],
    ["item_unavailable", () => placeOrder(customer, r.id, [{ itemId: r.items.soldOut, quantity: 5, options: {} }])],
    [
      "invalid_options",
      () => placeOrder(customer, r.id, [{ itemId: r.items.pizza, quantity: 2, options: { size: ["xxl"] } }]),
    ],
    ["invalid_quantity", () => placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 0, options: {} }])],
    ["invalid_quantity", () => placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 21, options: {} }])],
    ["invalid_quantity", () => placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 2.5, options: {} }])],
    [
      "too_many_lines",
      () => placeOrder(customer, r.id, Array(51).fill({ itemId: r.items.water, quantity: 1, options: {} })),
    ],
    ["below_minimum", () => placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 1, options: {} }])],
    [
      "out_of_zone",
      () =>
        placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 5, options: {} }], {
          deliveryAddress: { ...BERLIN_CENTRE, lat: 52.4, lng: 13.05 },
        }),
    ], // Potsdam
    [
      "restaurant_not_found",
      () => placeOrder(customer, "noSuchRestaurant", [{ itemId: r.items.water, quantity: 5, options: {} }]),
    ],
    ["malformed_order", () => placeOrder(customer, r.id, ["not a line"])],
  ];
  for (const [code, place] of rejections) {
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

  it("uses the menu as it is at processing time", async () => {
    const rest = await createRestaurant({ dish: { price: 1200 } });
    await adminDb.doc(`restaurants/${rest.id}/menu/${rest.items.dish}`).update({ price: 1500 });
    const order = (
      await settle(await placeOrder(customer, rest.id, [{ itemId: rest.items.dish, quantity: 1, options: {} }]))
    ).data()!;
    assert.equal(order.pricing.subtotal, 1500);
  });

  it("a replayed creation event, even racing itself, changes nothing", async () => {
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 5, options: {} }]);
    const first = (await settle(id)).data()!;
    const outcomes = await Promise.all([1, 2, 3].map(() => processSubmittedOrder(id)));
    assert.deepEqual(outcomes, [null, null, null], "later deliveries see the order already processed");
    const again = (await adminDb.doc(`orders/${id}`).get()).data()!;
    assert.deepEqual(again, first);
  });

  it("two instances racing on one submitted order leave exactly one result", async () => {
    // The trigger races these three calls too: whichever commits first places the order,
    // every other run must find it no longer submitted.
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 5, options: {} }]);
    const outcomes = await Promise.all([1, 2, 3].map(() => processSubmittedOrder(id)));
    const order = (await settle(id)).data()!;
    assert.equal(order.status, "placed");
    assert.ok(outcomes.filter((o) => o !== null).length <= 1, `outcomes: ${outcomes}`);
    const inbox = await adminDb.collectionGroup("notifications").where("orderId", "==", id).get();
    assert.ok(inbox.size <= 1);
  });

  it("places 50 orders sent at once, losing none", async () => {
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        placeOrder(customer, r.id, [{ itemId: r.items.water, quantity: 4 + (i % 5), options: {} }]),
      ),
    );
    assert.equal(new Set(ids).size, 50);
    const orders = await Promise.all(
      ids.map((id) => waitForDoc(adminDb.doc(`orders/${id}`), statusIs("placed", "rejected"), 50_000)),
    );
    assert.deepEqual(
      orders.map((o) => o.get("status")),
      Array(50).fill("placed"),
    );
    orders.forEach((o, i) => assert.equal(o.get("pricing.subtotal"), 290 * (4 + (i % 5))));
  });
});

// Load: many orders at once, through the system alone (its triggers, its accept timeout and its
// reconciler), every one ending in one consistent state with none lost or duplicated. `npm run
// test:load` runs these (and `npm run test:all`, which CI runs); the sizes below are its defaults.

import { strict as assert } from "node:assert";
import { collection, doc, serverTimestamp, writeBatch } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import { cartDoc, DEFAULT_FEES, LIMITS, paths } from "../../functions/src/domain";
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

/** A burst of orders across ten restaurants that nobody answers. */
const BURST = Number(process.env.BURST_ORDERS ?? 500);
/** Orders in one batched write by one customer. */
const BATCHED = Number(process.env.BATCHED_ORDERS ?? 200);
/** Orders sent at once by customers placing five each. */
const CROWD = Number(process.env.CROWD_ORDERS ?? 100);
/** Customers racing for a code with ten uses left. */
const PROMO_CROWD = Number(process.env.PROMO_CROWD ?? 100);
const DAY = 24 * 3600_000;

async function reconcilerTotals(): Promise<Record<string, number>> {
  return ((await adminDb.doc(paths.reconcilerState()).get()).get("totals") as Record<string, number>) ?? {};
}

describe("load: many orders at once", function () {
  this.timeout(900_000);
  let customer: TestUser, admin: TestUser;
  let r: TestRestaurant;
  const orderRef = (id: string) => adminDb.doc(paths.order(id));

  before(async () => {
    r = await createRestaurant({ dish: { price: 1200 } });
    admin = await createUser({ admin: true }, "Load Admin");
    await adminDb.doc(paths.fees()).set({ ...DEFAULT_FEES, updatedAt: new Date() });
  });
  beforeEach(async () => {
    customer = await createUser({}, "Loaded Lou");
  });
  after(closeClients);

  const createPromo = (patch: Record<string, unknown>) =>
    httpsCallable<unknown, { code: string }>(
      admin.functions,
      "createPromo",
    )({
      code: `LOAD${Date.now().toString(36).toUpperCase()}`,
      description: "Load code",
      kind: "percent",
      percentBps: 1000,
      amountCents: 0,
      minSubtotal: 0,
      maxDiscount: null,
      validFrom: Date.now() - 60_000,
      validUntil: Date.now() + DAY,
      firstOrderOnly: false,
      perCustomerLimit: 0,
      maxRedemptions: null,
      budgetCents: null,
      restaurantId: null,
      fundedBy: "platform",
      paused: false,
      public: false,
      ...patch,
    }).then((res) => res.data.code);
  const order = (who: TestUser, quantity: number, extra: Record<string, unknown>, rest: TestRestaurant) =>
    placeOrder(who, rest.id, [{ itemId: rest.items.pizza, quantity, options: {} }], extra);

  it(`${BATCHED} orders in one batched write: at most ${LIMITS.maxOpenOrdersPerCustomer} are placed, the rest rejected, none lost`, async function () {
    this.timeout(240_000);
    const batch = writeBatch(customer.db);
    const ids: string[] = [];
    for (let i = 0; i < BATCHED; i++) {
      const ref = doc(collection(customer.db, paths.orders()));
      ids.push(ref.id);
      batch.set(
        ref,
        cartDoc(
          {
            customerId: customer.uid,
            restaurantId: r.id,
            items: [{ itemId: r.items.dish, quantity: 1, options: {} }],
            deliveryAddress: BERLIN_CENTRE,
          },
          serverTimestamp(),
        ),
      );
    }
    await batch.commit();
    const settled = await Promise.all(
      ids.map((id) => waitForDoc(orderRef(id), (s) => s.get("status") !== "submitted", 200_000)),
    );
    const placed = settled.filter((s) => s.get("status") === "placed");
    const rejected = settled.filter((s) => s.get("status") === "rejected");
    assert.equal(placed.length + rejected.length, BATCHED, "every order processed");
    assert.ok(placed.length <= LIMITS.maxOpenOrdersPerCustomer, `${placed.length} placed`);
    assert.ok(rejected.every((s) => s.get("rejection.code") === "too_many_open_orders"));
  });

  it(`a burst of ${BURST} orders across 10 restaurants: all end through the system alone, totals right, none lost or duplicated`, async function () {
    this.timeout(900_000);
    const started = Date.now();
    const totalsBefore = await reconcilerTotals();
    const kitchens = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createRestaurant({ a: { price: 800 + i * 10 }, b: { price: 450 } }, { deliveryFee: 199 + i, minOrder: 0 }),
      ),
    );
    // Every buyer places at most as many orders as may be under way at once.
    const buyers = await Promise.all(
      Array.from({ length: Math.ceil(BURST / LIMITS.maxOpenOrdersPerCustomer) }, (_, i) =>
        createUser({}, `Burst Buyer ${i}`),
      ),
    );
    const plan = Array.from({ length: BURST }, (_, i) => {
      const k = kitchens[i % 10];
      const qa = 1 + (i % 3),
        qb = i % 4;
      const bad = i % 25 === 0; // every 25th order names a dish the restaurant does not have
      const items = [
        { itemId: bad ? "gone" : k.items.a, quantity: qa, options: {} },
        ...(qb ? [{ itemId: k.items.b, quantity: qb, options: {} }] : []),
      ];
      const subtotal = (800 + (i % 10) * 10) * qa + 450 * qb;
      const expected = bad
        ? null
        : subtotal + 199 + (i % 10) + Math.floor((subtotal * DEFAULT_FEES.serviceFeeBps + 5000) / 10000);
      return { buyer: buyers[i % buyers.length], restaurantId: k.id, items, expected };
    });
    const ids = await Promise.all(plan.map((p) => placeOrder(p.buyer, p.restaurantId, p.items)));
    assert.equal(new Set(ids).size, BURST, `${BURST} distinct orders`);
    // Nobody accepts: the system itself must end every order, by rejecting it or, once the
    // restaurant has had its time, cancelling it.
    const finals = await Promise.all(
      ids.map((id) => waitForDoc(orderRef(id), statusIs("cancelled", "rejected"), 600_000)),
    );
    finals.forEach((s, i) => {
      if (plan[i].expected === null) {
        assert.equal(s.get("status"), "rejected");
        assert.equal(s.get("rejection.code"), "unknown_item");
      } else {
        assert.equal(s.get("status"), "cancelled", `order ${i}`);
        assert.equal(s.get("cancelReason"), "accept_timeout");
        assert.equal(s.get("pricing.total"), plan[i].expected, `total of order ${i}`);
      }
    });
    const ours = await adminDb
      .collection("orders")
      .where(
        "restaurantId",
        "in",
        kitchens.map((k) => k.id),
      )
      .count()
      .get();
    assert.equal(ours.data().count, BURST, "no order lost or duplicated");
    // Exactly one customer notification per order, for its final transition.
    for (const b of new Set(plan.map((p) => p.buyer))) {
      const mine = ids.filter((_, i) => plan[i].buyer === b);
      assert.equal(await waitForCount(adminDb.collection(paths.inbox(b.uid)), mine.length, 120_000, 2000), mine.length);
    }
    const after = await reconcilerTotals();
    const recovered = Object.fromEntries(
      ["submitted", "timedOut", "effects"].map((k) => [k, (after[k] ?? 0) - (totalsBefore[k] ?? 0)]),
    );
    console.log(
      `      ${BURST} orders ended in ${((Date.now() - started) / 1000).toFixed(1)} s; the reconciler ` +
        `processed ${recovered.submitted} lost submissions, cancelled ${recovered.timedOut} overdue orders ` +
        `and finished ${recovered.effects} transitions' side effects`,
    );
  });

  it(`places ${CROWD} orders sent at once by ${CROWD / 5} customers, losing none`, async () => {
    const fresh = await createRestaurant({ water: { price: 290 } });
    const buyers = await Promise.all(Array.from({ length: CROWD / 5 }, (_, i) => createUser({}, `Buyer ${i}`)));
    const ids = await Promise.all(
      Array.from({ length: CROWD }, (_, i) =>
        placeOrder(buyers[i % buyers.length], fresh.id, [
          { itemId: fresh.items.water, quantity: 4 + (i % 5), options: {} },
        ]),
      ),
    );
    assert.equal(new Set(ids).size, CROWD);
    const orders = await Promise.all(
      ids.map((id) => waitForDoc(orderRef(id), statusIs("placed", "rejected"), 300_000)),
    );
    assert.deepEqual(
      orders.map((o) => o.get("status")),
      Array(CROWD).fill("placed"),
    );
    orders.forEach((o, i) => assert.equal(o.get("pricing.subtotal"), 290 * (4 + (i % 5))));
  });

  it(`of ${PROMO_CROWD} orders at once on a code with 10 uses left, exactly 10 get the discount`, async function () {
    this.timeout(240_000);
    const code = await createPromo({ maxRedemptions: 10, budgetCents: null });
    // A restaurant of its own: the ten placed orders go unanswered, and missed orders pause a restaurant.
    const crowded = await createRestaurant({ pizza: { price: 1290 } }, { minOrder: 0, deliveryFee: 249 });
    const people = await Promise.all(Array.from({ length: PROMO_CROWD }, (_, i) => createUser({}, `Rush ${i}`)));
    const ids = await Promise.all(people.map((p) => order(p, 2, { promoCode: code }, crowded)));
    const results = await Promise.all(
      ids.map((id) => waitForDoc(orderRef(id), (s) => s.get("status") !== "submitted", 180_000)),
    );
    const placed = results.filter((s) => s.get("status") === "placed");
    const rejected = results.filter((s) => s.get("status") === "rejected");
    assert.equal(placed.length, 10);
    assert.ok(placed.every((s) => s.get("pricing.discount") === 258));
    assert.equal(rejected.length, PROMO_CROWD - 10);
    assert.ok(rejected.every((s) => s.get("rejection.code") === "promo_exhausted"));
    const left = await adminDb.collection(`${paths.promoCode(code)}/allocations`).get();
    assert.equal(
      left.docs.reduce((sum, d) => sum + d.get("left"), 0),
      0,
    );
    assert.equal((await adminDb.collection(paths.promoRedemptions(code)).get()).size, 10);
  });
});

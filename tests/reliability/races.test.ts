// Duplicates, races, lost events and a burst of orders: every order ends in exactly one consistent
// state with exactly one notification per transition, through the system itself (its triggers,
// its accept timeout and its reconciler): the tests only place orders and watch.

import { strict as assert } from "node:assert";
import { collection, doc, serverTimestamp, writeBatch } from "firebase/firestore";
import { cartDoc, DEFAULT_FEES, LIMITS, notificationId, paths, type Order } from "../../functions/src/domain";
import { runEffects } from "../../functions/src/orders/effects";
import { processSubmittedOrder } from "../../functions/src/orders/placement";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  moveOrder,
  placeOrder,
  statusIs,
  testDeps,
  waitForCount,
  waitForDoc,
  withEventsLost,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

/** The burst's size: BURST_ORDERS (npm run test:load sets 500; npm test runs a smaller one). */
const BURST = Number(process.env.BURST_ORDERS ?? 30);
/** Orders in one batched write: BATCHED_ORDERS (npm run test:load sets 200). */
const BATCHED = Number(process.env.BATCHED_ORDERS ?? 60);
/** How long a lost event may take to be made good: the reconciler ticks every few seconds, but a
 * run busy with the load tests' orders drains for up to 40 s first, on a slower machine longer. */
const RECOVERY_MS = 120_000;

async function reconcilerTotals(): Promise<Record<string, number>> {
  return ((await adminDb.doc(paths.reconcilerState()).get()).get("totals") as Record<string, number>) ?? {};
}

describe("reliability: races, lost events and load", function () {
  this.timeout(300_000);
  let customer: TestUser, staff: TestUser;
  let r: TestRestaurant;

  before(async () => {
    r = await createRestaurant({ dish: { price: 1200 } });
    staff = await createUser({ staff: [r.id] }, "Racing Staff");
  });
  beforeEach(async () => {
    customer = await createUser({}, "Racing Rita");
  });
  after(closeClients);

  const orderRef = (id: string) => adminDb.doc(paths.order(id));
  const entry = (uid: string, id: string, status: Order["status"]) =>
    adminDb.doc(paths.notification(uid, notificationId(id, status)));
  const inboxFor = (uid: string, orderId: string) =>
    adminDb.collection(paths.inbox(uid)).where("orderId", "==", orderId);
  const placeOne = async () => {
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]);
    await waitForDoc(orderRef(id), statusIs("placed"));
    return id;
  };

  it("a customer cancelling while the restaurant accepts: exactly one wins, one notification for it, none for the loser", async () => {
    for (let round = 0; round < 5; round++) {
      customer = await createUser({}, `Racing Rita ${round}`);
      const id = await placeOne();
      const results = await Promise.allSettled([
        moveOrder(customer, id, "cancelled", { cancelReason: "changed_mind" }),
        moveOrder(staff, id, "accepted"),
      ]);
      assert.equal(
        results.filter((x) => x.status === "fulfilled").length,
        1,
        `round ${round}: ${results.map((x) => (x.status === "rejected" ? String(x.reason) : x.status))}`,
      );
      const final = (await orderRef(id).get()).data() as Order;
      assert.ok(["cancelled", "accepted"].includes(final.status));
      const loser = final.status === "cancelled" ? "accepted" : "cancelled";
      assert.equal(final.timeline?.[loser], undefined, "the losing transition left no trace");
      await waitForDoc(entry(customer.uid, id, final.status), (s) => s.exists);
      assert.equal(await waitForCount(inboxFor(customer.uid, id), 1, 20_000, 1000), 1, "no notification for the loser");
    }
  });

  it("replayed events on a finished order change nothing", async () => {
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]);
    const created = await orderRef(id).get();
    await waitForDoc(orderRef(id), statusIs("placed"));
    await moveOrder(staff, id, "declined", { declineReason: "closing_soon" });
    await waitForDoc(entry(customer.uid, id, "declined"), (s) => s.exists);
    const before = JSON.stringify((await orderRef(id).get()).data());
    const order = (await orderRef(id).get()).data() as Order;
    assert.equal(await processSubmittedOrder(testDeps(), created), "already processed");
    await Promise.all([runEffects(testDeps(), id, order), runEffects(testDeps(), id, order)]);
    assert.equal(JSON.stringify((await orderRef(id).get()).data()), before);
    assert.equal((await inboxFor(customer.uid, id).get()).size, 1);
  });

  it("an order whose creation event is lost is placed by the reconciler", async () => {
    const before = await reconcilerTotals();
    const id = await withEventsLost(() =>
      placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]),
    );
    const placed = await waitForDoc(orderRef(id), statusIs("placed", "rejected"), RECOVERY_MS);
    assert.equal(placed.get("status"), "placed");
    assert.equal(placed.get("pricing.subtotal"), 1200);
    // The reconciler says so in its report (written once its run is over; a run drains for up
    // to 40 s when many orders are due).
    await waitForDoc(
      adminDb.doc(paths.reconcilerState()),
      (s) => (s.get("totals.submitted") ?? 0) > (before.submitted ?? 0),
      RECOVERY_MS,
    );
  });

  it("a transition whose event is lost gets its notification from the reconciler, exactly once", async () => {
    const id = await placeOne();
    await withEventsLost(() => moveOrder(staff, id, "accepted"));
    await waitForDoc(entry(customer.uid, id, "accepted"), (s) => s.exists, RECOVERY_MS);
    assert.equal(await waitForCount(inboxFor(customer.uid, id), 1, 20_000, 4000), 1);
  });

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
});

// Races and lost events: every order ends in exactly one consistent state with exactly one
// notification per transition, through the system itself (its triggers, its accept timeout and its
// reconciler): the tests only place orders and watch. The load tests are in tests/load.

import { strict as assert } from "node:assert";
import { doc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { paths, wordsOf, type Order } from "../../functions/src/domain";
import {
  adminDb,
  closeClients,
  createRestaurant,
  createUser,
  deliverThrough,
  moveOrder,
  nextReconcilerRun,
  placeOrder,
  RECOVERY_MS,
  statusIs,
  waitForCount,
  waitForDoc,
  withEventsLost,
  type TestRestaurant,
  type TestUser,
  inboxTold,
} from "../support/app";

describe("reliability: races and lost events", function () {
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
  /** The person's inbox entry about the order, once it tells them about `status`. */
  const told = inboxTold;
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
      await told(customer.uid, id, final.status);
      assert.equal(await waitForCount(inboxFor(customer.uid, id), 1, 20_000, 1000), 1, "no notification for the loser");
    }
  });

  it("a decline whose event is lost is made good once by the reconciler, and later runs change nothing", async () => {
    const id = await placeOne();
    await withEventsLost(() => moveOrder(staff, id, "declined", { declineReason: "closing_soon" }));
    await told(customer.uid, id, "declined", RECOVERY_MS);
    const before = JSON.stringify((await orderRef(id).get()).data());
    await nextReconcilerRun();
    await nextReconcilerRun();
    assert.equal(JSON.stringify((await orderRef(id).get()).data()), before);
    assert.equal((await inboxFor(customer.uid, id).get()).size, 1);
  });

  it("an order whose creation event is lost is placed by the reconciler", async () => {
    const id = await withEventsLost(() =>
      placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]),
    );
    const placed = await waitForDoc(orderRef(id), statusIs("placed", "rejected"), RECOVERY_MS);
    assert.equal(placed.get("status"), "placed");
    assert.equal(placed.get("pricing.subtotal"), 1200);
    assert.equal(placed.get("by.placed"), "backend:reconciler", "the order itself says who placed it");
  });

  it("a transition whose event is lost gets its notification from the reconciler, exactly once", async () => {
    const id = await placeOne();
    await withEventsLost(() => moveOrder(staff, id, "accepted"));
    await told(customer.uid, id, "accepted", RECOVERY_MS);
    assert.equal(await waitForCount(inboxFor(customer.uid, id), 1, 20_000, 4000), 1);
  });

  it("a review whose event is lost is counted into its restaurant's rating by the reconciler, once", async () => {
    const rest = await createRestaurant({ dish: { price: 1200 } });
    const kitchen = await createUser({ staff: [rest.id] }, "Lost Review Kitchen");
    const courier = await createUser({ courier: true }, "Lost Review Courier");
    const id = await placeOrder(customer, rest.id, [{ itemId: rest.items.dish, quantity: 1, options: {} }]);
    await waitForDoc(orderRef(id), statusIs("placed"));
    await deliverThrough(kitchen, courier, id);
    await withEventsLost(() =>
      setDoc(doc(customer.db, paths.review(rest.id, id)), { rating: 4, text: "Lost", createdAt: serverTimestamp() }),
    );
    const rated = await waitForDoc(
      adminDb.doc(paths.restaurant(rest.id)),
      (s) => s.get("ratingCount") === 1,
      RECOVERY_MS,
    );
    assert.equal(rated.get("ratingSum"), 4);
    const review = await adminDb.doc(paths.review(rest.id, id)).get();
    assert.equal(review.get("counted"), true);
    assert.equal(review.get("authorName"), "Racing R.");
    await nextReconcilerRun();
    assert.equal((await adminDb.doc(paths.restaurant(rest.id)).get()).get("ratingCount"), 1, "counted once");
  });

  it("a restaurant's and a dish's changes whose events are lost reach the public card and search words", async () => {
    const rest = await createRestaurant({ dish: { price: 1200 } });
    const owner = await createUser({ owner: [rest.id] }, "Lost Card Owner");
    await waitForDoc(adminDb.doc(paths.listing(rest.id)), (s) => s.exists);
    await withEventsLost(async () => {
      await updateDoc(doc(owner.db, paths.restaurant(rest.id)), {
        name: "Renamed Kitchen",
        updatedAt: serverTimestamp(),
      });
      await setDoc(doc(owner.db, paths.menuItem(rest.id, "knodel")), {
        name: "Zwetschgenknödel",
        description: "",
        category: "Mains",
        price: 900,
        available: true,
        optionGroups: [],
        updatedAt: serverTimestamp(),
      });
    });
    await waitForDoc(adminDb.doc(paths.listing(rest.id)), (s) => s.get("name") === "Renamed Kitchen", RECOVERY_MS);
    const [word] = wordsOf("Zwetschgenknödel");
    await waitForDoc(
      adminDb.doc(paths.searchEntry(rest.id)),
      (s) => ((s.get("tokens") as string[]) ?? []).includes(word),
      RECOVERY_MS,
    );
  });
});

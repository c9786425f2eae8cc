// A customer's own data, end to end through the callables: the download, a deletion refused while
// an order is under way, and a deletion after which no document anywhere (every collection and
// subcollection of the project, scanned) holds their uid, name, email, phone or address, nor does
// Auth; what the law keeps (the receipts) is kept without them, and their review stays, signed
// "former customer".

import { strict as assert } from "node:assert";
import { doc, getDoc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import { paths, shortName, type AccountExport } from "../../functions/src/domain";
import { placeOrder as place } from "../../scripts/lib/people";
import {
  adminAuth,
  adminDb,
  claimOrder,
  closeClients,
  createRestaurant,
  createUser,
  deliverOrder,
  deliverThrough,
  moveOrder,
  statusIs,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";
import { scanEverything } from "../support/scan";

const DAY = 24 * 3600_000;

describe("pipeline: a customer's data (download, deletion)", function () {
  this.timeout(240_000);
  let r: TestRestaurant;
  let owner: TestUser, courier: TestUser, admin: TestUser;
  before(async () => {
    r = await createRestaurant({ pizza: { price: 1200 } }, { minOrder: 0 });
    [owner, courier, admin] = await Promise.all([
      createUser({ owner: [r.id] }, "Otto Owner"),
      createUser({ courier: true }, "Cleo Courier"),
      createUser({ admin: true }, "Ada Admin"),
    ]);
  });
  after(closeClients);

  let n = 0;
  const addressesOf = (nonce: string) => ({
    home: { line1: `Löschweg ${nonce}`, city: "Berlin", lat: 52.522, lng: 13.412 },
    work: { line1: `Vergessenstraße ${nonce}`, city: "Berlin", lat: 52.52, lng: 13.405 },
  });
  const orderFrom = (who: TestUser, extra: Record<string, unknown> = {}, deliveryAddress = addressesOf("x").home) =>
    place(
      who,
      { restaurantId: r.id, items: [{ itemId: r.items.pizza, quantity: 2, options: {} }], deliveryAddress },
      extra,
    );
  const placed = (id: string) => waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
  const deliver = async (id: string) => {
    await placed(id);
    await deliverThrough(owner, courier, id);
    await waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists);
  };
  const call = <T>(who: TestUser, name: string) => httpsCallable<void, T>(who.functions, name)().then((x) => x.data);

  /** A customer with a profile, two addresses, a device, a delivered order with a code and a
   * review, and a cancelled one. */
  async function customerWithHistory() {
    const nonce = `${Date.now().toString(36)}${n++}`;
    const { home, work } = addressesOf(nonce);
    const name = `Delia${nonce} Deleteme`;
    const phone = `+49 30 ${Date.now()}`;
    const who = await createUser({}, name);
    await updateDoc(doc(who.db, paths.user(who.uid)), { phone, updatedAt: serverTimestamp() });
    for (const [slot, a] of [
      ["a0", home],
      ["a1", work],
    ] as const) {
      await setDoc(doc(who.db, paths.address(who.uid, slot)), { ...a, label: slot, updatedAt: serverTimestamp() });
    }
    await setDoc(doc(who.db, paths.device(who.uid, "d0")), { token: `token-${nonce}`, createdAt: serverTimestamp() });
    const code = `DEL${nonce.toUpperCase()}`.slice(0, 20);
    await httpsCallable(
      admin.functions,
      "createPromo",
    )({
      code,
      description: "",
      kind: "fixed",
      percentBps: 0,
      amountCents: 300,
      minSubtotal: 0,
      maxDiscount: null,
      validFrom: Date.now() - 60_000,
      validUntil: Date.now() + DAY,
      firstOrderOnly: false,
      perCustomerLimit: 0,
      maxRedemptions: 10,
      budgetCents: null,
      restaurantId: null,
      fundedBy: "platform",
      paused: false,
      public: false,
    });
    const note = `Ring ${nonce}`;
    const delivered = await orderFrom(who, { promoCode: code, tip: { cents: 200 }, note }, home);
    await deliver(delivered);
    await setDoc(doc(who.db, paths.review(r.id, delivered)), {
      rating: 4,
      text: "Good.",
      createdAt: serverTimestamp(),
    });
    await waitForDoc(adminDb.doc(paths.review(r.id, delivered)), (s) => s.get("counted") === true);
    const cancelled = await orderFrom(who, {}, home);
    await placed(cancelled);
    await moveOrder(who, cancelled, "cancelled", { cancelReason: "changed_mind" });
    const email = (await adminAuth.getUser(who.uid)).email!;
    return { who, name, phone, email, code, delivered, cancelled, home, work, note };
  }

  it("a customer downloads everything Dishpatch holds about them", async () => {
    const c = await customerWithHistory();
    const data = await call<AccountExport>(c.who, "exportMyData");
    assert.deepEqual(data.account, { uid: c.who.uid, email: c.email, createdAt: data.account.createdAt });
    assert.equal(data.profile?.displayName, c.name);
    assert.equal(data.profile?.phone, c.phone);
    assert.deepEqual(data.addresses.map((a) => a.line1).sort(), [c.home.line1, c.work.line1].sort());
    assert.deepEqual(data.orders.map((o) => o.id).sort(), [c.delivered, c.cancelled].sort());
    const order = data.orders.find((o) => o.id === c.delivered)!;
    assert.equal(typeof order.createdAt, "string", "times as ISO strings");
    assert.ok(!Number.isNaN(Date.parse(order.createdAt as string)));
    const orderTotal = (await adminDb.doc(paths.order(c.delivered)).get()).get("pricing.total");
    assert.deepEqual(
      data.receipts.map((x) => [x.id, x.total]),
      [[c.delivered, orderTotal]],
    );
    assert.deepEqual(
      data.reviews.map((x) => [x.restaurantId, x.orderId, x.rating, x.text]),
      [[r.id, c.delivered, 4, "Good."]],
    );
    // Someone else's data is not in it.
    const other = await call<AccountExport>(await createUser({}, "Olga Other"), "exportMyData");
    assert.deepEqual([other.orders.length, other.receipts.length, other.reviews.length], [0, 0, 0]);
  });

  it("deleting is refused, with its reason, while an order is under way, and changes nothing", async () => {
    const who = await createUser({}, "Pia Pending");
    const id = await orderFrom(who);
    await placed(id);
    await assert.rejects(call(who, "deleteMyAccount"), (err: { code: string; details?: { reason?: string } }) => {
      assert.equal(err.code, "functions/failed-precondition");
      assert.equal(err.details?.reason, "order_under_way");
      return true;
    });
    // Still an open account: the profile is there and writable, the order goes on.
    await updateDoc(doc(who.db, paths.user(who.uid)), { phone: "123", updatedAt: serverTimestamp() });
    await adminAuth.getUser(who.uid);
    await moveOrder(owner, id, "accepted");
    // Once it ended, the same request goes through.
    await moveOrder(owner, id, "preparing");
    await moveOrder(owner, id, "ready");
    await claimOrder(courier, id);
    await moveOrder(courier, id, "picked_up");
    await deliverOrder(courier, id);
    await call(who, "deleteMyAccount");
    await assert.rejects(adminAuth.getUser(who.uid), { code: "auth/user-not-found" });
  });

  it("someone with a role is refused: the role goes first", async () => {
    await assert.rejects(call(courier, "deleteMyAccount"), (err: { details?: { reason?: string } }) => {
      assert.equal(err.details?.reason, "has_role");
      return true;
    });
    await adminAuth.getUser(courier.uid);
  });

  it("after deleting, no document anywhere holds the customer's uid, name, email, phone or address; receipts stay anonymised", async () => {
    const c = await customerWithHistory();
    const orderBefore = (await adminDb.doc(paths.order(c.delivered)).get()).data()!;
    const ratingBefore = (await adminDb.doc(paths.restaurant(r.id)).get()).get("ratingSum");
    const { home, work } = c;
    const needles = [c.who.uid, c.name, shortName(c.name)!, c.email, c.phone, home.line1, work.line1, c.note];

    // The scan finds them where they are (so that finding nothing later means something), also in
    // a collection nobody told it about, under a document that exists only as a parent.
    const stray = adminDb.doc(`strayCollection${Date.now()}/parent/deeper/${c.who.uid}`);
    await stray.set({ keptBy: "a feature that forgot to delete it" });
    const before = await scanEverything(needles);
    assert.ok(before.hits.includes(`${stray.path} holds ${c.who.uid}`), "the scan finds a new collection");
    await stray.delete();
    for (const where of [
      `users/${c.who.uid} holds ${c.name}`,
      `users/${c.who.uid}/addresses/a1 holds ${work.line1}`,
      `users/${c.who.uid}/devices/d0 holds ${c.who.uid}`,
      `orders/${c.delivered} holds ${c.who.uid}`,
      `orders/${c.cancelled} holds ${home.line1}`,
      `receipts/${c.delivered} holds ${home.line1}`,
      `promoCodes/${c.code}/redemptions/${c.delivered} holds ${c.who.uid}`,
      `restaurants/${r.id}/reviews/${c.delivered} holds ${shortName(c.name)}`,
    ]) {
      assert.ok(before.hits.includes(where), `the scan sees ${where}`);
    }
    assert.ok(
      before.hits.some((h) => h.startsWith(`users/${c.who.uid}/notifications/`)),
      "and the inbox",
    );

    assert.deepEqual(await call(c.who, "deleteMyAccount"), { deleted: true });

    const after = await scanEverything(needles);
    assert.deepEqual(after.hits, [], "nothing anywhere names the former customer");
    for (const collection of ["users", "orders", "receipts", "statementLines", "orderBooks", "earnings", "reviews"]) {
      assert.ok(after.collections.has(collection), `scanned ${collection}`);
    }
    await assert.rejects(adminAuth.getUser(c.who.uid), { code: "auth/user-not-found" });
    await assert.rejects(adminAuth.getUserByEmail(c.email), { code: "auth/user-not-found" });

    // Kept: the receipt for tax without the person, the books, the owner's line, the courier's
    // earning, and the review, signed "former customer", still counted in the rating.
    const receipt = (await adminDb.doc(paths.receipt(c.delivered)).get()).data()!;
    assert.equal(receipt.customerId, null);
    assert.equal(receipt.deliveryAddress, null);
    assert.equal(receipt.total, orderBefore.pricing.total);
    assert.deepEqual(receipt.lines, orderBefore.pricing.lines);
    const [books, line, earning, review] = await Promise.all([
      adminDb.doc(paths.books(c.delivered)).get(),
      adminDb.doc(paths.statementLine(c.delivered)).get(),
      adminDb.doc(paths.earning(courier.uid, c.delivered)).get(),
      adminDb.doc(paths.review(r.id, c.delivered)).get(),
    ]);
    assert.equal(books.get("total"), orderBefore.pricing.total);
    assert.ok(line.exists && earning.exists);
    assert.equal(review.get("authorName"), null);
    assert.equal(review.get("formerCustomer"), true);
    assert.equal(review.get("rating"), 4);
    assert.equal((await adminDb.doc(paths.restaurant(r.id)).get()).get("ratingSum"), ratingBefore);
    assert.equal((await adminDb.doc(paths.promoRedemption(c.code, c.delivered)).get()).get("customerId"), null);
    assert.equal((await adminDb.doc(paths.order(c.delivered)).get()).exists, false);

    // The token the deleted account still holds writes nothing back in its name.
    const denied = { code: "permission-denied" };
    await assert.rejects(
      setDoc(doc(c.who.db, paths.user(c.who.uid)), { displayName: c.name, createdAt: serverTimestamp() }),
      denied,
    );
    await assert.rejects(
      setDoc(doc(c.who.db, paths.address(c.who.uid, "a0")), { ...home, label: "a0", updatedAt: serverTimestamp() }),
      denied,
    );
    await assert.rejects(orderFrom(c.who, {}, home), denied);
    assert.equal((await getDoc(doc(owner.db, paths.statementLine(c.delivered)))).get("orderId"), c.delivered);
  });
});

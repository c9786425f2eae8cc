import { strict as assert } from "node:assert";
import { doc, getDoc, getDocs, collection } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  DEFAULT_FEES,
  paths,
  percentOf,
  PROMO_REJECTIONS,
  QUERIES,
  statementOf,
  type Order,
  type Pricing,
  type PromoRejection,
  type ReceiptLine,
} from "../../functions/src/domain";
import { Timestamp } from "firebase-admin/firestore";
import {
  adminDb,
  claimOrder,
  clientQuery,
  closeClients,
  createRestaurant,
  createUser,
  deliverOrder,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
  RECOVERY_MS,
  withEventsLost,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

const DAY = 24 * 3600_000;
const orderRef = (id: string) => adminDb.doc(paths.order(id));

describe("pipeline: money (tips, promo codes, receipts, earnings, statements)", function () {
  this.timeout(120_000);
  let admin: TestUser;
  let r: TestRestaurant;
  let staff: TestUser;
  let courier: TestUser;
  after(closeClients);
  before(async () => {
    admin = await createUser({ admin: true }, "Ada Admin");
    r = await createRestaurant({ pizza: { price: 1290 } }, { minOrder: 0, deliveryFee: 249 });
    staff = await createUser({ owner: [r.id] }, "Mia Money");
    courier = await createUser({ courier: true }, "Carl Cash");
    // The fees these tests price with (another suite may have changed them).
    await adminDb.doc(paths.fees()).set({ ...DEFAULT_FEES, updatedAt: new Date() });
  });

  let n = 0;
  const freshCode = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${n++}`;
  const createPromo = (patch: Record<string, unknown>) => {
    const code = freshCode("T");
    return httpsCallable<unknown, { code: string }>(
      admin.functions,
      "createPromo",
    )({
      code,
      description: "Test code",
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
  };
  const order = (customer: TestUser, quantity: number, extra: Record<string, unknown> = {}, rest = r) =>
    placeOrder(customer, rest.id, [{ itemId: rest.items.pizza, quantity, options: {} }], extra);
  const settled = async (id: string) =>
    (await waitForDoc(orderRef(id), (s) => s.get("status") !== "submitted")).data() as Order;
  const deliver = async (id: string) => {
    await waitForDoc(orderRef(id), statusIs("placed"));
    await moveOrder(staff, id, "accepted");
    await moveOrder(staff, id, "preparing");
    await moveOrder(staff, id, "ready");
    await claimOrder(courier, id);
    await moveOrder(courier, id, "picked_up");
    await deliverOrder(courier, id);
    return (await waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists)).data()!;
  };

  it("prices a tip and a code to the cent, with who gets what, and books the receipt and the earning as priced", async () => {
    const code = await createPromo({ kind: "fixed", amountCents: 500, fundedBy: "restaurant", restaurantId: r.id });
    const customer = await createUser({}, "Tom Tip");
    const id = await order(customer, 3, { tip: { percent: 10 }, promoCode: code });
    const o = await settled(id);
    assert.equal(o.status, "placed", JSON.stringify(o.rejection));
    const p = o.pricing as Pricing;
    assert.equal(p.subtotal, 3870);
    assert.equal(p.discount, 500);
    assert.deepEqual(p.promo, { code, fundedBy: "restaurant" });
    assert.equal(p.tip, 387);
    assert.equal(p.serviceFee, percentOf(3870, DEFAULT_FEES.serviceFeeBps));
    assert.equal(p.total, 3870 - 500 + 249 + p.serviceFee + 387);
    assert.equal(p.split.commission, percentOf(3870, DEFAULT_FEES.defaultCommissionBps));
    assert.equal(p.split.restaurantNet, 3870 - p.split.commission - 500);
    assert.equal(p.split.courierTotal, percentOf(249, DEFAULT_FEES.courierDeliveryShareBps) + 387);
    assert.equal(p.split.restaurantNet + p.split.courierTotal + p.split.platformRevenue, p.total);

    const receipt = await deliver(id);
    for (const k of ["subtotal", "discount", "deliveryFee", "serviceFee", "tip", "total", "currency"] as const) {
      assert.deepEqual(receipt[k], p[k], `receipt ${k}`);
    }
    assert.deepEqual(receipt.split, p.split);
    assert.deepEqual(receipt.lines, p.lines);
    assert.equal(receipt.restaurant.legalName, o.restaurantLegalName);
    const earning = (await adminDb.doc(paths.earning(courier.uid, id)).get()).data()!;
    assert.equal(earning.tip, 387);
    assert.equal(earning.total, p.split.courierTotal);
    // The customer and the restaurant's staff read the receipt; the courier reads the earning.
    await getDoc(doc(customer.db, paths.receipt(id)));
    await getDoc(doc(staff.db, paths.receipt(id)));
    await assert.rejects(getDoc(doc(courier.db, paths.receipt(id))), { code: "permission-denied" });
    await getDocs(collection(courier.db, paths.earnings(courier.uid)));
  });

  it("refuses every kind of bad code with its own reason, and nothing is redeemed", async () => {
    const elsewhere = await createRestaurant({ pizza: { price: 1290 } }, { minOrder: 0 });
    const [expired, paused, otherPlace, minimum, firstOnly, once, capped] = await Promise.all([
      createPromo({ validFrom: Date.now() - 2 * DAY, validUntil: Date.now() - DAY }),
      createPromo({ paused: true }),
      createPromo({ restaurantId: elsewhere.id }),
      createPromo({ minSubtotal: 5000 }),
      createPromo({ firstOrderOnly: true }),
      createPromo({ perCustomerLimit: 1 }),
      createPromo({ maxRedemptions: 1 }),
    ]);
    const regular = await createUser({}, "Rita Regular");
    await deliver(await order(regular, 1)); // an order before: not a first order any more
    const onceUser = await createUser({}, "Olga Once");
    assert.equal((await settled(await order(onceUser, 1, { promoCode: once }))).status, "placed");
    assert.equal(
      (await settled(await order(await createUser({}, "First"), 1, { promoCode: capped }))).status,
      "placed",
    );
    const cases: [PromoRejection, TestUser, string][] = [
      ["promo_unknown", await createUser(), "NOSUCHCODE"],
      ["promo_expired", await createUser(), expired],
      ["promo_expired", await createUser(), paused],
      ["promo_not_applicable", await createUser(), otherPlace],
      ["promo_below_minimum", await createUser(), minimum],
      ["promo_not_applicable", regular, firstOnly],
      ["promo_limit_reached", onceUser, once],
      ["promo_exhausted", await createUser(), capped],
    ];
    for (const [code, who, promoCode] of cases) {
      const o = await settled(await order(who, 1, { promoCode }));
      assert.equal(o.status, "rejected", `${promoCode}: ${o.status}`);
      assert.equal(o.rejection?.code, code, promoCode);
      assert.equal(o.rejection?.message, PROMO_REJECTIONS[code]);
    }
    const exhausted = await adminDb.collection(paths.promoRedemptions(capped)).get();
    assert.equal(exhausted.size, 1, "only the first order redeemed the capped code");
  });

  it("gives a redemption back when the order is declined, cancelled or times out", async function () {
    this.timeout(150_000);
    const code = await createPromo({ maxRedemptions: 3, budgetCents: 1000 });
    const left = async () => {
      const shards = await adminDb.collection(`${paths.promoCode(code)}/allocations`).get();
      return {
        uses: shards.docs.reduce((s, d) => s + d.get("left"), 0),
        budget: shards.docs.reduce((s, d) => s + d.get("budgetLeft"), 0),
      };
    };
    // Its own restaurant too: the order that times out counts as missed there.
    const own = await createRestaurant({ pizza: { price: 1290 } }, { minOrder: 0, deliveryFee: 249 });
    const ownStaff = await createUser({ staff: [own.id] }, "Otto Own");
    const [a, b, c] = await Promise.all([1, 2, 3].map((i) => createUser({}, `Back ${i}`)));
    const [declined, cancelled, timedOut] = await Promise.all(
      [a, b, c].map((who) => order(who, 2, { promoCode: code }, own)),
    );
    for (const id of [declined, cancelled, timedOut]) assert.equal((await settled(id)).status, "placed");
    assert.deepEqual(await left(), { uses: 0, budget: 1000 - 3 * 258 });
    await moveOrder(ownStaff, declined, "declined", { declineReason: "too_busy" });
    await moveOrder(b, cancelled, "cancelled", { cancelReason: "changed_mind" });
    // Nobody answers the third: the system's accept timeout ends it.
    await waitForDoc(orderRef(timedOut), statusIs("cancelled"), 110_000);
    const released = (id: string) =>
      waitForDoc(adminDb.doc(paths.promoRedemption(code, id)), (s) => s.get("released") === true, 30_000);
    await Promise.all([declined, cancelled, timedOut].map(released));
    assert.deepEqual(await left(), { uses: 3, budget: 1000 });
  });

  it("an order with a code whose creation event is lost is placed by the reconciler and redeems once", async () => {
    const code = await createPromo({ maxRedemptions: 5 });
    const who = await createUser({}, "Rex Replay");
    const id = await withEventsLost(() => order(who, 2, { promoCode: code }));
    const after = await waitForDoc(orderRef(id), statusIs("placed", "rejected"), RECOVERY_MS);
    assert.equal(after.get("status"), "placed", JSON.stringify(after.get("rejection")));
    assert.equal(after.get("by.placed"), "backend:reconciler", "placed by the system's safety net");
    assert.equal((await adminDb.collection(paths.promoRedemptions(code)).get()).size, 1);
    const shards = await adminDb.collection(`${paths.promoCode(code)}/allocations`).get();
    assert.equal(
      shards.docs.reduce((s, d) => s + d.get("left"), 0),
      4,
    );
  });

  it("a tip is raised within a day, never lowered; order, receipt and earning change together", async () => {
    const who = await createUser({}, "Gina Generous");
    const id = await order(who, 2, { tip: { cents: 100 } });
    assert.equal((await settled(id)).status, "placed");
    await deliver(id);
    const raise = httpsCallable<unknown, { tip: number; total: number }>(who.functions, "raiseTip");
    const before = (await orderRef(id).get()).get("pricing") as Pricing;
    const { data } = await raise({ orderId: id, tip: 600 });
    assert.deepEqual(data, { tip: 600, total: before.total + 500 });
    const [o, receipt, earning] = await Promise.all([
      orderRef(id).get(),
      adminDb.doc(paths.receipt(id)).get(),
      adminDb.doc(paths.earning(courier.uid, id)).get(),
    ]);
    assert.equal(o.get("pricing.tip"), 600);
    assert.equal(receipt.get("tip"), 600);
    assert.equal(receipt.get("total"), before.total + 500);
    assert.equal(earning.get("tip"), 600);
    assert.equal(earning.get("total"), before.split.courierTotal + 500);
    await assert.rejects(raise({ orderId: id, tip: 300 }), /only be raised/);
    await assert.rejects(raise({ orderId: id, tip: 1_000_000 }), /at most/);
    const stranger = await createUser({}, "Stan Stranger");
    await assert.rejects(httpsCallable(stranger.functions, "raiseTip")({ orderId: id, tip: 900 }), /No such order/);
    // A day after delivery (the delivery moved a day back: the test cannot wait a day), no more.
    await orderRef(id).update({ "timeline.delivered": Timestamp.fromMillis(Date.now() - DAY - 1000) });
    await assert.rejects(raise({ orderId: id, tip: 900 }), /within a day/);
    assert.equal((await orderRef(id).get()).get("pricing.tip"), 600);
  });

  it("the restaurant's statement and the courier's earnings add up to the receipts", async () => {
    const rest = await createRestaurant({ pizza: { price: 990 } }, { minOrder: 0 });
    const kitchen = await createUser({ owner: [rest.id] }, "Sara Statement");
    const rider = await createUser({ courier: true }, "Eddie Earnings");
    const code = await createPromo({ kind: "fixed", amountCents: 300, fundedBy: "restaurant", restaurantId: rest.id });
    const ids: string[] = [];
    for (const [q, extra] of [
      [1, {}],
      [2, { tip: { percent: 15 } }],
      [3, { promoCode: code, tip: { cents: 250 } }],
    ] as const) {
      const who = await createUser({}, `Sum ${q}`);
      const id = await order(who, q, extra, rest);
      assert.equal((await settled(id)).status, "placed");
      for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(kitchen, id, s);
      await claimOrder(rider, id);
      await moveOrder(rider, id, "picked_up");
      await deliverOrder(rider, id);
      ids.push(id);
    }
    await Promise.all(ids.map((id) => waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists)));
    // Read as the staff read them for their statement, and as the courier reads their earnings.
    await assert.rejects(getDocs(collection(kitchen.db, paths.receipts())), { code: "permission-denied" });
    const day = { from: new Date(Date.now() - DAY), to: new Date(Date.now() + DAY) };
    const mine = await getDocs(clientQuery(kitchen.db, QUERIES.restaurantReceipts(rest.id, day.from, day.to)));
    const rs = mine.docs.map((d) => d.data() as ReceiptLine);
    const s = statementOf(rs);
    assert.equal(s.orders, 3);
    assert.equal(s.grossSales, 990 * 6);
    assert.equal(s.restaurantPromotions, 300);
    assert.equal(
      s.netPayout,
      rs.reduce((n, x) => n + x.subtotal - x.split.commission - x.split.restaurantPromo, 0),
    );
    const earnings = await getDocs(collection(rider.db, paths.earnings(rider.uid)));
    assert.equal(earnings.size, 3);
    assert.equal(
      earnings.docs.reduce((n, d) => n + d.get("total"), 0),
      rs.reduce((n, x) => n + x.split.courierTotal, 0),
    );
    assert.equal(
      earnings.docs.reduce((n, d) => n + d.get("tip"), 0),
      rs.reduce((n, x) => n + x.tip, 0),
    );
  });

  it("an admin's code is checked: a bad one is refused with the reason, a taken code too", async () => {
    const call = httpsCallable(admin.functions, "createPromo");
    const good = {
      code: freshCode("OK"),
      description: "",
      kind: "percent",
      percentBps: 1000,
      amountCents: 0,
      minSubtotal: 0,
      maxDiscount: null,
      validFrom: Date.now(),
      validUntil: Date.now() + DAY,
      firstOrderOnly: false,
      perCustomerLimit: 0,
      maxRedemptions: 50,
      budgetCents: null,
      restaurantId: null,
      fundedBy: "platform",
      paused: false,
      public: true,
    };
    await call(good);
    await assert.rejects(call(good), /exists already/);
    await assert.rejects(call({ ...good, code: freshCode("X"), percentBps: 0 }), /percentage/);
    await assert.rejects(call({ ...good, code: freshCode("X"), validUntil: good.validFrom - 1 }), /end after/);
    await assert.rejects(call({ ...good, code: freshCode("X"), fundedBy: "restaurant" }), /own code/);
    await assert.rejects(call({ ...good, code: freshCode("X"), surprise: 1 }), /Unknown fields/);
    const customer = await createUser({}, "Not Admin");
    await assert.rejects(
      httpsCallable(customer.functions, "createPromo")({ ...good, code: freshCode("X") }),
      /Only admins/,
    );
    const shards = await adminDb.collection(`${paths.promoCode(good.code)}/allocations`).get();
    assert.equal(
      shards.docs.reduce((s, d) => s + d.get("left"), 0),
      50,
    );
  });
});

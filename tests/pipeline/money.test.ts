import { strict as assert } from "node:assert";
import {
  collection,
  count,
  doc,
  getAggregateFromServer,
  getDoc,
  getDocs,
  serverTimestamp,
  sum,
  updateDoc,
} from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  aggregationGroups,
  creditEntryId,
  DEFAULT_FEES,
  paths,
  percentOf,
  PROMO_REJECTIONS,
  QUERIES,
  REVENUE_SUMS,
  revenueOf,
  statementOf,
  type OrderBooks,
  type Order,
  type PaymentPart,
  type Pricing,
  type PromoQuote,
  type PromoRejection,
  type Receipt,
  type StatementLine,
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
  deliverThrough,
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
  this.timeout(300_000);
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

  it("prices a tip and a code to the cent; who gets what goes to the books in the placing write, and is booked per reader", async () => {
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
    assert.equal("split" in p, false, "the order carries what the customer pays, not who gets what");

    // The books were written in the same commit that placed the order: the same server time.
    const booksSnap = await adminDb.doc(paths.books(id)).get();
    assert.ok(booksSnap.exists, "placed with its books");
    const books = booksSnap.data() as OrderBooks;
    assert.equal(books.createdAt!.toMillis(), o.timeline!.placed!.toMillis());
    const s = books.split;
    assert.equal(s.commission, percentOf(3870, DEFAULT_FEES.defaultCommissionBps));
    assert.equal(s.restaurantNet, 3870 - s.commission - 500);
    assert.equal(s.courierTotal, percentOf(249, DEFAULT_FEES.courierDeliveryShareBps) + 387);
    assert.equal(s.restaurantNet + s.courierTotal + s.platformRevenue, p.total);
    for (const k of ["subtotal", "discount", "deliveryFee", "serviceFee", "tip", "total", "currency"] as const) {
      assert.deepEqual(books[k], p[k], `books ${k}`);
    }

    const receipt = (await deliver(id)) as Receipt;
    for (const k of ["subtotal", "discount", "deliveryFee", "serviceFee", "tip", "total", "currency"] as const) {
      assert.deepEqual(receipt[k], p[k], `receipt ${k}`);
    }
    assert.deepEqual(receipt.lines, p.lines);
    assert.equal(receipt.restaurant.legalName, o.restaurantLegalName);
    assert.equal("split" in receipt, false);
    const [line, earning, booked] = await Promise.all([
      adminDb.doc(paths.statementLine(id)).get(),
      adminDb.doc(paths.earning(courier.uid, id)).get(),
      adminDb.doc(paths.books(id)).get(),
    ]);
    assert.equal(line.get("subtotal"), 3870);
    assert.equal(line.get("commission"), s.commission);
    assert.equal(line.get("restaurantPromo"), 500);
    assert.equal(line.get("restaurantNet"), s.restaurantNet);
    assert.equal(earning.get("tip"), 387);
    assert.equal(earning.get("total"), s.courierTotal);
    assert.equal(booked.get("courierId"), courier.uid);
    assert.equal(booked.get("deliveredAt").toMillis(), receipt.deliveredAt.toMillis());
    assert.equal(line.get("restaurantNet") + earning.get("total") + booked.get("split.platformRevenue"), p.total);
  });

  it("each role reads an order's money with its own client: what it pays or earns, and nothing more", async () => {
    const [owner, kitchen] = [staff, await createUser({ staff: [r.id] }, "Kim Kitchen")];
    const customer = await createUser({}, "Rosa Reader");
    const id = await order(customer, 2, { tip: { cents: 150 } });
    assert.equal((await settled(id)).status, "placed");
    // On the way: the customer, the kitchen and the courier read the order; it holds no split.
    const denied = { code: "permission-denied" };
    for (const who of [customer, kitchen]) {
      assert.equal((await getDoc(doc(who.db, paths.order(id)))).get("pricing.split"), undefined);
      await assert.rejects(getDoc(doc(who.db, paths.books(id))), denied);
    }
    await deliver(id);
    const read = (who: typeof customer, path: string) => getDoc(doc(who.db, path));
    // The customer: the order and the receipt; no one's share.
    assert.equal((await read(customer, paths.order(id))).get("pricing.split"), undefined);
    const receipt = await read(customer, paths.receipt(id));
    assert.equal(receipt.get("total"), (await adminDb.doc(paths.order(id)).get()).get("pricing.total"));
    assert.equal(receipt.get("split"), undefined);
    await assert.rejects(read(customer, paths.statementLine(id)), denied);
    await assert.rejects(read(customer, paths.books(id)), denied);
    // The courier: the order (for two hours) and their earning; not the receipt, line or books.
    assert.equal((await read(courier, paths.order(id))).get("pricing.split"), undefined);
    assert.equal((await read(courier, paths.earning(courier.uid, id))).get("tip"), 150);
    for (const path of [paths.receipt(id), paths.statementLine(id), paths.books(id)]) {
      await assert.rejects(read(courier, path), denied, path);
    }
    // The owner: the statement line; not the customer's receipt (their address) nor the books.
    assert.equal((await read(owner, paths.statementLine(id))).get("orderId"), id);
    await assert.rejects(read(owner, paths.receipt(id)), denied);
    await assert.rejects(read(owner, paths.books(id)), denied);
    // The kitchen: neither the statement line nor the receipt nor the books.
    for (const path of [paths.receipt(id), paths.statementLine(id), paths.books(id)]) {
      await assert.rejects(read(kitchen, path), denied, path);
    }
    // Admins: everything.
    for (const path of [paths.receipt(id), paths.statementLine(id), paths.books(id), paths.earning(courier.uid, id)]) {
      assert.ok((await read(admin, path)).exists, path);
    }
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

  it("checkout asks the backend what a code gives; a code's terms are the admins', its public view holds what checkout lists", async () => {
    const privateCode = await createPromo({
      kind: "percent",
      percentBps: 2000,
      maxDiscount: 300,
      maxRedemptions: 2,
      minSubtotal: 1000,
    });
    const listed = await createPromo({ public: true, description: "For everyone", budgetCents: 5000 });
    const customer = await createUser({}, "Quinn Quote");
    const quote = (code: string, subtotal: number, restaurantId = r.id, who = customer) =>
      httpsCallable<unknown, PromoQuote>(
        who.functions,
        "quotePromo",
      )({ code, restaurantId, subtotal }).then((x) => x.data);
    // Good for me, and for how much: 20 % of 12.90 capped at 3.00; at the minimum and below it.
    assert.deepEqual(await quote(privateCode.toLowerCase(), 1290), { ok: true, discount: 258, fundedBy: "platform" });
    assert.deepEqual(await quote(privateCode, 5000), { ok: true, discount: 300, fundedBy: "platform" });
    assert.deepEqual(await quote(privateCode, 1000), { ok: true, discount: 200, fundedBy: "platform" });
    assert.deepEqual(await quote(privateCode, 999), { ok: false, code: "promo_below_minimum" });
    assert.deepEqual(await quote("NOSUCHCODE1", 5000), { ok: false, code: "promo_unknown" });
    await assert.rejects(quote(privateCode, -1), { code: "functions/invalid-argument" });
    // Used up: two redemptions, then the third customer hears it is exhausted.
    // (At a kitchen of their own: orders nobody accepts count as misses against the shared one.)
    const elsewhere = await createRestaurant({ pizza: { price: 1290 } }, { minOrder: 0 });
    for (const n of [1, 2]) {
      const who = await createUser({}, `Spender ${n}`);
      assert.equal((await settled(await order(who, 1, { promoCode: privateCode }, elsewhere))).status, "placed");
    }
    assert.deepEqual(await quote(privateCode, 1290), { ok: false, code: "promo_exhausted" });
    // The code's document (budget, caps, creator) is refused to the customer, guessed or listed.
    for (const code of [privateCode, listed]) {
      await assert.rejects(getDoc(doc(customer.db, paths.promoCode(code))), { code: "permission-denied" });
    }
    // The public view: the listed code only, with what checkout shows; pausing takes it off.
    const view = await waitForDoc(adminDb.doc(paths.publicPromo(listed)), (v) => v.exists);
    assert.deepEqual(Object.keys(view.data()!).sort(), [
      "code",
      "description",
      "restaurantId",
      "updatedAt",
      "validFrom",
      "validUntil",
    ]);
    const seen = await getDocs(clientQuery(customer.db, QUERIES.publicPromos()));
    assert.ok(seen.docs.some((d) => d.id === listed));
    assert.ok(!seen.docs.some((d) => d.id === privateCode), "a private code is never listed");
    await updateDoc(doc(admin.db, paths.promoCode(listed)), { paused: true, updatedAt: serverTimestamp() });
    await waitForDoc(adminDb.doc(paths.publicPromo(listed)), (v) => !v.exists);
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

  it("a tip is raised within a day, never lowered, paid from credit; order, receipt and earning change together", async () => {
    const who = await createUser({}, "Gina Generous");
    const id = await order(who, 2, { tip: { cents: 100 } });
    assert.equal((await settled(id)).status, "placed");
    await deliver(id);
    const raise = httpsCallable<unknown, { tip: number; total: number }>(who.functions, "raiseTip");
    // Paid in cash at the door: without credit, a raise is refused and changes nothing.
    await assert.rejects(raise({ orderId: id, tip: 600 }), (err: { details?: { reason?: string } }) => {
      assert.equal(err.details?.reason, "tip_needs_credit");
      return true;
    });
    assert.equal((await orderRef(id).get()).get("pricing.tip"), 100);
    // Credit from a refund of another order (one pizza missing: 12.90).
    const other = await order(who, 1);
    await deliver(other);
    await httpsCallable(
      who.functions,
      "fileComplaint",
    )({
      orderId: other,
      type: "missing_items",
      lines: [{ line: 0, quantity: 1 }],
    });
    assert.equal((await adminDb.doc(paths.user(who.uid)).get()).get("credit"), 1290);
    const before = (await orderRef(id).get()).get("pricing") as Pricing;
    const paidBefore = (await orderRef(id).get()).get("payment.parts") as PaymentPart[];
    const booksBefore = (await adminDb.doc(paths.books(id)).get()).data() as OrderBooks;
    const lineBefore = (await adminDb.doc(paths.statementLine(id)).get()).data();
    const { data } = await raise({ orderId: id, tip: 600 });
    assert.deepEqual(data, { tip: 600, total: before.total + 500 });
    const [o, receipt, earning, books, line] = await Promise.all([
      orderRef(id).get(),
      adminDb.doc(paths.receipt(id)).get(),
      adminDb.doc(paths.earning(courier.uid, id)).get(),
      adminDb.doc(paths.books(id)).get(),
      adminDb.doc(paths.statementLine(id)).get(),
    ]);
    assert.equal(o.get("pricing.tip"), 600);
    assert.equal(receipt.get("tip"), 600);
    assert.equal(receipt.get("total"), before.total + 500);
    assert.equal(earning.get("tip"), 600);
    assert.equal(earning.get("total"), booksBefore.split.courierTotal + 500);
    assert.equal(books.get("tip"), 600);
    assert.equal(books.get("total"), before.total + 500);
    assert.equal(books.get("split.courierTotal"), booksBefore.split.courierTotal + 500);
    assert.equal(books.get("split.restaurantNet"), booksBefore.split.restaurantNet, "the tip is all the courier's");
    assert.deepEqual(line.data(), lineBefore, "the restaurant's statement line does not change");
    // The 5.00 more came from the credit: its entry, the balance, and the parts that pay the total.
    const paid: PaymentPart[] = [{ method: "credit", amount: 500 }, ...paidBefore];
    assert.deepEqual(o.get("payment.parts"), paid);
    assert.deepEqual(receipt.get("payment"), paid);
    assert.equal(
      paid.reduce((s, p) => s + p.amount, 0),
      receipt.get("total"),
    );
    const entry = await adminDb.doc(paths.creditEntry(who.uid, creditEntryId.tip(id, 600))).get();
    assert.deepEqual([entry.get("amount"), entry.get("cause")], [-500, "tip"]);
    assert.equal((await adminDb.doc(paths.user(who.uid)).get()).get("credit"), 790);
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
      await deliverThrough(kitchen, rider, id);
      ids.push(id);
    }
    await Promise.all(ids.map((id) => waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists)));
    // Read as the owner reads them for their statement, and as the courier reads their earnings.
    await assert.rejects(getDocs(collection(kitchen.db, paths.statementLines())), { code: "permission-denied" });
    const day = { from: new Date(Date.now() - DAY), to: new Date(Date.now() + DAY) };
    const mine = await getDocs(clientQuery(kitchen.db, QUERIES.restaurantStatement(rest.id, day.from, day.to)));
    const rs = mine.docs.map((d) => d.data() as StatementLine);
    const s = statementOf(rs);
    assert.equal(s.orders, 3);
    assert.equal(s.grossSales, 990 * 6);
    assert.equal(s.restaurantPromotions, 300);
    assert.equal(
      s.netPayout,
      rs.reduce((n, x) => n + x.subtotal - x.commission - x.restaurantPromo, 0),
    );
    const books = await Promise.all(ids.map(async (id) => (await adminDb.doc(paths.books(id)).get()).data()!));
    const earnings = await getDocs(collection(rider.db, paths.earnings(rider.uid)));
    assert.equal(earnings.size, 3);
    assert.equal(
      earnings.docs.reduce((n, d) => n + d.get("total"), 0),
      books.reduce((n, b) => n + b.split.courierTotal, 0),
    );
    assert.equal(
      earnings.docs.reduce((n, d) => n + d.get("tip"), 0),
      books.reduce((n, b) => n + b.tip, 0),
    );
    // Statement, earnings and the platform's part add up to what the customers paid.
    const receipts = await Promise.all(ids.map(async (id) => (await adminDb.doc(paths.receipt(id)).get()).data()!));
    assert.equal(
      s.netPayout + earnings.docs.reduce((n, d) => n + d.get("total"), 0) + revenueOf(books as OrderBooks[]).revenue,
      receipts.reduce((n, x) => n + x.total, 0),
    );
  });

  it("the admin's revenue: the server's sums over the books, at most five to a query, equal the books the admin reads", async () => {
    const rest = await createRestaurant({ pizza: { price: 1150 } }, { minOrder: 0, deliveryFee: 199 });
    const kitchen = await createUser({ owner: [rest.id] }, "Rena Revenue");
    const rider = await createUser({ courier: true }, "Ron Revenue");
    const code = await createPromo({ kind: "fixed", amountCents: 200 });
    const ids: string[] = [];
    for (const [q, extra] of [
      [1, { tip: { cents: 100 } }],
      [2, { promoCode: code }],
    ] as const) {
      const id = await order(await createUser({}, `Rev ${q}`), q, extra, rest);
      assert.equal((await settled(id)).status, "placed");
      for (const st of ["accepted", "preparing", "ready"] as const) await moveOrder(kitchen, id, st);
      await claimOrder(rider, id);
      await moveOrder(rider, id, "picked_up");
      await deliverOrder(rider, id);
      ids.push(id);
    }
    await Promise.all(ids.map((id) => waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists)));
    // Only these two orders on the day asked for: their deliveries moved to a day of their own
    // (other suites deliver today).
    const day = new Date(Date.UTC(2001, 0, 1 + (Date.now() % 3000)));
    await Promise.all(ids.map((id) => adminDb.doc(paths.books(id)).update({ deliveredAt: Timestamp.fromDate(day) })));
    const q = clientQuery(admin.db, QUERIES.booksDeliveredBetween(day, new Date(day.getTime() + DAY)));
    const wanted: Record<string, ReturnType<typeof sum>> = { orders: count() };
    for (const [name, field] of Object.entries(REVENUE_SUMS)) wanted[name] = sum(field);
    const groups = aggregationGroups(wanted);
    const server = Object.assign(
      {},
      ...(await Promise.all(groups.map(async (g) => (await getAggregateFromServer(q, g)).data()))),
    );
    const books = (await getDocs(q)).docs.map((d) => d.data() as OrderBooks);
    assert.equal(books.length, 2);
    assert.deepEqual(server, revenueOf(books));
    assert.equal(
      server.revenue,
      server.commission + server.serviceFees + server.deliveryShare - server.platformPromotions,
    );
    assert.equal(server.platformPromotions, 200);
    // Asked in one query, the six figures are refused: the limit the groups respect.
    await assert.rejects(getAggregateFromServer(q, wanted));
    // The owner and the courier cannot ask the books.
    for (const who of [kitchen, rider]) {
      await assert.rejects(
        getAggregateFromServer(clientQuery(who.db, QUERIES.booksDeliveredBetween(day, new Date(day.getTime() + DAY))), {
          orders: count(),
        }),
        { code: "permission-denied" },
      );
    }
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

// Every endpoint of the partner API, its success and its errors, through Hosting's /api/v1 with a
// real client's token; every answer is checked against the OpenAPI document (support/api.ts).

import { strict as assert } from "node:assert";
import { Timestamp } from "firebase-admin/firestore";
import { paths, type Order } from "../../functions/src/domain";
import {
  adminDb,
  claimOrder,
  closeClients,
  createUser,
  deliverOrder,
  moveOrder,
  nextReconcilerRun,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestUser,
  inboxTold,
} from "../support/app";
import { call, callUndocumented, integration, send, type Integration } from "../support/api";

const dish = (external: string, extra: Record<string, unknown> = {}) => ({
  external_id: external,
  name: `Dish ${external}`,
  category: "Mains",
  price: 1100,
  ...extra,
});

describe("api: endpoints", function () {
  this.timeout(300_000);
  let i: Integration;
  let customer: TestUser;
  before(async () => {
    [i, customer] = await Promise.all([integration(), createUser({}, "Enzo Endpoint")]);
  });
  after(closeClients);

  // Each test of orders works at a restaurant of its own: three of its orders left unanswered
  // until the accept timeout would pause a shared one.
  // A customer of its own for each order too: one may have only so many orders under way.
  const placed = async (r: Integration) => {
    customer = await createUser({}, "Enzo Endpoint");
    const id = await placeOrder(customer, r.restaurant.id, [
      { itemId: r.restaurant.items.dish, quantity: 1, options: {} },
    ]);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    return id;
  };
  const orderDoc = async (id: string) => (await adminDb.doc(paths.order(id)).get()).data() as Order;

  describe("orders", () => {
    it("lists the restaurant's orders by status and change time, a page at a time, and one by id", async () => {
      const i = await integration();
      const ids = [await placed(i), await placed(i), await placed(i)];
      const since = new Date(Date.now() - 120_000).toISOString();
      const first = await call(i.token, "GET", `/orders?status=placed&updated_since=${since}&limit=2`);
      assert.equal(first.status, 200);
      assert.equal(first.json.orders.length, 2);
      assert.ok(first.json.next_cursor);
      const rest = await call(
        i.token,
        "GET",
        `/orders?status=placed&updated_since=${since}&limit=2&cursor=${first.json.next_cursor}`,
      );
      const listed = [...first.json.orders, ...rest.json.orders].map((o: { id: string }) => o.id);
      for (const id of ids) assert.ok(listed.includes(id), `${id} listed`);
      assert.equal(new Set(listed).size, listed.length, "no order on two pages");
      const one = await call(i.token, "GET", `/orders/${ids[0]}`);
      assert.equal(one.status, 200);
      assert.equal(one.json.status, "placed");
      assert.equal(one.json.lines[0].total, 1200);
      assert.equal(one.json.customer_name, "Enzo Endpoint");
      for (const id of ids) await call(i.token, "POST", `/orders/${id}/deny`, { reason: "too_busy" });
    });

    it("refuses bad query parameters, and knows nothing of other restaurants' orders or unknown ids", async () => {
      const bad = await call(i.token, "GET", "/orders?status=lost&limit=1000&updated_since=yesterday");
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.json.problems.map((p: { path: string }) => p.path),
        ["status", "updated_since", "limit"],
      );
      assert.equal((await call(i.token, "GET", "/orders?cursor=garbage")).status, 400);
      const other = await integration();
      const theirs = await placed(other);
      assert.equal((await call(i.token, "GET", `/orders/${theirs}`)).status, 404);
      assert.equal((await call(i.token, "POST", `/orders/${theirs}/accept`, {})).status, 404);
      assert.equal((await orderDoc(theirs)).status, "placed", "another restaurant's order untouched");
      assert.equal((await call(i.token, "GET", "/orders/nosuchorder")).status, 404);
    });

    it("accepts with a prep time through the state machine, recorded as the client's; a repeat answers the same", async () => {
      const i = await integration();
      const id = await placed(i);
      const bad = await call(i.token, "POST", `/orders/${id}/accept`, { prep_minutes: 0, extra: true });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.json.problems.map((p: { path: string }) => p.path).sort(), ["", "/prep_minutes"]);
      assert.equal((await orderDoc(id)).status, "placed", "a refused request changed nothing");
      const ok = await call(i.token, "POST", `/orders/${id}/accept`, { prep_minutes: 25 });
      assert.equal(ok.status, 200);
      assert.equal(ok.json.status, "accepted");
      const o = await orderDoc(id);
      assert.equal(o.by?.accepted, `api:${i.clientId}`);
      assert.equal(o.prepMin, 25);
      const again = await call(i.token, "POST", `/orders/${id}/accept`, { prep_minutes: 25 });
      assert.equal(again.status, 200, "its own change, sent again");
      const deny = await call(i.token, "POST", `/orders/${id}/deny`, { reason: "too_busy" });
      assert.equal(deny.status, 409);
      assert.equal(deny.json.current_status, "accepted");
    });

    it("declines with a reason code from the domain's list; a wrong state is 409 with the current status", async () => {
      const i = await integration();
      const id = await placed(i);
      const bad = await call(i.token, "POST", `/orders/${id}/deny`, { reason: "bored" });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.problems[0].path, "/reason");
      const ok = await call(i.token, "POST", `/orders/${id}/deny`, {
        reason: "item_unavailable",
        note: "No basil today",
      });
      assert.equal(ok.status, 200);
      const o = await orderDoc(id);
      assert.equal(o.status, "declined");
      assert.equal(o.declineReason, "item_unavailable");
      assert.equal(o.declineNote, "No basil today");
      const accept = await call(i.token, "POST", `/orders/${id}/accept`, {});
      assert.equal(accept.status, 409);
      assert.equal(accept.json.current_status, "declined");
      assert.equal((await call(i.token, "POST", `/orders/${id}/ready`)).json.current_status, "declined");
    });

    it("marks ready from accepted through preparing, each a transition of its own; not from placed", async () => {
      const i = await integration();
      const id = await placed(i);
      const early = await call(i.token, "POST", `/orders/${id}/ready`);
      assert.equal(early.status, 409);
      assert.equal(early.json.current_status, "placed");
      await call(i.token, "POST", `/orders/${id}/accept`, {});
      const ready = await call(i.token, "POST", `/orders/${id}/ready`);
      assert.equal(ready.status, 200);
      assert.equal(ready.json.status, "ready");
      const o = await orderDoc(id);
      assert.equal(o.by?.preparing, `api:${i.clientId}`);
      assert.equal(o.by?.ready, `api:${i.clientId}`);
      assert.ok(o.timeline?.preparing && o.timeline?.ready);
      // The customer's entry about the order followed, as from the dashboard.
      await inboxTold(customer.uid, id, "ready");
    });

    it("cancel after acceptance: reasons from the domain, through the state machine's staff move, until pickup", async () => {
      const i = await integration();
      const early = await placed(i);
      const notYet = await call(i.token, "POST", `/orders/${early}/cancel`, { reason: "item_unavailable" });
      assert.equal(notYet.status, 409, "a placed order is declined, not cancelled");
      assert.equal(notYet.json.current_status, "placed");
      const id = await placed(i);
      await call(i.token, "POST", `/orders/${id}/accept`, {});
      const bad = await call(i.token, "POST", `/orders/${id}/cancel`, { reason: "changed_mind" });
      assert.equal(bad.status, 400, "a customer's reason is not a restaurant's");
      const cancel = await call(i.token, "POST", `/orders/${id}/cancel`, { reason: "item_unavailable" });
      assert.equal(cancel.status, 200);
      assert.equal(cancel.json.status, "cancelled");
      // Who cancelled it, and how the customer was to pay (cash at the door, all of it).
      assert.equal(cancel.json.cancelled_by, "restaurant");
      assert.deepEqual(cancel.json.payment, [{ method: "cash", amount: cancel.json.total }]);
      const o = await orderDoc(id);
      assert.deepEqual(
        [o.status, o.cancelledBy, o.cancelReason, o.by?.cancelled],
        ["cancelled", "restaurant", "item_unavailable", `api:${i.clientId}`],
      );
      // The customer is told, as from the dashboard.
      await inboxTold(customer.uid, id, "cancelled");
    });

    it("Idempotency-Key: the same request gets the first answer again; the key on another request is refused", async () => {
      const i = await integration();
      const id = await placed(i);
      const key = { "Idempotency-Key": `accept-${id}` };
      const first = await call(i.token, "POST", `/orders/${id}/accept`, { prep_minutes: 30 }, key);
      assert.equal(first.status, 200);
      const second = await call(i.token, "POST", `/orders/${id}/accept`, { prep_minutes: 30 }, key);
      assert.equal(second.status, 200);
      assert.equal(second.text, first.text, "byte for byte");
      assert.equal(second.headers.get("idempotent-replayed"), "true");
      const reused = await call(i.token, "POST", `/orders/${id}/accept`, { prep_minutes: 45 }, key);
      assert.equal(reused.status, 422);
      assert.equal(reused.json.code, "idempotency_key_reused");
      assert.equal((await orderDoc(id)).prepMin, 30);
      // A refusal is an answer too: the same again.
      const denyKey = { "Idempotency-Key": `deny-${id}` };
      const conflict = await call(i.token, "POST", `/orders/${id}/deny`, { reason: "too_busy" }, denyKey);
      assert.equal(conflict.status, 409);
      const replay = await call(i.token, "POST", `/orders/${id}/deny`, { reason: "too_busy" }, denyKey);
      assert.equal(replay.text, conflict.text);
    });

    it("keys, deliveries and rate windows expire: the reconciler deletes them once past expireAt", async () => {
      const i = await integration();
      const id = await placed(i);
      await call(i.token, "POST", `/orders/${id}/accept`, {}, { "Idempotency-Key": `expire-${id}` });
      const keys = await adminDb.collection(`apiClients/${i.clientId}/idempotency`).get();
      const usage = await adminDb.collection(paths.usage(i.clientId)).get();
      assert.ok(keys.size > 0 && usage.size > 0);
      for (const d of keys.docs) assert.ok((d.get("expireAt") as Timestamp).toMillis() > Date.now() + 23 * 3600_000);
      const past = Timestamp.fromMillis(Date.now() - 1000);
      await Promise.all([...keys.docs, ...usage.docs].map((d) => d.ref.update({ expireAt: past })));
      await nextReconcilerRun();
      await nextReconcilerRun();
      assert.equal((await adminDb.collection(`apiClients/${i.clientId}/idempotency`).get()).size, 0);
      const left = await adminDb.collection(paths.usage(i.clientId)).where("expireAt", "<=", past).get();
      assert.equal(left.size, 0);
    });
  });

  describe("menu", () => {
    it("PUT replaces the whole menu, keeping the ids of dishes it knows by external_id", async () => {
      const m = await integration({});
      const first = await call(m.token, "PUT", "/menu", {
        items: [
          dish("A-1", {
            option_groups: [
              {
                external_id: "SIZE",
                name: "Size",
                min: 1,
                max: 1,
                options: [
                  { external_id: "A-1.regular", name: "Regular", price_delta: 0 },
                  { external_id: "A-1.large", name: "Large", price_delta: 250 },
                ],
              },
            ],
            allergens: ["gluten"],
            diet: ["vegetarian"],
          }),
          dish("B-2", { category: "Drinks", price: 300 }),
        ],
      });
      assert.equal(first.status, 200, first.text);
      const [a1, b2] = first.json.items;
      assert.equal(a1.external_id, "A-1");
      assert.equal(a1.option_groups[0].id, "SIZE");
      assert.equal(a1.option_groups[0].options[1].external_id, "A-1.large");
      assert.match(a1.option_groups[0].options[1].id, /^[A-Za-z0-9_-]+$/, "an option id the cart encoding takes");
      const menu = await adminDb.collection(paths.menu(m.restaurant.id)).get();
      assert.equal(menu.size, 2);
      assert.deepEqual((await adminDb.doc(paths.restaurant(m.restaurant.id)).get()).get("categories"), [
        "Mains",
        "Drinks",
      ]);
      const second = await call(m.token, "PUT", "/menu", { items: [dish("A-1", { price: 1250 })] });
      assert.equal(second.status, 200);
      assert.equal(second.json.items[0].id, a1.id, "the same dish keeps its id");
      const after = await adminDb.collection(paths.menu(m.restaurant.id)).get();
      assert.deepEqual(
        after.docs.map((d) => d.id),
        [a1.id],
      );
      assert.equal(after.docs[0].get("price"), 1250);
      assert.equal((await adminDb.doc(paths.menuItem(m.restaurant.id, b2.id)).get()).exists, false);
    });

    it("a menu with problems changes nothing and names every problem with its place", async () => {
      const m = await integration({});
      await call(m.token, "PUT", "/menu", { items: [dish("KEEP")] });
      const bad = await call(m.token, "PUT", "/menu", {
        items: [
          dish("X-1", { price: -5 }),
          dish("X-2", { diet: ["vegan"], allergens: ["milk"] }),
          dish("X-2"),
          dish("X-3", {
            option_groups: [
              { name: "Pick", min: 1, max: 3, options: [{ external_id: "o", name: "O", price_delta: 0 }] },
            ],
          }),
        ],
      });
      assert.equal(bad.status, 400, "the shape first: a negative price");
      assert.deepEqual(
        bad.json.problems.map((p: { path: string }) => p.path),
        ["/items/0/price"],
      );
      const rules = await call(m.token, "PUT", "/menu", {
        items: [
          dish("X-2", { diet: ["vegan"], allergens: ["milk"] }),
          dish("X-2"),
          dish("X-3", {
            option_groups: [
              { name: "Pick", min: 1, max: 3, options: [{ external_id: "o", name: "O", price_delta: 0 }] },
            ],
          }),
        ],
      });
      assert.equal(rules.status, 422);
      assert.deepEqual(
        rules.json.problems.map((p: { path: string }) => p.path),
        ["/items/0", "/items/1/external_id", "/items/2"],
      );
      const menu = await adminDb.collection(paths.menu(m.restaurant.id)).get();
      assert.deepEqual(
        menu.docs.map((d) => d.get("externalId")),
        ["KEEP"],
        "all or nothing",
      );
      const big = await call(m.token, "PUT", "/menu", { items: Array.from({ length: 301 }, (_, k) => dish(`D${k}`)) });
      assert.equal(big.status, 400);
      const huge = await call(m.token, "PUT", "/menu", { items: [dish("H", { description: "x".repeat(600_000) })] });
      assert.equal(huge.status, 413);
      // A body that is not JSON at all never reaches the API: Cloud Functions' own parser refuses it.
      assert.equal(
        (await send(m.token, "PUT", "/menu", "{not json", { "Content-Type": "application/json" })).status,
        400,
      );
      assert.equal((await call(m.token, "PUT", "/menu", "items", { "Content-Type": "text/plain" })).status, 415);
    });

    it("PATCH sets a dish's availability and price, by its id or the till's", async () => {
      const m = await integration({});
      const put = await call(m.token, "PUT", "/menu", { items: [dish("P-1")] });
      const id = put.json.items[0].id;
      const off = await call(m.token, "PATCH", "/menu/items/P-1", { available: false });
      assert.equal(off.status, 200);
      assert.equal(off.json.available, false);
      const price = await call(m.token, "PATCH", `/menu/items/${id}`, { price: 1399, available: true });
      assert.equal(price.json.price, 1399);
      const doc = await adminDb.doc(paths.menuItem(m.restaurant.id, id)).get();
      assert.equal(doc.get("price"), 1399);
      assert.equal(doc.get("available"), true);
      assert.equal((await call(m.token, "PATCH", "/menu/items/NOPE", { available: false })).status, 404);
      assert.equal((await call(m.token, "PATCH", `/menu/items/${id}`, {})).status, 400);
      assert.equal((await call(m.token, "PATCH", `/menu/items/${id}`, { price: -1 })).status, 400);
    });
  });

  describe("store", () => {
    it("pauses and opens, and sets busy mode, as the dashboard's controls do, within their bounds", async () => {
      const s = await integration();
      const until = new Date(Date.now() + 30 * 60_000);
      const pause = await call(s.token, "PUT", "/store/status", {
        status: "paused",
        paused_until: until.toISOString(),
      });
      assert.equal(pause.status, 200);
      assert.equal(pause.json.status, "paused");
      const r = await adminDb.doc(paths.restaurant(s.restaurant.id)).get();
      assert.equal(r.get("pausedUntil").toMillis(), until.getTime());
      assert.equal(r.get("pausedBy"), "staff");
      const busy = await call(s.token, "PUT", "/store/status", { status: "open", busy_extra_minutes: 20 });
      assert.equal(busy.json.status, "open");
      assert.equal(busy.json.busy_extra_minutes, 20);
      assert.equal(busy.json.prep_minutes, 35);
      assert.equal((await call(s.token, "GET", "/store/status")).json.busy_extra_minutes, 20);
      const far = new Date(Date.now() + 49 * 3600_000).toISOString();
      const tooFar = await call(s.token, "PUT", "/store/status", { status: "paused", paused_until: far });
      assert.equal(tooFar.status, 400);
      assert.equal(tooFar.json.problems[0].path, "/paused_until");
      assert.equal((await call(s.token, "PUT", "/store/status", { busy_extra_minutes: 15 })).status, 400);
      assert.equal((await call(s.token, "PUT", "/store/status", {})).status, 400);
      const after = await adminDb.doc(paths.restaurant(s.restaurant.id)).get();
      assert.equal(after.get("pausedUntil"), null, "refused requests changed nothing");
    });
  });

  describe("statements", () => {
    it("a day's statement from the receipts, as JSON and as CSV", async () => {
      const s = await integration();
      const courier = await createUser({ courier: true }, "Cleo Courier");
      const id = await placed(s);
      await call(s.token, "POST", `/orders/${id}/accept`, {});
      await call(s.token, "POST", `/orders/${id}/ready`);
      await claimOrder(courier, id);
      await moveOrder(courier, id, "picked_up");
      await deliverOrder(courier, id);
      const receipt = await waitForDoc(adminDb.doc(paths.receipt(id)), (d) => d.exists);
      const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(
        receipt.get("deliveredAt").toDate(),
      );
      const json = await call(s.token, "GET", `/statements?period=day&date=${day}`);
      assert.equal(json.status, 200);
      assert.equal(json.json.orders, 1);
      assert.equal(json.json.lines[0].order_id, id);
      assert.equal(json.json.gross_sales, 1200);
      assert.equal(json.json.net_payout, json.json.lines[0].net_payout);
      const week = await call(s.token, "GET", `/statements?period=week&date=${day}`);
      assert.equal(week.json.orders, 1);
      const csv = await call(s.token, "GET", `/statements?date=${day}`, undefined, { Accept: "text/csv" });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get("content-type") ?? "", /^text\/csv/);
      assert.match(csv.text, /^order,delivered,gross_sales/);
      assert.match(csv.text, /\ntotal,1 orders,12\.00,/);
      const bad = await call(s.token, "GET", "/statements?period=month&date=2026-13-01");
      assert.equal(bad.status, 400);
      assert.equal(bad.json.problems.length, 2);
    });
  });

  it("an unknown endpoint is 404 and a wrong method 405, as problem+json", async () => {
    const none = await callUndocumented(i.token, "GET", "/nothing");
    assert.equal(none.status, 404);
    const method = await callUndocumented(i.token, "DELETE", "/orders");
    assert.equal(method.status, 405);
    assert.equal(method.headers.get("allow"), "GET");
  });
});

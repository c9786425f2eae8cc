// A table of hostile and malformed writes, each made by a real signed-in user through the client
// SDK. Every one is refused by the rules (and the documents it aimed at are unchanged) or
// rejected by the backend with a reason (and nothing else changed).

import { strict as assert } from "node:assert";
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  serverTimestamp,
  setDoc,
  updateDoc,
  type Firestore,
} from "firebase/firestore";
import { LIMITS } from "../../functions/src/domain";
import {
  adminDb,
  anonymousDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

interface World {
  customer: TestUser;
  other: TestUser;
  staff: TestUser;
  courier: TestUser;
  r: TestRestaurant;
  otherR: TestRestaurant;
  placed: string;
  othersOrder: string;
}
type Denied = { name: string; watch: (w: World) => string[]; write: (w: World) => Promise<unknown> };
type Rejected = {
  name: string;
  code: string;
  items: (w: World) => unknown;
  patch?: (w: World) => Record<string, unknown>;
};

const cart = (w: World, patch: Record<string, unknown> = {}) => ({
  customerId: w.customer.uid,
  restaurantId: w.r.id,
  status: "submitted",
  items: [{ itemId: w.r.items.dish, quantity: 2, options: {} }],
  deliveryAddress: BERLIN_CENTRE,
  note: "",
  createdAt: serverTimestamp(),
  ...patch,
});
const createOrder = (db: Firestore, data: Record<string, unknown>) => addDoc(collection(db, "orders"), data);
const menuItem = (patch: Record<string, unknown>) => ({
  name: "X",
  description: "",
  category: "Mains",
  price: 1000,
  available: true,
  optionGroups: [],
  updatedAt: serverTimestamp(),
  ...patch,
});
const move = (to: string, extra: Record<string, unknown> = {}) => ({
  status: to,
  [`timeline.${to}`]: serverTimestamp(),
  updatedAt: serverTimestamp(),
  ...extra,
});

const DENIED: Denied[] = [
  // Orders: a cart may carry references and choices only.
  ...(
    [
      ["wrong type: items as a string", { items: "dish x2" }],
      ["wrong type: note as a number", { note: 12 }],
      ["wrong type: restaurantId as a map", { restaurantId: { id: "x" } }],
      ["wrong type: address as a string", { deliveryAddress: "Alexanderplatz 1" }],
      ["wrong type: latitude as a string", { deliveryAddress: { ...BERLIN_CENTRE, lat: "52.5" } }],
      ["missing field: deliveryAddress", { deliveryAddress: undefined }],
      ["missing field: items", { items: undefined }],
      ["missing field: createdAt", { createdAt: undefined }],
      ["extra field: pricing", { pricing: { total: 1 } }],
      ["extra field: total", { total: 100 }],
      ["extra field: courierId", { courierId: "someone" }],
      ["extra field: timeline", { timeline: {} }],
      ["extra field: statsRecorded", { statsRecorded: true }],
      ["extra field: acceptBy", { acceptBy: new Date(Date.now() + 1e9) }],
      ["forged status placed", { status: "placed" }],
      ["forged status delivered", { status: "delivered" }],
      ["empty cart", { items: [] }],
      [
        `huge cart: ${LIMITS.maxCartLinesHard + 1} lines`,
        { items: Array(LIMITS.maxCartLinesHard + 1).fill({ itemId: "x", quantity: 1, options: {} }) },
      ],
      ["huge note: 100 000 characters", { note: "x".repeat(100_000) }],
      ["unicode: a note of 501 emoji", { note: "🍕".repeat(LIMITS.maxNoteLength + 1) }],
      ["huge street name", { deliveryAddress: { ...BERLIN_CENTRE, line1: "Straße".repeat(100) } }],
      ["address with an extra field", { deliveryAddress: { ...BERLIN_CENTRE, entrance: "B" } }],
      ["latitude out of range", { deliveryAddress: { ...BERLIN_CENTRE, lat: 123 } }],
      ["client clock for createdAt", { createdAt: new Date("2020-01-01") }],
    ] as [string, Record<string, unknown>][]
  ).map(([name, patch]): Denied => ({
    name: `order create, ${name}`,
    watch: () => [],
    write: (w) => {
      const data: Record<string, unknown> = cart(w, patch);
      for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
      return createOrder(w.customer.db, data);
    },
  })),
  {
    name: "order create in another user's name",
    watch: () => [],
    write: (w) => createOrder(w.customer.db, cart(w, { customerId: w.other.uid })),
  },
  { name: "order create by a signed-out visitor", watch: () => [], write: (w) => createOrder(anonymousDb(), cart(w)) },
  // Orders: changing what is not yours to change.
  {
    name: "customer rewrites the total of a placed order",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => updateDoc(doc(w.customer.db, "orders", w.placed), { "pricing.total": 1 }),
  },
  {
    name: "customer accepts their own order",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => moveOrder(w.customer, w.placed, "accepted"),
  },
  {
    name: "customer jumps their order to delivered",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => moveOrder(w.customer, w.placed, "delivered"),
  },
  {
    name: "customer cancels someone else's order",
    watch: (w) => [`orders/${w.othersOrder}`],
    write: (w) => moveOrder(w.customer, w.othersOrder, "cancelled"),
  },
  {
    name: "staff jump placed to ready",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => moveOrder(w.staff, w.placed, "ready"),
  },
  {
    name: "staff mark a placed order delivered",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => moveOrder(w.staff, w.placed, "delivered"),
  },
  {
    name: "staff decline with a 10 000 character reason",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => moveOrder(w.staff, w.placed, "declined", { declineReason: "x".repeat(10_000) }),
  },
  {
    name: "staff accept and lower the price at once",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => updateDoc(doc(w.staff.db, "orders", w.placed), move("accepted", { "pricing.subtotal": 0 })),
  },
  {
    name: "courier claims an order that is not ready",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) =>
      updateDoc(doc(w.courier.db, "orders", w.placed), { courierId: w.courier.uid, updatedAt: serverTimestamp() }),
  },
  {
    name: "customer deletes their order",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => deleteDoc(doc(w.customer.db, "orders", w.placed)),
  },
  {
    name: "timeline stamped with a client clock",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => updateDoc(doc(w.staff.db, "orders", w.placed), move("accepted", { "timeline.accepted": new Date() })),
  },
  // Roles and profiles.
  {
    name: "forged role: customer writes admin into their profile",
    watch: (w) => [`users/${w.customer.uid}`],
    write: (w) =>
      updateDoc(doc(w.customer.db, "users", w.customer.uid), { roles: { admin: true }, updatedAt: serverTimestamp() }),
  },
  {
    name: "forged role: customer makes themselves staff",
    watch: (w) => [`users/${w.customer.uid}`],
    write: (w) =>
      updateDoc(doc(w.customer.db, "users", w.customer.uid), { "roles.staff": [w.r.id], updatedAt: serverTimestamp() }),
  },
  {
    name: "other user's id: overwrite another profile",
    watch: (w) => [`users/${w.other.uid}`],
    write: (w) =>
      setDoc(doc(w.customer.db, "users", w.other.uid), { displayName: "Hacked", createdAt: serverTimestamp() }),
  },
  {
    name: "other user's id: write into another inbox",
    watch: (w) => [],
    write: (w) =>
      setDoc(doc(w.customer.db, `users/${w.other.uid}/notifications/fake`), { title: "Win", body: "", read: false }),
  },
  {
    name: "other user's id: register a push token for someone else",
    watch: () => [],
    write: (w) =>
      setDoc(doc(w.customer.db, `users/${w.other.uid}/devices/d`), { token: "t", createdAt: serverTimestamp() }),
  },
  {
    name: "display name of 1 000 characters",
    watch: (w) => [`users/${w.customer.uid}`],
    write: (w) =>
      updateDoc(doc(w.customer.db, "users", w.customer.uid), {
        displayName: "x".repeat(1000),
        updatedAt: serverTimestamp(),
      }),
  },
  // Restaurants and menus.
  {
    name: "customer edits a menu price",
    watch: (w) => [`restaurants/${w.r.id}/menu/${w.r.items.dish}`],
    write: (w) => setDoc(doc(w.customer.db, `restaurants/${w.r.id}/menu/${w.r.items.dish}`), menuItem({ price: 1 })),
  },
  {
    name: "staff edit another restaurant's menu",
    watch: (w) => [`restaurants/${w.otherR.id}/menu/${w.otherR.items.dish}`],
    write: (w) =>
      setDoc(doc(w.staff.db, `restaurants/${w.otherR.id}/menu/${w.otherR.items.dish}`), menuItem({ price: 1 })),
  },
  {
    name: "negative money: price -5.00",
    watch: (w) => [`restaurants/${w.r.id}/menu/${w.r.items.dish}`],
    write: (w) => setDoc(doc(w.staff.db, `restaurants/${w.r.id}/menu/${w.r.items.dish}`), menuItem({ price: -500 })),
  },
  {
    name: "fractional money: price 9.99 as a float",
    watch: (w) => [`restaurants/${w.r.id}/menu/${w.r.items.dish}`],
    write: (w) => setDoc(doc(w.staff.db, `restaurants/${w.r.id}/menu/${w.r.items.dish}`), menuItem({ price: 9.99 })),
  },
  {
    name: "fractional money: delivery fee 2.5 cents",
    watch: (w) => [`restaurants/${w.r.id}`],
    write: (w) => updateDoc(doc(w.staff.db, "restaurants", w.r.id), { deliveryFee: 2.5, updatedAt: serverTimestamp() }),
  },
  {
    name: "negative money: minimum order -1",
    watch: (w) => [`restaurants/${w.r.id}`],
    write: (w) => updateDoc(doc(w.staff.db, "restaurants", w.r.id), { minOrder: -1, updatedAt: serverTimestamp() }),
  },
  {
    name: "staff award themselves a 5-star average",
    watch: (w) => [`restaurants/${w.r.id}`],
    write: (w) =>
      updateDoc(doc(w.staff.db, "restaurants", w.r.id), {
        ratingAvg: 5,
        ratingCount: 1000,
        ratingSum: 5000,
        updatedAt: serverTimestamp(),
      }),
  },
  {
    name: "huge array: 31 categories",
    watch: (w) => [`restaurants/${w.r.id}`],
    write: (w) =>
      updateDoc(doc(w.staff.db, "restaurants", w.r.id), {
        categories: Array.from({ length: 31 }, (_, i) => `c${i}`),
        updatedAt: serverTimestamp(),
      }),
  },
  {
    name: "review of an order that was not delivered",
    watch: () => [],
    write: (w) =>
      setDoc(doc(w.customer.db, `restaurants/${w.r.id}/reviews/${w.placed}`), {
        customerId: w.customer.uid,
        authorName: "A",
        rating: 5,
        text: "",
        createdAt: serverTimestamp(),
      }),
  },
  {
    name: "customer writes the daily statistics",
    watch: () => [],
    write: (w) =>
      setDoc(doc(w.customer.db, `restaurants/${w.r.id}/stats/2026-01-01/shards/0`), { orders: 1e6, revenue: 1e9 }),
  },
];

const REJECTED: Rejected[] = [
  {
    name: "an item id that is not on the menu",
    code: "unknown_item",
    items: () => [{ itemId: "ghost", quantity: 5, options: {} }],
  },
  {
    name: "an item id with a null byte",
    code: "unknown_item",
    items: (w) => [{ itemId: `${w.r.items.dish}\u0000`, quantity: 5, options: {} }],
  },
  {
    name: "an item id with a slash (a path injection)",
    code: "unknown_item",
    items: (w) => [{ itemId: `../../restaurants/${w.r.id}`, quantity: 5, options: {} }],
  },
  {
    name: "an item of another restaurant",
    code: "unknown_item",
    items: (w) => [{ itemId: w.otherR.items.dish, quantity: 5, options: {} }],
  },
  {
    name: "a negative quantity",
    code: "invalid_quantity",
    items: (w) => [{ itemId: w.r.items.dish, quantity: -3, options: {} }],
  },
  {
    name: "a fractional quantity",
    code: "invalid_quantity",
    items: (w) => [{ itemId: w.r.items.dish, quantity: 1.5, options: {} }],
  },
  {
    name: "a huge quantity",
    code: "invalid_quantity",
    items: (w) => [{ itemId: w.r.items.dish, quantity: 1e9, options: {} }],
  },
  {
    name: "a quantity as a string",
    code: "malformed_order",
    items: (w) => [{ itemId: w.r.items.dish, quantity: "2", options: {} }],
  },
  {
    name: "prices smuggled as a negative line total",
    code: "below_minimum",
    items: (w) => [{ itemId: w.r.items.cheap, quantity: 1, options: {}, lineTotal: -100000, price: -1 }],
  },
  {
    name: "options naming a group the dish lacks",
    code: "invalid_options",
    items: (w) => [{ itemId: w.r.items.dish, quantity: 2, options: { sauce: ["bbq"] } }],
  },
  {
    name: "options as a string",
    code: "malformed_order",
    items: (w) => [{ itemId: w.r.items.dish, quantity: 2, options: "large" }],
  },
  { name: "a line that is not a map", code: "malformed_order", items: () => [42] },
  {
    name: `${LIMITS.maxOrderLines + 1} lines`,
    code: "too_many_lines",
    items: (w) => Array(LIMITS.maxOrderLines + 1).fill({ itemId: w.r.items.dish, quantity: 1, options: {} }),
  },
  {
    name: "a restaurant id with a slash",
    code: "restaurant_not_found",
    items: (w) => [{ itemId: w.r.items.dish, quantity: 2, options: {} }],
    patch: () => ({ restaurantId: "a/b" }),
  },
  {
    name: "an address in Potsdam",
    code: "out_of_zone",
    items: (w) => [{ itemId: w.r.items.dish, quantity: 2, options: {} }],
    patch: () => ({ deliveryAddress: { ...BERLIN_CENTRE, lat: 52.39, lng: 13.06 } }),
  },
];

describe(`reliability: ${DENIED.length + REJECTED.length} hostile or malformed writes`, function () {
  this.timeout(60_000);
  let w: World;

  before(async () => {
    const r = await createRestaurant({ dish: { price: 1200 }, cheap: { price: 100 } });
    const otherR = await createRestaurant({ dish: { price: 900 } });
    const [customer, other, staff, courier] = await Promise.all([
      createUser({}, "Hostile Hannah"),
      createUser({}, "Innocent Ivan"),
      createUser({ staff: [r.id] }, "Staff Stella"),
      createUser({ courier: true }, "Courier Kai"),
    ]);
    const placed = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 2, options: {} }]);
    const othersOrder = await placeOrder(other, r.id, [{ itemId: r.items.dish, quantity: 2, options: {} }]);
    await Promise.all([placed, othersOrder].map((id) => waitForDoc(adminDb.doc(`orders/${id}`), statusIs("placed"))));
    w = { customer, other, staff, courier, r, otherR, placed, othersOrder };
  });
  after(closeClients);

  const snapshot = async (paths: string[]) =>
    Promise.all(paths.map(async (p) => JSON.stringify((await adminDb.doc(p).get()).data() ?? null)));

  it("has at least 50 cases", () =>
    assert.ok(DENIED.length + REJECTED.length >= 50, String(DENIED.length + REJECTED.length)));

  for (const c of DENIED) {
    it(`refused by the rules: ${c.name}`, async () => {
      const ordersBefore = (
        await adminDb.collection("orders").where("customerId", "==", w.customer.uid).count().get()
      ).data().count;
      const before = await snapshot(c.watch(w));
      await assert.rejects(c.write(w), (err: { code?: string }) => err.code === "permission-denied");
      assert.deepEqual(await snapshot(c.watch(w)), before, "the target is unchanged");
      const ordersAfter = (
        await adminDb.collection("orders").where("customerId", "==", w.customer.uid).count().get()
      ).data().count;
      assert.equal(ordersAfter, ordersBefore, "no order was created");
    });
  }

  for (const c of REJECTED) {
    it(`rejected by the backend (${c.code}): ${c.name}`, async () => {
      const restaurantBefore = await snapshot([
        `restaurants/${w.r.id}`,
        `restaurants/${w.r.id}/menu/${w.r.items.dish}`,
      ]);
      const id = await placeOrder(w.customer, w.r.id, c.items(w), c.patch?.(w) ?? {});
      const order = (await waitForDoc(adminDb.doc(`orders/${id}`), statusIs("placed", "rejected"))).data()!;
      assert.equal(order.status, "rejected");
      assert.equal(order.rejection.code, c.code);
      assert.ok(order.rejection.message.length > 10, "a human message");
      assert.equal(order.pricing, undefined);
      assert.deepEqual(
        await snapshot([`restaurants/${w.r.id}`, `restaurants/${w.r.id}/menu/${w.r.items.dish}`]),
        restaurantBefore,
      );
      await waitForDoc(adminDb.doc(`users/${w.customer.uid}/notifications/${id}_rejected`), (s) => s.exists);
      const staffHeard = await adminDb
        .collection(`users/${w.staff.uid}/notifications`)
        .where("orderId", "==", id)
        .get();
      assert.equal(staffHeard.size, 0, "the restaurant is not bothered");
    });
  }
});

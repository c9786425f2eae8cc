// A table of hostile and malformed writes, each made by a real signed-in user through the client
// SDK. Every one is refused by the rules (and the documents it aimed at are unchanged, or still
// absent) or rejected by the backend with a reason (and nothing else changed).

import { strict as assert } from "node:assert";
import { collection, deleteDoc, doc, serverTimestamp, setDoc, updateDoc, type Firestore } from "firebase/firestore";
import { cartDoc, LIMITS, paths, transition } from "../../functions/src/domain";
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
  inboxTold,
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
/** A write the rules must refuse; `watch` names the documents it aims at (whose contents, or
 * absence, must not change). */
type Denied = { name: string; watch: (w: World) => string[]; write: (w: World) => Promise<unknown> };
type Rejected = {
  name: string;
  code: string;
  items: (w: World) => { itemId: string; quantity: number; options: Record<string, string[]> }[];
  patch?: (w: World) => Record<string, unknown>;
};

/** The id of an order each create attempt aims at, made in advance so its absence can be checked. */
const attempted = new Map<string, string>();
const orderIdFor = (name: string) => {
  if (!attempted.has(name)) attempted.set(name, doc(collection(anonymousDb(), "orders")).id);
  return attempted.get(name)!;
};
const cart = (w: World, patch: Record<string, unknown> = {}) => ({
  ...cartDoc(
    {
      customerId: w.customer.uid,
      restaurantId: w.r.id,
      items: [{ itemId: w.r.items.dish, quantity: 2, options: {} }],
      deliveryAddress: BERLIN_CENTRE,
    },
    serverTimestamp(),
  ),
  ...patch,
});
const createOrder = (db: Firestore, id: string, data: Record<string, unknown>) =>
  setDoc(doc(db, paths.order(id)), data);
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
const move = (by: string, to: string, extra: Record<string, unknown> = {}) =>
  transition(to as Parameters<typeof transition>[0], serverTimestamp(), by, extra);

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
      [`huge cart: ${LIMITS.maxOrderLines + 1} lines`, { items: Array(LIMITS.maxOrderLines + 1).fill("x|1|") }],
      ["a cart line carrying 900 KB of junk", { items: [`x|1|${"x".repeat(900_000)}`] }],
      ["a cart line choosing 10 000 option ids", { items: [`x|1|g=${Array(10_000).fill("o").join(",")}`] }],
      ["a cart line that is a map", { items: [{ itemId: "x", quantity: 1, options: "" }] }],
      ["a negative quantity", { items: ["x|-3|"] }],
      ["a quantity of a billion", { items: ["x|1000000000|"] }],
      ["a price smuggled into a line", { items: ["x|1||-100000"] }],
      ["an item id with a null byte", { items: ["dish\u0000|1|"] }],
      ["an item id with a slash (a path injection)", { items: ["../../restaurants/x|1|"] }],
      ["huge note: 100 000 characters", { note: "x".repeat(100_000) }],
      ["unicode: a note of 501 emoji", { note: "🍕".repeat(LIMITS.maxNoteLength + 1) }],
      ["huge street name", { deliveryAddress: { ...BERLIN_CENTRE, line1: "Straße".repeat(100) } }],
      ["address with an extra field", { deliveryAddress: { ...BERLIN_CENTRE, entrance: "B" } }],
      ["latitude out of range", { deliveryAddress: { ...BERLIN_CENTRE, lat: 123 } }],
      ["client clock for createdAt", { createdAt: new Date("2020-01-01") }],
    ] as [string, Record<string, unknown>][]
  ).map(([name, patch]): Denied => ({
    name: `order create, ${name}`,
    watch: () => [paths.order(orderIdFor(name))],
    write: (w) => {
      const data: Record<string, unknown> = cart(w, patch);
      for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
      return createOrder(w.customer.db, orderIdFor(name), data);
    },
  })),
  {
    name: "order create in another user's name",
    watch: () => [paths.order(orderIdFor("another's name"))],
    write: (w) => createOrder(w.customer.db, orderIdFor("another's name"), cart(w, { customerId: w.other.uid })),
  },
  {
    name: "order create by a signed-out visitor",
    watch: () => [paths.order(orderIdFor("signed out"))],
    write: (w) => createOrder(anonymousDb(), orderIdFor("signed out"), cart(w)),
  },
  {
    name: "order create under an id Cloud Tasks could not use",
    watch: () => ["orders/my.order"],
    write: (w) => createOrder(w.customer.db, "my.order", cart(w)),
  },
  {
    name: "order create under a 1 495-byte id",
    watch: () => [`orders/${"x".repeat(1495)}`],
    write: (w) => createOrder(w.customer.db, "x".repeat(1495), cart(w)),
  },
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
    name: "staff decline with a 10 000 character note",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => moveOrder(w.staff, w.placed, "declined", { declineReason: "other", declineNote: "x".repeat(10_000) }),
  },
  {
    name: "staff decline with words of their own as the reason",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => moveOrder(w.staff, w.placed, "declined", { declineReason: "Verify your card at https://x.example" }),
  },
  {
    name: "customer cancels with words of their own as the reason",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => moveOrder(w.customer, w.placed, "cancelled", { cancelReason: "URGENT: payouts suspended" }),
  },
  {
    name: "staff accept and lower the price at once",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) =>
      updateDoc(doc(w.staff.db, "orders", w.placed), move(w.staff.uid, "accepted", { "pricing.subtotal": 0 })),
  },
  {
    name: "courier claims an order that is not ready",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) =>
      updateDoc(doc(w.courier.db, paths.order(w.placed)), { courierId: w.courier.uid, updatedAt: serverTimestamp() }),
  },
  {
    name: "customer deletes their order",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) => deleteDoc(doc(w.customer.db, "orders", w.placed)),
  },
  {
    name: "timeline stamped with a client clock",
    watch: (w) => [`orders/${w.placed}`],
    write: (w) =>
      updateDoc(
        doc(w.staff.db, "orders", w.placed),
        move(w.staff.uid, "accepted", { "timeline.accepted": new Date() }),
      ),
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
    watch: (w) => [`users/${w.other.uid}/notifications/fake`],
    write: (w) =>
      setDoc(doc(w.customer.db, `users/${w.other.uid}/notifications/fake`), { title: "Win", body: "", read: false }),
  },
  {
    name: "other user's id: register a push token for someone else",
    watch: (w) => [paths.device(w.other.uid, "d0")],
    write: (w) =>
      setDoc(doc(w.customer.db, paths.device(w.other.uid, "d0")), { token: "t", createdAt: serverTimestamp() }),
  },
  {
    name: "a sixth push device",
    watch: (w) => [paths.device(w.customer.uid, "d5")],
    write: (w) =>
      setDoc(doc(w.customer.db, paths.device(w.customer.uid, "d5")), { token: "t", createdAt: serverTimestamp() }),
  },
  {
    name: "an eleventh saved address",
    watch: (w) => [paths.address(w.customer.uid, "a10")],
    write: (w) =>
      setDoc(doc(w.customer.db, paths.address(w.customer.uid, "a10")), {
        ...BERLIN_CENTRE,
        label: "",
        updatedAt: serverTimestamp(),
      }),
  },
  {
    name: "a display name that poses as Dishpatch",
    watch: (w) => [`users/${w.customer.uid}`],
    write: (w) =>
      updateDoc(doc(w.customer.db, paths.user(w.customer.uid)), {
        displayName: "Dishpatch Support",
        updatedAt: serverTimestamp(),
      }),
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
    name: "a time zone that does not exist",
    watch: (w) => [`restaurants/${w.r.id}`],
    write: (w) =>
      updateDoc(doc(w.staff.db, paths.restaurant(w.r.id)), {
        timeZone: "Mars/Olympus_Mons",
        updatedAt: serverTimestamp(),
      }),
  },
  {
    name: "opening hours that are numbers",
    watch: (w) => [`restaurants/${w.r.id}`],
    write: (w) =>
      updateDoc(doc(w.staff.db, paths.restaurant(w.r.id)), { openingHours: { mon: 42 }, updatedAt: serverTimestamp() }),
  },
  {
    name: "opening hours at 25:99",
    watch: (w) => [`restaurants/${w.r.id}`],
    write: (w) =>
      updateDoc(doc(w.staff.db, paths.restaurant(w.r.id)), {
        openingHours: { mon: "25:99-26:00" },
        updatedAt: serverTimestamp(),
      }),
  },
  {
    name: "a currency that is no currency",
    watch: (w) => [`restaurants/${w.r.id}`],
    write: (w) =>
      updateDoc(doc(w.staff.db, paths.restaurant(w.r.id)), { currency: "12!", updatedAt: serverTimestamp() }),
  },
  {
    name: "30 categories of 30 000 characters",
    watch: (w) => [`restaurants/${w.r.id}`],
    write: (w) =>
      updateDoc(doc(w.staff.db, paths.restaurant(w.r.id)), {
        categories: Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(30_000, "x")),
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
    watch: (w) => [paths.review(w.r.id, w.placed)],
    write: (w) =>
      setDoc(doc(w.customer.db, paths.review(w.r.id, w.placed)), { rating: 5, text: "", createdAt: serverTimestamp() }),
  },
  {
    name: "customer writes the daily statistics",
    watch: (w) => [`restaurants/${w.r.id}/stats/2026-01-01/shards/0`],
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
    name: "an item of another restaurant",
    code: "unknown_item",
    items: (w) => [{ itemId: w.otherR.items.dish, quantity: 5, options: {} }],
  },
  {
    name: "options naming a group the dish lacks",
    code: "invalid_options",
    items: (w) => [{ itemId: w.r.items.dish, quantity: 2, options: { sauce: ["bbq"] } }],
  },
  {
    name: "the same option twice",
    code: "invalid_options",
    items: (w) => [{ itemId: w.r.items.sized, quantity: 2, options: { size: ["large", "large"] } }],
  },
  {
    name: "an option id that breaks the encoding",
    code: "malformed_order",
    items: (w) => [{ itemId: w.r.items.sized, quantity: 2, options: { size: ["la=rge"] } }],
  },
  {
    name: "a cheap cart under the minimum",
    code: "below_minimum",
    items: (w) => [{ itemId: w.r.items.cheap, quantity: 1, options: {} }],
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
  this.timeout(300_000);
  let w: World;

  before(async () => {
    const size = {
      id: "size",
      name: "Size",
      min: 1,
      max: 1,
      options: [
        { id: "regular", name: "Regular", priceDelta: 0 },
        { id: "large", name: "Large", priceDelta: 300 },
      ],
    };
    const r = await createRestaurant({
      dish: { price: 1200 },
      cheap: { price: 100 },
      sized: { price: 900, optionGroups: [size] },
    });
    const otherR = await createRestaurant({ dish: { price: 900 } });
    const [customer, other, staff, courier] = await Promise.all([
      createUser({}, "Hostile Hannah"),
      createUser({}, "Innocent Ivan"),
      createUser({ staff: [r.id] }, "Staff Stella"),
      createUser({ courier: true }, "Courier Kai"),
    ]);
    w = { customer, other, staff, courier, r, otherR, placed: "", othersOrder: "" };
  });
  after(closeClients);

  /** The placed orders the cases aim at, placed again whenever the accept timeout would end them
   * during a case: a refusal must be for the move itself, not because the order was cancelled. */
  const MARGIN_MS = 8000;
  const placedFor = async (who: TestUser, current: string): Promise<string> => {
    const snap = current ? await adminDb.doc(paths.order(current)).get() : null;
    const acceptBy = snap?.get("acceptBy")?.toMillis() ?? 0;
    if (snap?.get("status") === "placed" && acceptBy - Date.now() > MARGIN_MS) return current;
    // Its customer gives up on the old one: left to time out, three in a row would pause the
    // restaurant (AUTO_PAUSE_AFTER_MISSES) and the backend cases would be refused for that.
    if (snap?.get("status") === "placed") {
      await moveOrder(who, current, "cancelled", { cancelReason: "changed_mind" }).catch(() => undefined);
    }
    const id = await placeOrder(who, w.r.id, [{ itemId: w.r.items.dish, quantity: 2, options: {} }]);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    return id;
  };

  const snapshot = async (paths: string[]) =>
    Promise.all(paths.map(async (p) => JSON.stringify((await adminDb.doc(p).get()).data() ?? null)));

  for (const c of DENIED) {
    it(`refused by the rules: ${c.name}`, async () => {
      w.placed = await placedFor(w.customer, w.placed);
      w.othersOrder = await placedFor(w.other, w.othersOrder);
      const ordersBefore = (
        await adminDb.collection("orders").where("customerId", "==", w.customer.uid).count().get()
      ).data().count;
      const before = await snapshot(c.watch(w));
      await assert.rejects(c.write(w), (err: { code?: string }) => err.code === "permission-denied");
      assert.deepEqual(await snapshot(c.watch(w)), before, "the target is unchanged");
      const status = (await adminDb.doc(paths.order(w.placed)).get()).get("status");
      assert.equal(status, "placed", "the order the cases aim at was still placed throughout");
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
      const order = (await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed", "rejected"))).data()!;
      assert.equal(order.status, "rejected");
      assert.equal(order.rejection.code, c.code);
      assert.ok(order.rejection.message.length > 10, "a human message");
      assert.equal(order.pricing, undefined);
      assert.deepEqual(
        await snapshot([`restaurants/${w.r.id}`, `restaurants/${w.r.id}/menu/${w.r.items.dish}`]),
        restaurantBefore,
      );
      await inboxTold(w.customer.uid, id, "rejected");
      const staffHeard = await adminDb.collection(paths.inbox(w.staff.uid)).where("orderId", "==", id).get();
      assert.equal(staffHeard.size, 0, "the restaurant is not bothered");
    });
  }
});

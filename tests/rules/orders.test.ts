import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type Firestore,
} from "firebase/firestore";
import { canTransition, LIMITS, ORDER_STATUSES, type Actor, type OrderStatus } from "../../functions/src/domain";
import { each, matrix } from "../support/matrix";
import {
  ADDRESS,
  dbAs,
  expectAccess,
  ROLE_NAMES,
  rulesEnv,
  seedFixtures,
  uidOf,
  type RoleName,
} from "../support/rulesEnv";

const now = () => serverTimestamp();
const cart = (patch: Record<string, unknown> = {}) => ({
  customerId: "alice",
  restaurantId: "r1",
  status: "submitted",
  items: [{ itemId: "m1", quantity: 2, options: {} }],
  deliveryAddress: ADDRESS,
  note: "Ring twice",
  createdAt: now(),
  ...patch,
});
const createAs = (role: RoleName, patch: Record<string, unknown> = {}) =>
  setDoc(doc(dbAs(role), "orders/new"), cart({ customerId: uidOf(role), ...patch }));

/** The update a client makes to move an order: status, its timeline stamp, updatedAt. */
function move(to: OrderStatus, extra: Record<string, unknown> = {}) {
  return {
    status: to,
    [`timeline.${to}`]: now(),
    updatedAt: now(),
    ...(to === "declined" ? { declineReason: "Out of dough" } : {}),
    ...extra,
  };
}

/** Which actor of the state machine a test role plays for the fixture orders (alice's, at r1, courier cora). */
const ACTOR: Partial<Record<RoleName, Actor>> = { customer: "customer", staff: "restaurant", courier: "courier" };

/** The fixture order in `status`; a ready order is the one cora has claimed. */
const fixtureFor = (status: OrderStatus) => (status === "ready" ? "readyClaimed" : status);

describe("rules: orders", () => {
  before(rulesEnv);
  beforeEach(seedFixtures);

  describe("reading", () => {
    matrix("get a placed order", ["customer", "staff", "admin"], (db) => getDoc(doc(db, "orders/placed")));
    matrix("get an unclaimed ready order", ["customer", "staff", "courier", "otherCourier", "admin"], (db) =>
      getDoc(doc(db, "orders/ready")),
    );
    matrix("get an order claimed by cora", ["customer", "staff", "courier", "admin"], (db) =>
      getDoc(doc(db, "orders/readyClaimed")),
    );
    matrix("get an order cora is delivering", ["customer", "staff", "courier", "admin"], (db) =>
      getDoc(doc(db, "orders/picked_up")),
    );
    matrix("get another restaurant's order", ["customer", "otherStaff", "admin"], (db) =>
      getDoc(doc(db, "orders/r2Placed")),
    );
    matrix("list alice's orders", ["customer", "admin"], (db) =>
      getDocs(query(collection(db, "orders"), where("customerId", "==", "alice"))),
    );
    matrix("list r1's orders", ["staff", "admin"], (db) =>
      getDocs(query(collection(db, "orders"), where("restaurantId", "==", "r1"))),
    );
    matrix("list r2's orders", ["otherStaff", "admin"], (db) =>
      getDocs(query(collection(db, "orders"), where("restaurantId", "==", "r2"))),
    );
    matrix("list unclaimed ready orders", ["courier", "otherCourier", "admin"], (db) =>
      getDocs(query(collection(db, "orders"), where("status", "==", "ready"), where("courierId", "==", null))),
    );
    matrix("list cora's deliveries", ["courier", "admin"], (db) =>
      getDocs(query(collection(db, "orders"), where("courierId", "==", "cora"))),
    );
    matrix("list every order", ["admin"], (db) => getDocs(collection(db, "orders")));
    it("a courier cannot list ready orders without the unclaimed filter", () =>
      expectAccess(false, getDocs(query(collection(dbAs("courier"), "orders"), where("status", "==", "ready")))));
  });

  describe("placing (create)", () => {
    matrix(
      "create a cart as oneself",
      ["customer", "otherCustomer", "staff", "otherStaff", "courier", "otherCourier", "admin"],
      (db, role) => setDoc(doc(db, "orders/new"), cart({ customerId: uidOf(role) })),
    );
    matrix("create a cart in alice's name", ["customer"], (db) => setDoc(doc(db, "orders/new"), cart()));
    const tampered: [string, Record<string, unknown>][] = [
      ["status placed", { status: "placed" }],
      ["status delivered", { status: "delivered" }],
      ["a client-side pricing block", { pricing: { subtotal: 1, deliveryFee: 0, serviceFee: 0, total: 1, lines: [] } }],
      ["a total", { total: 1 }],
      ["a courier", { courierId: "cora" }],
      ["a timeline", { timeline: { placed: new Date() } }],
      ["a customer name for the restaurant", { customerName: "Someone Else" }],
      ["a rejection", { rejection: { code: "x", message: "y" } }],
      ["no items", { items: [] }],
      ["items that are not a list", { items: { m1: 1 } }],
      [
        `more than ${LIMITS.maxCartLinesHard} lines`,
        { items: Array(LIMITS.maxCartLinesHard + 1).fill({ itemId: "m1", quantity: 1, options: {} }) },
      ],
      ["an oversized note", { note: "x".repeat(LIMITS.maxNoteLength + 1) }],
      ["a note that is not a string", { note: 42 }],
      ["an address without coordinates", { deliveryAddress: { line1: "x", city: "Berlin" } }],
      ["an address at latitude 200", { deliveryAddress: { ...ADDRESS, lat: 200 } }],
      ["an address with an extra field", { deliveryAddress: { ...ADDRESS, gate: "B" } }],
      ["an empty restaurant id", { restaurantId: "" }],
      ["a restaurant id that is not a string", { restaurantId: 7 }],
      ["a client timestamp", { createdAt: new Date() }],
      ["no createdAt", { createdAt: undefined }],
      ["an unknown field", { coupon: "FREEFOOD" }],
    ];
    for (const [what, patch] of tampered) {
      it(`denies a cart with ${what}`, () => {
        const data: Record<string, unknown> = cart(patch);
        for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
        return expectAccess(false, setDoc(doc(dbAs("customer"), "orders/new"), data));
      });
    }
    it(`allows exactly ${LIMITS.maxCartLinesHard} lines (the backend applies the business limit)`, () =>
      expectAccess(
        true,
        createAs("customer", {
          items: Array(LIMITS.maxCartLinesHard).fill({ itemId: "m1", quantity: 1, options: {} }),
        }),
      ));
    it("allows a note at the size limit", () =>
      expectAccess(true, createAs("customer", { note: "x".repeat(LIMITS.maxNoteLength) })));
    matrix("overwrite an existing order with a new cart", [], (db, role) =>
      setDoc(doc(db, "orders/placed"), cart({ customerId: uidOf(role) })),
    );
    matrix("delete", [], (db) => deleteDoc(doc(db, "orders/placed")));
  });

  describe("the state machine: every status jump for every role", () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        if (from === to) continue;
        const allowed = ROLE_NAMES.filter((r) => ACTOR[r] && canTransition(from, to, ACTOR[r]!));
        it(`${from} -> ${to}: ${allowed.length ? `only ${allowed.join(", ")}` : "nobody"}`, async () => {
          for (const role of ROLE_NAMES) {
            const ok = allowed.includes(role);
            await expectAccess(ok, updateDoc(doc(dbAs(role), `orders/${fixtureFor(from)}`), move(to)));
            if (ok) await seedFixtures();
          }
        });
      }
    }
  });

  describe("how a transition must be written", () => {
    const staffMoves = (path: string, data: Record<string, unknown>) => updateDoc(doc(dbAs("staff"), path), data);
    it("accepting without stamping the timeline is denied", () =>
      expectAccess(false, staffMoves("orders/placed", { status: "accepted", updatedAt: now() })));
    it("accepting with a client clock in the timeline is denied", () =>
      expectAccess(false, staffMoves("orders/placed", move("accepted", { "timeline.accepted": new Date() }))));
    it("stamping a different status than the new one is denied", () =>
      expectAccess(
        false,
        staffMoves("orders/placed", { status: "accepted", "timeline.ready": now(), updatedAt: now() }),
      ));
    it("rewriting an earlier timeline entry is denied", () =>
      expectAccess(false, staffMoves("orders/placed", move("accepted", { "timeline.placed": now() }))));
    it("accepting while changing the prices is denied", () =>
      expectAccess(false, staffMoves("orders/placed", move("accepted", { "pricing.total": 1 }))));
    it("accepting while reassigning the order to another restaurant is denied", () =>
      expectAccess(false, staffMoves("orders/placed", move("accepted", { restaurantId: "r2" }))));
    it("declining without a reason is denied", () =>
      expectAccess(
        false,
        staffMoves("orders/placed", { status: "declined", "timeline.declined": now(), updatedAt: now() }),
      ));
    it("declining with an oversized reason is denied", () =>
      expectAccess(
        false,
        staffMoves("orders/placed", move("declined", { declineReason: "x".repeat(LIMITS.maxDeclineReasonLength + 1) })),
      ));
    it("a decline reason on an accept is denied", () =>
      expectAccess(false, staffMoves("orders/placed", move("accepted", { declineReason: "no" }))));
    it("changing only the note (no status change) is denied to staff", () =>
      expectAccess(false, staffMoves("orders/placed", { note: "changed", updatedAt: now() })));
    it("the customer cannot edit the cart after sending it", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("customer"), "orders/submitted"), { items: [{ itemId: "m1", quantity: 20, options: {} }] }),
      ));
    it("the customer cannot edit the delivery address of a placed order", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("customer"), "orders/placed"), { deliveryAddress: { ...ADDRESS, lat: 52.6 } }),
      ));
    it("the customer may cancel with a short reason", () =>
      expectAccess(
        true,
        updateDoc(doc(dbAs("customer"), "orders/placed"), move("cancelled", { cancelReason: "Ordered twice" })),
      ));
    it("the customer may not cancel with an oversized reason", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("customer"), "orders/placed"), move("cancelled", { cancelReason: "x".repeat(201) })),
      ));
    it("another customer cannot cancel alice's order", () =>
      expectAccess(false, updateDoc(doc(dbAs("otherCustomer"), "orders/placed"), move("cancelled"))));
    it("staff of another restaurant cannot accept r1's order", () =>
      expectAccess(false, updateDoc(doc(dbAs("otherStaff"), "orders/placed"), move("accepted"))));
    it("staff can accept their own restaurant's order placed by someone else", () =>
      expectAccess(true, updateDoc(doc(dbAs("staff"), "orders/bobPlaced"), move("accepted"))));
  });

  describe("couriers", () => {
    const claim = (db: Firestore, path: string, courierId: string) =>
      updateDoc(doc(db, path), { courierId, updatedAt: now() });
    matrix("claim an unclaimed ready order for oneself", ["courier", "otherCourier"], (db, role) =>
      claim(db, "orders/ready", uidOf(role)),
    );
    each(["courier"], "claim an order for another courier", false, (db) => claim(db, "orders/ready", "carl"));
    each(["courier", "otherCourier"], "claim an order someone already claimed", false, (db, role) =>
      claim(db, role === "courier" ? "orders/readyClaimedByOther" : "orders/readyClaimed", uidOf(role)),
    );
    each(["courier"], "claim an order still being prepared", false, (db) => claim(db, "orders/preparing", "cora"));
    each(["courier"], "claim and pick up in one write", false, (db) =>
      updateDoc(doc(db, "orders/ready"), { courierId: "cora", ...move("picked_up") }),
    );
    each(["courier"], "release a claimed order", false, (db) =>
      claim(db, "orders/readyClaimed", null as unknown as string),
    );
    each(["courier"], "claim while changing the delivery address", false, (db) =>
      updateDoc(doc(db, "orders/ready"), {
        courierId: "cora",
        updatedAt: now(),
        deliveryAddress: { ...ADDRESS, lat: 52.4 },
      }),
    );
    each(["otherCourier"], "pick up an order cora claimed", false, (db) =>
      updateDoc(doc(db, "orders/readyClaimed"), move("picked_up")),
    );
    each(["otherCourier"], "deliver an order cora carries", false, (db) =>
      updateDoc(doc(db, "orders/picked_up"), move("delivered")),
    );
    each(["courier"], "hand the order to another courier", false, (db) =>
      updateDoc(doc(db, "orders/picked_up"), { courierId: "carl", updatedAt: now() }),
    );
  });

  describe("live courier position", () => {
    const pos = (patch: Record<string, unknown> = {}) => ({ lat: 52.52, lng: 13.41, updatedAt: now(), ...patch });
    matrix("get", ["customer", "staff", "courier", "admin"], (db) =>
      getDoc(doc(db, "orders/picked_up/tracking/courier")),
    );
    matrix("write one's position on an order one carries", ["courier"], (db) =>
      setDoc(doc(db, "orders/picked_up/tracking/courier"), pos()),
    );
    matrix("write one's position on the way to pick up a claimed order", ["courier"], (db) =>
      setDoc(doc(db, "orders/readyClaimed/tracking/courier"), pos()),
    );
    matrix("write a position on an unclaimed order", [], (db) =>
      setDoc(doc(db, "orders/ready/tracking/courier"), pos()),
    );
    matrix("write a position on a delivered order", [], (db) =>
      setDoc(doc(db, "orders/delivered/tracking/courier"), pos()),
    );
    matrix("delete the position", [], (db) => deleteDoc(doc(db, "orders/picked_up/tracking/courier")));
    it("denies a position at latitude 95", () =>
      expectAccess(false, setDoc(doc(dbAs("courier"), "orders/picked_up/tracking/courier"), pos({ lat: 95 }))));
    it("denies a position under another document id", () =>
      expectAccess(false, setDoc(doc(dbAs("courier"), "orders/picked_up/tracking/elsewhere"), pos())));
    it("denies a position with a client clock", () =>
      expectAccess(
        false,
        setDoc(doc(dbAs("courier"), "orders/picked_up/tracking/courier"), pos({ updatedAt: new Date() })),
      ));
  });
});

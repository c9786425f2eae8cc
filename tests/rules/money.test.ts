import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from "firebase/firestore";
import { LIMITS } from "../../functions/src/domain";
import { each, matrix } from "../support/matrix";
import { dbAs, expectAccess, promoDoc, ROLE_NAMES, rulesEnv, seedFixtures, clientClock } from "../support/rulesEnv";

const now = () => serverTimestamp();
const everyone = ROLE_NAMES;
const fees = (patch: Record<string, unknown> = {}) => ({
  serviceFeeBps: 500,
  defaultCommissionBps: 1500,
  courierDeliveryShareBps: 8000,
  updatedAt: now(),
  ...patch,
});

describe("rules: money", () => {
  before(rulesEnv);
  beforeEach(seedFixtures);

  describe("settings/fees", () => {
    matrix("get", everyone, (db) => getDoc(doc(db, "settings/fees")));
    matrix("change", ["admin"], (db) => setDoc(doc(db, "settings/fees"), fees({ serviceFeeBps: 600 })));
    matrix("delete", [], (db) => deleteDoc(doc(db, "settings/fees")));
    const admin = (patch: Record<string, unknown>) => setDoc(doc(dbAs("admin"), "settings/fees"), fees(patch));
    it("allows the limits", () =>
      expectAccess(
        true,
        admin({
          serviceFeeBps: LIMITS.maxServiceFeeBps,
          defaultCommissionBps: LIMITS.maxCommissionBps,
          courierDeliveryShareBps: 10_000,
        }),
      ));
    it("allows no fee, no commission and no courier share", () =>
      expectAccess(true, admin({ serviceFeeBps: 0, defaultCommissionBps: 0, courierDeliveryShareBps: 0 })));
    for (const [what, patch] of [
      ["a negative service fee", { serviceFeeBps: -1 }],
      ["a negative commission", { defaultCommissionBps: -1 }],
      ["a negative courier share", { courierDeliveryShareBps: -1 }],
      ["a service fee above 30 %", { serviceFeeBps: LIMITS.maxServiceFeeBps + 1 }],
      ["a commission above 50 %", { defaultCommissionBps: LIMITS.maxCommissionBps + 1 }],
      ["a courier share above 100 %", { courierDeliveryShareBps: 10_001 }],
      ["a fractional fee", { serviceFeeBps: 12.5 }],
      ["a client clock", { updatedAt: clientClock() }],
      ["an extra field", { surge: 2 }],
    ] as const) {
      it(`denies ${what}, even to an admin`, () => expectAccess(false, admin(patch)));
    }
  });

  describe("restaurantTerms/r1", () => {
    matrix("get", ["owner", "admin"], (db) => getDoc(doc(db, "restaurantTerms/r1")));
    matrix("list", ["admin"], (db) => getDocs(collection(db, "restaurantTerms")));
    matrix("delete", ["admin"], (db) => deleteDoc(doc(db, "restaurantTerms/r1")));
    matrix("set the commission", ["admin"], (db) =>
      setDoc(doc(db, "restaurantTerms/r1"), { commissionBps: 1000, updatedAt: now() }),
    );
    const setCommission = (commissionBps: unknown) =>
      setDoc(doc(dbAs("admin"), "restaurantTerms/r1"), { commissionBps, updatedAt: now() });
    it("allows a commission from 0 to 50 %", async () => {
      await expectAccess(true, setCommission(0));
      await expectAccess(true, setCommission(LIMITS.maxCommissionBps));
    });
    it("denies terms with an extra field or a client clock", async () => {
      const terms = doc(dbAs("admin"), "restaurantTerms/r1");
      await expectAccess(false, setDoc(terms, { commissionBps: 1000, payoutDay: 1, updatedAt: now() }));
      await expectAccess(false, setDoc(terms, { commissionBps: 1000, updatedAt: clientClock() }));
    });
    for (const commissionBps of [-1, LIMITS.maxCommissionBps + 1]) {
      it(`denies a commission of ${commissionBps} basis points`, () =>
        expectAccess(false, setCommission(commissionBps)));
    }
  });

  describe("promo codes", () => {
    // A code's terms (budget, caps, creator) are the admins': checkout asks the backend
    // (quotePromo) and lists the public codes from their public view.
    matrix("look a code up by guessing it", ["admin"], (db) => getDoc(doc(db, "promoCodes/SECRET")));
    matrix("look a public code's terms up", ["admin"], (db) => getDoc(doc(db, "promoCodes/SAVE10")));
    matrix("list the public codes' terms", ["admin"], (db) =>
      getDocs(query(collection(db, "promoCodes"), where("public", "==", true))),
    );
    matrix("list every code", ["admin"], (db) => getDocs(collection(db, "promoCodes")));
    matrix("read a public code's public view", everyone, (db) => getDoc(doc(db, "publicPromos/SAVE10")));
    matrix("list the public views", everyone, (db) => getDocs(collection(db, "publicPromos")));
    matrix("write a public view", [], (db) =>
      setDoc(doc(db, "publicPromos/SECRET"), { code: "SECRET", description: "mine now", restaurantId: null }),
    );
    matrix("pause a code", ["admin"], (db) =>
      updateDoc(doc(db, "promoCodes/SAVE10"), { paused: true, updatedAt: now() }),
    );
    matrix("create a code (the backend's, with its allocations)", [], (db) =>
      setDoc(doc(db, "promoCodes/NEW10"), promoDoc("NEW10", true)),
    );
    matrix("delete a code", [], (db) => deleteDoc(doc(db, "promoCodes/SAVE10")));
    it("an admin cannot pause a code with something other than true or false", () =>
      expectAccess(false, updateDoc(doc(dbAs("admin"), "promoCodes/SAVE10"), { paused: "yes", updatedAt: now() })));
    it("an admin cannot pause a code with a client clock", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("admin"), "promoCodes/SAVE10"), { paused: true, updatedAt: clientClock() }),
      ));
    it("an admin cannot change a code's discount by pausing it", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("admin"), "promoCodes/SAVE10"), { paused: true, percentBps: 9000, updatedAt: now() }),
      ));
    matrix("read what is left of a code", ["admin"], (db) => getDoc(doc(db, "promoCodes/SAVE10/allocations/0")));
    matrix("top up what is left of a code", [], (db) =>
      updateDoc(doc(db, "promoCodes/SAVE10/allocations/0"), { left: 1000 }),
    );
    matrix("read one's redemption", ["customer", "admin"], (db) =>
      getDoc(doc(db, "promoCodes/SAVE10/redemptions/delivered")),
    );
    matrix("release a redemption by hand", [], (db) =>
      updateDoc(doc(db, "promoCodes/SAVE10/redemptions/delivered"), { released: true }),
    );
  });

  // Each reads what they pay or earn: the customer their receipt, the courier their earning, the
  // restaurant's owner its statement line; the whole split is in the books, for admins only.
  describe("an order's money, one record per reader", () => {
    matrix("get the customer's receipt", ["customer", "admin"], (db) => getDoc(doc(db, "receipts/delivered")));
    matrix("list one's own receipts", ["customer", "admin"], (db) =>
      getDocs(query(collection(db, "receipts"), where("customerId", "==", "alice"))),
    );
    matrix("list every receipt", ["admin"], (db) => getDocs(collection(db, "receipts")));
    matrix("get the restaurant's statement line", ["owner", "admin"], (db) =>
      getDoc(doc(db, "statementLines/delivered")),
    );
    matrix("list r1's statement lines", ["owner", "admin"], (db) =>
      getDocs(query(collection(db, "statementLines"), where("restaurantId", "==", "r1"))),
    );
    matrix("list r2's statement lines", ["admin"], (db) =>
      getDocs(query(collection(db, "statementLines"), where("restaurantId", "==", "r2"))),
    );
    matrix("list every statement line", ["admin"], (db) => getDocs(collection(db, "statementLines")));
    matrix("get the order's books (the whole split)", ["admin"], (db) => getDoc(doc(db, "orderBooks/delivered")));
    matrix("list r1's books", ["admin"], (db) =>
      getDocs(query(collection(db, "orderBooks"), where("restaurantId", "==", "r1"))),
    );
    matrix("list the books cora delivered", ["admin"], (db) =>
      getDocs(query(collection(db, "orderBooks"), where("courierId", "==", "cora"))),
    );
    matrix("read cora's earnings", ["courier", "admin"], (db) => getDocs(collection(db, "couriers/cora/earnings")));
    each(["customer", "courier", "owner"], "a collection-group look at everyone's earnings", false, (db) =>
      getDocs(collectionGroup(db, "earnings")),
    );
    for (const [what, path, data] of [
      ["change a receipt's total", "receipts/delivered", { total: 1 }],
      ["write a receipt", "receipts/placed", { customerId: "alice", total: 1 }],
      ["raise one's statement line", "statementLines/delivered", { restaurantNet: 5000 }],
      ["write a statement line", "statementLines/placed", { restaurantId: "r1", restaurantNet: 5000 }],
      ["change the books", "orderBooks/delivered", { split: { commission: 0 } }],
      ["write books", "orderBooks/placed", { restaurantId: "r1", total: 1 }],
      ["raise one's own earning", "couriers/cora/earnings/delivered", { tip: 5000, total: 5199 }],
    ] as const) {
      matrix(what, [], (db) => setDoc(doc(db, path), data, { merge: true }));
    }
    matrix("delete the books", [], (db) => deleteDoc(doc(db, "orderBooks/delivered")));
  });
});

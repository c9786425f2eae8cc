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
import { dbAs, expectAccess, promoDoc, ROLE_NAMES, rulesEnv, seedFixtures } from "../support/rulesEnv";

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
      ["a client clock", { updatedAt: new Date() }],
      ["an extra field", { surge: 2 }],
    ] as const) {
      it(`denies ${what}, even to an admin`, () => expectAccess(false, admin(patch)));
    }
  });

  describe("restaurantTerms/r1", () => {
    matrix("get", ["staff", "admin"], (db) => getDoc(doc(db, "restaurantTerms/r1")));
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
      await expectAccess(false, setDoc(terms, { commissionBps: 1000, updatedAt: new Date() }));
    });
    for (const commissionBps of [-1, LIMITS.maxCommissionBps + 1]) {
      it(`denies a commission of ${commissionBps} basis points`, () =>
        expectAccess(false, setCommission(commissionBps)));
    }
  });

  describe("promo codes", () => {
    const signedIn = everyone.filter((r) => r !== "anonymous");
    matrix("look a code up", signedIn, (db) => getDoc(doc(db, "promoCodes/SECRET")));
    matrix("list the public codes", signedIn, (db) =>
      getDocs(query(collection(db, "promoCodes"), where("public", "==", true))),
    );
    matrix("list every code", ["admin"], (db) => getDocs(collection(db, "promoCodes")));
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
      expectAccess(false, updateDoc(doc(dbAs("admin"), "promoCodes/SAVE10"), { paused: true, updatedAt: new Date() })));
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

  describe("receipts and earnings", () => {
    matrix("get a receipt", ["customer", "staff", "admin"], (db) => getDoc(doc(db, "receipts/delivered")));
    matrix("list the restaurant's receipts", ["staff", "admin"], (db) =>
      getDocs(query(collection(db, "receipts"), where("restaurantId", "==", "r1"))),
    );
    matrix("list one's own receipts", ["customer", "admin"], (db) =>
      getDocs(query(collection(db, "receipts"), where("customerId", "==", "alice"))),
    );
    matrix("change a receipt's total", [], (db) => updateDoc(doc(db, "receipts/delivered"), { total: 1 }));
    matrix("write a receipt", [], (db) => setDoc(doc(db, "receipts/placed"), { customerId: "alice", total: 1 }));
    matrix("read cora's earnings", ["courier", "admin"], (db) => getDocs(collection(db, "couriers/cora/earnings")));
    matrix("raise one's own earning", [], (db) =>
      updateDoc(doc(db, "couriers/cora/earnings/delivered"), { tip: 5000, total: 5199 }),
    );
    each(["customer", "courier"], "a collection-group look at everyone's earnings", false, (db) =>
      getDocs(collectionGroup(db, "earnings")),
    );
  });
});

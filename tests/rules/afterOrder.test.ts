// After the order: complaints, credit, the refund books and the settings that bound cash and
// refunds. Every collection × role, and each bound at and past it. No client writes an amount, a
// decision or a balance: the backend's callables do (tests/pipeline/afterOrder.test.ts).

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
} from "firebase/firestore";
import { CASH_LIMIT_BOUNDS } from "../../functions/src/domain";
import { matrix } from "../support/matrix";
import { dbAs, expectAccess, ROLE_NAMES, rulesEnv, seedFixtures, clientClock } from "../support/rulesEnv";

const now = () => serverTimestamp();
const cash = (patch: Record<string, unknown> = {}) => ({
  maxCashOrderCents: 10000,
  maxCourierCashCents: 30000,
  updatedAt: now(),
  ...patch,
});
const thresholds = (patch: Record<string, unknown> = {}) => ({
  autoApproveMaxCents: 1500,
  maxClaimsPer30Days: 2,
  highValueOrderCents: 8000,
  updatedAt: now(),
  ...patch,
});

describe("rules: after the order", () => {
  before(rulesEnv);
  beforeEach(seedFixtures);

  describe("complaints/c1 (alice's, about r1)", () => {
    matrix("get", ["customer", "staff", "owner", "admin"], (db) => getDoc(doc(db, "complaints/c1")));
    matrix("list the restaurant's", ["staff", "owner", "admin"], (db) =>
      getDocs(query(collection(db, "complaints"), where("restaurantId", "==", "r1"))),
    );
    matrix("list one's own", ["customer", "admin"], (db) =>
      getDocs(query(collection(db, "complaints"), where("customerId", "==", "alice"))),
    );
    matrix("list them all", ["admin"], (db) => getDocs(collection(db, "complaints")));
    matrix("file one directly", [], (db, role) =>
      setDoc(doc(db, "complaints/new"), {
        orderId: "delivered",
        customerId: role === "customer" ? "alice" : "x",
        restaurantId: "r1",
        type: "missing_items",
        amount: 450,
        status: "review",
        createdAt: now(),
      }),
    );
    matrix("raise its amount", [], (db) => updateDoc(doc(db, "complaints/c1"), { amount: 99999 }));
    matrix("decide it", [], (db) => updateDoc(doc(db, "complaints/c1"), { status: "declined" }));
    matrix("dispute it directly", [], (db) =>
      updateDoc(doc(db, "complaints/c1"), { dispute: { reason: "no", status: "open" } }),
    );
    matrix("delete", [], (db) => deleteDoc(doc(db, "complaints/c1")));
  });

  describe("credit", () => {
    matrix("get an entry", ["customer"], (db) => getDoc(doc(db, "users/alice/credit/refund-c1")));
    matrix("list the entries", ["customer"], (db) => getDocs(collection(db, "users/alice/credit")));
    matrix("write an entry", [], (db) =>
      setDoc(doc(db, "users/alice/credit/gift"), { amount: 10000, cause: "refund", createdAt: now() }),
    );
    matrix("delete an entry", [], (db) => deleteDoc(doc(db, "users/alice/credit/refund-c1")));
    matrix("give alice credit on her profile", [], (db) =>
      updateDoc(doc(db, "users/alice"), { credit: 10000, updatedAt: now() }),
    );
    it("a profile cannot be written with credit", async () => {
      await expectAccess(
        false,
        setDoc(doc(dbAs("otherCustomer"), "users/bob"), { displayName: "Bob", credit: 500, createdAt: now() }),
      );
    });
  });

  describe("a courier's cash", () => {
    matrix("get cora's sums", ["courier", "admin"], (db) => getDoc(doc(db, "courierCash/cora")));
    matrix("list everyone's sums", ["admin"], (db) => getDocs(collection(db, "courierCash")));
    matrix("write cora's sums", [], (db) =>
      setDoc(doc(db, "courierCash/cora"), { collected: 0, earned: 0, handedIn: 0, paidOut: 0 }),
    );
    matrix("list cora's settlements", ["courier", "admin"], (db) =>
      getDocs(collection(db, "couriers/cora/settlements")),
    );
    matrix("record a settlement directly", [], (db) =>
      setDoc(doc(db, "couriers/cora/settlements/s2"), { kind: "handedIn", amount: 100000, by: "ada", note: "" }),
    );
  });

  describe("refundBooks", () => {
    matrix("get", ["admin"], (db) => getDoc(doc(db, "refundBooks/refund-c1")));
    matrix("list", ["admin"], (db) => getDocs(collection(db, "refundBooks")));
    matrix("write", [], (db) => setDoc(doc(db, "refundBooks/x"), { platformPays: -100, bookedAt: now() }));
  });

  describe("settings/payments", () => {
    matrix("get", ROLE_NAMES, (db) => getDoc(doc(db, "settings/payments")));
    matrix("change", ["admin"], (db) => setDoc(doc(db, "settings/payments"), cash({ maxCashOrderCents: 5000 })));
    matrix("delete", [], (db) => deleteDoc(doc(db, "settings/payments")));
    const admin = (patch: Record<string, unknown>) => setDoc(doc(dbAs("admin"), "settings/payments"), cash(patch));
    it("allows each limit at its bounds", async () => {
      await expectAccess(true, admin({ maxCashOrderCents: CASH_LIMIT_BOUNDS.min }));
      await expectAccess(true, admin({ maxCourierCashCents: CASH_LIMIT_BOUNDS.max }));
    });
    for (const [what, patch] of [
      ["a cash limit below the bound", { maxCashOrderCents: CASH_LIMIT_BOUNDS.min - 1 }],
      ["a courier limit above the bound", { maxCourierCashCents: CASH_LIMIT_BOUNDS.max + 1 }],
      ["a fractional limit", { maxCashOrderCents: 5000.5 }],
      ["a client clock", { updatedAt: clientClock() }],
      ["an extra field", { maxCardOrderCents: 5000 }],
    ] as const) {
      it(`denies ${what}, even to an admin`, () => expectAccess(false, admin(patch)));
    }
  });

  describe("settings/complaints", () => {
    matrix("get", ["admin"], (db) => getDoc(doc(db, "settings/complaints")));
    matrix("change", ["admin"], (db) => setDoc(doc(db, "settings/complaints"), thresholds({ maxClaimsPer30Days: 3 })));
    const admin = (patch: Record<string, unknown>) =>
      setDoc(doc(dbAs("admin"), "settings/complaints"), thresholds(patch));
    it("allows each threshold at its bounds", async () => {
      await expectAccess(true, admin({ autoApproveMaxCents: 0, maxClaimsPer30Days: 0, highValueOrderCents: 0 }));
      await expectAccess(
        true,
        admin({ autoApproveMaxCents: 100000, maxClaimsPer30Days: 100, highValueOrderCents: 1000000 }),
      );
    });
    for (const [what, patch] of [
      ["a negative amount", { autoApproveMaxCents: -1 }],
      ["an amount past the bound", { autoApproveMaxCents: 100001 }],
      ["claims past the bound", { maxClaimsPer30Days: 101 }],
      ["a high value past the bound", { highValueOrderCents: 1000001 }],
      ["an extra field", { autoDecline: true }],
    ] as const) {
      it(`denies ${what}, even to an admin`, () => expectAccess(false, admin(patch)));
    }
  });
});

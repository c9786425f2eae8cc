import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
} from "firebase/firestore";
import { LIMITS } from "../../functions/src/domain";
import { each, matrix } from "../support/matrix";
import { ADDRESS, dbAs, expectAccess, rulesEnv, seedFixtures, uidOf } from "../support/rulesEnv";

describe("rules: users", () => {
  before(rulesEnv);
  beforeEach(seedFixtures);

  describe("profile users/alice", () => {
    matrix("get", ["customer", "admin"], (db) => getDoc(doc(db, "users/alice")));
    matrix("list users", ["admin"], (db) => getDocs(collection(db, "users")));
    matrix("update own display name", ["customer"], (db) =>
      updateDoc(doc(db, "users/alice"), { displayName: "Alice B.", updatedAt: serverTimestamp() }),
    );
    matrix("delete", [], (db) => deleteDoc(doc(db, "users/alice")));
  });

  describe("creating a profile", () => {
    const fresh = ["staff", "otherStaff", "courier", "otherCourier", "admin"] as const;
    each(fresh, "create one's own profile", true, (db, role) =>
      setDoc(doc(db, `users/${uidOf(role)}`), { displayName: "New", createdAt: serverTimestamp() }),
    );
    matrix("create someone else's profile", [], (db) =>
      setDoc(doc(db, "users/newbie"), { displayName: "New", createdAt: serverTimestamp() }),
    );
    it("denies a profile that grants itself a role", () =>
      expectAccess(
        false,
        setDoc(doc(dbAs("courier"), "users/cora"), {
          displayName: "C",
          createdAt: serverTimestamp(),
          roles: { admin: true },
        }),
      ));
    it("denies a profile with a client-chosen createdAt", () =>
      expectAccess(false, setDoc(doc(dbAs("courier"), "users/cora"), { displayName: "C", createdAt: new Date(0) })));
    it("denies an empty display name", () =>
      expectAccess(
        false,
        setDoc(doc(dbAs("courier"), "users/cora"), { displayName: "", createdAt: serverTimestamp() }),
      ));
    it("denies an oversized display name", () =>
      expectAccess(
        false,
        setDoc(doc(dbAs("courier"), "users/cora"), {
          displayName: "x".repeat(LIMITS.maxNameLength + 1),
          createdAt: serverTimestamp(),
        }),
      ));
    it("allows a display name at the size limit", () =>
      expectAccess(
        true,
        setDoc(doc(dbAs("courier"), "users/cora"), {
          displayName: "x".repeat(LIMITS.maxNameLength),
          createdAt: serverTimestamp(),
        }),
      ));
  });

  describe("role escalation", () => {
    it("a customer cannot write roles on their profile", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("customer"), "users/alice"), { roles: { admin: true }, updatedAt: serverTimestamp() }),
      ));
    it("a customer cannot remove the roles mirror", () =>
      expectAccess(
        false,
        setDoc(doc(dbAs("customer"), "users/alice"), {
          displayName: "Alice",
          updatedAt: serverTimestamp(),
          createdAt: serverTimestamp(),
        }),
      ));
    it("a customer cannot change createdAt", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("customer"), "users/alice"), { createdAt: serverTimestamp(), updatedAt: serverTimestamp() }),
      ));
    it("a customer cannot add unknown fields", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("customer"), "users/alice"), { isVip: true, updatedAt: serverTimestamp() }),
      ));
    it("a profile update must stamp the server time", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("customer"), "users/alice"), { displayName: "A", updatedAt: new Date() }),
      ));
    it("a phone number must be a short string", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("customer"), "users/alice"), { phone: 123, updatedAt: serverTimestamp() }),
      ));
  });

  describe("saved addresses", () => {
    const address = () => ({ ...ADDRESS, label: "Work", updatedAt: serverTimestamp() });
    matrix("get", ["customer"], (db) => getDoc(doc(db, "users/alice/addresses/home")));
    matrix("list", ["customer"], (db) => getDocs(collection(db, "users/alice/addresses")));
    matrix("create", ["customer"], (db) => addDoc(collection(db, "users/alice/addresses"), address()));
    matrix("update", ["customer"], (db) => setDoc(doc(db, "users/alice/addresses/home"), address()));
    matrix("delete", ["customer"], (db) => deleteDoc(doc(db, "users/alice/addresses/home")));
    const bad: [string, Record<string, unknown>][] = [
      ["latitude out of range", { lat: 91 }],
      ["longitude as a string", { lng: "13.4" }],
      ["an empty street", { line1: "" }],
      ["an oversized street", { line1: "x".repeat(LIMITS.maxAddressLineLength + 1) }],
      ["an extra field", { floor: 3 }],
      ["a client timestamp", { updatedAt: new Date() }],
    ];
    for (const [what, patch] of bad) {
      it(`denies an address with ${what}`, () =>
        expectAccess(false, addDoc(collection(dbAs("customer"), "users/alice/addresses"), { ...address(), ...patch })));
    }
  });

  describe("push devices", () => {
    const device = (token = "fcm-token") => ({ token, createdAt: serverTimestamp() });
    matrix("get", ["customer"], (db) => getDoc(doc(db, "users/alice/devices/d1")));
    matrix("list", ["customer"], (db) => getDocs(collection(db, "users/alice/devices")));
    matrix("register", ["customer"], (db) => setDoc(doc(db, "users/alice/devices/d2"), device()));
    matrix("update", [], (db) => setDoc(doc(db, "users/alice/devices/d1"), device("other")));
    matrix("delete", ["customer"], (db) => deleteDoc(doc(db, "users/alice/devices/d1")));
    it("denies an oversized token", () =>
      expectAccess(
        false,
        setDoc(doc(dbAs("customer"), "users/alice/devices/d2"), device("x".repeat(LIMITS.maxTokenLength + 1))),
      ));
    it("denies a token that is not a string", () =>
      expectAccess(
        false,
        setDoc(doc(dbAs("customer"), "users/alice/devices/d2"), { token: 42, createdAt: serverTimestamp() }),
      ));
  });

  describe("inbox", () => {
    const n1 = "users/alice/notifications/n1";
    matrix("get", ["customer"], (db) => getDoc(doc(db, n1)));
    matrix("list", ["customer"], (db) => getDocs(collection(db, "users/alice/notifications")));
    matrix("mark read", ["customer"], (db) => updateDoc(doc(db, n1), { read: true }));
    matrix("create", [], (db) =>
      setDoc(doc(db, "users/alice/notifications/fake"), {
        orderId: "x",
        status: "placed",
        title: "t",
        body: "b",
        read: false,
        createdAt: serverTimestamp(),
      }),
    );
    matrix("delete", [], (db) => deleteDoc(doc(db, n1)));
    it("the recipient cannot mark a notification unread", () =>
      expectAccess(false, updateDoc(doc(dbAs("customer"), n1), { read: false })));
    it("the recipient cannot rewrite its text", () =>
      expectAccess(false, updateDoc(doc(dbAs("customer"), n1), { read: true, body: "You won a prize" })));
  });
});

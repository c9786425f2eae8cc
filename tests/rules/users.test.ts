import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { LIMITS } from "../../functions/src/domain";
import { each, matrix } from "../support/matrix";
import {
  ADDRESS,
  dbAs,
  expectAccess,
  markDirty,
  rulesEnv,
  seedFixtures,
  T0,
  uidOf,
  clientClock,
} from "../support/rulesEnv";

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
    const profile = (displayName: string) => ({ displayName, createdAt: serverTimestamp() });
    const mine = (role: "courier", data: Record<string, unknown>) =>
      setDoc(doc(dbAs(role), `users/${uidOf(role)}`), data);
    beforeEach(async () => {
      // A first sign-in: the profile does not exist yet.
      const env = await rulesEnv();
      markDirty();
      await env.withSecurityRulesDisabled((ctx) => deleteDoc(doc(ctx.firestore(), "users/cora")));
    });
    each(["courier"], "create one's own profile", true, (db, role) =>
      setDoc(doc(db, `users/${uidOf(role)}`), profile("New")),
    );
    matrix("create someone else's profile", [], (db) => setDoc(doc(db, "users/newbie"), profile("New")));
    it("denies a profile that grants itself a role", () =>
      expectAccess(false, mine("courier", { ...profile("C"), roles: { admin: true } })));
    it("denies a profile that sets when its tokens are valid", () =>
      expectAccess(false, mine("courier", { ...profile("C"), tokensValidAfter: 0 })));
    it("denies a profile with a client-chosen createdAt", () =>
      expectAccess(false, mine("courier", { displayName: "C", createdAt: new Date(0) })));
    it("denies an empty display name", () => expectAccess(false, mine("courier", profile(""))));
    it("denies an oversized display name", () =>
      expectAccess(false, mine("courier", profile("x".repeat(LIMITS.maxNameLength + 1)))));
    it("allows a display name at the size limit", () =>
      expectAccess(true, mine("courier", profile("x".repeat(LIMITS.maxNameLength)))));
    for (const name of ["Dishpatch Support", "the DISHPATCH team", "see https://evil.example", "www.win.example"]) {
      it(`denies a display name posing as Dishpatch or carrying a link: "${name}"`, () =>
        expectAccess(false, mine("courier", profile(name))));
    }
    it(`allows a phone number of ${LIMITS.maxPhoneLength} characters, not one more`, async () => {
      await expectAccess(true, mine("courier", { ...profile("C"), phone: "1".repeat(LIMITS.maxPhoneLength) }));
      await expectAccess(
        false,
        updateDoc(doc(dbAs("courier"), "users/cora"), {
          phone: "1".repeat(LIMITS.maxPhoneLength + 1),
          updatedAt: serverTimestamp(),
        }),
      );
    });
  });

  describe("role escalation", () => {
    const alice = () => doc(dbAs("customer"), "users/alice");
    it("a customer cannot write roles on their profile", () =>
      expectAccess(false, updateDoc(alice(), { roles: { admin: true }, updatedAt: serverTimestamp() })));
    it("a customer cannot remove the roles mirror (everything else unchanged)", () =>
      expectAccess(false, setDoc(alice(), { displayName: "customer", createdAt: T0, updatedAt: serverTimestamp() })));
    it("a customer cannot move tokensValidAfter", () =>
      expectAccess(false, updateDoc(alice(), { tokensValidAfter: 0, updatedAt: serverTimestamp() })));
    it("a customer cannot change createdAt", () =>
      expectAccess(false, updateDoc(alice(), { createdAt: serverTimestamp(), updatedAt: serverTimestamp() })));
    it("a customer cannot add unknown fields", () =>
      expectAccess(false, updateDoc(alice(), { isVip: true, updatedAt: serverTimestamp() })));
    it("a profile update must stamp the server time", () =>
      expectAccess(false, updateDoc(alice(), { displayName: "A", updatedAt: clientClock() })));
    it("a phone number must be a short string", () =>
      expectAccess(false, updateDoc(alice(), { phone: 123, updatedAt: serverTimestamp() })));
  });

  describe("default address and favourites", () => {
    const alice = () => doc(dbAs("customer"), "users/alice");
    const update = (patch: Record<string, unknown>) => updateDoc(alice(), { ...patch, updatedAt: serverTimestamp() });
    it("allows a saved slot, or none, as the default address", async () => {
      await expectAccess(true, update({ defaultAddress: "a3" }));
      await expectAccess(true, update({ defaultAddress: null }));
    });
    for (const bad of ["a10", "home", 3, "a"]) {
      it(`denies ${JSON.stringify(bad)} as the default address`, () =>
        expectAccess(false, update({ defaultAddress: bad })));
    }
    it("allows up to 50 restaurant ids as favourites", async () => {
      await expectAccess(true, update({ favourites: ["r1", "r2"] }));
      await expectAccess(true, update({ favourites: Array.from({ length: 50 }, (_, i) => `r${i}`) }));
      await expectAccess(true, update({ favourites: [] }));
    });
    it("denies 51 favourites, ids that are not ids, and favourites that are not a list", async () => {
      await expectAccess(false, update({ favourites: Array.from({ length: 51 }, (_, i) => `r${i}`) }));
      await expectAccess(false, update({ favourites: ["r1,r2"] }));
      await expectAccess(false, update({ favourites: ["../users"] }));
      await expectAccess(false, update({ favourites: [1, 2] }));
      await expectAccess(false, update({ favourites: "r1" }));
      await expectAccess(false, update({ favourites: "" }));
      await expectAccess(false, update({ favourites: {} }));
    });
    it("allows English or German as the profile's language", async () => {
      await expectAccess(true, update({ language: "de" }));
      await expectAccess(true, update({ language: "en" }));
    });
    for (const bad of ["fr", "DE", "de-DE", "", 1, null]) {
      it(`denies ${JSON.stringify(bad)} as the profile's language`, () =>
        expectAccess(false, update({ language: bad })));
    }
    it("denies another user's default address and favourites", () =>
      expectAccess(
        false,
        updateDoc(doc(dbAs("otherCustomer"), "users/alice"), {
          favourites: ["r1"],
          updatedAt: serverTimestamp(),
        }),
      ));
  });

  describe("saved addresses: at most ten, in slots a0 to a9", () => {
    /** A saved address; a field patched to undefined is left out. */
    const address = (patch: Record<string, unknown> = {}) =>
      Object.fromEntries(
        Object.entries({ ...ADDRESS, label: "Work", updatedAt: serverTimestamp(), ...patch }).filter(
          ([, v]) => v !== undefined,
        ),
      );
    const save = (slot: string, patch: Record<string, unknown> = {}) =>
      setDoc(doc(dbAs("customer"), `users/alice/addresses/${slot}`), address(patch));
    matrix("get", ["customer"], (db) => getDoc(doc(db, "users/alice/addresses/a0")));
    matrix("list", ["customer"], (db) => getDocs(collection(db, "users/alice/addresses")));
    matrix("create", ["customer"], (db) => setDoc(doc(db, "users/alice/addresses/a1"), address()));
    matrix("update", ["customer"], (db) => setDoc(doc(db, "users/alice/addresses/a0"), address()));
    matrix("delete", ["customer"], (db) => deleteDoc(doc(db, "users/alice/addresses/a0")));
    it(`allows the last slot, a${LIMITS.maxAddresses - 1}`, () =>
      expectAccess(true, save(`a${LIMITS.maxAddresses - 1}`)));
    for (const slot of [`a${LIMITS.maxAddresses}`, "a10", "home", "b1", "a"]) {
      it(`denies an address in slot "${slot}" (no eleventh address)`, () => expectAccess(false, save(slot)));
    }
    const bad: [string, Record<string, unknown>][] = [
      ["latitude out of range", { lat: 91 }],
      ["longitude as a string", { lng: "13.4" }],
      ["an empty street", { line1: "" }],
      ["an oversized street", { line1: "x".repeat(LIMITS.maxAddressLineLength + 1) }],
      ["an oversized city", { city: "x".repeat(LIMITS.maxCityLength + 1) }],
      ["an oversized label", { label: "x".repeat(LIMITS.maxLabelLength + 1) }],
      ["no label (the app always writes one, if empty)", { label: undefined }],
      ["an empty city", { city: "" }],
      ["latitude -91", { lat: -91 }],
      ["longitude 181", { lng: 181 }],
      ["longitude -181", { lng: -181 }],
      ["an extra field", { floor: 3 }],
      ["a client timestamp", { updatedAt: clientClock() }],
    ];
    for (const [what, patch] of bad) it(`denies an address with ${what}`, () => expectAccess(false, save("a2", patch)));
    it("allows a one-letter street and city and an empty label", () =>
      expectAccess(true, save("a2", { line1: "x", city: "x", label: "" })));
    for (const [lat, lng] of [
      [90, 180],
      [-90, -180],
    ]) {
      it(`allows the edge of the map, latitude ${lat} and longitude ${lng}`, () =>
        expectAccess(true, save("a2", { lat, lng })));
    }
    it("allows street, city and label at their size limits", () =>
      expectAccess(
        true,
        save("a2", {
          line1: "x".repeat(LIMITS.maxAddressLineLength),
          city: "x".repeat(LIMITS.maxCityLength),
          label: "x".repeat(LIMITS.maxLabelLength),
        }),
      ));
  });

  describe("push devices: at most five, in slots d0 to d4", () => {
    const device = (token = "fcm-token", patch: Record<string, unknown> = {}) => ({
      token,
      createdAt: serverTimestamp(),
      ...patch,
    });
    const register = (slot: string, data: Record<string, unknown>) =>
      setDoc(doc(dbAs("customer"), `users/alice/devices/${slot}`), data);
    matrix("get", ["customer"], (db) => getDoc(doc(db, "users/alice/devices/d0")));
    matrix("list", ["customer"], (db) => getDocs(collection(db, "users/alice/devices")));
    matrix("register", ["customer"], (db) => setDoc(doc(db, "users/alice/devices/d1"), device()));
    matrix("take over a slot with a new token", ["customer"], (db) =>
      setDoc(doc(db, "users/alice/devices/d0"), device("other")),
    );
    matrix("delete", ["customer"], (db) => deleteDoc(doc(db, "users/alice/devices/d0")));
    it(`allows the last slot, d${LIMITS.maxDevices - 1}`, () =>
      expectAccess(true, register(`d${LIMITS.maxDevices - 1}`, device())));
    for (const slot of [`d${LIMITS.maxDevices}`, "d10", "phone"]) {
      it(`denies a device in slot "${slot}" (no sixth device)`, () => expectAccess(false, register(slot, device())));
    }
    it("allows a token at the size limit and denies one past it", async () => {
      await expectAccess(true, register("d1", device("x".repeat(LIMITS.maxTokenLength))));
      await expectAccess(false, register("d2", device("x".repeat(LIMITS.maxTokenLength + 1))));
    });
    it("allows a user agent at the size limit and denies one past it", async () => {
      await expectAccess(true, register("d1", device("t", { userAgent: "x".repeat(LIMITS.maxUserAgentLength) })));
      await expectAccess(false, register("d2", device("t", { userAgent: "x".repeat(LIMITS.maxUserAgentLength + 1) })));
    });
    it("allows a device's language, English or German, and denies any other", async () => {
      await expectAccess(true, register("d1", device("t", { language: "de" })));
      await expectAccess(false, register("d2", device("t", { language: "fr" })));
      await expectAccess(false, register("d2", device("t", { language: ["de"] })));
    });
    it("denies an empty token", () => expectAccess(false, register("d1", device(""))));
    it("denies a device with an extra field", () =>
      expectAccess(false, register("d1", device("t", { trusted: true }))));
    it("denies a token that is not a string", () =>
      expectAccess(false, register("d1", { token: 42, createdAt: serverTimestamp() })));
    it("denies a registration with a client clock", () =>
      expectAccess(false, register("d1", { token: "t", createdAt: clientClock() })));
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

  describe("backend-only collections", () => {
    matrix("read the reconciler's state", [], (db) => getDoc(doc(db, "system/reconciler")));
    matrix("write the reconciler's state", [], (db) => setDoc(doc(db, "system/reconciler"), { checkedUntil: 0 }));
  });
});

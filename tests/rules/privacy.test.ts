// A deleted account's ID token stays valid for up to an hour; the backend records the deletion
// under a hash of the uid (closedAccounts), and the rules refuse that token's writes. Dora deleted
// her account; Dan, with the same kind of token, did not (the control).

import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { matrix } from "../support/matrix";
import {
  ADDRESS,
  CLOSED_DORA,
  dbWithToken,
  expectAccess,
  rulesEnv,
  seedFixtures,
  withoutRules,
} from "../support/rulesEnv";

const now = () => serverTimestamp();
const as = (uid: string) => dbWithToken(uid, {});
const cart = (uid: string) => ({
  customerId: uid,
  restaurantId: "r1",
  status: "submitted",
  items: ["m1|1|"],
  deliveryAddress: ADDRESS,
  note: "",
  createdAt: now(),
});

describe("rules: a deleted account", () => {
  before(rulesEnv);
  beforeEach(seedFixtures);

  const WRITES: [string, (uid: string) => Promise<unknown>][] = [
    ["create a profile", (uid) => setDoc(doc(as(uid), `users/${uid}`), { displayName: "Again", createdAt: now() })],
    [
      "save an address",
      (uid) => setDoc(doc(as(uid), `users/${uid}/addresses/a0`), { ...ADDRESS, label: "Home", updatedAt: now() }),
    ],
    ["register a device", (uid) => setDoc(doc(as(uid), `users/${uid}/devices/d0`), { token: "t", createdAt: now() })],
    ["place an order", (uid) => setDoc(doc(as(uid), `orders/${`${uid}Order`.padEnd(20, "0")}`), cart(uid))],
  ];
  for (const [what, write] of WRITES) {
    it(`${what}: refused with the deleted account's token, allowed with an open one's`, async () => {
      await expectAccess(false, write("dora"));
      await expectAccess(true, write("dan"));
    });
  }

  it("update a profile that was not deleted yet: refused once the account is closed", async () => {
    await withoutRules(async (db) => {
      for (const uid of ["dora", "dan"]) await setDoc(doc(db, `users/${uid}`), { displayName: uid, createdAt: now() });
    });
    const rename = (uid: string) => updateDoc(doc(as(uid), `users/${uid}`), { displayName: "New", updatedAt: now() });
    await expectAccess(false, rename("dora"));
    await expectAccess(true, rename("dan"));
  });

  describe("closedAccounts: the backend's alone", () => {
    const path = `closedAccounts/${CLOSED_DORA}`;
    matrix("get", [], (db) => getDoc(doc(db, path)));
    matrix("list", [], (db) => getDocs(collection(db, "closedAccounts")));
    matrix("reopen an account", [], (db) => deleteDoc(doc(db, path)));
    matrix("close someone's account", [], (db) => setDoc(doc(db, "closedAccounts/ABC"), { closedAt: now() }));
  });
});

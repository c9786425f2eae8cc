// The partner API's documents: an owner reads their restaurant's API clients and deliveries on the
// Integrations tab; nobody writes them from a client (the callables and the backend do); a client's
// secrets, idempotency keys, rate windows and the registry of listeners are the backend's alone.

import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
import { matrix } from "../support/matrix";
import { apiClientDoc, rulesEnv, seedFixtures } from "../support/rulesEnv";

describe("rules: the partner API", () => {
  before(rulesEnv);
  beforeEach(seedFixtures);

  describe("apiClients", () => {
    matrix("get r1's client", ["owner"], (db) => getDoc(doc(db, "apiClients/c1")));
    matrix("get r2's client", [], (db) => getDoc(doc(db, "apiClients/c2")));
    matrix("list r1's clients", ["owner"], (db) =>
      getDocs(query(collection(db, "apiClients"), where("restaurantId", "==", "r1"))),
    );
    matrix("list every client", [], (db) => getDocs(collection(db, "apiClients")));
    matrix("create a client", [], (db) => setDoc(doc(db, "apiClients/c9"), apiClientDoc("r1")));
    matrix("widen a client's scopes", [], (db) => updateDoc(doc(db, "apiClients/c1"), { scopes: ["orders:write"] }));
    matrix("un-revoke or delete a client", [], (db) => deleteDoc(doc(db, "apiClients/c1")));
  });

  describe("deliveries", () => {
    matrix("get r1's delivery", ["owner"], (db) => getDoc(doc(db, "apiClients/c1/deliveries/e1")));
    matrix("list r1's deliveries", ["owner"], (db) => getDocs(collection(db, "apiClients/c1/deliveries")));
    matrix("get r2's delivery", [], (db) => getDoc(doc(db, "apiClients/c2/deliveries/e2")));
    matrix("mark a delivery delivered", [], (db) =>
      updateDoc(doc(db, "apiClients/c1/deliveries/e1"), { state: "pending" }),
    );
  });

  describe("the backend's own", () => {
    for (const path of [
      "apiClients/c1/private/secrets",
      "apiClients/c1/idempotency/k1",
      "apiClients/c1/usage/w1",
      "restaurants/r1/backend/api",
    ]) {
      matrix(`get ${path}`, [], (db) => getDoc(doc(db, path)));
      matrix(`write ${path}`, [], (db) => setDoc(doc(db, path), { secretHash: "1".repeat(64) }));
    }
    // A control beside them: the owner reads their own client, which the matrix above denies the rest.
    matrix("the control: get r1's client", ["owner"], (db) => getDoc(doc(db, "apiClients/c1")));
  });
});

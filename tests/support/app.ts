// The app-level test bench: the admin SDK for fixtures and for reading what the functions
// wrote, and real signed-in client SDK users (Auth emulator) for every write a person makes.

import { initializeApp as initAdmin, getApps as getAdminApps } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import {
  FieldValue,
  getFirestore as getAdminFirestore,
  type DocumentReference,
  type DocumentSnapshot,
  type Query,
} from "firebase-admin/firestore";
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore, type Firestore } from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions, type Functions } from "firebase/functions";
import { allDay, type MenuItem, type RoleClaims } from "../../functions/src/domain";
import { APP_PROJECT, HOST, PORTS } from "./emulators";

process.env.GCLOUD_PROJECT ??= APP_PROJECT;
// Everything here talks to the emulators: never probe for Google's metadata server.
process.env.METADATA_SERVER_DETECTION ??= "none";
process.env.FIRESTORE_EMULATOR_HOST ??= `${HOST}:${PORTS.firestore}`;
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= `${HOST}:${PORTS.auth}`;

const adminApp = getAdminApps().find((a) => a.name === "tests") ?? initAdmin({ projectId: APP_PROJECT }, "tests");
export const adminDb = getAdminFirestore(adminApp);
export const adminAuth = getAdminAuth(adminApp);

export const REGION = "europe-west1";
const clientApps: FirebaseApp[] = [];

export interface TestUser {
  uid: string;
  email: string;
  db: Firestore;
  functions: Functions;
  app: FirebaseApp;
}

let counter = 0;

/** A real Auth user with a profile (and roles mirror), signed in through its own client app. */
export async function createUser(claims: RoleClaims = {}, displayName = "Test User"): Promise<TestUser> {
  const email = `user${Date.now()}-${counter++}-${Math.random().toString(36).slice(2, 7)}@test.dishpatch`;
  const user = await adminAuth.createUser({ email, password: "password", displayName });
  if (Object.keys(claims).length) await adminAuth.setCustomUserClaims(user.uid, claims);
  await adminDb.doc(`users/${user.uid}`).set({ displayName, createdAt: FieldValue.serverTimestamp(), roles: claims });
  return signInAs(email, "password");
}

/** A client SDK app signed in as an existing user (its own app, so users do not share state). */
export async function signInAs(email: string, password: string): Promise<TestUser> {
  const app = initializeApp({ projectId: APP_PROJECT, apiKey: "demo-key" }, `user-${email}-${counter++}`);
  clientApps.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${HOST}:${PORTS.auth}`, { disableWarnings: true });
  const { user } = await signInWithEmailAndPassword(auth, email, password);
  const db = getFirestore(app);
  connectFirestoreEmulator(db, HOST, PORTS.firestore);
  const functions = getFunctions(app, REGION);
  connectFunctionsEmulator(functions, HOST, PORTS.functions);
  return { uid: user.uid, email, db, functions, app };
}

export async function closeClients(): Promise<void> {
  await Promise.all(clientApps.splice(0).map((a) => deleteApp(a)));
}

export const BERLIN_CENTRE = { line1: "Alexanderplatz 1", city: "Berlin", lat: 52.5219, lng: 13.4132 };

export interface TestRestaurant {
  id: string;
  items: Record<string, string>;
}

/** A restaurant open around the clock, 5 km radius, 2.49 delivery, 5 % service, 10.00 minimum. */
export async function createRestaurant(
  menu: Record<string, Partial<MenuItem>> = {},
  patch: Record<string, unknown> = {},
): Promise<TestRestaurant> {
  const ref = adminDb.collection("restaurants").doc();
  await ref.set({
    name: `Test Kitchen ${ref.id.slice(0, 4)}`,
    cuisine: "Test",
    description: "",
    address: { line1: "Alexanderplatz 3", city: "Berlin", lat: 52.5215, lng: 13.411 },
    timeZone: "Europe/Berlin",
    openingHours: allDay(),
    isOpen: true,
    prepTimeMin: 15,
    deliveryRadiusM: 5000,
    deliveryFee: 249,
    serviceFeeBps: 500,
    minOrder: 1000,
    currency: "EUR",
    categories: ["Mains"],
    ratingAvg: 0,
    ratingCount: 0,
    ratingSum: 0,
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
    ...patch,
  });
  const items: Record<string, string> = {};
  for (const [key, item] of Object.entries(menu)) {
    const itemRef = ref.collection("menu").doc();
    items[key] = itemRef.id;
    await itemRef.set({
      name: key,
      description: "",
      category: "Mains",
      price: 1000,
      available: true,
      optionGroups: [],
      updatedAt: FieldValue.serverTimestamp(),
      ...item,
    });
  }
  return { id: ref.id, items };
}

/** Resolves with the first snapshot that satisfies `done`, or fails after `ms`. Listens, and
 * also reads every second, so one stalled listener stream cannot fail a test by itself. */
export function waitForDoc(
  ref: DocumentReference,
  done: (s: DocumentSnapshot) => boolean,
  ms = 20_000,
): Promise<DocumentSnapshot> {
  return new Promise((resolve, reject) => {
    let last: DocumentSnapshot | undefined;
    let finished = false;
    const finish = (err: Error | null, snap?: DocumentSnapshot) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearInterval(poll);
      unsubscribe();
      if (err) reject(err);
      else resolve(snap!);
    };
    const check = (snap: DocumentSnapshot) => {
      last = snap;
      if (done(snap)) finish(null, snap);
    };
    const timer = setTimeout(
      () => finish(new Error(`timed out after ${ms} ms waiting on ${ref.path}; last: ${JSON.stringify(last?.data())}`)),
      ms,
    );
    const poll = setInterval(() => void ref.get().then(check, () => undefined), 1000);
    const unsubscribe = ref.onSnapshot(check, (err) => finish(err));
  });
}

/** Polls a query until it has `count` documents (or more), then waits a moment to catch extras. */
export async function waitForCount(q: Query, count: number, ms = 20_000, settleMs = 1_500): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const n = (await q.count().get()).data().count;
    if (n >= count) {
      await new Promise((r) => setTimeout(r, settleMs));
      return (await q.count().get()).data().count;
    }
    if (Date.now() > deadline) throw new Error(`expected ${count} documents, found ${n} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const statusIs =
  (...statuses: string[]) =>
  (s: DocumentSnapshot) =>
    statuses.includes(s.get("status"));

import { addDoc, collection, serverTimestamp, updateDoc, doc as clientDoc } from "firebase/firestore";
import type { CartLine, OrderStatus } from "../../functions/src/domain";

/** Places an order the way the web app does: a cart, as the signed-in customer. */
export async function placeOrder(
  customer: TestUser,
  restaurantId: string,
  items: CartLine[] | unknown,
  patch: Record<string, unknown> = {},
): Promise<string> {
  const ref = await addDoc(collection(customer.db, "orders"), {
    customerId: customer.uid,
    restaurantId,
    status: "submitted",
    items,
    deliveryAddress: BERLIN_CENTRE,
    note: "",
    createdAt: serverTimestamp(),
    ...patch,
  });
  return ref.id;
}

/** A status change as a person makes it: the status, its timeline stamp, updatedAt. */
export function moveOrder(
  user: TestUser,
  orderId: string,
  to: OrderStatus,
  extra: Record<string, unknown> = {},
): Promise<void> {
  return updateDoc(clientDoc(user.db, "orders", orderId), {
    status: to,
    [`timeline.${to}`]: serverTimestamp(),
    updatedAt: serverTimestamp(),
    ...extra,
  });
}

export function claimOrder(courier: TestUser, orderId: string): Promise<void> {
  return updateDoc(clientDoc(courier.db, "orders", orderId), { courierId: courier.uid, updatedAt: serverTimestamp() });
}

/** A client that never signed in: what an anonymous visitor's browser has. */
export function anonymousDb(): Firestore {
  const app = initializeApp({ projectId: APP_PROJECT, apiKey: "demo-key" }, `anonymous-${counter++}`);
  clientApps.push(app);
  const db = getFirestore(app);
  connectFirestoreEmulator(db, HOST, PORTS.firestore);
  return db;
}

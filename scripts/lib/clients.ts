// Firebase clients for scripts and tests, all on the emulators: the admin SDK for fixtures and for
// reading what the backend wrote, and real signed-in client SDK users (Auth emulator) for every
// write a person makes.

import { getApps as getAdminApps, initializeApp as initAdmin } from "firebase-admin/app";
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
import {
  collection,
  connectFirestoreEmulator,
  getFirestore,
  limit,
  orderBy,
  query,
  where,
  type Firestore,
  type Query as ClientQuery,
} from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions, type Functions } from "firebase/functions";
import { REGION, type QuerySpec, type RoleClaims } from "../../functions/src/domain";
import { HOST, PORTS, PROJECT_ID, useEmulators } from "./config";

useEmulators();

const adminApp = getAdminApps().find((a) => a.name === "clients") ?? initAdmin({ projectId: PROJECT_ID }, "clients");
export const adminDb = getAdminFirestore(adminApp);
export const adminAuth = getAdminAuth(adminApp);

const clientApps: FirebaseApp[] = [];
let counter = 0;

export interface Person {
  uid: string;
  email: string;
  db: Firestore;
  functions: Functions;
  app: FirebaseApp;
}

/** A client SDK app signed in as an existing user (its own app, so people do not share state). */
export async function signInAs(email: string, password: string): Promise<Person> {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-key" }, `user-${email}-${counter++}`);
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

/** A real Auth user with a profile (and roles mirror), signed in through its own client app. */
export async function createPerson(claims: RoleClaims = {}, displayName = "Test User"): Promise<Person> {
  const email = `user${Date.now()}-${counter++}-${Math.random().toString(36).slice(2, 7)}@test.dishpatch`;
  // On a busy machine the admin SDK may retry a creation whose answer was slow: the user is there.
  const user = await adminAuth
    .createUser({ email, password: "password", displayName, emailVerified: true })
    .catch(async (err: { code?: string }) => {
      if (err.code !== "auth/email-already-exists") throw err;
      return adminAuth.getUserByEmail(email);
    });
  if (Object.keys(claims).length) await adminAuth.setCustomUserClaims(user.uid, claims);
  await adminDb.doc(`users/${user.uid}`).set({ displayName, createdAt: FieldValue.serverTimestamp(), roles: claims });
  return signInAs(email, "password");
}

/** A client that never signed in: what an anonymous visitor's browser has. */
export function anonymousDb(): Firestore {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-key" }, `anonymous-${counter++}`);
  clientApps.push(app);
  const db = getFirestore(app);
  connectFirestoreEmulator(db, HOST, PORTS.firestore);
  return db;
}

export async function closeClients(): Promise<void> {
  await Promise.all(clientApps.splice(0).map((a) => deleteApp(a)));
}

/** Signs these people's apps out of the run (their connections closed), as a bench round ends. */
export async function closePeople(people: Person[]): Promise<void> {
  const apps = new Set(people.map((p) => p.app));
  for (let i = clientApps.length - 1; i >= 0; i--) if (apps.has(clientApps[i])) clientApps.splice(i, 1);
  await Promise.all([...apps].map((a) => deleteApp(a)));
}

/** How long a lost event may take to be made good: the reconciler ticks every few seconds, but a
 * run busy with many due orders drains for up to 40 s first, on a slower machine longer. */
export const RECOVERY_MS = 120_000;

/** Resolves with the first snapshot that satisfies `done`, or fails after `ms`. Listens, and also
 * reads every second, so one stalled listener stream cannot fail a wait by itself. By default a
 * wait allows what the system promises: a trigger, or after a lost or late one the reconciler
 * (how fast it usually is, the benchmark says). */
export function waitForDoc(
  ref: DocumentReference,
  done: (s: DocumentSnapshot) => boolean,
  ms = RECOVERY_MS,
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
export async function waitForCount(q: Query, count: number, ms = RECOVERY_MS, settleMs = 1_500): Promise<number> {
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

/** A client SDK query from one of the domain's query specs, as the web app builds it. */
export function clientQuery(db: Firestore, spec: QuerySpec): ClientQuery {
  return query(
    collection(db, spec.collection),
    ...spec.where.map(([f, op, v]) => where(f, op, v)),
    ...spec.orderBy.map(([f, d]) => orderBy(f, d)),
    ...(spec.limit ? [limit(spec.limit)] : []),
  );
}

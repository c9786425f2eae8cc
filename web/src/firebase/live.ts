// The full Firestore SDK, for live listeners and writes, with a persistent local cache so a
// restaurant tablet or a customer's phone keeps what it last saw through a reload while offline,
// and queues its writes until the network is back. Only views that need it import this module,
// so it lands in their lazily loaded chunks.

import {
  collection,
  connectFirestoreEmulator,
  initializeFirestore,
  limit,
  orderBy,
  persistentLocalCache,
  persistentMultipleTabManager,
  query,
  where,
  type Query,
  type QueryConstraint,
} from "firebase/firestore";
import type { QuerySpec } from "@domain";
import { app, EMULATOR_PORTS, emulatorHost, usingEmulators } from "./app";

export const liveDb = initializeFirestore(app, {
  localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }),
});
if (usingEmulators) connectFirestoreEmulator(liveDb, emulatorHost, EMULATOR_PORTS.firestore);

export function liveQuery(spec: QuerySpec, ...more: QueryConstraint[]): Query {
  return query(
    collection(liveDb, spec.collection),
    ...spec.where.map(([f, op, v]) => where(f, op, v)),
    ...spec.orderBy.map(([f, d]) => orderBy(f, d)),
    ...(spec.limit ? [limit(spec.limit)] : []),
    ...more,
  );
}

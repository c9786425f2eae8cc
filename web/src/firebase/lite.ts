// One-off reads with the small Firestore Lite SDK: the first screen loads this, not the full SDK.

import {
  collection,
  connectFirestoreEmulator,
  getFirestore,
  limit,
  orderBy,
  query,
  where,
  type Query,
  type QueryConstraint,
} from "firebase/firestore/lite";
import type { QuerySpec } from "@domain";
import { app, EMULATOR_PORTS, emulatorHost, usingEmulators } from "./app";

export const liteDb = getFirestore(app);
if (usingEmulators) connectFirestoreEmulator(liteDb, emulatorHost, EMULATOR_PORTS.firestore);

export function liteQuery(spec: QuerySpec, ...more: QueryConstraint[]): Query {
  return query(
    collection(liteDb, spec.collection),
    ...spec.where.map(([f, op, v]) => where(f, op, v)),
    ...spec.orderBy.map(([f, d]) => orderBy(f, d)),
    ...(spec.limit ? [limit(spec.limit)] : []),
    ...more,
  );
}

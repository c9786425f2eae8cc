// Counts the Firestore document reads and writes each function invocation makes, for the cost
// benchmark. Only on the emulators with METER=on: it wraps the admin SDK's read and write
// methods and, when an invocation ends, records its counts in _meter (that write is not counted).
// Elsewhere `metered` just runs the handler.

import { AsyncLocalStorage } from "node:async_hooks";
import { DocumentReference, FieldValue, Query, Transaction, WriteBatch } from "firebase-admin/firestore";
import { db } from "./admin";

interface Counts {
  reads: number;
  writes: number;
}

export const METER_COLLECTION = "_meter";
const current = new AsyncLocalStorage<Counts>();

function meterOn(): boolean {
  return process.env.FUNCTIONS_EMULATOR === "true" && process.env.METER === "on";
}

type Proto = Record<string, (...args: unknown[]) => unknown>;

/** Wraps `method` on `proto`; `reads`/`writes` say what one call costs, given its result. */
function wrap(proto: object, method: string, cost: { reads?: (result: unknown) => number; writes?: number }) {
  const p = proto as Proto;
  const original = p[method];
  p[method] = function (this: unknown, ...args: unknown[]) {
    const counts = current.getStore();
    const result = original.apply(this, args);
    if (!counts) return result;
    if (cost.writes) counts.writes += cost.writes;
    if (cost.reads) {
      const count = cost.reads;
      if (result instanceof Promise)
        return result.then((r) => {
          counts.reads += count(r);
          return r;
        });
      counts.reads += count(result);
    }
    return result;
  };
}

// Firestore bills a query that matches nothing as one read.
const docsRead = (r: unknown) => {
  if (Array.isArray(r)) return r.length;
  const size = (r as { size?: number }).size;
  return typeof size === "number" ? Math.max(1, size) : 1;
};

let patched = false;
function patch() {
  if (patched) return;
  patched = true;
  wrap(DocumentReference.prototype, "get", { reads: docsRead });
  wrap(Query.prototype, "get", { reads: docsRead });
  wrap(Transaction.prototype, "get", { reads: docsRead });
  wrap(Transaction.prototype, "getAll", { reads: docsRead });
  // Document, transaction and batch writes all go through WriteBatch: count them there, once.
  for (const m of ["set", "update", "create", "delete"]) wrap(WriteBatch.prototype, m, { writes: 1 });
}

export async function metered<T>(fn: string, orderId: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!meterOn()) return run();
  patch();
  const counts: Counts = { reads: 0, writes: 0 };
  try {
    return await current.run(counts, run);
  } finally {
    await db
      .collection(METER_COLLECTION)
      .add({ fn, orderId: orderId ?? null, ...counts, at: FieldValue.serverTimestamp() });
  }
}

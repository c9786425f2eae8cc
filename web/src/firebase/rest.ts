// Public reads for the first paint over Firestore's REST API: the restaurant list and a restaurant
// page read what anyone may read (cards, search entries, a restaurant and its menu) with one
// fetch each, so that neither screen loads a Firebase SDK before it has painted. Queries come from
// the same QuerySpecs as the SDKs' (domain/queries.ts), and the same security rules answer them.
// Everything a signed-in person reads or writes, and everything live, goes through the SDKs.

import type { QuerySpec, TimestampLike, WhereOp } from "@domain";
import { EMULATOR_PORTS, emulatorHost, FIREBASE_CONFIG, usingEmulators } from "./config";

/** A Firestore value as the REST API writes it. */
type Value = Record<string, unknown>;
type Fields = Record<string, Value>;

/** A document read over REST: its id, its data as the SDKs would give it, and what a cursor needs. */
export interface RestDoc {
  id: string;
  /** The full resource name (projects/…/documents/…). */
  name: string;
  fields: Fields;
  data(): unknown;
}

const DATABASE = `projects/${FIREBASE_CONFIG.projectId}/databases/(default)/documents`;
const BASE = usingEmulators
  ? `http://${emulatorHost}:${EMULATOR_PORTS.firestore}/v1/${DATABASE}`
  : `https://firestore.googleapis.com/v1/${DATABASE}`;
const KEY = usingEmulators ? "" : `?key=${FIREBASE_CONFIG.apiKey}`;

/** A Timestamp as the SDKs have it, for what the domain reads of one (toMillis). */
class RestTimestamp implements TimestampLike {
  constructor(private readonly iso: string) {}
  toMillis(): number {
    return Date.parse(this.iso);
  }
  toDate(): Date {
    return new Date(this.toMillis());
  }
}

function decode(v: Value): unknown {
  if ("stringValue" in v) return v.stringValue;
  if ("integerValue" in v) return Number(v.integerValue);
  if ("doubleValue" in v) return Number(v.doubleValue);
  if ("booleanValue" in v) return v.booleanValue;
  if ("timestampValue" in v) return new RestTimestamp(v.timestampValue as string);
  if ("mapValue" in v) return decodeFields((v.mapValue as { fields?: Fields }).fields ?? {});
  if ("arrayValue" in v) return ((v.arrayValue as { values?: Value[] }).values ?? []).map(decode);
  if ("geoPointValue" in v) return v.geoPointValue;
  if ("referenceValue" in v) return v.referenceValue;
  return null;
}

const decodeFields = (fields: Fields) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, decode(v)]));

function encode(value: unknown): Value {
  if (value === null) return { nullValue: null };
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { booleanValue: value };
  if (typeof value === "number")
    return Number.isInteger(value) ? { integerValue: String(value) } : { doubleValue: value };
  if (value instanceof Date) return { timestampValue: value.toISOString() };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(encode) } };
  throw new Error(`rest: cannot send ${String(value)} in a query`);
}

const OPS: Record<WhereOp, string> = {
  "==": "EQUAL",
  "!=": "NOT_EQUAL",
  "<": "LESS_THAN",
  "<=": "LESS_THAN_OR_EQUAL",
  ">": "GREATER_THAN",
  ">=": "GREATER_THAN_OR_EQUAL",
  in: "IN",
  "not-in": "NOT_IN",
  "array-contains": "ARRAY_CONTAINS",
  "array-contains-any": "ARRAY_CONTAINS_ANY",
};

function toDoc(d: { name: string; fields?: Fields }): RestDoc {
  const fields = d.fields ?? {};
  return { id: d.name.slice(d.name.lastIndexOf("/") + 1), name: d.name, fields, data: () => decodeFields(fields) };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`Firestore answered ${res.status}`);
  return res.json();
}

/** The field's value in a document read over REST (a dotted path walks into maps). */
function fieldOf(fields: Fields, path: string): Value {
  const [head, ...rest] = path.split(".");
  const v = fields[head] ?? { nullValue: null };
  return rest.length ? fieldOf(((v.mapValue as { fields?: Fields }) ?? {}).fields ?? {}, rest.join(".")) : v;
}

/** The documents `spec` selects, continuing after `after` (a document this query returned). */
export async function restQuery(spec: QuerySpec, after?: RestDoc): Promise<RestDoc[]> {
  if (spec.group) throw new Error("rest: collection groups are read with the SDK");
  const at = spec.collection.lastIndexOf("/");
  const parent = at < 0 ? "" : `/${spec.collection.slice(0, at)}`;
  const filters = spec.where.map(([field, op, value]) =>
    value === null && (op === "==" || op === "!=")
      ? { unaryFilter: { field: { fieldPath: field }, op: op === "==" ? "IS_NULL" : "IS_NOT_NULL" } }
      : { fieldFilter: { field: { fieldPath: field }, op: OPS[op], value: encode(value) } },
  );
  const orderBy = spec.orderBy.map(([field, dir]) => ({
    field: { fieldPath: field },
    direction: dir === "desc" ? "DESCENDING" : "ASCENDING",
  }));
  // A cursor names the document too: order by it explicitly, after the spec's own order.
  const last = orderBy[orderBy.length - 1]?.direction ?? "ASCENDING";
  const structuredQuery = {
    from: [{ collectionId: spec.collection.slice(at + 1) }],
    ...(filters.length
      ? { where: filters.length === 1 ? filters[0] : { compositeFilter: { op: "AND", filters } } }
      : {}),
    ...(orderBy.length || after
      ? { orderBy: [...orderBy, ...(after ? [{ field: { fieldPath: "__name__" }, direction: last }] : [])] }
      : {}),
    ...(after
      ? {
          startAt: {
            values: [...spec.orderBy.map(([f]) => fieldOf(after.fields, f)), { referenceValue: after.name }],
            before: false,
          },
        }
      : {}),
    ...(spec.limit ? { limit: spec.limit } : {}),
  };
  const rows = (await post(`${BASE}${parent}:runQuery${KEY}`, { structuredQuery })) as {
    document?: { name: string; fields?: Fields };
  }[];
  return rows.filter((r) => r.document).map((r) => toDoc(r.document!));
}

/** One document, or null where there is none. */
export async function restDoc(path: string): Promise<RestDoc | null> {
  const res = await fetch(`${BASE}/${path}${KEY}`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`Firestore answered ${res.status}`);
  return toDoc((await res.json()) as { name: string; fields?: Fields });
}

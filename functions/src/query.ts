// Admin SDK queries from the domain's query specs (domain/queries.ts).
import type { Firestore, Query } from "firebase-admin/firestore";
import type { QuerySpec } from "./domain";

export function adminQuery(db: Firestore, spec: QuerySpec): Query {
  let q: Query = spec.group ? db.collectionGroup(spec.collection) : db.collection(spec.collection);
  for (const [field, op, value] of spec.where) q = q.where(field, op, value);
  for (const [field, direction] of spec.orderBy) q = q.orderBy(field, direction);
  if (spec.limit) q = q.limit(spec.limit);
  return q;
}

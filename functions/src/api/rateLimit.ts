// A per-client rate limit that holds across instances: requests are counted in Firestore, in
// one-minute windows. One counter document would take about one write a second (Firestore's
// sustained rate per document), so each window is spread over USAGE_SHARDS documents: a request
// adds one to a random shard and sums the window's shards in one aggregation. Concurrent requests
// near the limit may pass it by a few; none is ever refused below it.

import { AggregateField, FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { API_LIMITS, API_USAGE_SHARDS, paths, QUERIES } from "../domain";
import { adminQuery } from "../query";
import { ApiProblem } from "./problem";

// The capacity model counts with the same figure (domain/capacity.ts).
export const USAGE_SHARDS = API_USAGE_SHARDS;
const WINDOW_MS = 60_000;

/** Counts this request against the client's window; refuses it (429, Retry-After) past `limit`. */
export async function countRequest(db: Firestore, clientId: string, limit: number, now: Date): Promise<void> {
  const start = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  const window = String(start);
  const shard = Math.floor(Math.random() * USAGE_SHARDS);
  await db.doc(paths.usageShard(clientId, `${window}-${shard}`)).set(
    {
      window,
      count: FieldValue.increment(1),
      expireAt: Timestamp.fromMillis(start + WINDOW_MS + API_LIMITS.usageHours * 3600_000),
    },
    { merge: true },
  );
  const used = await adminQuery(db, QUERIES.usageWindow(clientId, window))
    .aggregate({ n: AggregateField.sum("count") })
    .get();
  if (used.data().n > limit) {
    const retryAfter = Math.max(1, Math.ceil((start + WINDOW_MS - now.getTime()) / 1000));
    throw new ApiProblem(
      "rate_limited",
      `At most ${limit} requests a minute: try again in ${retryAfter} s.`,
      { retry_after: retryAfter },
      { "Retry-After": String(retryAfter) },
    );
  }
}

// The store endpoints: the dashboard's pause and busy controls, through the API, with the bounds
// the rules hold staff to (a pause up to MAX_PAUSE_HOURS ahead, busy mode from BUSY_CHOICES for
// BUSY_FOR_MIN). The backend ends a pause at its time either way (restaurants/rush.ts).

import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { BUSY_FOR_MIN, MAX_PAUSE_HOURS, paths, type Restaurant } from "../domain";
import type { ApiCaller } from "./guard";
import { ApiProblem } from "./problem";
import type { StoreStatusView } from "./schemas";
import { storeView } from "./views";

async function read(db: Firestore, rid: string): Promise<Restaurant> {
  const r = (await db.doc(paths.restaurant(rid)).get()).data() as Restaurant | undefined;
  if (!r) throw new ApiProblem("not_found", "The restaurant is gone.");
  return r;
}

export async function getStore(db: Firestore, caller: ApiCaller, now: Date): Promise<StoreStatusView> {
  return storeView(await read(db, caller.restaurantId), now);
}

export async function putStore(
  db: Firestore,
  caller: ApiCaller,
  body: { status?: "open" | "paused"; paused_until?: string; busy_extra_minutes?: number },
  now: Date,
): Promise<StoreStatusView> {
  const problems: { path: string; message: string }[] = [];
  const patch: Record<string, unknown> = {};
  if (body.status === undefined && body.busy_extra_minutes === undefined) {
    problems.push({ path: "", message: "give status, busy_extra_minutes or both" });
  }
  if (body.status === "paused") {
    const until = body.paused_until ? Date.parse(body.paused_until) : NaN;
    if (Number.isNaN(until)) problems.push({ path: "/paused_until", message: "a pause needs paused_until" });
    else if (until <= now.getTime() || until > now.getTime() + MAX_PAUSE_HOURS * 3600_000) {
      problems.push({ path: "/paused_until", message: `in the future, at most ${MAX_PAUSE_HOURS} hours ahead` });
    } else Object.assign(patch, { pausedUntil: Timestamp.fromMillis(until), pausedBy: "staff" });
  } else if (body.paused_until !== undefined) {
    problems.push({ path: "/paused_until", message: 'only with status "paused"' });
  }
  if (body.status === "open") Object.assign(patch, { pausedUntil: null, pausedBy: null });
  if (body.busy_extra_minutes === 0) Object.assign(patch, { busyExtraMin: 0, busyUntil: null });
  else if (body.busy_extra_minutes !== undefined) {
    Object.assign(patch, {
      busyExtraMin: body.busy_extra_minutes,
      busyUntil: Timestamp.fromMillis(now.getTime() + BUSY_FOR_MIN * 60_000),
    });
  }
  if (problems.length) throw new ApiProblem("invalid_body", "Nothing was changed.", { problems });
  await read(db, caller.restaurantId);
  await db.doc(paths.restaurant(caller.restaurantId)).update({ ...patch, updatedAt: FieldValue.serverTimestamp() });
  return storeView(await read(db, caller.restaurantId), now);
}

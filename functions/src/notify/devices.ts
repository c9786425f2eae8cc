// Every push goes to a topic: the user's own, their restaurants' (staff) and the couriers'. A
// device joins its user's topics when it is registered (a token FCM refuses is forgotten at
// once), leaves them when it is replaced or removed, and all of a user's devices follow a change
// of role.

import type { Deps } from "../deps";
import { liveDeps } from "../deps";
import { LIMITS, paths, QUERIES, topicsFor, type RoleClaims, type UserProfile } from "../domain";
import { adminQuery } from "../query";

type Push = Pick<Deps, "db" | "push">;

/** A device registered, replaced or removed: its token joins or leaves its user's topics. */
export async function syncDevice({ db, push }: Push, uid: string, deviceId: string, before?: string, after?: string) {
  if (before === after) return;
  const profile = (await db.doc(paths.user(uid)).get()).data() as UserProfile | undefined;
  const topics = topicsFor(uid, profile?.roles);
  if (before) await Promise.all(topics.map((t) => push.unsubscribe([before], t)));
  if (!after) return;
  const results = await Promise.all(topics.map((t) => push.subscribe([after], t)));
  if (results.some((r) => r.invalidTokens.includes(after))) await db.doc(paths.device(uid, deviceId)).delete();
}

/** After a change of roles: the user's devices leave the topics they lost and join the new ones. */
export async function syncRoleTopics({ db, push }: Push, uid: string, before: RoleClaims, after: RoleClaims) {
  const was = new Set(topicsFor(uid, before));
  const now = new Set(topicsFor(uid, after));
  const devices = await adminQuery(db, QUERIES.devices(uid)).limit(LIMITS.maxDevices).get();
  const tokens = devices.docs.map((d) => String(d.get("token")));
  if (tokens.length === 0) return;
  await Promise.all([
    ...[...was].filter((t) => !now.has(t)).map((t) => push.unsubscribe(tokens, t)),
    ...[...now].filter((t) => !was.has(t)).map((t) => push.subscribe(tokens, t)),
  ]);
}

export async function deviceWritten(uid: string, deviceId: string, before?: string, after?: string): Promise<void> {
  await syncDevice(liveDeps(), uid, deviceId, before, after);
}

// Every push goes to a topic: the user's own, their restaurants' (staff) and the couriers'. A
// device joins its user's topics when it is registered (a token FCM refuses is forgotten at
// once), leaves them when it is replaced or removed, and all of a user's devices follow a change
// of role.

import type { Deps } from "../deps";
import { liveDeps } from "../deps";
import { languageOr, LIMITS, paths, QUERIES, topicsFor, type RoleClaims, type UserProfile } from "../domain";
import { adminQuery } from "../query";

type Push = Pick<Deps, "db" | "push">;

/** A device's token and language, before or after a write (undefined: no device). */
export interface DeviceState {
  token: string;
  language?: unknown;
}

/** A device registered, replaced, switched language or removed: it leaves the topics it was in
 * and joins its user's topics in its language. */
export async function syncDevice(
  { db, push }: Push,
  uid: string,
  deviceId: string,
  before?: DeviceState,
  after?: DeviceState,
) {
  const same = (a?: DeviceState, b?: DeviceState) =>
    a?.token === b?.token && languageOr(a?.language) === languageOr(b?.language);
  if (same(before, after)) return;
  const profile = (await db.doc(paths.user(uid)).get()).data() as UserProfile | undefined;
  const topicsOf = (d: DeviceState) => topicsFor(uid, profile?.roles, languageOr(d.language));
  if (before) await Promise.all(topicsOf(before).map((t) => push.unsubscribe([before.token], t)));
  if (!after) return;
  const results = await Promise.all(topicsOf(after).map((t) => push.subscribe([after.token], t)));
  if (results.some((r) => r.invalidTokens.includes(after.token))) await db.doc(paths.device(uid, deviceId)).delete();
}

/** After a change of roles: the user's devices leave the topics they lost and join the new ones. */
export async function syncRoleTopics({ db, push }: Push, uid: string, before: RoleClaims, after: RoleClaims) {
  const devices = await adminQuery(db, QUERIES.devices(uid)).limit(LIMITS.maxDevices).get();
  await Promise.all(
    devices.docs.map((d) => {
      const token = String(d.get("token"));
      const lang = languageOr(d.get("language"));
      const was = new Set(topicsFor(uid, before, lang));
      const now = new Set(topicsFor(uid, after, lang));
      return Promise.all([
        ...[...was].filter((t) => !now.has(t)).map((t) => push.unsubscribe([token], t)),
        ...[...now].filter((t) => !was.has(t)).map((t) => push.subscribe([token], t)),
      ]);
    }),
  );
}

export async function deviceWritten(
  uid: string,
  deviceId: string,
  before?: DeviceState,
  after?: DeviceState,
): Promise<void> {
  await syncDevice(liveDeps(), uid, deviceId, before, after);
}

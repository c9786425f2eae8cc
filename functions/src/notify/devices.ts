// Every push goes to a topic: the user's own, their restaurants' (staff) and, for a courier, those
// of the cells around them. A device joins its user's topics when it is registered (a token FCM
// refuses is forgotten at once), leaves them when it is replaced or removed, and all of a user's
// devices follow a change of role, and a courier's a move to another cell of the map.

import type { Deps } from "../deps";
import { liveDeps } from "../deps";
import {
  courierAreaTopics,
  languageOr,
  LIMITS,
  paths,
  QUERIES,
  topicsFor,
  type RoleClaims,
  type UserProfile,
} from "../domain";
import { adminQuery } from "../query";

type Push = Pick<Deps, "db" | "push">;

/** A device's token and language, before or after a write (undefined: no device). */
export interface DeviceState {
  token: string;
  language?: unknown;
}

/** The cell a courier was last in, or null. */
async function courierCell({ db }: Pick<Deps, "db">, uid: string): Promise<string | null> {
  const cell = (await db.doc(paths.courierArea(uid)).get()).get("cell");
  return typeof cell === "string" ? cell : null;
}

async function userDevices({ db }: Pick<Deps, "db">, uid: string) {
  return (await adminQuery(db, QUERIES.devices(uid)).limit(LIMITS.maxDevices).get()).docs.map((d) => ({
    token: String(d.get("token")),
    lang: languageOr(d.get("language")),
  }));
}

/** A device registered, replaced, switched language or removed: it leaves the topics it was in
 * and joins its user's topics in its language. */
export async function syncDevice(deps: Push, uid: string, deviceId: string, before?: DeviceState, after?: DeviceState) {
  const { db, push } = deps;
  const same = (a?: DeviceState, b?: DeviceState) =>
    a?.token === b?.token && languageOr(a?.language) === languageOr(b?.language);
  if (same(before, after)) return;
  const profile = (await db.doc(paths.user(uid)).get()).data() as UserProfile | undefined;
  const cell = profile?.roles?.courier ? await courierCell(deps, uid) : null;
  const topicsOf = (d: DeviceState) => topicsFor(uid, profile?.roles, languageOr(d.language), cell);
  if (before) await Promise.all(topicsOf(before).map((t) => push.unsubscribe([before.token], t)));
  if (!after) return;
  const results = await Promise.all(topicsOf(after).map((t) => push.subscribe([after.token], t)));
  if (results.some((r) => r.invalidTokens.includes(after.token))) await db.doc(paths.device(uid, deviceId)).delete();
}

/** After a change of roles: the user's devices leave the topics they lost and join the new ones. */
export async function syncRoleTopics(deps: Push, uid: string, before: RoleClaims, after: RoleClaims) {
  const { push } = deps;
  const cell = before.courier || after.courier ? await courierCell(deps, uid) : null;
  await Promise.all(
    (await userDevices(deps, uid)).map(({ token, lang }) => {
      const was = new Set(topicsFor(uid, before, lang, cell));
      const now = new Set(topicsFor(uid, after, lang, cell));
      return Promise.all([
        ...[...was].filter((t) => !now.has(t)).map((t) => push.unsubscribe([token], t)),
        ...[...now].filter((t) => !was.has(t)).map((t) => push.subscribe([token], t)),
      ]);
    }),
  );
}

/**
 * A courier moved to another cell of the map: their devices leave the topics of the cells no longer
 * around them and join those around the cell they are in now. The cell is read again rather than
 * taken from the event, so that events of quick moves handled out of order still end with the
 * devices in the last cell's topics.
 */
export async function syncCourierArea(deps: Push, uid: string, previousCell: string | null): Promise<void> {
  const { db, push } = deps;
  const profile = (await db.doc(paths.user(uid)).get()).data() as UserProfile | undefined;
  const cell = profile?.roles?.courier ? await courierCell(deps, uid) : null;
  await Promise.all(
    (await userDevices(deps, uid)).map(({ token, lang }) => {
      const now = new Set(courierAreaTopics(cell, lang));
      const was = courierAreaTopics(previousCell, lang).filter((t) => !now.has(t));
      return Promise.all([
        ...was.map((t) => push.unsubscribe([token], t)),
        ...[...now].map((t) => push.subscribe([token], t)),
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

export async function courierAreaWritten(uid: string, before: { cell?: unknown } | undefined): Promise<void> {
  await syncCourierArea(liveDeps(), uid, typeof before?.cell === "string" ? before.cell : null);
}

// The signed-in customer's favourite restaurants, from their profile: read once per sign-in,
// changed at once on screen and then written. The device keeps the last ones it read, with whose
// they are: the first screen paints before Auth has loaded, and a returning customer's favourites
// still come first there rather than move up once the profile has answered.

import { computed } from "@preact/signals";
import { persisted } from "./persisted";
import { session } from "./session";

interface Kept {
  uid: string;
  ids: string[];
}
const isKept = (v: unknown): v is Kept | null =>
  v === null ||
  (typeof v === "object" &&
    typeof (v as Kept).uid === "string" &&
    Array.isArray((v as Kept).ids) &&
    (v as Kept).ids.every((id) => typeof id === "string"));

const kept = persisted<Kept | null>("dishpatch.favourites", null, isKept);

export const favourites = computed<ReadonlySet<string>>(() => new Set(kept.value?.ids ?? []));

let loadedFor: string | null | undefined;
// Bumped by each change made here: a profile read that was under way then is older than the screen.
let changes = 0;
session.subscribe((s) => {
  if (s === undefined) return; // not known yet: the device's last ones stand
  const uid = s?.uid ?? null;
  if (uid === loadedFor) return;
  loadedFor = uid;
  if (kept.value?.uid !== uid) kept.value = uid ? { uid, ids: [] } : null;
  // The profile's reader loads with the session, after the first paint.
  const asked = changes;
  if (uid)
    import("../data/profile")
      .then(({ fetchProfile }) => fetchProfile(uid))
      .then((p) => {
        if (loadedFor === uid && changes === asked) kept.value = { uid, ids: p?.favourites ?? [] };
      })
      .catch(() => undefined); // shown with what the device kept; nothing else depends on them
});

export async function toggleFavourite(rid: string): Promise<void> {
  const uid = session.value?.uid;
  if (!uid) return;
  const before = kept.value?.uid === uid ? kept.value.ids : [];
  const on = !before.includes(rid);
  changes++;
  kept.value = { uid, ids: on ? [...before, rid] : before.filter((id) => id !== rid) };
  try {
    await (await import("../data/profile")).setFavourite(uid, rid, on);
  } catch (err) {
    if (kept.value?.uid === uid) kept.value = { uid, ids: before };
    throw err;
  }
}

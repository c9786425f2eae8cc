// The signed-in customer's favourite restaurants, from their profile: read once per sign-in,
// changed at once on screen and then written.

import { signal } from "@preact/signals";
import { fetchProfile, setFavourite } from "../data/profile";
import { session } from "./session";

export const favourites = signal<ReadonlySet<string>>(new Set());

let loadedFor: string | null = null;
session.subscribe((s) => {
  const uid = s?.uid ?? null;
  if (uid === loadedFor) return;
  loadedFor = uid;
  favourites.value = new Set();
  if (uid)
    fetchProfile(uid)
      .then((p) => {
        if (loadedFor === uid) favourites.value = new Set(p?.favourites ?? []);
      })
      .catch(() => undefined); // shown without favourites first; nothing else depends on them
});

export async function toggleFavourite(rid: string): Promise<void> {
  const uid = session.value?.uid;
  if (!uid) return;
  const on = !favourites.value.has(rid);
  const before = favourites.value;
  const next = new Set(before);
  if (on) next.add(rid);
  else next.delete(rid);
  favourites.value = next;
  try {
    await setFavourite(uid, rid, on);
  } catch (err) {
    favourites.value = before;
    throw err;
  }
}

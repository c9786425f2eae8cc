// Who is signed in and with which roles. Firebase Auth is not in the first screen's JS: the
// session is started once the restaurant list has painted (at once on any other page), and until
// it is known the header keeps the account's place empty rather than offer "Sign in" to someone
// who is signed in.

import { computed, signal } from "@preact/signals";
import { rolesOf, type RoleClaims } from "@domain";

export interface Session {
  uid: string;
  email: string;
  displayName: string;
  claims: RoleClaims;
  /** May order: a password account whose email address is confirmed, or a Google account (the
   * rules' verified()). */
  verified: boolean;
}

/** undefined while Firebase Auth restores the session, null when signed out. */
export const session = signal<Session | null | undefined>(undefined);
export const roles = computed(() => rolesOf(session.value?.claims));

/** Changes when the signed-in person changes (sign-in, sign-out, another account), not when the
 * session first becomes known: views keyed by it drop what they read for someone else, and the
 * first screen is not drawn twice. */
export const viewer = signal(0);
let known: string | null | undefined;
session.subscribe((s) => {
  if (s === undefined) return;
  const uid = s?.uid ?? null;
  if (known !== undefined && known !== uid) viewer.value++;
  known = uid;
});

let started: Promise<void> | undefined;

/** Loads Firebase Auth and follows the session; once. */
export function startSession(): Promise<void> {
  started ??= import("../firebase/session").then(({ watchSession }) =>
    watchSession((s) => {
      session.value = s;
    }),
  );
  return started;
}

export async function signOut(): Promise<void> {
  await (await import("../firebase/session")).signOut();
}

// Who is signed in and with which roles. Claims come from the ID token, the same place the
// security rules read them.

import { computed, signal } from "@preact/signals";
import { onIdTokenChanged, type User } from "firebase/auth";
import { rolesOf, type RoleClaims } from "@domain";
import { auth } from "../firebase/auth";

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

async function toSession(user: User): Promise<Session> {
  const token = await user.getIdTokenResult();
  const { admin, courier, staff, owner } = token.claims as RoleClaims;
  return {
    uid: user.uid,
    email: user.email ?? "",
    displayName: user.displayName ?? user.email ?? "",
    claims: { admin, courier, staff, owner },
    verified: token.signInProvider === "google.com" || token.claims.email_verified === true,
  };
}

onIdTokenChanged(auth, async (user) => {
  session.value = user ? await toSession(user) : null;
});

/** Waits until Auth has restored (or not) a session. */
export function sessionReady(): Promise<Session | null> {
  return new Promise((resolve) => {
    if (session.value !== undefined) return resolve(session.value);
    const stop = session.subscribe((s) => {
      if (s === undefined) return;
      queueMicrotask(() => stop());
      resolve(s);
    });
  });
}

// Who is signed in, from Firebase Auth: loaded after the first screen has painted (state/session.ts
// starts it), so that the list needs no Auth SDK. Claims come from the ID token, the same place the
// security rules read them.

import { onIdTokenChanged, signOut as authSignOut, type User } from "firebase/auth";
import type { RoleClaims } from "@domain";
import type { Session } from "../state/session";
import { auth } from "./auth";

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

/** Calls `set` with the session now and whenever it changes (sign-in, sign-out, new claims). */
export function watchSession(set: (s: Session | null) => void): void {
  onIdTokenChanged(auth, async (user) => set(user ? await toSession(user) : null));
}

export const signOut = () => authSignOut(auth);

// Who may call: one check for every callable (and every HTTP endpoint), the same the rules make.
// A role is a custom claim of the caller's ID token, and a token issued before the user's roles
// were last revoked (users/{uid}.tokensValidAfter, written by setRole) is refused for everything,
// although it has not expired yet: a revoked admin cannot use the hour their old token has left.

import type { Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { ownedRestaurantIds, paths, staffRestaurantIds, type RoleClaims } from "../domain";

/** What the caller must be: anyone signed in, or holding a role (for a restaurant, that one). */
export type Need =
  | { role: "signedIn" }
  | { role: "admin" }
  | { role: "courier" }
  | { role: "staff"; restaurantId: string }
  | { role: "owner"; restaurantId: string };

/** The parts of a verified ID token the guard reads (a callable's request.auth.token). */
export interface TokenClaims extends RoleClaims {
  iat?: number;
  email_verified?: boolean;
  firebase?: { sign_in_provider?: string };
}

export interface Caller {
  uid: string;
  claims: RoleClaims;
}

/** What a caller without the role is told (the app shows its own text for `reason: "role"`). */
const REFUSALS: Record<Need["role"], string> = {
  signedIn: "Sign in first.",
  admin: "Only admins can do this.",
  courier: "Only couriers can do this.",
  staff: "Only the restaurant's staff can do this.",
  owner: "Only the restaurant's owner can do this.",
};

function holds(claims: RoleClaims, need: Need): boolean {
  switch (need.role) {
    case "signedIn":
      return true;
    case "admin":
      return claims.admin === true;
    case "courier":
      return claims.courier === true;
    case "staff":
      return staffRestaurantIds(claims).includes(need.restaurantId);
    case "owner":
      return ownedRestaurantIds(claims).includes(need.restaurantId);
  }
}

/** The caller, if signed in with a token that is not revoked and holds what `need` asks. */
export async function requireCaller(
  db: Firestore,
  auth: { uid: string; token: TokenClaims } | undefined,
  need: Need,
): Promise<Caller> {
  if (!auth) throw new HttpsError("unauthenticated", "Sign in first.", { reason: "signed_out" });
  const claims: RoleClaims = { admin: auth.token.admin, courier: auth.token.courier, staff: auth.token.staff };
  if (auth.token.owner) claims.owner = auth.token.owner;
  if (!holds(claims, need))
    throw new HttpsError("permission-denied", REFUSALS[need.role], { reason: "role", role: need.role });
  const profile = await db.doc(paths.user(auth.uid)).get();
  const validAfter = (profile.get("tokensValidAfter") as number | undefined) ?? 0;
  if ((auth.token.iat ?? 0) < validAfter) {
    throw new HttpsError("unauthenticated", "Your sign-in has ended: sign in again.", { reason: "revoked" });
  }
  return { uid: auth.uid, claims };
}

// The admin-only way to grant and revoke roles. Claims are the authority (rules read them);
// users/{uid}.roles mirrors them so the app can show roles and the backend can find, say,
// a restaurant's staff without listing every Auth user.

import { getAuth } from "firebase-admin/auth";
import { FieldValue } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { logger } from "firebase-functions/logger";
import { requireCaller, type TokenClaims } from "../auth/guard";
import { liveDeps, type Deps } from "../deps";
import { syncRoleTopics } from "../notify/devices";
import {
  applyRoleChange,
  GRANTABLE_ROLES,
  MAX_STAFF_RESTAURANTS,
  paths,
  RESTAURANT_ROLES,
  staffRestaurantIds,
  type GrantableRole,
  type RoleClaims,
} from "../domain";

interface SetRoleRequest {
  email?: string;
  uid?: string;
  role: GrantableRole;
  grant: boolean;
  restaurantId?: string;
}

function parse(data: unknown): SetRoleRequest {
  const d = (data ?? {}) as Record<string, unknown>;
  if (typeof d.uid !== "string" && typeof d.email !== "string")
    throw new HttpsError("invalid-argument", "Give the user's uid or email.");
  if (!GRANTABLE_ROLES.includes(d.role as GrantableRole)) {
    throw new HttpsError("invalid-argument", `role must be one of ${GRANTABLE_ROLES.join(", ")}.`);
  }
  if (typeof d.grant !== "boolean") throw new HttpsError("invalid-argument", "grant must be true or false.");
  if (RESTAURANT_ROLES.includes(d.role as GrantableRole) && typeof d.restaurantId !== "string")
    throw new HttpsError("invalid-argument", `The ${String(d.role)} role needs a restaurantId.`);
  return d as unknown as SetRoleRequest;
}

/** Auth's "no such user", told apart from every other failure of a lookup. */
function lookupError(err: unknown): HttpsError {
  const code = (err as { code?: string }).code;
  if (code === "auth/user-not-found") return new HttpsError("not-found", "No user with that uid or email.");
  if (code === "auth/invalid-email" || code === "auth/invalid-uid")
    return new HttpsError("invalid-argument", "That is not a valid email or uid.");
  logger.error("setRole: user lookup failed", { err: String(err) });
  return new HttpsError("unavailable", "Could not look the user up. Try again.");
}

/**
 * Grants or revokes one role. The custom claims are the authority (the rules read them); the
 * mirror in users/{uid}.roles follows in the same call, and if it cannot be written the claims
 * are put back, so the two never disagree for longer than the call. A revocation also revokes the
 * user's refresh tokens and records when, so the rules refuse the ID token they still hold at once
 * instead of honouring it until it expires (up to an hour).
 */
export async function changeRole(
  deps: Pick<Deps, "db" | "push">,
  req: SetRoleRequest,
  callerUid: string,
): Promise<{ uid: string; claims: RoleClaims }> {
  const { db } = deps;
  const auth = getAuth();
  const user = await (req.uid ? auth.getUser(req.uid) : auth.getUserByEmail(req.email!)).catch((err: unknown) => {
    throw lookupError(err);
  });
  if (req.role === "admin" && !req.grant && user.uid === callerUid) {
    throw new HttpsError("failed-precondition", "Admins cannot revoke their own admin role.");
  }
  if (RESTAURANT_ROLES.includes(req.role) && req.grant) {
    const restaurant = await db.doc(paths.restaurant(req.restaurantId!)).get();
    if (!restaurant.exists) throw new HttpsError("not-found", "No restaurant with that id.");
  }
  const before = (user.customClaims ?? {}) as RoleClaims;
  const claims = applyRoleChange(before, req);
  if (staffRestaurantIds(claims).length > MAX_STAFF_RESTAURANTS) {
    throw new HttpsError("resource-exhausted", `A user can be staff of at most ${MAX_STAFF_RESTAURANTS} restaurants.`);
  }
  await auth.setCustomUserClaims(user.uid, claims);
  const mirror: Record<string, unknown> = { roles: claims, rolesUpdatedAt: FieldValue.serverTimestamp() };
  if (!req.grant) {
    await auth.revokeRefreshTokens(user.uid);
    const validAfter = Date.parse((await auth.getUser(user.uid)).tokensValidAfterTime ?? "") || Date.now();
    mirror.tokensValidAfter = Math.floor(validAfter / 1000);
  }
  try {
    // Replace `roles` whole (mergeFields, not merge) so that revoked roles disappear from it too.
    await db.doc(paths.user(user.uid)).set(mirror, { mergeFields: Object.keys(mirror) });
  } catch (err) {
    await auth.setCustomUserClaims(user.uid, before).catch(() => undefined);
    logger.error("setRole: mirror write failed; claims put back", { uid: user.uid, err: String(err) });
    throw new HttpsError("unavailable", "Could not save the change. Try again.");
  }
  await syncRoleTopics(deps, user.uid, before, claims);
  return { uid: user.uid, claims };
}

/** The callable's body (index.ts defines the callable). */
export async function setRoleCall(request: { auth?: { uid: string; token: TokenClaims }; data: unknown }) {
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "admin" });
  return changeRole(deps, parse(request.data), caller.uid);
}

// The admin-only way to grant and revoke roles. Claims are the authority (rules read them);
// users/{uid}.roles mirrors them so the app can show roles and the backend can find, say,
// a restaurant's staff without listing every Auth user.

import { getAuth } from "firebase-admin/auth";
import { FieldValue } from "firebase-admin/firestore";
import { HttpsError, onCall } from "firebase-functions/v2/https";
import { db } from "../admin";
import { REGION } from "../config";
import {
  applyRoleChange,
  GRANTABLE_ROLES,
  MAX_STAFF_RESTAURANTS,
  paths,
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
  if (d.role === "staff" && typeof d.restaurantId !== "string")
    throw new HttpsError("invalid-argument", "The staff role needs a restaurantId.");
  return d as unknown as SetRoleRequest;
}

export async function changeRole(req: SetRoleRequest, callerUid: string): Promise<{ uid: string; claims: RoleClaims }> {
  const auth = getAuth();
  const user = await (req.uid ? auth.getUser(req.uid) : auth.getUserByEmail(req.email!)).catch(() => {
    throw new HttpsError("not-found", "No user with that uid or email.");
  });
  if (req.role === "admin" && !req.grant && user.uid === callerUid) {
    throw new HttpsError("failed-precondition", "Admins cannot revoke their own admin role.");
  }
  if (req.role === "staff" && req.grant) {
    const restaurant = await db.doc(paths.restaurant(req.restaurantId!)).get();
    if (!restaurant.exists) throw new HttpsError("not-found", "No restaurant with that id.");
  }
  const claims = applyRoleChange((user.customClaims ?? {}) as RoleClaims, req);
  if ((claims.staff?.length ?? 0) > MAX_STAFF_RESTAURANTS) {
    throw new HttpsError("resource-exhausted", `A user can be staff of at most ${MAX_STAFF_RESTAURANTS} restaurants.`);
  }
  await auth.setCustomUserClaims(user.uid, claims);
  // Replace the mirror whole (no merge) so that revoked roles disappear from it too.
  await db
    .doc(paths.user(user.uid))
    .set({ roles: claims, rolesUpdatedAt: FieldValue.serverTimestamp() }, { mergeFields: ["roles", "rolesUpdatedAt"] });
  return { uid: user.uid, claims };
}

export const setRole = onCall({ region: REGION }, async (request) => {
  if (!request.auth) throw new HttpsError("unauthenticated", "Sign in first.");
  if (request.auth.token.admin !== true) throw new HttpsError("permission-denied", "Only admins can change roles.");
  return changeRole(parse(request.data), request.auth.uid);
});

// Roles live in Auth custom claims (so rules can read them without a document read) and are
// mirrored to users/{uid}.roles by the backend so that the app and queries can see them.

/** The custom claims Dishpatch sets. A user without any is a customer. */
export interface RoleClaims {
  admin?: boolean;
  courier?: boolean;
  /** Ids of the restaurants whose staff this user is. */
  staff?: string[];
}

export type Role = "customer" | "staff" | "courier" | "admin";

export const GRANTABLE_ROLES = ["admin", "courier", "staff"] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** Custom claims are capped at 1000 bytes; this keeps a staff list well inside it. */
export const MAX_STAFF_RESTAURANTS = 20;

export function rolesOf(claims: RoleClaims | undefined | null): Role[] {
  const roles: Role[] = ["customer"];
  if (claims?.staff && claims.staff.length > 0) roles.push("staff");
  if (claims?.courier) roles.push("courier");
  if (claims?.admin) roles.push("admin");
  return roles;
}

export function staffRestaurantIds(claims: RoleClaims | undefined | null): string[] {
  return Array.isArray(claims?.staff) ? claims.staff : [];
}

/** Returns the claims after granting or revoking one role; pure so tests and the callable agree. */
export function applyRoleChange(
  claims: RoleClaims,
  change: { role: GrantableRole; grant: boolean; restaurantId?: string },
): RoleClaims {
  const next: RoleClaims = { ...claims };
  if (change.role === "admin") next.admin = change.grant || undefined;
  if (change.role === "courier") next.courier = change.grant || undefined;
  if (change.role === "staff") {
    if (!change.restaurantId) throw new Error("restaurantId is required for the staff role");
    const current = new Set(staffRestaurantIds(claims));
    if (change.grant) current.add(change.restaurantId);
    else current.delete(change.restaurantId);
    next.staff = current.size > 0 ? [...current].sort() : undefined;
  }
  for (const key of Object.keys(next) as (keyof RoleClaims)[]) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}

/** How a person is named in public (a review): first name and the initial of the last, so
 * "Clara Customer" is "Clara C.". */
export function shortName(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "A customer";
  const first = words[0].slice(0, 30);
  return words.length > 1 ? `${first} ${words[words.length - 1][0].toUpperCase()}.` : first;
}

// Roles live in Auth custom claims (so rules can read them without a document read) and are
// mirrored to users/{uid}.roles by the backend so that the app and queries can see them.
//
// A restaurant has two kinds of staff. Its kitchen (claim `staff`) works the board, the tickets,
// the pause and busy mode, and marks dishes sold out. Its owner (claim `owner`) does all of that and
// manages the restaurant: settings, menu, prices, statements, replies to reviews, disputes. A person
// holds one of the two at a restaurant.

/** The custom claims Dishpatch sets. A user without any is a customer. */
export interface RoleClaims {
  admin?: boolean;
  courier?: boolean;
  /** Ids of the restaurants whose kitchen staff this user is. */
  staff?: string[];
  /** Ids of the restaurants this user owns (and works at). */
  owner?: string[];
}

export type Role = "customer" | "staff" | "owner" | "courier" | "admin";

export const GRANTABLE_ROLES = ["admin", "courier", "owner", "kitchen"] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** Roles that are held for one restaurant. */
export const RESTAURANT_ROLES: readonly GrantableRole[] = ["owner", "kitchen"];

/** Custom claims are capped at 1000 bytes; this keeps the restaurant lists well inside it. */
export const MAX_STAFF_RESTAURANTS = 20;

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** The restaurants whose owner this user is. */
export function ownedRestaurantIds(claims: RoleClaims | undefined | null): string[] {
  return list(claims?.owner);
}

/** The restaurants this user works at, as kitchen staff or as owner. */
export function staffRestaurantIds(claims: RoleClaims | undefined | null): string[] {
  return [...new Set([...list(claims?.staff), ...list(claims?.owner)])].sort();
}

export function rolesOf(claims: RoleClaims | undefined | null): Role[] {
  const roles: Role[] = ["customer"];
  if (staffRestaurantIds(claims).length > 0) roles.push("staff");
  if (ownedRestaurantIds(claims).length > 0) roles.push("owner");
  if (claims?.courier) roles.push("courier");
  if (claims?.admin) roles.push("admin");
  return roles;
}

/** Returns the claims after granting or revoking one role; pure so tests and the callable agree.
 * Granting one restaurant role takes the other away there (one role per person and restaurant). */
export function applyRoleChange(
  claims: RoleClaims,
  change: { role: GrantableRole; grant: boolean; restaurantId?: string },
): RoleClaims {
  const next: RoleClaims = { ...claims };
  if (change.role === "admin") next.admin = change.grant || undefined;
  if (change.role === "courier") next.courier = change.grant || undefined;
  if (RESTAURANT_ROLES.includes(change.role)) {
    const rid = change.restaurantId;
    if (!rid) throw new Error("restaurantId is required for a restaurant role");
    const staff = new Set(list(claims.staff));
    const owner = new Set(list(claims.owner));
    const [mine, other] = change.role === "owner" ? [owner, staff] : [staff, owner];
    if (change.grant) {
      mine.add(rid);
      other.delete(rid);
    } else mine.delete(rid);
    next.staff = staff.size > 0 ? [...staff].sort() : undefined;
    next.owner = owner.size > 0 ? [...owner].sort() : undefined;
  }
  for (const key of Object.keys(next) as (keyof RoleClaims)[]) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}

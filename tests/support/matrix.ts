// Table-driven allow/deny checks: one mocha test per role for each operation.

import { expectAccess, ROLE_NAMES, type RoleName, dbAs } from "./rulesEnv";
import type { Firestore } from "firebase/firestore";

export type Attempt = (db: Firestore, role: RoleName) => Promise<unknown>;

/** Runs `attempt` as every role; exactly the roles in `allowed` must succeed. */
export function matrix(title: string, allowed: readonly RoleName[], attempt: Attempt): void {
  for (const role of ROLE_NAMES) {
    const ok = allowed.includes(role);
    it(`${title}: ${role} is ${ok ? "allowed" : "denied"}`, () => expectAccess(ok, attempt(dbAs(role), role)));
  }
}

/** The same attempt for a list of roles, all expected to fail (or all to succeed). */
export function each(roles: readonly RoleName[], title: string, allowed: boolean, attempt: Attempt): void {
  for (const role of roles) {
    it(`${title} (${role}) is ${allowed ? "allowed" : "denied"}`, () =>
      expectAccess(allowed, attempt(dbAs(role), role)));
  }
}

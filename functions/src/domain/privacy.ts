// A customer's own data: what they can download, and what deleting their account keeps. Receipts
// are kept for tax, without the customer's id or address (books.ts ANONYMISED_RECEIPT); the books,
// statement lines and couriers' earnings never name a customer. Reviews stay, signed "former
// customer" in the reader's language. Everything else that names them goes.

import type { RoleClaims } from "./roles";
import type { Review } from "./types";

/** Why an account cannot be deleted now. */
export type DeletionRefusal = "order_under_way" | "has_role";

/** People with a role (staff, courier, admin) leave through an admin: their role comes first. */
export function hasRole(claims: RoleClaims): boolean {
  return claims.admin === true || claims.courier === true || !!claims.staff?.length || !!claims.owner?.length;
}

/** A review once its author's account is deleted: the text and rating stay, the name goes. The
 * field stays (as null), so the restaurant can still reply. */
export const FORMER_CUSTOMER_REVIEW: Pick<Review, "authorName" | "formerCustomer"> = {
  authorName: null,
  formerCustomer: true,
};

/** How long after a deletion the rules refuse the deleted account's writes: longer than an ID
 * token lives (one hour), after which no token of it can exist. */
export const CLOSED_ACCOUNT_HOURS = 2;

/** The download: every document of theirs, with times as ISO strings. */
export interface AccountExport {
  exportedAt: string;
  account: { uid: string; email: string | null; createdAt: string | null };
  profile: Record<string, unknown> | null;
  addresses: Record<string, unknown>[];
  orders: Record<string, unknown>[];
  receipts: Record<string, unknown>[];
  reviews: Record<string, unknown>[];
  /** Card payments (cardPayment.ts) and the cards kept. */
  payments: Record<string, unknown>[];
  cards: Record<string, unknown>[];
}

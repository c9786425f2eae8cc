// A customer deletes their account (the deleteMyAccount callable). Refused while an order of theirs
// is under way, and for people with a role. Otherwise, in an order that a retry can resume after any
// failure: the account is closed to writes (closedAccounts.ts), receipts lose the customer's id and
// address, saved cards are detached at Stripe and card payment records forget whose they were,
// reviews are signed "former customer", code redemptions forget who redeemed, orders (with
// their subcollections) and the profile (with addresses, devices and inbox) are deleted, and last
// the Auth user. The books, statement lines and earnings never named them and stay.

import { getAuth } from "firebase-admin/auth";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { logger } from "firebase-functions/logger";
import type { Caller } from "../auth/guard";
import type { Deps } from "../deps";
import {
  ANONYMISED_RECEIPT,
  FORMER_CUSTOMER_REVIEW,
  hasRole,
  paths,
  QUERIES,
  type DeletionRefusal,
  type Order,
} from "../domain";
import { adminQuery } from "../query";
import { closeAccount, reopenAccount } from "./closedAccounts";
import { cardsEnabled } from "../payments/enabled";

const PAGE = 100;

const MESSAGES: Record<DeletionRefusal, string> = {
  order_under_way: "An order of yours is under way: you can delete your account once it has ended.",
  has_role: "Your account has a role (restaurant, courier or admin): an admin removes it first.",
};

function refuse(reason: DeletionRefusal): never {
  throw new HttpsError("failed-precondition", MESSAGES[reason], { reason });
}

export async function deleteAccount({ db, now }: Pick<Deps, "db" | "now">, caller: Caller): Promise<{ deleted: true }> {
  const { uid } = caller;
  if (hasRole(caller.claims)) refuse("has_role");
  // Closed first, then checked: an order written before the close is seen by the count, and none
  // can be written after it.
  await closeAccount(db, uid, now());
  const open = (await adminQuery(db, QUERIES.openOrdersOf(uid)).count().get()).data().count;
  if (open > 0) {
    await reopenAccount(db, uid);
    refuse("order_under_way");
  }
  await anonymiseReceipts(db, uid);
  await forgetCards(db, uid);
  await forgetOrders(db, uid);
  await db.recursiveDelete(db.doc(paths.user(uid)));
  await getAuth()
    .deleteUser(uid)
    .catch((err: unknown) => {
      if ((err as { code?: string }).code !== "auth/user-not-found") throw err;
    });
  logger.info("account deleted", { uid });
  return { deleted: true };
}

/** Saved cards are detached at Stripe (the customer there is left with none), and the card payment
 * records, kept for the money, forget whose they were. */
async function forgetCards(db: Firestore, uid: string) {
  const customer = (await db.doc(paths.stripeCustomer(uid)).get()).get("id") as string | undefined;
  if (customer && cardsEnabled()) {
    const { stripe } = await import("../payments/stripe");
    for await (const pm of stripe().paymentMethods.list({ customer, type: "card" })) {
      await stripe().paymentMethods.detach(pm.id);
    }
  }
  await db.doc(paths.stripeCustomer(uid)).delete();
  for (;;) {
    const page = await adminQuery(db, QUERIES.customerPayments(uid, PAGE)).get();
    if (page.empty) return;
    const batch = db.batch();
    for (const d of page.docs) batch.update(d.ref, { customerId: null, card: null, paymentMethodId: null });
    await batch.commit();
  }
}

/** Receipts stay for tax, without the customer's id or address. */
async function anonymiseReceipts(db: Firestore, uid: string) {
  for (;;) {
    const page = await adminQuery(db, QUERIES.customerReceipts(uid, PAGE)).get();
    if (page.empty) return;
    const batch = db.batch();
    for (const d of page.docs)
      batch.update(d.ref, { ...ANONYMISED_RECEIPT, anonymisedAt: FieldValue.serverTimestamp() });
    await batch.commit();
  }
}

/** Each order's review is signed "former customer" and its code redemption forgets the customer;
 * then the order goes, with its subcollections. */
async function forgetOrders(db: Firestore, uid: string) {
  for (;;) {
    const page = await adminQuery(db, QUERIES.customerOrders(uid, PAGE)).get();
    if (page.empty) return;
    for (const d of page.docs) {
      const order = d.data() as Order;
      const review = db.doc(paths.review(order.restaurantId, d.id));
      const code = order.pricing?.promo?.code;
      const redemption = code ? db.doc(paths.promoRedemption(code, d.id)) : null;
      const [r, red] = await db.getAll(review, ...(redemption ? [redemption] : []));
      const batch = db.batch();
      if (r.exists) batch.update(review, { ...FORMER_CUSTOMER_REVIEW });
      if (red?.exists) batch.update(redemption!, { customerId: null });
      if (r.exists || red?.exists) await batch.commit();
      await db.recursiveDelete(d.ref);
    }
  }
}

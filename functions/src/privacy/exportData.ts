// A customer downloads their data (the exportMyData callable): their account, profile, saved
// addresses, orders, receipts, reviews, card payments and saved cards, as JSON with times as ISO strings. Read with the admin
// SDK, page by page, so that it holds everything however many orders there are.

import { getAuth } from "firebase-admin/auth";
import { Timestamp, type DocumentSnapshot, type Firestore, type Query } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { paths, QUERIES, type AccountExport, type Order } from "../domain";
import { adminQuery } from "../query";

const PAGE = 200;

/** Firestore values as JSON: timestamps as ISO strings, maps and lists as they are. */
function plain(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const withId = (d: DocumentSnapshot) => ({ id: d.id, ...(plain(d.data()) as Record<string, unknown>) });

async function everyPage(q: Query): Promise<DocumentSnapshot[]> {
  const all: DocumentSnapshot[] = [];
  for (let last: DocumentSnapshot | undefined; ;) {
    const page = await (last ? q.startAfter(last) : q).limit(PAGE).get();
    all.push(...page.docs);
    if (page.size < PAGE) return all;
    last = page.docs[page.docs.length - 1];
  }
}

async function existing(db: Firestore, docPaths: string[]): Promise<DocumentSnapshot[]> {
  const docs: DocumentSnapshot[] = [];
  for (let i = 0; i < docPaths.length; i += PAGE) {
    const refs = docPaths.slice(i, i + PAGE).map((p) => db.doc(p));
    docs.push(...(await db.getAll(...refs)).filter((d) => d.exists));
  }
  return docs;
}

export async function exportData({ db, now }: Pick<Deps, "db" | "now">, uid: string): Promise<AccountExport> {
  const [user, profile, addresses, orders, cards] = await Promise.all([
    getAuth()
      .getUser(uid)
      .catch(() => null),
    db.doc(paths.user(uid)).get(),
    adminQuery(db, QUERIES.addresses(uid)).get(),
    everyPage(adminQuery(db, QUERIES.customerOrders(uid, PAGE))),
    db.collection(paths.cards(uid)).get(),
  ]);
  const delivered = orders.filter((d) => (d.data() as Order).status === "delivered");
  const [receipts, reviews, payments] = await Promise.all([
    existing(
      db,
      delivered.map((d) => paths.receipt(d.id)),
    ),
    existing(
      db,
      delivered.map((d) => paths.review((d.data() as Order).restaurantId, d.id)),
    ),
    existing(
      db,
      orders.filter((d) => (d.data() as Order).payWith === "card").map((d) => paths.payment(d.id)),
    ),
  ]);
  return {
    exportedAt: now().toISOString(),
    account: {
      uid,
      email: user?.email ?? null,
      createdAt: user ? new Date(user.metadata.creationTime).toISOString() : null,
    },
    profile: profile.exists ? (plain(profile.data()) as Record<string, unknown>) : null,
    addresses: addresses.docs.map(withId),
    orders: orders.map(withId),
    receipts: receipts.map(withId),
    reviews: reviews.map((d) => ({
      restaurantId: d.ref.parent.parent!.id,
      orderId: d.id,
      ...(plain(d.data()) as Record<string, unknown>),
    })),
    payments: payments.map(withId),
    cards: cards.docs.map(withId),
  };
}

// Who is told what as a complaint moves on (the onComplaintWritten trigger, retried until done):
// the customer when it is refunded, sent to review or declined; the restaurant's owners when it
// charges them and when their dispute is decided. One inbox entry per person and news (its id
// names both), so a retried event finds it made; a push goes out only with a new entry.

import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { Deps } from "../deps";
import {
  complaintMessage,
  languageOr,
  QUERIES,
  paths,
  userTopic,
  type Complaint,
  type ComplaintNotice,
  type InboxNotification,
  type Language,
  type MessageContext,
} from "../domain";
import { isAlreadyExists } from "../errors";
import { adminQuery } from "../query";

type Reader = { uid: string; lang: Language; audience: "customer" | "staff"; link: string };
type News = { key: ComplaintNotice["key"]; to: "customer" | "owners"; amount: number };

/** What changed between two versions of a complaint that someone must hear. */
export function newsOf(before: Complaint | undefined, after: Complaint): News[] {
  const news: News[] = [];
  if (after.status !== before?.status) {
    if (after.status === "approved") {
      news.push({ key: "refunded", to: "customer", amount: after.amount });
      if (after.restaurantPays > 0) news.push({ key: "charged", to: "owners", amount: after.restaurantPays });
    }
    if (after.status === "review") news.push({ key: "review", to: "customer", amount: after.amount });
    if (after.status === "declined") news.push({ key: "declined", to: "customer", amount: after.amount });
  }
  const was = before?.dispute?.status;
  const is = after.dispute?.status;
  if (is !== was && (is === "upheld" || is === "rejected")) {
    news.push({
      key: is === "upheld" ? "disputeUpheld" : "disputeRejected",
      to: "owners",
      amount: after.restaurantPays,
    });
  }
  return news;
}

async function readersOf(db: Firestore, c: Complaint, to: News["to"]): Promise<Reader[]> {
  if (to === "customer") {
    const user = await db.doc(paths.user(c.customerId)).get();
    if (!user.exists) return [];
    return [
      { uid: c.customerId, lang: languageOr(user.get("language")), audience: "customer", link: `/orders/${c.orderId}` },
    ];
  }
  const owners = await adminQuery(db, QUERIES.ownersOf(c.restaurantId)).select("language").get();
  return owners.docs.map((d) => ({
    uid: d.id,
    lang: languageOr(d.get("language")),
    audience: "staff" as const,
    link: "/dashboard/complaints",
  }));
}

const entryId = (complaintId: string, key: News["key"]) => `complaint-${complaintId}-${key}`;

/** Whether everyone the complaint's current state concerns has its inbox entry (the reconciler's
 * check after a lost event: its news as if nothing had been told before). */
export async function complaintToldAll(db: Firestore, complaintId: string, c: Complaint): Promise<boolean> {
  const refs = [];
  for (const n of newsOf(undefined, c))
    for (const r of await readersOf(db, c, n.to))
      refs.push(db.doc(paths.notification(r.uid, entryId(complaintId, n.key))));
  if (refs.length === 0) return true;
  return (await db.getAll(...refs)).every((s) => s.exists);
}

export async function tellAboutComplaint(
  { db, push }: Pick<Deps, "db" | "push">,
  complaintId: string,
  before: Complaint | undefined,
  after: Complaint,
): Promise<void> {
  const context: MessageContext = { restaurantName: after.restaurantName, code: after.number };
  for (const n of newsOf(before, after)) {
    const notice: ComplaintNotice = { key: n.key, amount: n.amount, currency: after.currency };
    for (const r of await readersOf(db, after, n.to)) {
      const entry: InboxNotification = {
        orderId: after.orderId,
        status: "delivered",
        audience: r.audience,
        link: r.link,
        text: { kind: "complaint", notice, context },
        read: false,
        createdAt: FieldValue.serverTimestamp() as never,
        updatedAt: FieldValue.serverTimestamp() as never,
      };
      try {
        await db.doc(paths.notification(r.uid, entryId(complaintId, n.key))).create(entry);
      } catch (err) {
        if (isAlreadyExists(err)) continue; // told already: a retried event
        throw err;
      }
      await push
        .sendToTopic(userTopic(r.uid), { ...complaintMessage(notice, context, r.lang), data: { link: r.link } })
        .catch((err: unknown) => logger.warn("push failed", { complaintId, err: String(err) }));
    }
  }
}

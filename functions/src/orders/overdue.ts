// An order that stays `picked_up` long past its ride (domain/deliveryTimers.ts) needs someone to
// decide how it ends. The reconciler finds it (a minute either way does not matter here, and no
// task per delivery is kept for the rare one that never arrives): each admin gets an inbox entry
// and a push leading to the admin page's list of orders that need a decision, and the customer is
// told (their one entry about the order says so, their push is in the order's language). The
// order records when, in the same transaction, so they are told once. An admin then ends it
// through the resolveDelivery callable.

import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { Deps } from "../deps";
import {
  deliveryMessage,
  inboxEntryId,
  isOverdue,
  languageOr,
  momentsOf,
  overdueId,
  paths,
  QUERIES,
  userTopic,
  type DeliveryNotice,
  type InboxNotification,
  type InboxText,
  type Order,
} from "../domain";
import { contextOf } from "../notify/notify";
import { adminQuery } from "../query";

export type OverdueOutcome = "alerted" | "not overdue" | "already alerted";

const ADMIN_LINK = "/admin/decisions";

const CUSTOMER: DeliveryNotice = { key: "overdue", audience: "customer" };
const ADMIN: DeliveryNotice = { key: "overdue", audience: "admin" };

function settled(order: Order | undefined, now: Date): OverdueOutcome | null {
  if (!order || !isOverdue(order, now.getTime())) return "not overdue";
  if (order.overdueAlertedAt) return "already alerted";
  return null;
}

export async function alertIfOverdue({ db, push, now }: Deps, orderId: string): Promise<OverdueOutcome> {
  const ref = db.doc(paths.order(orderId));
  const seen = (await ref.get()).data() as Order | undefined;
  const early = settled(seen, now());
  if (early) return early;
  const admins = (await adminQuery(db, QUERIES.admins()).select("language").get()).docs.map((d) => ({
    uid: d.id,
    lang: languageOr(d.get("language")),
  }));
  const context = contextOf(seen!);
  const text = (notice: DeliveryNotice): InboxText => ({ kind: "delivery", notice, context });
  const customerLang = languageOr(seen!.language);
  const customerEntry = db.doc(paths.notification(seen!.customerId, inboxEntryId(orderId)));
  const outcome = await db.runTransaction(async (tx) => {
    const order = (await tx.get(ref)).data() as Order | undefined;
    const again = settled(order, now());
    if (again) return again;
    const entry = (await tx.get(customerEntry)).data() as InboxNotification | undefined;
    const stamp = FieldValue.serverTimestamp();
    tx.update(ref, { overdueAlertedAt: stamp });
    // The customer's one entry about the order says it is late, unread again, at the order's own
    // status (picked up): a pickup note that arrives after it then finds nothing to move and
    // leaves the alert in place, and the admin's decision moves it on as any status does.
    tx.set(customerEntry, {
      orderId,
      status: order!.status,
      audience: "customer",
      link: `/orders/${orderId}`,
      text: text(CUSTOMER),
      moments: momentsOf(order!),
      read: false,
      createdAt: entry?.createdAt ?? stamp,
      updatedAt: stamp,
    });
    const id = overdueId(orderId);
    for (const a of admins) {
      tx.set(db.doc(paths.notification(a.uid, id)), {
        orderId,
        status: "picked_up",
        audience: "admin",
        link: ADMIN_LINK,
        text: text(ADMIN),
        read: false,
        createdAt: stamp,
        updatedAt: stamp,
      });
    }
    return "alerted" as const;
  });
  if (outcome === "alerted") {
    const sends = [
      push.sendToTopic(userTopic(seen!.customerId), {
        ...deliveryMessage(CUSTOMER, context, customerLang),
        data: { orderId, link: `/orders/${orderId}` },
      }),
      ...admins.map((a) =>
        push.sendToTopic(userTopic(a.uid), {
          ...deliveryMessage(ADMIN, context, a.lang),
          data: { orderId, link: ADMIN_LINK },
        }),
      ),
    ];
    for (const r of await Promise.allSettled(sends)) {
      if (r.status === "rejected") logger.warn("push failed", { orderId, err: String(r.reason) });
    }
  }
  return outcome;
}

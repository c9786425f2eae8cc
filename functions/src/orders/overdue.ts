// An order that stays `picked_up` long past its ride (domain/deliveryTimers.ts) needs someone to
// decide how it ends. The reconciler finds it (a minute either way does not matter here, and no
// task per delivery is kept for the rare one that never arrives): each admin gets an inbox entry
// and a push leading to the admin page's list of orders that need a decision, and the customer is
// told in the order's language. The order records when, in the same transaction, so they are told
// once. An admin then ends it through the resolveDelivery callable.

import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { Deps } from "../deps";
import {
  isOverdue,
  languageOr,
  orderCode,
  overdueId,
  paths,
  QUERIES,
  TEXTS,
  userTopic,
  type Mention,
  type Order,
} from "../domain";
import { adminQuery } from "../query";

export type OverdueOutcome = "alerted" | "not overdue" | "already alerted";

const ADMIN_LINK = "/admin/decisions";

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
  const m: Mention = { r: seen!.restaurantName || "", reason: "", slot: "", rejection: "", code: orderCode(orderId) };
  const customerLang = languageOr(seen!.language);
  const outcome = await db.runTransaction(async (tx) => {
    const again = settled((await tx.get(ref)).data() as Order | undefined, now());
    if (again) return again;
    const stamp = FieldValue.serverTimestamp();
    tx.update(ref, { overdueAlertedAt: stamp });
    const id = overdueId(orderId);
    const base = { orderId, status: "picked_up", read: false, createdAt: stamp };
    tx.set(db.doc(paths.notification(seen!.customerId, id)), {
      ...base,
      audience: "customer",
      link: `/orders/${orderId}`,
      ...TEXTS[customerLang].overdue.customer(m),
    });
    for (const a of admins) {
      tx.set(db.doc(paths.notification(a.uid, id)), {
        ...base,
        audience: "admin",
        link: ADMIN_LINK,
        ...TEXTS[a.lang].overdue.admin(m),
      });
    }
    return "alerted" as const;
  });
  if (outcome === "alerted") {
    const sends = [
      push.sendToTopic(userTopic(seen!.customerId), {
        ...TEXTS[customerLang].overdue.customer(m),
        data: { orderId, link: `/orders/${orderId}` },
      }),
      ...admins.map((a) =>
        push.sendToTopic(userTopic(a.uid), { ...TEXTS[a.lang].overdue.admin(m), data: { orderId, link: ADMIN_LINK } }),
      ),
    ];
    for (const r of await Promise.allSettled(sends)) {
      if (r.status === "rejected") logger.warn("push failed", { orderId, err: String(r.reason) });
    }
  }
  return outcome;
}

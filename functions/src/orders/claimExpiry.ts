// A courier's claim that is never picked up goes back to the other couriers CLAIM_PICKUP_MIN after
// it was made (domain/deliveryTimers.ts): the order's courier and claim are cleared, the courier is
// free for another, and the courier and the restaurant's staff are told (an inbox entry said in
// the reader's language, a push in each one's). A Cloud Task per claim does it at its time
// (scheduled when the claim's event arrives, retried near its time, tasks.ts); the reconciler
// expires claims whose task is gone.
// Expiring and telling happen in one transaction, so a task and the reconciler racing leave one
// expiry and one set of inbox entries.

import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { liveDeps, type Deps } from "../deps";
import {
  claimExpiredId,
  CLAIM_PICKUP_MIN,
  deliveryMessage,
  languageOr,
  LANGUAGES,
  paths,
  pickupDeadline,
  restaurantTopic,
  userTopic,
  type BackendActor,
  type DeliveryNotice,
  type InboxText,
  type Language,
  type MessageContext,
  type Order,
} from "../domain";
import { contextOf } from "../notify/notify";
import { staffOfRestaurant } from "../notify/staff";
import { enqueueOnce, retryWhenNear, taskId, type TimerOutcome } from "../tasks";

export type ClaimExpiryResult = TimerOutcome<"expired", "not claimed">;

/** What the claim of `courierId` (any courier's, when not given) on the order comes to at `now`;
 * null when it is due to expire. */
function outcomeFor(order: Order | undefined, courierId: string | undefined, now: Date): ClaimExpiryResult | null {
  if (order?.status !== "ready" || !order.courierId || !order.claimedAt) return { outcome: "not claimed" };
  if (courierId && order.courierId !== courierId) return { outcome: "not claimed" };
  const due = pickupDeadline(order.claimedAt);
  if (due > now.getTime()) return { outcome: "not due", dueAt: due };
  return null;
}

function notice(audience: "courier" | "staff"): DeliveryNotice {
  return { key: "claimExpired", audience, minutes: CLAIM_PICKUP_MIN };
}

/** An entry of its own (a claim that expires is news of its own, beside the order's), its text a
 * key said in the reader's language. */
function entry(link: string, orderId: string, audience: "courier" | "staff", context: MessageContext) {
  const text: InboxText = { kind: "delivery", notice: notice(audience), context };
  return {
    orderId,
    status: "ready",
    audience,
    link,
    text,
    read: false,
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
  };
}

async function courierLanguage(db: Firestore, uid: string): Promise<Language> {
  return languageOr((await db.doc(paths.user(uid)).get()).get("language"));
}

export async function expireClaimIfDue(
  { db, push, now }: Deps,
  orderId: string,
  by: BackendActor,
  courierId?: string,
): Promise<ClaimExpiryResult> {
  const ref = db.doc(paths.order(orderId));
  // A plain read first: most tasks find the order picked up, and a transaction would lock it
  // against the courier's own write for nothing.
  const seen = (await ref.get()).data() as Order | undefined;
  const early = outcomeFor(seen, courierId, now());
  if (early) return early;
  const courier = seen!.courierId!;
  const context = contextOf(seen!);
  const [staff, courierLang] = await Promise.all([
    staffOfRestaurant(db, seen!.restaurantId),
    courierLanguage(db, courier),
  ]);
  const result = await db.runTransaction(async (tx) => {
    const order = (await tx.get(ref)).data() as Order | undefined;
    const settled = outcomeFor(order, courier, now());
    if (settled) return settled;
    const courierRef = db.doc(paths.courier(courier));
    const state = await tx.get(courierRef);
    const stamp = FieldValue.serverTimestamp();
    tx.update(ref, {
      courierId: null,
      claimedAt: null,
      updatedAt: stamp,
      lastExpiredClaim: { courierId: courier, claimedAt: order!.claimedAt, expiredBy: by, expiredAt: stamp },
    });
    if (state.get("activeOrderId") === orderId) tx.set(courierRef, { activeOrderId: null, updatedAt: stamp });
    // The next courier's map starts without the last one's position.
    tx.delete(db.doc(paths.courierPosition(orderId)));
    const id = claimExpiredId(orderId, order!.claimedAt!);
    tx.set(db.doc(paths.notification(courier, id)), entry("/courier", orderId, "courier", context));
    for (const s of staff)
      tx.set(db.doc(paths.notification(s.uid, id)), entry("/dashboard", orderId, "staff", context));
    return { outcome: "expired" } as const;
  });
  if (result.outcome === "expired") {
    // Push is best effort: the inbox entries, written with the expiry, are the record.
    const link = (to: string) => ({ orderId, link: to });
    const sends = [
      push.sendToTopic(userTopic(courier), {
        ...deliveryMessage(notice("courier"), context, courierLang),
        data: link("/courier"),
      }),
      ...LANGUAGES.map((lang) =>
        push.sendToTopic(restaurantTopic(seen!.restaurantId, lang), {
          ...deliveryMessage(notice("staff"), context, lang),
          data: link("/dashboard"),
        }),
      ),
    ];
    for (const r of await Promise.allSettled(sends)) {
      if (r.status === "rejected") logger.warn("push failed", { orderId, err: String(r.reason) });
    }
  }
  return result;
}

/** The task handler (entry/timers.ts defines the task queue function). */
export async function claimExpiryTask(data: { orderId?: unknown; courierId?: unknown } | undefined): Promise<void> {
  const { orderId, courierId } = data ?? {};
  if (typeof orderId !== "string" || orderId.length === 0 || typeof courierId !== "string") {
    logger.error("claimExpiry without an orderId and courierId", { data });
    return;
  }
  const deps = liveDeps();
  const result = await expireClaimIfDue(deps, orderId, "backend:task", courierId);
  logger.info("claim expiry", { orderId, outcome: result.outcome });
  retryWhenNear(result, deps.now().getTime());
}

/** One task per claim: a courier who claims the order again gets a task of their own. */
export async function scheduleClaimExpiry(
  orderId: string,
  courierId: string,
  claimedAt: { toMillis(): number },
): Promise<void> {
  await enqueueOnce(
    "claimExpiry",
    { orderId, courierId },
    new Date(pickupDeadline(claimedAt)),
    taskId("claim-expiry", `${orderId}-${courierId}-${claimedAt.toMillis()}`),
  );
}

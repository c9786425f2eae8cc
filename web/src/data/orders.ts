// Orders: placing one, moving it along the state machine, the courier's claim, and the live views
// each face keeps open. Every status change is the domain's transition(); writes are not awaited
// for the server where the app should go on offline (the cache queues them).
import {
  collection,
  doc,
  getDoc,
  getDocFromServer,
  onSnapshot,
  runTransaction,
  serverTimestamp,
  setDoc,
  updateDoc,
  writeBatch,
  type DocumentReference,
} from "firebase/firestore";
import {
  areaBlock,
  cartDoc,
  changedBy,
  isOverdue,
  LIMITS,
  overdueCutoff,
  paths,
  QUERIES,
  transition,
  type AdminCancelReason,
  type CartInput,
  type DeclineReason,
  type DeliveryProblem,
  type Order,
  type OrderStatus,
  type Restaurant,
} from "@domain";
import { useMemo } from "preact/hooks";
import { cancelOrderCall, resolveDeliveryCall } from "../firebase/functions";
import { liveDb, liveQuery } from "../firebase/live";
import { useGrowingList, useLiveDoc, useLiveQuery } from "./live";

export type BoardOrder = Order;
export type DeliveryOutcome = "delivered" | "undelivered" | "undeliverable";

/** Overdue deliveries the admin's list shows at once, longest first. */
const OVERDUE_PAGE = 50;

/** Staff accept, with the prep time they expect. */
export function acceptOrder(uid: string, orderId: string, prepMin: number): Promise<void> {
  return moveOrder(uid, orderId, "accepted", { prepMin });
}

/** Staff cancel an order they accepted, before pickup, with one of the decline reasons: the
 * customer is not charged, and it counts against the restaurant like a missed order. */
export function cancelAcceptedOrder(uid: string, orderId: string, reason: DeclineReason): Promise<void> {
  return moveOrder(uid, orderId, "cancelled", { cancelReason: reason, cancelledBy: "restaurant" });
}

/** The card an order paid by card names (domain/cart.ts). */
export type OrderCard = NonNullable<CartInput["card"]>;

/** Writes the cart and returns the new order's id at once; the write reaches the server when it can. */
export function placeOrder(input: CartInput): { id: string; sent: Promise<void> } {
  const ref = doc(collection(liveDb, paths.orders()));
  const sent = setDoc(ref, cartDoc(input, serverTimestamp()));
  return { id: ref.id, sent: sent.then(() => listenAhead(ref)) };
}

/** How long the listener opened at placement stays open for the order page to join it. */
const LISTEN_AHEAD_MS = 15_000;

/** Opens the new order's listener as soon as the server has it (not before: the rules refuse a
 * listener on an order that is not there yet), while the app changes route and loads the order
 * page. The SDK keeps one target per document, so the page's own listener joins this one and
 * shows what it already has (often `placed`) instead of asking the server once it has mounted. */
function listenAhead(ref: DocumentReference): void {
  const stop = onSnapshot(
    ref,
    () => {},
    () => {},
  );
  setTimeout(stop, LISTEN_AHEAD_MS);
}

/** A status change by `uid`. Where the rules refuse it, the order is read again: a write whose
 * answer was lost is sent again by the SDK, and the rules refuse that copy because the first one
 * landed. It landed only if the order names this person as the one who made the change: the same
 * status made by someone else (the backend's timeout, another member of staff) is still a refusal. */
export async function moveOrder(
  uid: string,
  orderId: string,
  to: OrderStatus,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const ref = doc(liveDb, paths.order(orderId));
  try {
    await updateDoc(ref, transition(to, serverTimestamp(), uid, extra));
  } catch (err) {
    if ((err as { code?: string }).code !== "permission-denied") throw err;
    const now = await getDocFromServer(ref).catch(() => null);
    if (!changedBy(now?.data() as Order | undefined, to, uid)) throw err;
  }
}

export type ClaimResult = "claimed" | "taken" | "busy";

/** Claims a ready order for this courier, who may hold one at a time: the order's courierId and
 * the courier's activeOrderId change together. */
export async function claimOrder(uid: string, orderId: string): Promise<ClaimResult> {
  const orderRef = doc(liveDb, paths.order(orderId));
  const stateRef = doc(liveDb, paths.courier(uid));
  try {
    return await runTransaction(liveDb, async (tx) => {
      const [order, state] = [await tx.get(orderRef), await tx.get(stateRef)];
      if (!order.exists() || order.get("status") !== "ready" || order.get("courierId") !== null) return "taken";
      if (state.exists() && state.get("activeOrderId")) return "busy";
      tx.update(orderRef, { courierId: uid, claimedAt: serverTimestamp(), updatedAt: serverTimestamp() });
      tx.set(stateRef, { activeOrderId: orderId, updatedAt: serverTimestamp() });
      return "claimed";
    });
  } catch (err) {
    // Another courier's claim committed between our read and our write: the rules refuse ours.
    // Whether that is what happened is read from the order, not guessed from the error: a courier
    // may read a ready order only while it is unclaimed or theirs.
    if ((err as { code?: string }).code !== "permission-denied") throw err;
    const now = await getDoc(orderRef).catch(() => null);
    if (!now || (now.get("courierId") ?? uid) !== uid) return "taken";
    throw err;
  }
}

/** Delivered, and the courier free for the next claim, in one batch. */
export function deliverOrder(uid: string, orderId: string): Promise<void> {
  const batch = writeBatch(liveDb);
  batch.update(doc(liveDb, paths.order(orderId)), transition("delivered", serverTimestamp(), uid));
  batch.set(doc(liveDb, paths.courier(uid)), { activeOrderId: null, updatedAt: serverTimestamp() });
  return batch.commit();
}

export function useOrder(orderId: string) {
  return useLiveDoc<Order>(doc(liveDb, paths.order(orderId)));
}

export function useBoardOrders(rid: string | null) {
  return useLiveQuery<BoardOrder>(rid ? liveQuery(QUERIES.boardOrders(rid)) : null);
}

export function useCustomerOrders(uid: string, pageSize: number) {
  return useGrowingList<Order>((max) => liveQuery(QUERIES.customerOrders(uid, max)), pageSize);
}

/** Unclaimed ready orders around a courier's cell of the map (domain/courierArea.ts); none
 * until the courier's area is known. */
export function useOpenPickups(cell: string | null) {
  return useLiveQuery<Order>(cell ? liveQuery(QUERIES.openPickups(areaBlock(cell), LIMITS.maxOpenPickups)) : null);
}

/** The orders on their way long enough to need an admin's decision (deliveryTimers.ts): those
 * picked up before the earliest time any can be overdue, and of those the ones overdue now. */
export function useOverdueDeliveries(now: number) {
  // The cutoff moves in whole minutes, so that the query is not a new one at every render.
  const minute = Math.floor(now / 60_000) * 60_000;
  const live = useLiveQuery<Order>(liveQuery(QUERIES.deliveriesOverdue(overdueCutoff(minute), OVERDUE_PAGE)));
  return useMemo(() => (live.data ? { ...live, data: live.data.filter((o) => isOverdue(o, now)) } : live), [live, now]);
}

/** Deliveries the courier could not hand over, oldest first (the admins' list). */
export function useDeliveryProblems() {
  return useLiveQuery<Order>(liveQuery(QUERIES.deliveryProblems(OVERDUE_PAGE)));
}

/** The courier cannot hand the order over, and says why: the customer is asked to answer. */
export function reportDeliveryProblem(uid: string, orderId: string, problem: DeliveryProblem): Promise<void> {
  return moveOrder(uid, orderId, "delivery_problem", { deliveryProblem: problem });
}

/** The customer's one answer to a delivery problem: they are there, with a short note. */
export function answerDeliveryProblem(orderId: string, note: string): Promise<void> {
  return updateDoc(doc(liveDb, paths.order(orderId)), {
    customerReply: { at: serverTimestamp(), note },
    updatedAt: serverTimestamp(),
  });
}

export function useCourierActive(uid: string) {
  return useLiveQuery<Order>(liveQuery(QUERIES.courierActive(uid)));
}

/** The restaurant an order is from, read once (for the cart's price check). */
export async function readRestaurant(rid: string): Promise<Restaurant | null> {
  const snap = await getDoc(doc(liveDb, paths.restaurant(rid)));
  return snap.exists() ? (snap.data() as Restaurant) : null;
}

/** An admin ends an overdue delivery (delivered after all, or not delivered) or a delivery problem
 * (also undeliverable: the customer's fault); the backend checks it may and frees the courier. */
export async function resolveDelivery(orderId: string, outcome: DeliveryOutcome): Promise<void> {
  await resolveDeliveryCall({ orderId, outcome });
}

/** The orders an admin may cancel, newest first, a page at a time. */
export function useOrdersUnderWay(pageSize: number) {
  return useGrowingList<Order>((max) => liveQuery(QUERIES.ordersUnderWay(max)), pageSize);
}

/** An admin cancels an order under way, with a reason (the backend frees its courier). */
export async function cancelOrderAsAdmin(orderId: string, reason: AdminCancelReason): Promise<void> {
  await cancelOrderCall({ orderId, reason });
}

// What people do, through the client SDK and the security rules, built from the same domain
// builders as the web app (cartDoc, transition): placing an order, moving it along, a courier's
// claim and delivery.

import {
  collection,
  doc,
  getDocFromServer,
  runTransaction,
  serverTimestamp,
  setDoc,
  updateDoc,
  writeBatch,
} from "firebase/firestore";
import {
  areaCell,
  cartDoc,
  changedBy,
  paths,
  transition,
  type Address,
  type CartLine,
  type LatLng,
  type Order,
  type OrderStatus,
} from "../../functions/src/domain";
import type { Person } from "./clients";

export const TORSTRASSE: Address = { line1: "Torstraße 100", city: "Berlin", lat: 52.529, lng: 13.401 };

export interface Cart {
  restaurantId: string;
  items: CartLine[];
  deliveryAddress?: Address;
  note?: string;
}

/** Places an order the way the web app does; `override` replaces fields of the document written
 * (to send what the app never would). Returns the order id. */
export async function placeOrder(
  customer: Person,
  cart: Cart,
  override: Record<string, unknown> = {},
): Promise<string> {
  const ref = doc(collection(customer.db, paths.orders()));
  const data = cartDoc({ customerId: customer.uid, deliveryAddress: TORSTRASSE, ...cart }, serverTimestamp());
  await setDoc(ref, { ...data, ...override });
  return ref.id;
}

/** A status change, as the web app's moveOrder makes it. Where the rules refuse it, the order is
 * read again: a write whose answer was lost on a busy machine is sent again by the SDK, and the
 * rules refuse that copy because the first one moved the order. It counts as this person's only if
 * the order names them as the one who made the change. */
export async function moveOrder(person: Person, orderId: string, to: OrderStatus, extra: Record<string, unknown> = {}) {
  try {
    await moveOrderOnce(person, orderId, to, extra);
  } catch (err) {
    if ((err as { code?: string }).code !== "permission-denied") throw err;
    const now = await getDocFromServer(doc(person.db, paths.order(orderId))).catch(() => null);
    const order = now?.data() as Order | undefined;
    if (changedBy(order, to, person.uid)) return;
    const status = order?.status;
    const who = status && order?.by?.[status] ? `, made so by ${order.by[status]}` : "";
    (err as Error).message += ` (moving ${orderId} to ${to}; it is ${status ?? "unreadable"}${who})`;
    throw err;
  }
}

/** A status change whose refusal stands. */
export function moveOrderOnce(person: Person, orderId: string, to: OrderStatus, extra: Record<string, unknown> = {}) {
  return updateDoc(doc(person.db, paths.order(orderId)), transition(to, serverTimestamp(), person.uid, extra));
}

/** A courier's claim: the order's courierId and the courier's activeOrderId in one transaction. */
export async function claimOrder(courier: Person, orderId: string): Promise<void> {
  await runTransaction(courier.db, async (tx) => {
    const order = await tx.get(doc(courier.db, paths.order(orderId)));
    if (order.get("courierId") !== null) throw new Error(`order ${orderId} is already claimed`);
    tx.update(order.ref, { courierId: courier.uid, claimedAt: serverTimestamp(), updatedAt: serverTimestamp() });
    tx.set(doc(courier.db, paths.courier(courier.uid)), { activeOrderId: orderId, updatedAt: serverTimestamp() });
  });
}

/** Delivered, and the courier free again, in one batch. */
export function deliverOrder(courier: Person, orderId: string): Promise<void> {
  const batch = writeBatch(courier.db);
  batch.update(doc(courier.db, paths.order(orderId)), transition("delivered", serverTimestamp(), courier.uid));
  batch.set(doc(courier.db, paths.courier(courier.uid)), { activeOrderId: null, updatedAt: serverTimestamp() });
  return batch.commit();
}

/** An order from placed to delivered, each step made by the person whose step it is. */
export async function deliverThrough(kitchen: Person, courier: Person, orderId: string): Promise<void> {
  for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(kitchen, orderId, s);
  await claimOrder(courier, orderId);
  await moveOrder(courier, orderId, "picked_up");
  await deliverOrder(courier, orderId);
}

/** A courier's app notes the cell of the map they are in (domain/courierArea.ts), as it does when
 * they share their position or choose a neighbourhood: they then see the pickups around it. */
export async function courierIsAt(courier: Person, at: LatLng): Promise<void> {
  await setDoc(doc(courier.db, paths.courierArea(courier.uid)), { cell: areaCell(at), updatedAt: serverTimestamp() });
}

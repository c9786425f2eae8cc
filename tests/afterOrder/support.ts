// What the after-the-order tests share: a restaurant with a cheap and a dear dish, its owner and
// kitchen, a courier, an admin, and an order taken all the way to the door through the system.

import type { DocumentReference, DocumentSnapshot } from "firebase-admin/firestore";
import { httpsCallable } from "firebase/functions";
import { paths, type Order } from "../../functions/src/domain";
import {
  adminDb,
  createRestaurant,
  createUser,
  deliverThrough,
  placeOrder,
  RECOVERY_MS,
  statusIs,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

export interface Cast {
  r: TestRestaurant;
  owner: TestUser;
  kitchen: TestUser;
  courier: TestUser;
  admin: TestUser;
}

/** A restaurant of its own (fries 4.50, pizza 12.90, feast 60.00), and the people around it. */
export async function cast(name: string): Promise<Cast> {
  const r = await createRestaurant(
    { fries: { price: 450 }, pizza: { price: 1290 }, feast: { price: 6000 } },
    { minOrder: 0, deliveryFee: 249 },
  );
  const [owner, kitchen, courier, admin] = await Promise.all([
    createUser({ owner: [r.id] }, `${name} Owner`),
    createUser({ staff: [r.id] }, `${name} Kitchen`),
    createUser({ courier: true }, `${name} Courier`),
    createUser({ admin: true }, `${name} Admin`),
  ]);
  return { r, owner, kitchen, courier, admin };
}

export type Lines = Partial<Record<"fries" | "pizza" | "feast", number>>;

export const orderRef = (id: string) => adminDb.doc(paths.order(id));

/** These tests run beside the system's (the core suite's other process), whose lost-event tests
 * switch the emulator's triggers off for everyone a moment at a time: whatever the system does for
 * them may come from the reconciler instead, so each wait allows it that long. */
export function waitFor(ref: DocumentReference, done: (s: DocumentSnapshot) => boolean, ms = RECOVERY_MS) {
  return waitForDoc(ref, done, ms);
}

export function order(c: Cast, customer: TestUser, lines: Lines, extra: Record<string, unknown> = {}) {
  return placeOrder(
    customer,
    c.r.id,
    Object.entries(lines).map(([dish, quantity]) => ({ itemId: c.r.items[dish], quantity: quantity!, options: {} })),
    { payWith: "cash", ...extra },
  );
}

/** The order once the backend has answered it. */
export async function placed(id: string): Promise<Order> {
  return (await waitFor(orderRef(id), (s) => s.get("status") !== "submitted")).data() as Order;
}

/** Placed, then taken through the kitchen and the courier to the door; resolves once booked. */
export async function delivered(c: Cast, customer: TestUser, lines: Lines): Promise<{ id: string; order: Order }> {
  const id = await order(c, customer, lines);
  await waitFor(orderRef(id), statusIs("placed"));
  await deliverThrough(c.kitchen, c.courier, id);
  await waitFor(adminDb.doc(paths.receipt(id)), (s) => s.exists);
  return { id, order: (await orderRef(id).get()).data() as Order };
}

export function call<T>(person: TestUser, name: string, data: unknown): Promise<T> {
  return httpsCallable<unknown, T>(person.functions, name)(data).then((r) => r.data);
}

/** The callable's refusal: its code and the reason it gives (details.reason). */
export async function refusal(p: Promise<unknown>): Promise<{ code: string; reason?: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; details?: { reason?: string } };
    return { code: String(e.code).replace(/^functions\//, ""), reason: e.details?.reason };
  }
  throw new Error("expected a refusal");
}

export async function creditOfUser(uid: string): Promise<number> {
  return ((await adminDb.doc(paths.user(uid)).get()).get("credit") as number | undefined) ?? 0;
}

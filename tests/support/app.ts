// The app-level test bench: the shared emulator clients and people's actions (scripts/lib), plus
// fixtures only tests need: restaurants with menus, and the functions' own dependencies pointed
// at the emulator with a push service that records what it was asked to send.

import { withFunctionTriggersDisabled } from "@firebase/rules-unit-testing";
import {
  FieldValue,
  Timestamp,
  type DocumentData,
  type DocumentReference,
  type UpdateData,
} from "firebase-admin/firestore";
import type { Deps } from "../../functions/src/deps";
import {
  allDay,
  inboxEntryId,
  inboxTells,
  paths,
  toMenuItemDoc,
  type CartLine,
  type MenuItem,
  type OrderStatus,
} from "../../functions/src/domain";
import type { PushMessage, PushSender } from "../../functions/src/notify/push";
import { adminDb, RECOVERY_MS, waitForDoc, type Person } from "../../scripts/lib/clients";
import { HOST, PORTS } from "../../scripts/lib/config";
import { placeOrder as place } from "../../scripts/lib/people";

export * from "../../scripts/lib/clients";
export {
  claimOrder,
  courierIsAt,
  deliverOrder,
  deliverThrough,
  moveOrder,
  moveOrderOnce,
  TORSTRASSE,
} from "../../scripts/lib/people";

export type TestUser = Person;
export { createPerson as createUser } from "../../scripts/lib/clients";

export const BERLIN_CENTRE = { line1: "Alexanderplatz 1", city: "Berlin", lat: 52.5219, lng: 13.4132 };

export interface TestRestaurant {
  id: string;
  items: Record<string, string>;
}

/** A restaurant open around the clock, 5 km radius, 2.49 delivery, 5 % service, 10.00 minimum. */
export async function createRestaurant(
  menu: Record<string, Partial<MenuItem>> = {},
  patch: Record<string, unknown> = {},
): Promise<TestRestaurant> {
  const ref = adminDb.collection("restaurants").doc();
  await ref.set({
    name: `Test Kitchen ${ref.id.slice(0, 4)}`,
    cuisine: "Test",
    description: "",
    address: { line1: "Alexanderplatz 3", city: "Berlin", lat: 52.5215, lng: 13.411 },
    timeZone: "Europe/Berlin",
    openingHours: allDay(),
    isOpen: true,
    prepTimeMin: 15,
    deliveryRadiusM: 5000,
    deliveryFee: 249,
    minOrder: 1000,
    currency: "EUR",
    categories: ["Mains"],
    ratingAvg: 0,
    ratingCount: 0,
    ratingSum: 0,
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
    ...patch,
  });
  const items: Record<string, string> = {};
  for (const [key, item] of Object.entries(menu)) {
    const itemRef = ref.collection("menu").doc();
    items[key] = itemRef.id;
    await itemRef.set({
      ...toMenuItemDoc({
        name: key,
        description: "",
        category: "Mains",
        price: 1000,
        available: true,
        optionGroups: [],
        ...item,
      }),
      updatedAt: FieldValue.serverTimestamp(),
    });
  }
  return { id: ref.id, items };
}

/** Places an order at the Berlin centre, as the web app does. */
export function placeOrder(
  customer: Person,
  restaurantId: string,
  items: CartLine[],
  override: Record<string, unknown> = {},
): Promise<string> {
  return place(customer, { restaurantId, items, deliveryAddress: BERLIN_CENTRE }, override);
}

/** A push service that sends nothing and remembers what it was asked to; `invalid` lists the
 * tokens it reports as no longer registered. */
export function recordingPush(
  invalid: string[] = [],
): PushSender & { sent: { to: string[] | string; message: PushMessage }[] } {
  const sent: { to: string[] | string; message: PushMessage }[] = [];
  return {
    sent,
    async sendToTokens(tokens, message) {
      sent.push({ to: tokens, message });
      return { invalidTokens: tokens.filter((t) => invalid.includes(t)) };
    },
    async sendToTopic(topic, message) {
      sent.push({ to: topic, message });
    },
    // Topic changes are recorded as messages to the token: the topic as title, the change as body.
    async subscribe(tokens, topic) {
      for (const t of tokens) sent.push({ to: t, message: { title: topic, body: "subscribe", data: {} } });
      return { invalidTokens: tokens.filter((t) => invalid.includes(t)) };
    },
    async unsubscribe(tokens, topic) {
      for (const t of tokens) sent.push({ to: t, message: { title: topic, body: "unsubscribe", data: {} } });
    },
  };
}

/** The functions' dependencies on the emulator, for calling a step of the backend directly. */
export function testDeps(patch: Partial<Deps> = {}): Deps {
  return { db: adminDb, push: recordingPush(), now: () => new Date(), ...patch };
}

/** Resolves once the reconciler (ticked by the test runner, as Cloud Scheduler would) has finished
 * a run that started after now. */
export async function nextReconcilerRun(): Promise<void> {
  const since = Date.now();
  await waitForDoc(
    adminDb.doc(paths.reconcilerState()),
    (s) => (s.get("lastRunAt")?.toMillis() ?? 0) > since,
    RECOVERY_MS,
  );
}

/** Moves a timer of an order to `at`: a due time (its release to the kitchen, its accept deadline)
 * or the start of one (when a courier claimed it, when it was picked up). A test cannot wait the
 * hours to a real slot, nor the quarter of an hour a claim lasts. The system then acts at the new
 * time by itself: the order's task (retried near its time) or, where that task is gone, the
 * reconciler. */
export async function moveDueTime(
  orderId: string,
  field: "releaseAt" | "acceptBy" | "claimedAt" | "timeline.picked_up",
  at: Date,
): Promise<void> {
  await updateAsTest(adminDb.doc(`orders/${orderId}`), { [field]: Timestamp.fromDate(at) });
}

/** A test's own change to a document the system writes in transactions: made in a transaction, so
 * that the emulator's lock contention (answered `2 UNKNOWN` to a plain write) is retried. */
export function updateAsTest(ref: DocumentReference, data: UpdateData<DocumentData>): Promise<void> {
  return adminDb.runTransaction(async (tx) => {
    tx.update(ref, data);
  });
}

/** Runs `write` while the Functions emulator delivers no events (nor scheduler ticks): whatever it
 * writes is a change whose event was lost, which only the system's reconciler can notice. */
export function withEventsLost<T>(write: () => Promise<T>): Promise<T> {
  return withFunctionTriggersDisabled({ host: HOST, port: PORTS.hub }, write);
}

/** The person's one inbox entry about the order, once it tells them about `status`. */
export function inboxTold(uid: string, orderId: string, status: OrderStatus, ms?: number) {
  return waitForDoc(
    adminDb.doc(paths.notification(uid, inboxEntryId(orderId))),
    (s) => inboxTells(s.data(), status),
    ms,
  );
}

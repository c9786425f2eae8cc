// Couriers hear about every order ready for pickup through one FCM topic, so announcing an order
// costs one send however many couriers there are. A courier's devices join the topic when they
// are registered, and all of a user's devices join or leave it when the courier role changes.

import { onDocumentWritten } from "firebase-functions/v2/firestore";
import type { Deps } from "../deps";
import { liveDeps } from "../deps";
import { COURIERS_TOPIC, LIMITS, paths, QUERIES, type UserProfile } from "../domain";
import { adminQuery } from "../query";

export async function syncCourierTopic({ db, push }: Pick<Deps, "db" | "push">, uid: string, courier: boolean) {
  const devices = await adminQuery(db, QUERIES.devices(uid)).limit(LIMITS.maxDevices).get();
  const tokens = devices.docs.map((d) => String(d.get("token")));
  await (courier ? push.subscribe(tokens, COURIERS_TOPIC) : push.unsubscribe(tokens, COURIERS_TOPIC));
}

export const onDeviceWritten = onDocumentWritten(
  { document: "users/{uid}/devices/{deviceId}", retry: true },
  async (event) => {
    const { db, push } = liveDeps();
    const before = event.data?.before.get("token") as string | undefined;
    const after = event.data?.after.get("token") as string | undefined;
    if (before && before !== after) await push.unsubscribe([before], COURIERS_TOPIC);
    if (!after || before === after) return;
    const profile = (await db.doc(paths.user(event.params.uid)).get()).data() as UserProfile | undefined;
    if (profile?.roles?.courier) await push.subscribe([after], COURIERS_TOPIC);
  },
);

// Cloud Scheduler's part on the emulators, where scheduled functions never fire by themselves:
// every `everyMs` it invokes the deployed reconcileOrders function in the Functions emulator,
// through the same trigger route the Pub/Sub emulator would use, with the CloudEvent a scheduler
// tick would deliver. npm start ticks every minute, as production does; the test runner faster.

import { REGION } from "../../functions/src/domain";
import { HOST, PORTS, PROJECT_ID } from "./config";

const FUNCTION = "reconcileOrders";
const BASE = `http://${HOST}:${PORTS.functions}/functions/projects/${PROJECT_ID}/triggers`;
let triggerKey: string | null = null;

/** The emulator keys event triggers by a generation it bumps whenever it reloads them (after
 * triggers were disabled and enabled again, say); an unknown key is answered with the list. */
async function discoverKey(): Promise<string | null> {
  const text = await (await fetch(`${BASE}/-`, { method: "POST" })).text();
  const keys = [...text.matchAll(new RegExp(`${REGION}-${FUNCTION}-(\\d+)`, "g"))];
  keys.sort((a, b) => Number(b[1]) - Number(a[1]));
  return keys[0]?.[0] ?? null;
}

async function tick(): Promise<boolean> {
  triggerKey ??= await discoverKey();
  if (!triggerKey) return false;
  const res = await fetch(`${BASE}/${triggerKey}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "ce-specversion": "1.0",
      "ce-type": "google.cloud.pubsub.topic.v1.messagePublished",
      "ce-source": `//pubsub.googleapis.com/projects/${PROJECT_ID}/topics/firebase-schedule-${FUNCTION}-${REGION}`,
      "ce-id": String(Date.now()),
    },
    body: JSON.stringify({
      message: { data: "", messageId: String(Date.now()), publishTime: new Date().toISOString() },
      subscription: "scheduler",
    }),
  });
  await res.text();
  // 204: this key's generation was disabled (triggers off, or reloaded under a new key).
  if (res.status === 404 || res.status === 204) triggerKey = null;
  return res.status === 200;
}

/** One tick now, besides the schedule: the bench's way to have a round's overdue orders ended
 * without waiting for the next minute. Resolves with whether the run happened. */
export function runReconcilerNow(): Promise<boolean> {
  return tick().catch(() => false);
}

/** Starts ticking; returns the function that stops it. Failures are reported once, not thrown. */
export function startScheduler(everyMs: number, log: (m: string) => void = console.warn): () => void {
  let warned = false;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .then((ok) => {
        if (!ok && !warned) log(`scheduler: ${FUNCTION} did not run (will keep trying)`);
        warned ||= !ok;
      })
      .catch((err: unknown) => {
        if (!warned) log(`scheduler: ${String(err)}`);
        warned = true;
      })
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

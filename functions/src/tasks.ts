// Cloud Tasks at a time: each task has an id derived from what it is for, so a retried trigger
// schedules it once. Task handlers check whether their time has come: the Cloud Tasks emulator
// dispatches at once, and there a task does nothing and the reconciler acts at the due time.

import { createHash } from "node:crypto";
import { REGION } from "./domain";
import { isAlreadyExists } from "./errors";

/** Cloud Tasks ids allow [A-Za-z0-9_-] only; anything else is hashed into one. */
export function taskId(prefix: string, key: string): string {
  const safe = /^[A-Za-z0-9_-]{1,400}$/.test(key) ? key : createHash("sha256").update(key).digest("hex");
  return `${prefix}-${safe}`;
}

/** Enqueues `data` for the task queue function `fn` at `at`, once per `id`. */
export async function enqueueOnce(fn: string, data: Record<string, unknown>, at: Date, id: string): Promise<void> {
  // Loaded on first use: only the functions that schedule work need Cloud Tasks.
  const { getFunctions } = await import("firebase-admin/functions");
  const queue = getFunctions().taskQueue(`locations/${REGION}/functions/${fn}`);
  try {
    await queue.enqueue(data, { scheduleTime: at, id });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
}

// Cloud Tasks at a time: each task has an id derived from what it is for, so a retried trigger
// schedules it once. Cloud Tasks delivers a task at its schedule time; one that comes early (the
// emulator dispatches at once; clocks differ) asks to be retried while its time is near, and the
// queue's quick retries bring it back within seconds of it. One due later than that is left to the
// reconciler, which takes over any timer a while after it was due (a lost task, say).

import { createHash } from "node:crypto";
import { TASK_EARLY_RETRY_SECONDS } from "./config";
import { REGION } from "./domain";
import { isAlreadyExists } from "./errors";

/** The task queues' retries: every few seconds for an hour (Cloud Tasks, and the emulator, stop
 * only when both the attempts and the time are used up). */
export const TASK_RETRY = {
  maxAttempts: 5,
  maxRetrySeconds: 3600,
  minBackoffSeconds: 1,
  maxBackoffSeconds: 4,
  maxDoublings: 2,
} as const;

/** How long after a timer was due the reconciler takes it over: its task has had several retries
 * by then. */
export const TIMER_TAKEOVER_MS = 3 * TASK_RETRY.maxBackoffSeconds * 1000;

/** What a timer's step found: it did its work, there was none to do, or its time has not come. */
export type TimerOutcome<Done extends string, Nothing extends string> =
  { outcome: Done | Nothing } | { outcome: "not due"; dueAt: number };

/** Thrown by a task handler that came early with its time near: the queue retries it. */
export class NotDueYet extends Error {
  constructor(readonly dueAt: number) {
    super(`not due until ${new Date(dueAt).toISOString()}`);
  }
}

/** A task handler's answer to "not due": retry soon, or leave it to the reconciler. */
export function retryWhenNear(result: { outcome: string; dueAt?: number }, now: number): void {
  if (result.outcome !== "not due" || result.dueAt === undefined) return;
  if (result.dueAt - now <= TASK_EARLY_RETRY_SECONDS.value() * 1000) throw new NotDueYet(result.dueAt);
}

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

// What the Firestore meter (meter.cjs, preloaded into the emulated functions by scripts/bench.ts)
// recorded: one line per invocation, with its reads, writes, start, end, execution time and the
// document or task it was about.

import { existsSync, readFileSync, statSync } from "node:fs";
import { sleep } from "./watch";

export interface Invocation {
  fn: string;
  reads: number;
  writes: number;
  started: number;
  ended: number;
  /** Execution time in the worker, from the request to the response. */
  ms: number;
  /** CPU time of the worker process meanwhile (other invocations on the same worker included). */
  cpuMs?: number;
  /** Wall time spent waiting on each kind of Firestore call or outbound request (overlapping). */
  wait?: Record<string, number>;
  /** `orders/<id>` for a document event, the task's name for a task (ids derive from the order). */
  subject: string | null;
}

/** Where the meter writes, set by scripts/bench.ts. */
const METER_FILE = process.env.BENCH_METER_FILE ?? "";

/** Invocations that started between `from` and `to` (epoch ms). A worker's start-up request (no
 * subject, nothing read or written, no scheduled run) is not an invocation of the function. */
export function invocations(from: number, to = Date.now()): Invocation[] {
  if (!METER_FILE || !existsSync(METER_FILE)) return [];
  return readFileSync(METER_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Invocation)
    .filter((m) => m.started >= from && m.started <= to)
    .filter((m) => m.subject !== null || m.fn === "reconcileOrders");
}

/** The order an invocation was about, if any. */
export function orderOf(m: Invocation): string | null {
  return /^orders\/([^/]+)$/.exec(m.subject ?? "")?.[1] ?? /^accept-timeout-(.+)$/.exec(m.subject ?? "")?.[1] ?? null;
}

/** Waits until no function has started for a few seconds (the meter's file stops growing), so that
 * what is measured next is not the tail of what came before. */
export async function functionsQuiet(quietMs = 6000, maxMs = 180_000): Promise<void> {
  const size = () => (METER_FILE && existsSync(METER_FILE) ? statSync(METER_FILE).size : 0);
  const deadline = Date.now() + maxMs;
  let last = size();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await sleep(1000);
    const now = size();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

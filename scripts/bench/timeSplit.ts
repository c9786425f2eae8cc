// Where a round's time goes, from the meter's lines (meter.cjs) matched to the client's own clock
// (one machine, one clock): for each floor ping or order, from its write to the start of the
// function that answers it (the client's write, the emulator's rules and commit, which the write's
// acknowledgement marks, and the event's delivery),
// the function's execution (its CPU time, and the wall time it waited on each kind of Firestore
// call), and from the function's end until the client's listener saw the answer. Medians of each
// part, so the parts need not add up to the median total.

import { invocations, type Invocation } from "./meterLog";
import { median } from "./stats";

/** One timed write: its document path, the epoch ms it was sent, and its round trip. */
export interface Timed {
  path: string;
  sentAt: number;
  /** When the server acknowledged the write (its rules checked, the document committed). */
  ackMs: number;
  ms: number;
}

export interface TimeSplit {
  /** The function that answers each write. */
  fn: string;
  /** Writes matched to an invocation of it. */
  n: number;
  total: number;
  /** The write's acknowledgement, ms after it was sent (within `toFunction`). */
  ack: number;
  toFunction: number;
  inFunction: number;
  cpu: number;
  /** Per kind of call, the median over the invocations of the wall time spent waiting on it (0
   * where an invocation made none). Parallel calls overlap. */
  waits: Record<string, number>;
  back: number;
}

export function timeSplit(fn: string, writes: Timed[]): TimeSplit | null {
  if (writes.length === 0) return null;
  const from = Math.min(...writes.map((w) => w.sentAt));
  const first = new Map<string, Invocation>();
  for (const m of invocations(from)) {
    if (m.fn === fn && m.subject && !first.has(m.subject)) first.set(m.subject, m);
  }
  const pairs = writes.flatMap((w) => {
    const m = first.get(w.path);
    return m ? [{ w, m }] : [];
  });
  if (pairs.length === 0) return null;
  const labels = [...new Set(pairs.flatMap(({ m }) => Object.keys(m.wait ?? {})))].sort();
  const of = (f: (p: (typeof pairs)[number]) => number) => median(pairs.map(f));
  return {
    fn,
    n: pairs.length,
    total: of(({ w }) => w.ms),
    ack: of(({ w }) => w.ackMs),
    toFunction: of(({ w, m }) => m.started - w.sentAt),
    inFunction: of(({ m }) => m.ms),
    cpu: of(({ m }) => m.cpuMs ?? NaN),
    waits: Object.fromEntries(labels.map((l) => [l, of(({ m }) => m.wait?.[l] ?? 0)])),
    back: of(({ w, m }) => w.sentAt + w.ms - m.ended),
  };
}

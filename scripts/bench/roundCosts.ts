// What the orders of the separate rounds cost the backend, from the meter's lines: per order, the
// invocations from its write until it was placed and what placing it caused (everything about the
// order that started before its accept deadline: nothing ends it earlier in the bench), their
// summed execution time against one floor invocation, and the reconciler's share of its runs.

import { benchParams } from "./params";
import { invocations, orderOf, type Invocation } from "./meterLog";
import type { OrdersRound } from "./rounds";
import { median, sum } from "./stats";

export interface PlacementCost {
  orders: number;
  /** Invocations per order (mean), and by function. */
  invocationsPerOrder: number;
  byFunction: Record<string, { perOrder: number; medianMs: number; readsPerRun: number; writesPerRun: number }>;
  /** Summed execution time of an order's invocations, median over the orders. */
  msPerOrder: number;
  /** One floor invocation's execution time, median over the floor rounds' pings. */
  floorMs: number;
}

export interface ReconcilerShare {
  runs: number;
  reads: number;
  writes: number;
  ms: number;
  /** Orders written in the span its runs covered. */
  orders: number;
}

export function placementCost(rounds: OrdersRound[], floorSpans: [number, number][], seconds: number): PlacementCost {
  const deadlineMs = benchParams(seconds).ACCEPT_TIMEOUT_SECONDS * 1000;
  const byOrder = new Map<string, Invocation[]>();
  const sentAt = new Map<string, number>();
  for (const r of rounds) for (const o of r.orders) sentAt.set(o.id, o.sentAt);
  const from = Math.min(...rounds.map((r) => r.startedAt));
  for (const m of invocations(from)) {
    const id = orderOf(m);
    const sent = id ? sentAt.get(id) : undefined;
    if (!id || sent === undefined || m.started >= sent + deadlineMs) continue;
    byOrder.set(id, [...(byOrder.get(id) ?? []), m]);
  }
  const all = [...byOrder.values()];
  const fns = [...new Set(all.flat().map((m) => m.fn))];
  const byFunction = Object.fromEntries(
    fns.map((fn) => {
      const runs = all.flat().filter((m) => m.fn === fn);
      return [
        fn,
        {
          perOrder: runs.length / sentAt.size,
          medianMs: median(runs.map((m) => m.ms)),
          readsPerRun: sum(runs.map((m) => m.reads)) / runs.length,
          writesPerRun: sum(runs.map((m) => m.writes)) / runs.length,
        },
      ];
    }),
  );
  const floor = floorSpans.flatMap(([a, b]) => invocations(a, b).filter((m) => m.fn === "benchFloor"));
  return {
    orders: sentAt.size,
    invocationsPerOrder: sum(all.map((l) => l.length)) / sentAt.size,
    byFunction,
    msPerOrder: median(all.map((l) => sum(l.map((m) => m.ms)))),
    floorMs: median(floor.map((m) => m.ms)),
  };
}

/** The reconciler's runs between `from` and `to`, against the orders written in that span. */
export function reconcilerShare(from: number, to: number, orders: number): ReconcilerShare {
  const runs = invocations(from, to).filter((m) => m.fn === "reconcileOrders");
  return {
    runs: runs.length,
    reads: sum(runs.map((m) => m.reads)),
    writes: sum(runs.map((m) => m.writes)),
    ms: sum(runs.map((m) => m.ms)),
    orders,
  };
}

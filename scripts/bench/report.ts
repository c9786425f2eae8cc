// What a bench run found (bench-results/latest.json) and how it reads: the same rows print after a
// run and become the README's table (`npm run bench:readme`), each with the target it is held to
// and whether it met it.

import type { BrowserLatency } from "./browserLatency";
import type { Bundles } from "./bundles";
import type { CityScale, FirstScreenLoad } from "./cityScale";
import type { ColdStart } from "./coldStart";
import type { InterleavedRound } from "./interleaved";
import type { LighthouseResult } from "./lighthouse";
import type { OrderCost } from "./orderCost";
import type { PlacementCost, ReconcilerShare } from "./roundCosts";
import type { OrdersRound, RoundResult } from "./rounds";
import { RULE_READS } from "./rulesReads";
import type { TimeSplit } from "./timeSplit";
import { CPU_GROUPS } from "./cpu";
import { median } from "./stats";

export interface BenchResult {
  at: string;
  options: {
    customers: number;
    seconds: number;
    rounds: number;
    paintRuns: number;
    sizes: number[];
    tries: number;
    lighthouseRuns?: number;
  };
  parts: string[];
  machine: string;
  /** The machine's load average (1 minute) when the run started and ended. */
  load: { start: number; end: number };
  params: Record<string, number>;
  rounds?: {
    results: RoundResult[];
    placement: PlacementCost;
    reconciler: ReconcilerShare;
    notEnded: number;
  };
  interleaved?: { results: InterleavedRound[]; notEnded: number };
  cost?: OrderCost;
  browser?: BrowserLatency;
  lighthouse?: LighthouseResult;
  coldStart?: ColdStart;
  web?: { bundles: Bundles; signedOut: FirstScreenLoad; signedIn: FirstScreenLoad; scale: CityScale };
}

export interface Row {
  figure: string;
  value: string;
  target?: string;
  /** Whether the value meets the target; undefined where there is none. */
  met?: boolean;
}

export interface Section {
  title: string;
  rows: Row[];
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "n/a");
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "n/a");
const n = (count: number) => count.toLocaleString("en");
const rate = (r: number) => `${r.toFixed(1)}/s`;
/** kB as the targets count them: 1,000 bytes. */
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB (${n(bytes)} bytes)`;
const who = (c: number) => (c === 1 ? "1 client" : `${c} clients`);

/** The cores the run's machine line names ("linux x64, 2 cores, …"). */
const coresOf = (machine: string) => Number(/(\d+) cores/.exec(machine)?.[1] ?? 1);

const atMost = (value: number, limit: number) => Number.isFinite(value) && value <= limit;

function roundsSection(r: NonNullable<BenchResult["rounds"]>, customers: number): Section {
  const rows: Row[] = [];
  const counts = [...new Set(r.results.map((x) => x.clients))];
  for (const c of counts) {
    const floors = r.results.filter((x) => x.clients === c && x.kind === "floor");
    const orders = r.results.filter((x) => x.clients === c && x.kind === "orders");
    for (const f of floors) {
      const o = orders.find((x) => x.round === f.round);
      rows.push({
        figure: `${who(c)}, round ${f.round}: floor pings only, p50 / p95; pings per second`,
        value: `${ms(f.latency.p50)} / ${ms(f.latency.p95)}; ${rate(f.perSecond)}${f.lost ? ` (${f.lost} lost by the emulator, left out)` : ""}`,
      });
      if (o)
        rows.push({
          figure: `${who(c)}, round ${o.round}: orders only, write → placed p50 / p95; placed per second`,
          value: `${ms(o.latency.p50)} / ${ms(o.latency.p95)}; ${rate(o.perSecond)}${o.rejected ? ` (${o.rejected} rejected)` : ""}`,
        });
    }
    const oP50 = median(orders.map((o) => o.latency.p50));
    const fP50 = median(floors.map((f) => f.latency.p50));
    const limit = c === 1 ? 1.5 : 2;
    rows.push({
      figure: `${who(c)}: order p50 / floor p50 (medians of the rounds)`,
      value: `${x(oP50 / fP50)} (${ms(oP50)} against ${ms(fP50)})`,
      target: `≤ ${limit}×`,
      met: atMost(oP50 / fP50, limit),
    });
    if (c !== 1) {
      const placed = median(orders.map((o) => o.perSecond));
      const pings = median(floors.map((f) => f.perSecond));
      rows.push({
        figure: `${who(c)}: placed per second / floor pings per second (rates of clients that each wait for their last; not capacity)`,
        value: `${x(placed / pings)} (${rate(placed)} against ${rate(pings)})`,
        target: "≥ 0.5×",
        met: placed / pings >= 0.5,
      });
    }
    const last = (xs: RoundResult[]) => xs[xs.length - 1];
    if (orders.length > 1) {
      const drift = last(orders).latency.p50 / orders[0].latency.p50;
      rows.push({
        figure: `${who(c)}: orders, round ${last(orders).round} p50 / round 1 p50`,
        value: `${x(drift)} (${ms(orders[0].latency.p50)} → ${ms(last(orders).latency.p50)})`,
        target: "≤ 1.2×",
        met: atMost(drift, 1.2),
      });
      const fDrift = last(floors).latency.p50 / floors[0].latency.p50;
      rows.push({
        figure: `${who(c)}: the floor's round ${last(floors).round} p50 / round 1 p50 (the machine's own drift)`,
        value: `${x(fDrift)} (${ms(floors[0].latency.p50)} → ${ms(last(floors).latency.p50)})`,
      });
    }
  }
  const inWindow = r.results.reduce((a, x) => a + x.accountsInWindow, 0);
  rows.push({
    figure: "customer accounts created inside a timed window (a client's pool ran out)",
    value: String(inWindow),
    target: "0",
    met: inWindow === 0,
  });
  rows.push({
    figure: "orders not ended through the system before the next round",
    value: String(r.notEnded),
    target: "0",
    met: r.notEnded === 0,
  });
  return {
    title: `Separate rounds: floor pings only, then orders only, from 1 and from ${customers} clients; the system quiet between rounds (each order round's orders end through the system first)`,
    rows,
  };
}

function splitValue(t: TimeSplit): string {
  const waits = Object.entries(t.waits)
    .filter(([, v]) => v >= 0.5)
    .map(([k, v]) => `${k} ${ms(v)}`)
    .join(", ");
  return (
    `${ms(t.total)} = to ${t.fn} ${ms(t.toFunction)} (the write acknowledged at ${ms(t.ack)}) + in it ${ms(t.inFunction)} ` +
    `(CPU ${ms(t.cpu)}${waits ? `; waiting on ${waits}` : ""}) + back to the client ${ms(t.back)}`
  );
}

/** The machine's CPU per completed ping or order, by who spent it, and the rate its cores allow
 * at that cost. */
function cpuValue(x: RoundResult, cores: number): string {
  const done = x.latency.n;
  const total = CPU_GROUPS.reduce((a, g) => a + x.cpu[g], 0);
  const parts = CPU_GROUPS.filter((g) => x.cpu[g] / done >= 0.5)
    .map((g) => `${g} ${ms(x.cpu[g] / done)}`)
    .join(", ");
  return `${ms(total / done)} (${parts}); ${cores} cores allow ${rate((cores * 1000 * done) / total)} at that`;
}

function splitSection(r: NonNullable<BenchResult["rounds"]>, cores: number): Section {
  return {
    title:
      "Where the time goes in the separate rounds (the meter's start and end of the function that answers each write, on the client's clock; medians of each part, so they need not add up), and the machine's CPU time over the round for each ping or order completed",
    rows: r.results
      .filter((x) => x.split)
      .flatMap((x) => {
        const what = `${who(x.clients)}, round ${x.round}, ${x.kind === "floor" ? "floor pings" : "orders"}`;
        const emulator = (x as Partial<OrdersRound>).emulator;
        return [
          ...(emulator
            ? [
                {
                  figure: `${what}: before it, the emulator's orders, and its time to count a customer's open orders (processOrder's query; median of 5 from Node)`,
                  value: `${n(emulator.orders)} orders; ${ms(emulator.countMs)}`,
                },
              ]
            : []),
          { figure: `${what} (${n(x.split!.n)})`, value: splitValue(x.split!) },
          ...(x.cpu && x.latency.n
            ? [{ figure: `${what}: CPU per ${x.kind === "floor" ? "ping" : "order"}`, value: cpuValue(x, cores) }]
            : []),
        ];
      }),
  };
}

function backendSection(res: BenchResult): Section {
  const rows: Row[] = [];
  const p = res.rounds?.placement;
  if (p) {
    for (const [fn, f] of Object.entries(p.byFunction))
      rows.push({
        figure: `orders rounds, per order placed: ${fn}`,
        value: `${f.perOrder.toFixed(2)} runs, ${ms(f.medianMs)} each (median); ${f.readsPerRun.toFixed(1)} reads, ${f.writesPerRun.toFixed(1)} writes per run`,
      });
    rows.push({
      figure: `orders rounds, per order placed (${n(p.orders)} orders): invocations; their summed execution time (median) / one floor invocation`,
      value: `${p.invocationsPerOrder.toFixed(2)}; ${ms(p.msPerOrder)} / ${ms(p.floorMs)} = ${x(p.msPerOrder / p.floorMs)}`,
    });
  }
  const c = res.cost;
  if (c) {
    const line = (label: string, ph: OrderCost["toPlaced"]) => ({
      figure: `one order on a quiet system, ${label}: invocations; summed execution time / one floor invocation`,
      value: `${ph.invocations} (${Object.entries(ph.functions)
        .map(([fn, f]) => `${fn}${f.runs > 1 ? ` ×${f.runs}` : ""}`)
        .join(", ")}); ${ms(ph.ms)} / ${ms(c.floorInvocationMs)} = ${x(ph.ms / c.floorInvocationMs)}`,
    });
    rows.push(line("submitted → placed (and what placing caused)", c.toPlaced));
    rows.push(line("submitted → delivered", c.toDelivered));
  }
  const rec = res.rounds?.reconciler;
  if (rec)
    rows.push({
      figure:
        "the reconciler during the separate rounds: runs; reads and execution time per order written (here it also ends each order at its deadline, the accept timeout task's work in production)",
      value: `${rec.runs} runs, ${n(rec.reads)} reads, ${ms(rec.ms)}; ${(rec.reads / rec.orders).toFixed(1)} reads and ${ms(rec.ms / rec.orders)} per order`,
    });
  return {
    title: "What an order costs the backend (function invocations, execution time in the emulated workers)",
    rows,
  };
}

function costSection(c: OrderCost, rec?: ReconcilerShare): Section {
  const rulesRows: Row[] = Object.entries(c.rulesReads).map(([k, reads]) => ({
    figure: `rules: ${k}`,
    value: `${reads} reads${
      reads ? ` (${[...new Set((RULE_READS[k] ?? []).flatMap((r) => r.docs.map((d) => d.doc)))].join(", ")})` : ""
    }`,
  }));
  const check = c.rulesCheck;
  return {
    title:
      "Firestore cost of one order, submitted → delivered (getAll counted; the rules' reads computed from firestore.rules per kind of request, one read per document and request)",
    rows: [
      ...Object.entries(c.toDelivered.functions).map(([fn, f]) => ({
        figure: `function ${fn}${f.runs > 1 ? ` (×${f.runs})` : ""}`,
        value: `${f.reads} reads, ${f.writes} writes`,
      })),
      {
        figure: "functions in all",
        value: `${c.functionTotals.reads} reads, ${c.functionTotals.writes} writes`,
        target: "≤ 10 reads, ≤ 10 writes",
        met: c.functionTotals.reads <= 10 && c.functionTotals.writes <= 10,
      },
      ...Object.entries(c.clientWrites).map(([k, w]) => ({ figure: k, value: `${w} writes` })),
      ...rulesRows,
      {
        figure: "rules: the table against the emulator's rule coverage during this order",
        value: !check.checked
          ? "not checked (no coverage report)"
          : check.unnamed.length || check.uncalled.length
            ? `differs: called, not in the table: ${check.unnamed.join(", ") || "none"}; in the table, not called: ${check.uncalled.join(", ") || "none"}`
            : "every call the table names was made, and no other",
        target: "matches",
        met: check.checked && !check.unnamed.length && !check.uncalled.length,
      },
      ...Object.entries(c.listenerReads).map(([k, reads]) => ({ figure: `listener ${k}`, value: `${reads} reads` })),
      ...(rec
        ? [
            {
              figure: "the reconciler's share (separate rounds)",
              value: `${(rec.reads / rec.orders).toFixed(1)} reads`,
            },
          ]
        : []),
      {
        figure: "total (without the reconciler's share)",
        value: `${c.totals.reads} reads, ${c.totals.writes} writes`,
      },
    ],
  };
}

function interleavedSection(rs: InterleavedRound[], notEnded: number): Section {
  return {
    title:
      "Interleaved: each client alternates an order and a floor ping in the same round (the wait in a shared queue, not what an order costs)",
    rows: [
      ...rs.flatMap((r) => [
        {
          figure: `${who(r.clients)}: write → placed p50 / p95; floor p50 / p95 in the same queue`,
          value: `${ms(r.placed.p50)} / ${ms(r.placed.p95)}; ${ms(r.floor.p50)} / ${ms(r.floor.p95)}`,
        },
        {
          figure: `${who(r.clients)}: order p50 / floor p50 in the same queue; placed per second`,
          value: `${x(r.ratio)}; ${rate(r.placedPerSecond)}${r.floorLost ? ` (${r.floorLost} floor events lost)` : ""}${r.rejected ? ` (${r.rejected} rejected)` : ""}`,
        },
      ]),
      { figure: "orders not ended through the system", value: String(notEnded), target: "0", met: notEnded === 0 },
    ],
  };
}

function browserSection(b: BrowserLatency): Section {
  return {
    title: `In the browser (headless Chromium, the built app on the emulators; medians of ${b.tries} tries, each beside a floor from the same page)`,
    rows: [
      {
        figure: 'click on "Place order" until the order page shows it placed',
        value: `${ms(b.placedMs)} (tries: ${b.placed.map((v) => Math.round(v)).join(", ")})`,
        target: "≤ 500 ms",
        met: atMost(b.placedMs, 500),
      },
      {
        figure: "  floor from the customer's page (a write the floor trigger answers, seen by its listener)",
        value: ms(b.placedFloorMs),
      },
      {
        figure: "the owner's click on \"Accept\" until the customer's page shows it",
        value: `${ms(b.acceptedMs)} (tries: ${b.accepted.map((v) => Math.round(v)).join(", ")})`,
        target: "≤ 300 ms",
        met: atMost(b.acceptedMs, 300),
      },
      { figure: "  floor from the owner's page", value: ms(b.acceptedFloorMs) },
      ...(b.placedSplit
        ? [
            {
              figure:
                '  where "Place order" spends its time: ms after the click (medians of the tries; processOrder from the meter)',
              value:
                `processOrder runs ${ms(b.placedSplit.functionStarted)} → ${ms(b.placedSplit.functionEnded)}; ` +
                `the app changes route at ${ms(b.placedSplit.routed)}; the order page shows the order at ${ms(b.placedSplit.shown)}, ` +
                `placed at ${ms(b.placedSplit.placed)}`,
            },
          ]
        : []),
    ],
  };
}

function lighthouseSection(l: LighthouseResult): Section {
  return {
    title:
      "Lighthouse, mobile (Lighthouse 12's simulated slow 4G phone, headless Chromium, the built app on the emulators): performance / accessibility / best practices / SEO",
    rows: Object.entries(l).flatMap(([page, runs]) => {
      const perf = runs.map((r) => r.scores[0]);
      const failing = [...new Set(runs.flatMap((r) => r.failing))];
      return [
        {
          figure: `${page}: performance in each of ${runs.length} runs`,
          value: perf.join(", "),
          target: `≥ 95 in ${runs.length} of ${runs.length}`,
          met: runs.length > 0 && perf.every((p) => p >= 95),
        },
        {
          figure: `${page}: accessibility / best practices / SEO (the lowest of the runs)`,
          value: [1, 2, 3].map((i) => Math.min(...runs.map((r) => r.scores[i]))).join(" / "),
        },
        { figure: `${page}: audits below 0.9 in any run`, value: failing.join(", ") || "none" },
        ...(runs.every((r) => r.metrics)
          ? [
              {
                figure: `${page}: first contentful paint / largest contentful paint / total blocking time / speed index (medians, simulated)`,
                value: (["fcp", "lcp", "tbt", "si"] as const)
                  .map((k) => ms(median(runs.map((r) => r.metrics![k]))))
                  .join(" / "),
              },
              {
                figure: `${page}: the main thread's work, and what blocked the first render (the median run by performance)`,
                value: (() => {
                  const mid = [...runs].sort((a, b) => a.scores[0] - b.scores[0])[Math.floor(runs.length / 2)];
                  return `${mid.mainThread?.join(", ")}${mid.blocking?.length ? `; render-blocking: ${mid.blocking.join(", ")}` : ""}`;
                })(),
              },
            ]
          : []),
      ];
    }),
  };
}

function coldSection(cold: ColdStart): Section {
  return {
    title: "Cold start (module loading, median of 7, functions' Node)",
    rows: [
      { figure: "floor: firebase-functions/v2/firestore + firebase-admin", value: ms(cold.floorMs) },
      {
        figure: "processOrder instance (FUNCTION_TARGET) + its handler",
        value: `${ms(cold.processOrderMs)} (${x(cold.ratio)} the floor)`,
        target: "≤ 1.2×",
        met: atMost(cold.ratio, 1.2),
      },
      { figure: "every function's definitions (what firebase deploy loads)", value: ms(cold.allFunctionsMs) },
      ...(cold.beyondFloor?.length
        ? [
            {
              figure:
                "the heaviest modules processOrder's instance loads beyond the floor's (each with what it requires, so they nest; its index and entry modules, which hold the floor's provider, left out; one profiled run)",
              value: cold.beyondFloor.map(([m, t]) => `${m} ${ms(t)}`).join(", "),
            },
          ]
        : []),
    ],
  };
}

function webSection(w: NonNullable<BenchResult["web"]>, paintRuns: number): Section {
  const { bundles: b, scale } = w;
  const sizes = scale.sizes;
  const [smallest, largest] = [sizes[0].restaurants, sizes[sizes.length - 1].restaurants];
  return {
    title: "Web app (gzipped JS; kB = 1,000 bytes; headless Chromium against the emulators)",
    rows: [
      {
        figure: `first screen JS: the entry and its static imports (Vite's manifest, ${b.firstScreen.files} files), signed out or in`,
        value: kB(b.firstScreen.jsGzip),
        target: "≤ 60 kB",
        met: b.firstScreen.jsGzip <= 60_000,
      },
      {
        figure: "first screen JS the browser fetched before the list painted: signed out / a returning signed-in user",
        value: `${kB(w.signedOut.jsGzip)} / ${kB(w.signedIn.jsGzip)}`,
        target: "≤ 60 kB",
        met: Math.max(w.signedOut.jsGzip, w.signedIn.jsGzip) <= 60_000,
      },
      {
        figure: `restaurant page JS: the first screen's and the page's static imports (${b.restaurantPage.files} files)`,
        value: kB(b.restaurantPage.jsGzip),
        target: "≤ 75 kB",
        met: b.restaurantPage.jsGzip <= 75_000,
      },
      { figure: "first screen CSS", value: kB(b.firstScreen.cssGzip) },
      { figure: "restaurant dashboard JS", value: kB(b.dashboard.jsGzip) },
      ...sizes.map((s) => ({
        figure: `${n(s.restaurants)} restaurants: first screen reads (the most of ${paintRuns} loads); time to painted list and the same queries from Node (medians of ${paintRuns})`,
        value:
          `${s.reads} reads; ${ms(s.paintMs)} (first query sent at ${ms(s.appReadyMs)}` +
          `${s.pageQueriesMs !== undefined ? `, the page's ${s.pageQueries} queries answered ${ms(s.pageQueriesMs)} later` : ""}); ${ms(s.queriesMs)}`,
        target: "≤ 30 reads",
        met: s.reads <= 30,
      })),
      {
        figure: `paint at ${n(largest)} / at ${n(smallest)}`,
        value: x(scale.paintRatio),
        target: "≤ 1.2×",
        met: atMost(scale.paintRatio, 1.2),
      },
      {
        figure: `the emulator answering the same queries, at ${n(largest)} / at ${n(smallest)}`,
        value: x(scale.queriesRatio),
      },
      {
        figure: `paint less the emulator's query time, at ${n(largest)} / at ${n(smallest)}`,
        value: x(scale.paintBeyondQueriesRatio),
      },
    ],
  };
}

export function sections(r: BenchResult): Section[] {
  const out: Section[] = [];
  if (r.rounds) out.push(roundsSection(r.rounds, r.options.customers));
  if (r.rounds?.results.some((x) => x.split)) out.push(splitSection(r.rounds, coresOf(r.machine)));
  if (r.rounds || r.cost) out.push(backendSection(r));
  if (r.cost) out.push(costSection(r.cost, r.rounds?.reconciler));
  if (r.interleaved) out.push(interleavedSection(r.interleaved.results, r.interleaved.notEnded));
  if (r.browser) out.push(browserSection(r.browser));
  if (r.lighthouse) out.push(lighthouseSection(r.lighthouse));
  if (r.coldStart) out.push(coldSection(r.coldStart));
  if (r.web) out.push(webSection(r.web, r.options.paintRuns));
  return out;
}

export const mark = (row: Row) => (row.met === undefined ? "" : row.met ? "met" : "NOT MET");

export function header(r: BenchResult): string {
  const params = Object.entries(r.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  return (
    `Measured ${r.at.slice(0, 10)} by \`npm run bench\` (${r.options.seconds} s per round, ${r.options.rounds} rounds of each kind, ` +
    `${r.options.customers} clients in the larger rounds; ${r.machine}; load average ${r.load.start.toFixed(1)} at the start, ` +
    `${r.load.end.toFixed(1)} at the end; the functions' parameters for the run: ${params}).`
  );
}

/** The README's table: one Markdown table per section. */
export function markdown(r: BenchResult): string {
  const lines = [header(r)];
  for (const s of sections(r)) {
    lines.push("", `**${s.title}**`, "", "| figure | measured | target | |", "| --- | --- | --- | --- |");
    for (const row of s.rows) lines.push(`| ${row.figure} | ${row.value} | ${row.target ?? ""} | ${mark(row)} |`);
  }
  return lines.join("\n");
}

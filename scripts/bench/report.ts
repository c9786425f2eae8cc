// What a bench run found (bench-results/latest.json) and how it reads: the same rows print after a
// run and become the README's table (`npm run bench:readme`), each with the target it is held to.

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface PipelineRun {
  customers: number;
  seconds: number;
  placed: number;
  rejected: number;
  /** Floor events the emulator never delivered (counted, not measured). */
  floorLost?: number;
  ordersPerSecond: number;
  placedMs: Latency;
  floorMs: Latency;
  ratioToFloor: number;
  halves: Halves;
  /** The floor's own drift over the run: what the machine and the emulators did. */
  floorHalves: Halves;
}

export interface Halves {
  first: number;
  second: number;
  ratio: number;
}

export interface BenchResult {
  at: string;
  options: { customers: number; seconds: number; paintRuns: number; sizes: number[] };
  machine: string;
  pipeline: { one: PipelineRun; many: PipelineRun; notFinal: number };
  cost: {
    functions: Record<string, { reads: number; writes: number; runs: number }>;
    functionTotals: { reads: number; writes: number };
    clientWrites: Record<string, number>;
    listenerReads: Record<string, number>;
    totals: { reads: number; writes: number };
  };
  coldStart: { floorMs: number; processOrderMs: number; ratio: number; allFunctionsMs: number };
  web: {
    firstScreen: { jsGzip: number; cssGzip: number };
    dashboard: { jsGzip: number; cssGzip: number };
    scale: {
      sizes: { restaurants: number; reads: number; paintMs: number; queriesMs: number; appReadyMs: number }[];
      paintRatio: number;
      /** The same queries from Node: how much slower the emulator itself answers at the larger size. */
      queriesRatio: number;
      /** The paint time less the emulator's query time, larger size over smaller. */
      paintBeyondQueriesRatio: number;
    };
  };
}

export interface Row {
  figure: string;
  value: string;
  target?: string;
}

export interface Section {
  title: string;
  rows: Row[];
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "n/a");
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "n/a");
const n = (count: number) => count.toLocaleString("en");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function pipelineRows(p: PipelineRun, ratioTarget: string): Row[] {
  const who = p.customers === 1 ? "1 customer" : `${p.customers} concurrent customers`;
  return [
    {
      figure: `${who}: write → placed p50 / p95 / p99`,
      value: `${ms(p.placedMs.p50)} / ${ms(p.placedMs.p95)} / ${ms(p.placedMs.p99)}`,
    },
    { figure: `${who}: floor trigger p50 / p95`, value: `${ms(p.floorMs.p50)} / ${ms(p.floorMs.p95)}` },
    { figure: `${who}: write → placed p50 / floor p50`, value: x(p.ratioToFloor), target: ratioTarget },
    {
      figure: `${who}: second half p50 / first half p50`,
      value: `${x(p.halves.ratio)} (${ms(p.halves.first)} → ${ms(p.halves.second)})`,
      target: "≤ 1.2×",
    },
    {
      figure: `${who}: the floor's second half / first half`,
      value: `${x(p.floorHalves.ratio)} (${ms(p.floorHalves.first)} → ${ms(p.floorHalves.second)})`,
    },
    {
      figure: `${who}: placed / rejected in ${p.seconds} s`,
      value: `${p.placed} / ${p.rejected} (${p.ordersPerSecond.toFixed(1)} placed per second)`,
    },
    ...(p.floorLost
      ? [{ figure: `${who}: floor events the emulator lost (left out)`, value: String(p.floorLost) }]
      : []),
  ];
}

export function sections(r: BenchResult): Section[] {
  const { cost, coldStart: cold, web } = r;
  const sizes = web.scale.sizes;
  const [smallest, largest] = [sizes[0].restaurants, sizes[sizes.length - 1].restaurants];
  return [
    {
      title: "Order pipeline (all emulators on one machine; the floor is a minimal trigger in the same run)",
      rows: [
        ...pipelineRows(r.pipeline.one, "≤ 1.5×"),
        ...pipelineRows(r.pipeline.many, "≤ 2×"),
        {
          figure: "orders not in a final state 3 min after the last, nobody cancelling",
          value: String(r.pipeline.notFinal),
          target: "0",
        },
      ],
    },
    {
      title: "Firestore cost of one order, submitted → delivered (getAll counted)",
      rows: [
        ...Object.entries(cost.functions).map(([fn, f]) => ({
          figure: `function ${fn}${f.runs > 1 ? ` (×${f.runs})` : ""}`,
          value: `${f.reads} reads, ${f.writes} writes`,
        })),
        {
          figure: "functions in all",
          value: `${cost.functionTotals.reads} reads, ${cost.functionTotals.writes} writes`,
          target: "≤ 10 reads, ≤ 10 writes",
        },
        ...Object.entries(cost.clientWrites).map(([k, w]) => ({ figure: k, value: `${w} writes` })),
        ...Object.entries(cost.listenerReads).map(([k, n]) => ({ figure: `listener ${k}`, value: `${n} reads` })),
        { figure: "total", value: `${cost.totals.reads} reads, ${cost.totals.writes} writes` },
      ],
    },
    {
      title: "Cold start (module loading, median of 7, functions' Node)",
      rows: [
        { figure: "floor: firebase-functions/v2/firestore + firebase-admin", value: ms(cold.floorMs) },
        {
          figure: "processOrder instance (FUNCTION_TARGET) + its handler",
          value: `${ms(cold.processOrderMs)} (${x(cold.ratio)} the floor)`,
          target: "≤ 1.2×",
        },
        { figure: "every function's definitions (what firebase deploy loads)", value: ms(cold.allFunctionsMs) },
      ],
    },
    {
      title: "Web app (headless Chromium against the emulators)",
      rows: [
        {
          figure: "first screen JS / CSS (gzip), signed out or in",
          value: `${kb(web.firstScreen.jsGzip)} / ${kb(web.firstScreen.cssGzip)}`,
          target: "JS ≤ 90 KB",
        },
        {
          figure: "restaurant dashboard JS / CSS (gzip)",
          value: `${kb(web.dashboard.jsGzip)} / ${kb(web.dashboard.cssGzip)}`,
        },
        ...sizes.map((s) => ({
          figure: `${n(s.restaurants)} restaurants: first screen reads; time to painted list; the same queries from Node (medians of ${r.options.paintRuns})`,
          value: `${s.reads} reads; ${ms(s.paintMs)} (first query sent at ${ms(s.appReadyMs)}); ${ms(s.queriesMs)}`,
          target: "≤ 30 reads",
        })),
        {
          figure: `paint at ${n(largest)} / at ${n(smallest)}`,
          value: x(web.scale.paintRatio),
          target: "≤ 1.2×",
        },
        {
          figure: `the emulator answering the same queries, at ${n(largest)} / at ${n(smallest)}`,
          value: x(web.scale.queriesRatio),
        },
        {
          figure: `paint less the emulator's query time, at ${n(largest)} / at ${n(smallest)}`,
          value: x(web.scale.paintBeyondQueriesRatio),
        },
      ],
    },
  ];
}

/** The README's table: one Markdown table per section. */
export function markdown(r: BenchResult): string {
  const lines = [
    `Measured ${r.at.slice(0, 10)} by \`npm run bench\` (${r.options.customers} concurrent customers, ` +
      `${r.options.seconds} s per round; ${r.machine}).`,
  ];
  for (const s of sections(r)) {
    lines.push("", `**${s.title}**`, "", "| figure | measured | target |", "| --- | --- | --- |");
    for (const row of s.rows) lines.push(`| ${row.figure} | ${row.value} | ${row.target ?? ""} |`);
  }
  return lines.join("\n");
}

// What a mutation run found: the score line, test-results/mutants/report.json, a readable list
// of the survivors, and the README's section (npm run test:mutants:readme).

import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../lib/config";
import { OPERATORS, type Mutant, type Operator } from "./mutate";

export type MutantResult = Mutant & {
  status: "killed" | "survived" | "invalid";
  /** The first test that failed against the mutant. */
  killedBy?: string;
  /** The failure's message, or the rules compiler's complaint. */
  detail?: string;
  /** For a survivor: why it is listed as equivalent (scripts/mutants/equivalent.ts). */
  equivalent?: string;
  /** How many tests evaluate the code it changes (the ones it was run against). */
  tests: number;
  ms: number;
};

export interface EquivalentEntry {
  key: string;
  reason: string;
  /** The mutant the key names in today's rules; missing when the rules no longer have it. */
  mutant?: Pick<Mutant, "id" | "line" | "column" | "before" | "after" | "where">;
  /** What the run made of it, when it was in the run. */
  status?: MutantResult["status"];
}

export interface MutationReport {
  date: string;
  rulesFile: string;
  generated: number;
  generatedPerOperator: Record<Operator, number>;
  sample: { size: number; seed: number } | null;
  only: number[] | null;
  /** The run against the real rules; cached when an earlier run's record was reused. */
  baseline: { tests: number; ms: number; cached: boolean };
  totalMs: number;
  results: MutantResult[];
  equivalents: EquivalentEntry[];
}

export const RESULTS_DIR = join(ROOT, "test-results", "mutants");

/** Killed, survived (without a reason), equivalent (survived, listed with a reason) and invalid.
 * N, the score's denominator, leaves out the invalid and the equivalent mutants: neither is a
 * change a test could see. */
function counts(results: MutantResult[]) {
  const killed = results.filter((r) => r.status === "killed").length;
  const survived = results.filter((r) => r.status === "survived" && !r.equivalent).length;
  const equivalent = results.filter((r) => r.status === "survived" && r.equivalent).length;
  const invalid = results.filter((r) => r.status === "invalid").length;
  return { killed, survived, equivalent, invalid, n: killed + survived };
}

const percent = (part: number, whole: number) => (whole ? ((100 * part) / whole).toFixed(1) : "0.0");

/** The score line, then what it covers. */
export function scoreLines(report: MutationReport): string[] {
  const { killed, survived, equivalent, invalid, n } = counts(report.results);
  const scope = report.only
    ? `only mutants ${report.only.join(", ")}`
    : report.sample
      ? `a fixed sample of ${report.sample.size} of the ${report.generated} mutants (seed ${report.sample.seed})`
      : `all ${report.generated} mutants`;
  const valid = n + equivalent;
  return [
    `rules mutants: ${killed} killed of ${n} (${percent(killed, n)} %)`,
    `(${scope}; not in N: ${invalid} invalid, refused by the rules compiler, and ${equivalent} listed as ` +
      `equivalent; ${survived} survived unexplained; ${killed} killed of all ${valid} valid mutants, ` +
      `${percent(killed, valid)} %)`,
  ];
}

export function operatorTable(report: MutationReport): string[] {
  const rows = [
    "| operator | mutants | run | killed | survived | equivalent | invalid |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const op of Object.keys(OPERATORS) as Operator[]) {
    const c = counts(report.results.filter((r) => r.operator === op));
    const run = c.n + c.equivalent + c.invalid;
    rows.push(
      `| ${OPERATORS[op]} | ${report.generatedPerOperator[op]} | ${run} | ${c.killed} | ${c.survived} | ` +
        `${c.equivalent} | ${c.invalid} |`,
    );
  }
  return rows;
}

const describe = (m: Pick<Mutant, "line" | "column" | "before" | "after" | "where">) => [
  `line ${m.line}:${m.column}, ${m.where}`,
  `  - ${m.before}`,
  `  + ${m.after}`,
];

export function writeReport(report: MutationReport): string[] {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = join(RESULTS_DIR, "report.json");
  writeFileSync(json, JSON.stringify(report, null, 2) + "\n");
  // Unexplained survivors first: they are the ones to look at.
  const survivors = report.results
    .filter((r) => r.status === "survived")
    .sort((x, y) => Number(!!x.equivalent) - Number(!!y.equivalent) || x.id - y.id);
  const invalid = report.results.filter((r) => r.status === "invalid");
  const text = [
    ...scoreLines(report),
    "",
    `Survivors (${survivors.length}):`,
    ...survivors.flatMap((r) => [
      "",
      `#${r.id} ${r.operator}${r.equivalent ? ` (equivalent: ${r.equivalent})` : ""}`,
      ...describe(r),
      `  key: ${r.key}`,
    ]),
    "",
    `Invalid (${invalid.length}):`,
    ...invalid.flatMap((r) => ["", `#${r.id} ${r.operator}`, ...describe(r), `  compiler: ${r.detail}`]),
    "",
  ].join("\n");
  const list = join(RESULTS_DIR, "survivors.txt");
  writeFileSync(list, text);
  return [json, list].map((f) => relative(ROOT, f));
}

const code = (s: string) => "`` " + s.replace(/\s+/g, " ").trim() + " ``";

/** The README's section, from a report. */
export function markdown(report: MutationReport): string {
  const [score, scope] = scoreLines(report);
  const lines = [
    "```",
    score,
    "```",
    "",
    `${scope.slice(1, -1)}. Run on ${report.date.slice(0, 10)}: ${report.baseline.tests} rules tests, ` +
      `${Math.round(report.totalMs / 60_000)} min in all.`,
    "",
    ...operatorTable(report),
    "",
    "Mutants listed as equivalent (no test can tell them from the rules as written):",
    "",
  ];
  for (const e of report.equivalents) {
    const where = e.mutant ? `line ${e.mutant.line}, ${e.mutant.where}: ` : "";
    const change = e.mutant ? `${code(e.mutant.before)} → ${code(e.mutant.after)}` : e.key;
    const run = e.status ? ` (in this run: ${e.status})` : "";
    lines.push(`- ${where}${change}${run}. ${e.reason}`);
  }
  return lines.join("\n");
}

// The mutation runner, inside `firebase emulators:exec --only firestore` (scripts/mutants.ts).
// One process for the whole run: mocha loads the rules tests once, and for each mutant the runner
// puts the mutated rules into the emulator (its REST endpoint, which also says when the rules
// compiler refuses them) and runs the suite again, stopping at the first failure.
//
// A mutant is killed when a rules test fails against it. To be quick without changing that
// verdict:
// - the first run, against firestore.rules itself, records which expressions each test's requests
//   evaluate (the emulator's rules coverage, reset before each test); a mutant then meets only the
//   tests that evaluate the code it changes, as no other test's requests can come out differently;
// - of those, the tests that killed the last few mutants go first (neighbours in the file tend to
//   fall to the same test).
// --whole-suite runs every test against every mutant instead, to check that the two agree.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/config";
import { cachedBaseline, fingerprint, saveBaseline } from "./baseline";
import { loadRules } from "./emulator";
import { EQUIVALENT, equivalentReason } from "./equivalent";
import { applyMutant, mutantsOf, OPERATORS, sampleOf, type Mutant, type Operator } from "./mutate";
import { scoreLines, writeReport, type MutantResult, type MutationReport } from "./report";
import { RulesSuite, type RunOutcome } from "./suite";

const RULES_FILE = join(ROOT, "firestore.rules");
/** How many recent killers a mutant meets before the rest of its tests. */
const RECENT_KILLERS = 6;

interface Options {
  sample: number | null;
  seed: number;
  only: number[] | null;
  wholeSuite: boolean;
  fresh: boolean;
}

/** "3,17,40-60" */
function idList(value: string): number[] {
  return value.split(",").flatMap((part) => {
    const [from, to = from] = part.split("-").map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sample: null, seed: 0, only: null, wholeSuite: false, fresh: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--whole-suite" || flag === "--fresh") {
      options[flag === "--fresh" ? "fresh" : "wholeSuite"] = true;
      continue;
    }
    if (flag === "--sample") options.sample = Number(value);
    else if (flag === "--seed") options.seed = Number(value);
    else if (flag === "--only") options.only = idList(value);
    else throw new Error(`unknown option ${flag}`);
    i++;
  }
  return options;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const clock = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

async function main(): Promise<number> {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const rules = readFileSync(RULES_FILE, "utf8");
  const all = mutantsOf(rules);
  const chosen = options.only
    ? all.filter((m) => options.only!.includes(m.id))
    : options.sample
      ? sampleOf(all, options.sample, options.seed)
      : all;
  const perOperator = (ms: Mutant[]) =>
    Object.fromEntries(Object.keys(OPERATORS).map((op) => [op, ms.filter((m) => m.operator === op).length])) as Record<
      Operator,
      number
    >;
  console.log(
    `rules mutants: ${all.length} in firestore.rules; running ${chosen.length}` +
      (options.sample ? ` (a sample, seed ${options.seed})` : options.only ? " (--only)" : " (all)"),
  );
  for (const [op, n] of Object.entries(perOperator(all))) {
    console.log(`  ${OPERATORS[op as Operator].padEnd(38)} ${String(n).padStart(4)}`);
  }

  const suite = await RulesSuite.load();
  const refused = await loadRules(rules);
  if (refused) throw new Error(`the emulator refuses firestore.rules itself: ${refused}`);
  const t0 = Date.now();
  const print = fingerprint(rules);
  let baseline = options.fresh ? null : cachedBaseline(print);
  const cached = baseline !== null;
  if (baseline) {
    console.log(
      `baseline: ${baseline.tests} rules tests passed against firestore.rules on ${baseline.date.slice(0, 16)}, ` +
        `with the same rules and tests (test-results/mutants/baseline.json; --fresh runs it again)\n`,
    );
  } else {
    const { outcome: base, ranges } = await suite.record(rules);
    if (base.failure) {
      console.error(
        `The rules tests fail against firestore.rules itself (${base.failure.test}: ${base.failure.message}).`,
      );
      return 1;
    }
    baseline = {
      fingerprint: print,
      date: new Date().toISOString(),
      tests: base.passed,
      ms: Date.now() - t0,
      ranges: Object.fromEntries(ranges),
    };
    saveBaseline(baseline);
    console.log(
      `baseline: ${base.passed} rules tests pass against firestore.rules in ${seconds(baseline.ms)} ` +
        `(recording which expressions each one evaluates)\n`,
    );
  }
  const baselineMs = Date.now() - t0;
  const ranges = Object.entries(baseline.ranges);
  /** The tests whose requests evaluated the code a mutant changes: no other test can see the change. */
  const reaching = (m: Mutant) =>
    ranges.filter(([, rs]) => rs.some(([from, to]) => from < m.end && to >= m.start)).map(([title]) => title);

  const recent: string[] = [];
  const results: MutantResult[] = [];
  for (const [i, m] of chosen.entries()) {
    const t = Date.now();
    const invalid = await loadRules(applyMutant(rules, m));
    const tests = options.wholeSuite ? undefined : reaching(m);
    let result: MutantResult;
    if (invalid) {
      result = { ...m, status: "invalid", detail: invalid, tests: 0, ms: Date.now() - t };
    } else if (tests?.length === 0) {
      const detail = "no rules test evaluates this code";
      result = { ...m, status: "survived", detail, equivalent: equivalentReason(m.key), tests: 0, ms: Date.now() - t };
    } else {
      const first = recent.filter((title) => !tests || tests.includes(title));
      let run: RunOutcome = first.length ? await suite.run(first) : { passed: 0 };
      if (!run.failure) run = await suite.run(tests);
      const f = run.failure;
      if (f?.inHook) throw new Error(`a hook failed under mutant ${m.id}, not a test: ${f.test}: ${f.message}`);
      const common = { ...m, tests: tests?.length ?? baseline.tests, ms: Date.now() - t };
      result = f
        ? { ...common, status: "killed", killedBy: f.test, detail: f.message }
        : { ...common, status: "survived", equivalent: equivalentReason(m.key) };
      if (f) {
        if (recent.includes(f.test)) recent.splice(recent.indexOf(f.test), 1);
        recent.unshift(f.test);
        recent.splice(RECENT_KILLERS);
      }
    }
    results.push(result);
    const elapsed = Date.now() - t0 - baselineMs;
    const eta = ((elapsed / (i + 1)) * (chosen.length - i - 1)) | 0;
    console.log(
      `${String(i + 1).padStart(4)}/${chosen.length} #${String(m.id).padEnd(4)} ` +
        `${(result.equivalent ? "equiv." : result.status).padEnd(8)} ` +
        `${seconds(result.ms).padStart(7)} ${String(result.tests).padStart(5)} tests  ` +
        `${m.line}:${m.column} ${m.operator}: ${m.before.slice(0, 60)}` +
        (result.status === "survived" && !result.equivalent ? `\n            → ${m.after}` : "") +
        ((i + 1) % 10 === 0 ? `   [${clock(elapsed)} so far, about ${clock(eta)} to go]` : ""),
    );
  }

  const report: MutationReport = {
    date: new Date().toISOString(),
    rulesFile: "firestore.rules",
    generated: all.length,
    generatedPerOperator: perOperator(all),
    sample: options.only ? null : options.sample ? { size: chosen.length, seed: options.seed } : null,
    only: options.only,
    baseline: { tests: baseline.tests, ms: baseline.ms, cached },
    totalMs: Date.now() - started,
    results,
    equivalents: EQUIVALENT.map((e) => {
      const m = all.find((x) => x.key === e.key);
      const status = results.find((r) => r.key === e.key)?.status;
      if (!m) console.log(`equivalent.ts names a mutant the rules no longer have: ${e.key}`);
      if (status === "killed") console.log(`equivalent.ts names a mutant that a test kills: ${e.key}`);
      return {
        ...e,
        mutant: m && { id: m.id, line: m.line, column: m.column, before: m.before, after: m.after, where: m.where },
        status,
      };
    }),
  };
  const files = writeReport(report);
  console.log(`\n${scoreLines(report).join("\n")}`);
  console.log(`time: ${clock(report.totalMs)} in the runner; report: ${files.join(", ")}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

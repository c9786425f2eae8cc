// The baseline run's record (which rule expressions each rules test evaluates), kept in
// test-results/mutants/baseline.json for as long as the rules, the rules tests, their support
// and the domain they import are unchanged: recording it is the slowest part of a short run.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../lib/config";
import { RESULTS_DIR } from "./report";

export interface Baseline {
  fingerprint: string;
  date: string;
  tests: number;
  ms: number;
  /** Per test (full title): the source ranges [start, end] of the expressions it evaluated. */
  ranges: Record<string, [number, number][]>;
}

const FILE = join(RESULTS_DIR, "baseline.json");
const INPUTS = ["tests/rules", "tests/support", "functions/src/domain"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** A hash of the rules and of every file the rules tests load. */
export function fingerprint(rules: string): string {
  const hash = createHash("sha256").update(rules);
  for (const file of INPUTS.flatMap((d) => filesUnder(join(ROOT, d)))) {
    hash.update(relative(ROOT, file)).update(readFileSync(file));
  }
  return hash.digest("hex");
}

export function cachedBaseline(print: string): Baseline | null {
  if (!existsSync(FILE)) return null;
  const b = JSON.parse(readFileSync(FILE, "utf8")) as Baseline;
  return b.fingerprint === print ? b : null;
}

export function saveBaseline(b: Baseline): void {
  // A fresh clone has no test-results yet.
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(FILE, JSON.stringify(b));
}

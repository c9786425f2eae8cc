// `npm run test:mutants`: the rules mutation score. Starts the Firestore emulator once and runs
// scripts/mutants/runner.ts inside it, which loads each mutant of firestore.rules in turn and
// runs the rules tests against it (see there). Prints "rules mutants: K killed of N (S %)" and
// writes test-results/mutants/report.json and survivors.txt; `npm run test:mutants:readme` puts
// the figure in the README.
//
// Options (passed on to the runner): --sample N --seed S (a fixed sample), --all, --only 3,17.

import { join } from "node:path";
import { ROOT } from "./lib/config";
import { emulatorEnv, MissingPrerequisite } from "./lib/emulatorEnv";
import { exec } from "./lib/run";

/** The full set takes hours on two shared cores; this fixed sample is what the README reports. */
export const DEFAULT_SAMPLE = { size: 250, seed: 20 };

async function main(): Promise<number> {
  const started = Date.now();
  const args = process.argv.slice(2);
  const runnerArgs = args.includes("--all")
    ? args.filter((a) => a !== "--all")
    : args.includes("--sample") || args.includes("--only")
      ? args
      : ["--sample", String(DEFAULT_SAMPLE.size), "--seed", String(DEFAULT_SAMPLE.seed), ...args];
  const setup = await emulatorEnv();
  console.log(`emulators: ${setup.describe}`);
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");
  const { code } = await exec(setup, "firestore", [tsx, join(ROOT, "scripts", "mutants", "runner.ts"), ...runnerArgs]);
  const s = Math.round((Date.now() - started) / 1000);
  console.log(`total time: ${Math.floor(s / 60)} min ${s % 60} s (with the emulator's start)`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof MissingPrerequisite ? `npm run test:mutants: ${err.message}` : err);
    process.exit(1);
  },
);

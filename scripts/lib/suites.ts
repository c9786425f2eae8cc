// Runs mocha inside `firebase emulators:exec` (scripts/test.ts): plays Cloud Scheduler for the run
// (the reconciler ticks every few seconds, as the test parameters expect) and, for the whole
// suite, runs the rules and unit tests in a mocha process of their own beside the tests of the
// running system: those touch only the rules test project, and the system's tests spend most of
// their time waiting for triggers, timers and browsers. Each line is prefixed with its process.
//
//   tsx scripts/lib/suites.ts                  the whole suite, in two processes
//   tsx scripts/lib/suites.ts <spec>...        the given files or folders, in one

import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./config";
import { startScheduler } from "./scheduler";

/** How often the runner plays Cloud Scheduler (production: every minute). */
const SCHEDULER_TICK_MS = 3000;

/** The whole suite's two groups; tests/load runs only in `npm run test:load`. */
const WHOLE: Record<string, string[]> = {
  rules: ["tests/rules/**/*.test.ts", "tests/unit/**/*.test.ts"],
  // One process for the system's tests: the emulators are what they wait on, and on two cores a
  // second process made the run no shorter (1535 s against 1363 s) while its tests waited on
  // each other's load.
  system: [
    "tests/pipeline/**/*.test.ts",
    "tests/api/**/*.test.ts",
    "tests/reliability/**/*.test.ts",
    "tests/browser/**/*.test.ts",
  ],
};

function mocha(name: string, specs: string[], prefix: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, "node_modules", ".bin", "mocha"), specs, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const relay = (to: NodeJS.WriteStream) => {
      let rest = "";
      return (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) to.write(prefix ? `[${name}] ${line}\n` : `${line}\n`);
      };
    };
    child.stdout.on("data", relay(process.stdout));
    child.stderr.on("data", relay(process.stderr));
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const specs = process.argv.slice(2);
  const stop = startScheduler(SCHEDULER_TICK_MS);
  try {
    const groups = specs.length > 0 ? { tests: specs } : WHOLE;
    const codes = await Promise.all(
      Object.entries(groups).map(([name, s]) => mocha(name, s, Object.keys(groups).length > 1)),
    );
    return codes.every((c) => c === 0) ? 0 : 1;
  } finally {
    stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

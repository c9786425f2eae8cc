// Runs mocha inside `firebase emulators:exec` (scripts/test.ts): plays Cloud Scheduler for the run
// (the reconciler ticks every few seconds, as the test parameters expect) and, for the whole
// suite, runs three mocha processes side by side: the rules and unit tests (they touch only the
// rules test project), the backend's tests and the browser tests. The system's tests spend most
// of their time waiting for triggers, timers and browsers, and the backend's make their own
// restaurants, people and orders, away from the demo data the browser tests use. Each line is
// prefixed with its process.
//
//   tsx scripts/lib/suites.ts                  the whole suite, in three processes
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
  backend: ["tests/pipeline/**/*.test.ts", "tests/api/**/*.test.ts", "tests/reliability/**/*.test.ts"],
  browser: ["tests/browser/**/*.test.ts"],
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

// Runs mocha inside `firebase emulators:exec` (scripts/test.ts) and plays Cloud Scheduler for the
// run (the reconciler ticks every few seconds, as the test parameters expect). A suite is one or
// more mocha processes run side by side, each line prefixed with its process:
//
//   tsx scripts/lib/suites.ts --suite=core     npm test: the rules and unit tests beside the backend's
//   tsx scripts/lib/suites.ts --suite=browser  npm run test:browser: the web app in Chromium
//   tsx scripts/lib/suites.ts --suite=load     npm run test:load: the load tests at full size
//   tsx scripts/lib/suites.ts <spec>...        the given files or folders, in one process

import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./config";
import { startScheduler } from "./scheduler";
import { isSuite, SUITES } from "./testSuites";

/** How often the runner plays Cloud Scheduler (production: every minute). */
const SCHEDULER_TICK_MS = 3000;

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
  const args = process.argv.slice(2);
  const named = args.length === 1 ? /^--suite=(\w+)$/.exec(args[0])?.[1] : undefined;
  if (named !== undefined && !isSuite(named)) throw new Error(`no suite ${named}: ${Object.keys(SUITES).join(", ")}`);
  const groups: Record<string, string[]> = named !== undefined ? SUITES[named] : { tests: args };
  const stop = startScheduler(SCHEDULER_TICK_MS);
  try {
    const prefix = Object.keys(groups).length > 1;
    const codes = await Promise.all(Object.entries(groups).map(([name, s]) => mocha(name, s, prefix)));
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

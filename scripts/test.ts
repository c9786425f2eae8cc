// `npm test`: lint (beside the build), build, the deploy-readiness check, then one start of the
// emulators (auth, firestore, functions, hosting, tasks) for the core suite (scripts/lib/
// testSuites.ts: the rules and unit tests in a process of their own beside the backend's). Ends with
// one line, `tests: N passed, M failed`, and the time each folder took.
//
// `npm run test:browser` runs the browser tests, `npm run test:load` the load tests at full size,
// each on emulators of its own, and `npm run test:all` (what CI runs) all of it: lint, build and
// the deploy check once, then each suite in turn, and after the core suite a check that data
// survives an emulator restart (export on exit, import on start; a minute that `npm test` leaves
// to CI). `npm test -- tests/rules` runs one folder (no lint, no restart check).

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOST, PORTS, PROJECT_ID, ROOT } from "./lib/config";
import { STAND_IN_KEYS, withTestStripeKeys } from "./lib/secrets";
import { REGION } from "../functions/src/domain";
import { startStripeStandIn } from "../tests/support/stripeStandIn";
import { emulatorEnv, MissingPrerequisite, type EmulatorSetup } from "./lib/emulatorEnv";
import { buildAll, EMULATORS, exec, run } from "./lib/run";
import { isSuite, type SuiteName } from "./lib/testSuites";

/** Functions parameters for the test run (functions/.env.local overrides functions/.env on the
 * emulators only): an accept timeout short enough to watch, a reconciler that steps in after
 * seconds rather than a minute, and tasks retried near their time. */
const TEST_PARAMS = {
  ACCEPT_TIMEOUT_SECONDS: "20",
  RECONCILE_GRACE_SECONDS: "5",
  FEES_CACHE_SECONDS: "0",
  // Tasks that come early (the emulator dispatches at once) keep coming back until their time for
  // up to 20 minutes, so that the tests see the task path itself end orders and release them.
  TASK_EARLY_RETRY_SECONDS: "1200",
  // Webhook retries seconds apart rather than minutes, an endpoint down for 8 s pausing its
  // restaurant, and a rate limit a test can reach.
  WEBHOOK_MIN_BACKOFF_SECONDS: "1",
  WEBHOOK_MAX_BACKOFF_SECONDS: "2",
  WEBHOOK_DOWN_PAUSE_SECONDS: "8",
  API_RATE_LIMIT_PER_MINUTE: "100",
  // Card payments: a payment that has not moved is looked up at the stand-in after seconds, and
  // one never finished fails after half a minute.
  PAYMENT_CHECK_SECONDS: "4",
  PAYMENT_TIMEOUT_SECONDS: "30",
};
const ENV_LOCAL = join(ROOT, "functions", ".env.local");
/** Marks the file as the test runner's, so that npm start can tell a leftover from a developer's own. */
const TEST_ENV_MARK = "# written by npm test for its run; removed when it ends";

/** The test build offers card payments (the stand-in's publishable key; Stripe's script cannot
 * load here, which the browser test checks it says). npm start builds without it. */
const TEST_STRIPE_KEY = "pk_test_standin_dishpatch";

/** The test build offers web push: a VAPID public key (any valid one; FCM's endpoints are faked
 * by the browser test, as this machine has no Google to ask). npm start builds without it. */
const TEST_VAPID_KEY = "BGC0JCGAqFWHC-yGNarr7PMXueyTiYT45PK9GR-LulLpFwwsv6ZxmmmwmfjMxUhYv6YxKB3ExcUquK1IaX8ZkSs";

const tsx = join(ROOT, "node_modules", ".bin", "tsx");
/** `npm run test:all`: every suite, each on emulators started for it. */
const ALL: SuiteName[] = ["core", "browser", "load"];
const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

async function persistenceCheck(setup: EmulatorSetup): Promise<boolean> {
  const dir = join(ROOT, ".emulators", "persistence");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const data = join(dir, "export");
  const manifest = join(dir, "manifest.json");
  const only = "auth,firestore,functions";
  console.log("\n--- persistence: write, stop with --export-on-exit, restart with --import, verify");
  const write = await exec(setup, only, [tsx, "scripts/persistence/write.ts", manifest], {}, [
    `--export-on-exit=${data}`,
  ]);
  if (write.code !== 0) return false;
  const verify = await exec(setup, only, [tsx, "scripts/persistence/verify.ts", manifest], {}, [`--import=${data}`]);
  return verify.code === 0;
}

/** Which suites a command line asks for: `--suite=NAME` (or `all`), or test files and folders. */
function plan(args: string[]): { sessions: { label: string; script: string[] }[]; whole: boolean } {
  const named = /^--suite=(\w+)$/.exec(args[0] ?? "")?.[1];
  if (named !== undefined && named !== "all" && !isSuite(named))
    throw new Error(`npm test: no suite ${named} (core, browser, load, all)`);
  const specs = named === undefined ? args : args.slice(1);
  if (specs.length > 0) return { sessions: [{ label: "tests", script: specs }], whole: false };
  const names = named === "all" ? ALL : [named ?? "core"];
  return {
    sessions: names.map((n) => ({ label: n, script: [`--suite=${n}`] })),
    // Lint belongs to the core suite's command and to the whole run (the restart check to the
    // whole run only).
    whole: names.includes("core"),
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const { sessions, whole } = plan(process.argv.slice(2));
  const timings: [string, number][] = [];
  const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await step();
    } finally {
      timings.push([name, Date.now() - t0]);
    }
  };

  // Lint beside the build: two cores, and neither needs the other.
  const linted = whole ? timed("lint", () => run("npm", ["run", "--silent", "lint"])) : Promise.resolve(0);
  process.env.VITE_FCM_VAPID_KEY ??= TEST_VAPID_KEY;
  process.env.VITE_STRIPE_PUBLISHABLE_KEY ??= TEST_STRIPE_KEY;
  const setup = await emulatorEnv();
  console.log(`emulators: ${setup.describe}`);
  if (!process.env.SKIP_BUILD) await timed("build", buildAll);
  if ((await linted) !== 0) {
    console.log("\ntests: 0 passed, 1 failed (lint)");
    return 1;
  }
  if ((await timed("deploy check", () => run(tsx, ["scripts/checkDeploy.ts"]))) !== 0) {
    console.log("\ntests: 0 passed, 1 failed (deploy check)");
    return 1;
  }

  // Stripe's part, as its stand-in speaks it (tests/support/stripeStandIn.ts): the functions talk to
  // it through the official SDK and it sends its webhooks to the emulated stripeWebhook function.
  const standIn = await startStripeStandIn({
    secretKey: STAND_IN_KEYS.STRIPE_SECRET_KEY,
    webhookSecret: STAND_IN_KEYS.STRIPE_WEBHOOK_SECRET,
    webhookUrl: `http://${HOST}:${PORTS.functions}/${PROJECT_ID}/${REGION}/stripeWebhook`,
  });
  const restoreKeys = withTestStripeKeys();
  const params = { ...TEST_PARAMS, STRIPE_API_BASE: standIn.url };
  writeFileSync(
    ENV_LOCAL,
    TEST_ENV_MARK +
      "\n" +
      Object.entries(params)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(""),
  );
  let passed = 0;
  let failed = 0;
  const bySuite: string[] = [];
  const failures: string[] = [];
  try {
    for (const { label, script } of sessions) {
      const mocha = await timed(`${label}: emulators + mocha`, () =>
        // The tests call backend steps directly too: they read the same parameters from their env.
        exec(setup, EMULATORS, [tsx, "scripts/lib/suites.ts", ...script], params),
      );
      const sum = (re: RegExp) => [...mocha.output.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
      let ok = sum(/^(?:\[\w+\] )?\s*(\d+) passing/gm);
      let bad = sum(/^(?:\[\w+\] )?\s*(\d+) failing/gm);
      if (mocha.code !== 0 && bad === 0) bad = 1; // mocha or the emulators failed outright
      failures.push(...failingTitles(mocha.output).map((t) => `  ${label}: ${t}`));
      for (const m of mocha.output.matchAll(/^(?:\[\w+\] )?folder (\S+) (\d+) ms$/gm))
        timings.push([`  ${m[1]}`, Number(m[2])]);
      if (label === "core" && whole && sessions.length > 1) {
        if (await timed("persistence check", () => persistenceCheck(setup))) ok++;
        else bad++;
      }
      bySuite.push(`  ${label.padEnd(22)} ${ok} passed, ${bad} failed`);
      passed += ok;
      failed += bad;
    }
  } finally {
    rmSync(ENV_LOCAL, { force: true });
    restoreKeys();
    await standIn.close();
  }

  console.log("\nTime per step and test folder:");
  for (const [name, ms] of timings) console.log(`  ${name.padEnd(22)} ${seconds(ms).padStart(6)}`);
  console.log(`  ${"total".padEnd(22)} ${seconds(Date.now() - started).padStart(6)}`);
  if (bySuite.length > 1) console.log(`\nPer suite:\n${bySuite.join("\n")}`);
  // CI shows only the tail of a long log: name what failed where it will be read.
  if (failures.length) console.log(`\nFailing:\n${failures.join("\n")}`);
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** Titles from mocha's "N failing" sections: the numbered line and the test's own line below it. */
function failingTitles(output: string): string[] {
  const titles: string[] = [];
  const lines = output.split("\n").map((l) => l.replace(/^\[\w+\] /, ""));
  let inFailing = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*\d+ failing/.test(lines[i])) inFailing = true;
    else if (/^\s*\d+ passing/.test(lines[i])) inFailing = false;
    const m = inFailing ? /^\s{2}\d+\) (.+)$/.exec(lines[i]) : null;
    if (m) titles.push(`${m[1].trim()} ${(lines[i + 1] ?? "").trim()}`.slice(0, 200));
  }
  return titles;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    rmSync(ENV_LOCAL, { force: true });
    console.error(err instanceof MissingPrerequisite ? `npm test: ${err.message}` : err);
    process.exit(1);
  },
);

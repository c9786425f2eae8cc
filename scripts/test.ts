// `npm test`: builds, starts the emulators (auth, firestore, functions, hosting, tasks), runs
// every mocha suite against them, then checks that data survives an emulator restart
// (export on exit, import on start). Extra arguments go to mocha and skip the restart check,
// e.g. `npm test -- tests/rules`.

import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib/config";
import { emulatorEnv, MissingPrerequisite, type EmulatorSetup } from "./lib/emulatorEnv";
import { buildAll, EMULATORS, exec } from "./lib/run";

/** Short enough for a test to watch an order time out, long enough for a browser to accept. */
export const TEST_ACCEPT_TIMEOUT_SECONDS = "20";

async function persistenceCheck(setup: EmulatorSetup, env: NodeJS.ProcessEnv): Promise<boolean> {
  const dir = join(ROOT, ".emulators", "persistence");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const data = join(dir, "export");
  const manifest = join(dir, "manifest.json");
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");
  const only = "auth,firestore,functions";
  console.log("\n--- persistence: write, stop with --export-on-exit, restart with --import, verify");
  const write = await exec(setup, only, [tsx, "scripts/persistence/write.ts", manifest], env, [
    `--export-on-exit=${data}`,
  ]);
  if (write.code !== 0) return false;
  const verify = await exec(setup, only, [tsx, "scripts/persistence/verify.ts", manifest], env, [`--import=${data}`]);
  return verify.code === 0;
}

async function main(): Promise<number> {
  const setup = await emulatorEnv();
  console.log(`emulators: ${setup.describe}`);
  if (!process.env.SKIP_BUILD) await buildAll();
  const env = { ACCEPT_TIMEOUT_SECONDS: TEST_ACCEPT_TIMEOUT_SECONDS, FAULT_INJECTION: "on" };
  const args = process.argv.slice(2);
  const specs = args.length ? args : ["tests/**/*.test.ts"];
  const mocha = await exec(setup, EMULATORS, [join(ROOT, "node_modules", ".bin", "mocha"), ...specs], env);
  const passed = Number(/(\d+) passing/.exec(mocha.output)?.[1] ?? 0);
  let failed = Number(/(\d+) failing/.exec(mocha.output)?.[1] ?? 0);
  if (mocha.code !== 0 && failed === 0) failed = 1; // mocha or the emulators failed outright
  let persisted = 0;
  if (args.length === 0) {
    if (await persistenceCheck(setup, env)) persisted = 1;
    else failed++;
  }
  console.log(`\ntests: ${passed + persisted} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof MissingPrerequisite ? `npm test: ${err.message}` : err);
    process.exit(1);
  },
);

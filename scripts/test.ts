// `npm test`: builds, starts the emulators (auth, firestore, functions, hosting, tasks), runs
// every mocha suite against them, and exits with mocha's code. Extra arguments go to mocha,
// e.g. `npm test -- tests/rules`.

import { join } from "node:path";
import { emulatorEnv, MissingPrerequisite, PROJECT_ID, ROOT } from "./emulatorEnv";
import { buildAll, EMULATORS, FIREBASE_BIN, run } from "./run";

/** Short enough for a test to watch an order time out, long enough for a browser to accept. */
export const TEST_ACCEPT_TIMEOUT_SECONDS = "20";

async function main(): Promise<number> {
  const setup = await emulatorEnv();
  console.log(`emulators: ${setup.describe}`);
  if (!process.env.SKIP_BUILD) await buildAll();
  const mocha = [join(ROOT, "node_modules", ".bin", "mocha"), ...process.argv.slice(2)].map((a) => JSON.stringify(a)).join(" ");
  return run(FIREBASE_BIN, ["emulators:exec", "--project", PROJECT_ID, "--only", EMULATORS, mocha], {
    env: { ...setup.env, ACCEPT_TIMEOUT_SECONDS: TEST_ACCEPT_TIMEOUT_SECONDS },
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof MissingPrerequisite ? `npm test: ${err.message}` : err);
    process.exit(1);
  },
);

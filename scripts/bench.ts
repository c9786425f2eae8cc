// `npm run bench`: builds, starts the emulators with the Firestore meter on, and runs the
// benchmarks in scripts/bench/run.ts. Options go after `--`, e.g. `npm run bench -- --customers 40 --seconds 30`.

import { join } from "node:path";
import { ROOT } from "./lib/config";
import { emulatorEnv, MissingPrerequisite } from "./lib/emulatorEnv";
import { buildAll, EMULATORS, exec } from "./lib/run";

async function main(): Promise<number> {
  const setup = await emulatorEnv();
  console.log(`emulators: ${setup.describe}`);
  if (!process.env.SKIP_BUILD) await buildAll();
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");
  const { code } = await exec(setup, EMULATORS, [tsx, "scripts/bench/run.ts", ...process.argv.slice(2)], {
    METER: "on",
  });
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof MissingPrerequisite ? `npm run bench: ${err.message}` : err);
    process.exit(1);
  },
);

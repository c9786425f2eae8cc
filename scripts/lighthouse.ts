// `npm run lighthouse`: builds, starts the emulators with the demo data, and runs Lighthouse 12
// with headless Debian Chromium on the home page and a restaurant page, phone and desktop. Prints
// performance / accessibility / best practices / SEO. Not part of npm test: scores move with
// the machine's load; look at them, do not assert them.

import { join } from "node:path";
import { ROOT } from "./lib/config";
import { emulatorEnv, MissingPrerequisite } from "./lib/emulatorEnv";
import { buildAll, EMULATORS, exec } from "./lib/run";

async function main(): Promise<number> {
  const setup = await emulatorEnv();
  console.log(`emulators: ${setup.describe}`);
  if (!process.env.SKIP_BUILD) await buildAll();
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");
  const { code } = await exec(setup, EMULATORS, [tsx, "scripts/lighthouse/run.ts", ...process.argv.slice(2)]);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof MissingPrerequisite ? `npm run lighthouse: ${err.message}` : err);
    process.exit(1);
  },
);

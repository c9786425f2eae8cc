// Runs inside `firebase emulators:exec` (see scripts/lighthouse.ts): seeds the demo data, then
// audits the home page and a restaurant page with audit.mjs, as a phone (Lighthouse's default:
// slow 4G, simulated) and as a desktop.

import { join } from "node:path";
import { APP_URL, PROJECT_ID, ROOT, useEmulators } from "../lib/config";
import { run } from "../lib/run";
import { seed } from "../seed/seed";

async function main(): Promise<number> {
  useEmulators();
  const { restaurantIds } = await seed(PROJECT_ID);
  return run(process.execPath, [
    join(ROOT, "scripts", "lighthouse", "audit.mjs"),
    // --runs=N, --forms=mobile (audit.mjs)
    ...process.argv.slice(2).filter((a) => a.startsWith("--")),
    `home=${APP_URL}/`,
    `restaurant=${APP_URL}/r/${restaurantIds.trattoria}`,
  ]);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

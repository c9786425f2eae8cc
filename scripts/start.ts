// `npm start`: builds functions and web, starts the emulators, seeds the demo data and prints
// where to go and how to sign in. Ctrl-C stops everything.

import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { APP_URL, PROJECT_ID, ROOT, useEmulators } from "./lib/config";
import { emulatorEnv, MissingPrerequisite } from "./lib/emulatorEnv";
import { buildAll, EMULATORS, firebase } from "./lib/run";
import { startScheduler } from "./lib/scheduler";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/berlin";
import { seed } from "./seed/seed";

/** Cloud Scheduler runs the reconciler every minute in production; npm start does the same. */
const RECONCILE_EVERY_MS = 60_000;

/** A functions/.env.local left behind by an interrupted test or bench run would give the demo
 * their short timeouts; one of the developer's own is kept. */
function dropLeftoverTestEnv() {
  const file = join(ROOT, "functions", ".env.local");
  if (existsSync(file) && readFileSync(file, "utf8").startsWith("# written by npm ")) rmSync(file);
}

async function main(): Promise<void> {
  dropLeftoverTestEnv();
  const setup = await emulatorEnv();
  console.log(`emulators: ${setup.describe}`);
  await buildAll();

  const child = firebase(setup, ["emulators:start", "--only", EMULATORS], { stdio: ["inherit", "pipe", "inherit"] });
  // Ctrl-C reaches firebase-tools too (same process group); wait for it to shut down cleanly.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping the emulators…");
    child.kill("SIGINT");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(stopping ? 0 : (code ?? 1)));

  let seeded = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!seeded && chunk.toString().includes("All emulators ready")) {
      seeded = true;
      void seedAndAnnounce().catch((err) => {
        console.error("Seeding failed:", err);
        stop();
      });
    }
  });
}

async function seedAndAnnounce(): Promise<void> {
  useEmulators();
  const result = await seed(PROJECT_ID);
  startScheduler(RECONCILE_EVERY_MS);
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  console.log(
    [
      "",
      "┌──────────────────────────────────────────────────────────────",
      `│ Dishpatch is running: ${APP_URL}`,
      `│ Seeded ${Object.keys(result.restaurantIds).length} restaurants in Berlin.`,
      `│ Demo logins (password for all: ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map(
        (a) => `│   ${a.email.padEnd(width)}  ${a.role}${"restaurant" in a ? ` of ${a.restaurant}` : ""}`,
      ),
      "│ The reconciler runs every minute, as Cloud Scheduler would run it.",
      "│ Press Ctrl-C to stop.",
      "└──────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}

main().catch((err) => {
  console.error(err instanceof MissingPrerequisite ? `npm start: ${err.message}` : err);
  process.exit(1);
});

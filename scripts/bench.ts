// `npm run bench`: builds, starts the emulators with the bench's own config (the project's
// firebase.json plus a second functions codebase holding the floor trigger, and rules that let a
// signed-in user write its documents), preloads the Firestore meter into the functions' workers,
// writes the functions' parameters for the run (bench/params.ts; among them
// TASK_EARLY_RETRY_SECONDS=0, so that the emulator's immediate dispatch of every accept timeout
// does not become a retry every few seconds per order), and runs the benchmarks in
// scripts/bench/run.ts. Options go after `--` (scripts/bench/options.ts), for example
// `npm run bench -- --customers 40 --seconds 30 --sizes 10,1000`.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIREBASE_JSON, ROOT } from "./lib/config";
import { emulatorEnv, MissingPrerequisite } from "./lib/emulatorEnv";
import { buildAll, EMULATORS, exec } from "./lib/run";
import { envLocal } from "./bench/params";

const CONFIG = join(ROOT, "firebase.bench.json");
const RULES = join(ROOT, ".emulators", "bench.rules");
const ENV_LOCAL = join(ROOT, "functions", ".env.local");
const METER_FILE = join(ROOT, ".emulators", "bench-meter.jsonl");

const ROUND_SECONDS = Number(/--seconds[= ](\d+)/.exec(process.argv.slice(2).join(" "))?.[1] ?? 30);

function writeBenchConfig() {
  mkdirSync(join(ROOT, ".emulators"), { recursive: true });
  const rules = readFileSync(join(ROOT, FIREBASE_JSON.firestore.rules), "utf8");
  // The floor's documents: any signed-in user may write and read them, as customers do orders.
  const floorRules = "    match /benchFloor/{id} {\n      allow read, create: if request.auth != null;\n    }\n";
  writeFileSync(RULES, rules.replace(/(match \/databases\/\{database\}\/documents \{\n)/, `$1${floorRules}`));
  const config = {
    ...FIREBASE_JSON,
    firestore: { ...FIREBASE_JSON.firestore, rules: ".emulators/bench.rules" },
    functions: [
      ...FIREBASE_JSON.functions,
      { source: "scripts/bench/floor", codebase: "floor", runtime: FIREBASE_JSON.functions[0].runtime },
    ],
  };
  writeFileSync(CONFIG, JSON.stringify(config, null, 2));
}

function cleanUp() {
  for (const f of [CONFIG, ENV_LOCAL]) rmSync(f, { force: true });
}

async function main(): Promise<number> {
  const setup = await emulatorEnv();
  console.log(`emulators: ${setup.describe}`);
  if (!process.env.SKIP_BUILD) await buildAll();
  writeBenchConfig();
  writeFileSync(ENV_LOCAL, envLocal(ROUND_SECONDS));
  rmSync(METER_FILE, { force: true });
  process.once("SIGINT", cleanUp);
  try {
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const { code } = await exec(
      setup,
      EMULATORS,
      [tsx, "scripts/bench/run.ts", ...process.argv.slice(2)],
      {
        NODE_OPTIONS:
          `${process.env.NODE_OPTIONS ?? ""} --require ${join(ROOT, "scripts", "bench", "meter.cjs")}`.trim(),
        BENCH_METER_FILE: METER_FILE,
      },
      ["--config", "firebase.bench.json"],
    );
    return code;
  } finally {
    cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    cleanUp();
    console.error(err instanceof MissingPrerequisite ? `npm run bench: ${err.message}` : err);
    process.exit(1);
  },
);

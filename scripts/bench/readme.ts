// `npm run bench:readme`: writes the README's performance figures from bench-results/latest.json,
// between the bench markers, so that no figure there is typed by hand.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/config";
import { writeReadmeBlock } from "../lib/readmeBlock";
import { OPTIONS, PARTS } from "./options";
import { markdown, type BenchResult } from "./report";

function main(): number {
  const latest = join(ROOT, "bench-results", "latest.json");
  if (!existsSync(latest)) {
    console.error("npm run bench:readme: no bench-results/latest.json yet; run `npm run bench` first.");
    return 1;
  }
  const result = JSON.parse(readFileSync(latest, "utf8")) as BenchResult;
  const missing = PARTS.filter((p) => !result.parts?.includes(p));
  if (missing.length) {
    console.error(`npm run bench:readme: the last run left out ${missing.join(", ")}; the README takes a whole run.`);
    return 1;
  }
  // Read without options of its own, OPTIONS here are the defaults: a reduced run stays out too.
  const reduced = (["customers", "seconds", "rounds", "paintRuns", "sizes", "tries", "lighthouseRuns"] as const).filter(
    (k) => JSON.stringify(result.options?.[k]) !== JSON.stringify(OPTIONS[k]),
  );
  if (reduced.length) {
    console.error(
      `npm run bench:readme: the last run changed ${reduced.join(", ")} from the defaults; the README takes a whole run.`,
    );
    return 1;
  }
  if (!writeReadmeBlock({ name: "bench", command: "bench:readme" }, markdown(result))) return 1;
  console.log("README.md: performance figures written from bench-results/latest.json.");
  return 0;
}

process.exit(main());

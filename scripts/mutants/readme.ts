// `npm run test:mutants:readme`: writes the README's rules mutation score from
// test-results/mutants/report.json, between the mutants markers, so that no figure there is typed
// by hand.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeReadmeBlock } from "../lib/readmeBlock";
import { markdown, RESULTS_DIR, type MutationReport } from "./report";

function main(): number {
  const latest = join(RESULTS_DIR, "report.json");
  if (!existsSync(latest)) {
    console.error(
      "npm run test:mutants:readme: no test-results/mutants/report.json yet; run `npm run test:mutants` first.",
    );
    return 1;
  }
  const report = JSON.parse(readFileSync(latest, "utf8")) as MutationReport;
  if (report.only) {
    console.error("npm run test:mutants:readme: the last run was --only some mutants; run the sample or --all first.");
    return 1;
  }
  if (!writeReadmeBlock({ name: "mutants", command: "test:mutants:readme" }, markdown(report))) return 1;
  console.log("README.md: rules mutation score written from test-results/mutants/report.json.");
  return 0;
}

process.exit(main());

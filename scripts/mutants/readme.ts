// `npm run test:mutants:readme`: writes the README's rules mutation score from
// test-results/mutants/report.json, between the mutants markers, so that no figure there is typed
// by hand.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/config";
import { markdown, RESULTS_DIR, type MutationReport } from "./report";

const START = "<!-- mutants:start (written by npm run test:mutants:readme) -->";
const END = "<!-- mutants:end -->";

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
  const readmePath = join(ROOT, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) {
    console.error(`npm run test:mutants:readme: README.md has no "${START}" … "${END}" block.`);
    return 1;
  }
  writeFileSync(readmePath, `${readme.slice(0, from + START.length)}\n${markdown(report)}\n${readme.slice(to)}`);
  console.log("README.md: rules mutation score written from test-results/mutants/report.json.");
  return 0;
}

process.exit(main());

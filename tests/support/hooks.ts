// Mocha root hooks: after the whole run, save the rules coverage report of the rules test
// project and say how many rule expressions no test evaluated. (The test runner plays Cloud
// Scheduler: scripts/lib/suites.ts.)

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOST, PORTS, ROOT as ROOT_DIR, RULES_PROJECT } from "../../scripts/lib/config";
import { closeRulesEnv, rulesEnvUsed } from "./rulesEnv";

interface CoverageNode {
  sourcePosition: { line: number; column: number; currentOffset: number; endOffset: number };
  values?: unknown[];
  children?: CoverageNode[];
}

function flatten(nodes: CoverageNode[], out: CoverageNode[] = []): CoverageNode[] {
  for (const node of nodes) {
    out.push(node);
    flatten(node.children ?? [], out);
  }
  return out;
}

/** How long the report may take: it is an aid to writing tests, not a test, so a busy machine
 * that cannot build it in time gets a line saying so, not a failed run. */
const COVERAGE_BUDGET_MS = 180_000;

async function saveRulesCoverage(): Promise<void> {
  const base = `http://${HOST}:${PORTS.firestore}/emulator/v1/projects/${RULES_PROJECT}:ruleCoverage`;
  const started = Date.now();
  const signal = AbortSignal.timeout(COVERAGE_BUDGET_MS);
  // One after the other: each request makes the emulator build the whole report again.
  const json = await fetch(base, { signal }).then((r) => r.json());
  const html = await fetch(`${base}.html`, { signal }).then((r) => r.text());
  const dir = join(ROOT_DIR, "test-results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "rules-coverage.html"), html);
  const { report = [], rules } = json as { report?: CoverageNode[]; rules: { files: { content: string }[] } };
  const nodes = flatten(report);
  const never = nodes.filter((n) => !n.values || n.values.length === 0);
  const source = rules.files[0]?.content ?? "";
  console.log(
    `\nRules coverage: ${nodes.length} expressions, ${never.length} never evaluated (test-results/rules-coverage.html; ` +
      `the emulator took ${((Date.now() - started) / 1000).toFixed(0)} s to report it)`,
  );
  for (const n of never.slice(0, 20)) {
    const p = n.sourcePosition;
    console.log(
      `  line ${p.line}:${p.column}  ${source
        .slice(p.currentOffset, p.endOffset + 1)
        .replace(/\s+/g, " ")
        .slice(0, 100)}`,
    );
  }
}

export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    // The emulator builds the report from every rule evaluation of the run: after the whole rules
    // suite that takes it tens of seconds (the 30 s this hook once had ran out under load).
    this.timeout(COVERAGE_BUDGET_MS + 60_000);
    if (rulesEnvUsed()) {
      await saveRulesCoverage().catch((err: unknown) =>
        console.log(`\nRules coverage: not saved (${String(err)}); the run's results stand.`),
      );
    }
    await closeRulesEnv();
  },
};

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

async function saveRulesCoverage(): Promise<void> {
  const base = `http://${HOST}:${PORTS.firestore}/emulator/v1/projects/${RULES_PROJECT}:ruleCoverage`;
  const started = Date.now();
  // One after the other: each request makes the emulator build the whole report again.
  const json = await fetch(base).then((r) => r.json());
  const html = await fetch(`${base}.html`).then((r) => r.text());
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
    this.timeout(240_000);
    if (rulesEnvUsed()) await saveRulesCoverage();
    await closeRulesEnv();
  },
};

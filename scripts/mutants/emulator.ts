// The Firestore emulator's rules endpoints for the rules tests' project: load rules (and learn
// whether the compiler refuses them) and read which expressions the requests since then evaluated.

import { HOST, PORTS, RULES_PROJECT } from "../lib/config";

const BASE = `http://${HOST}:${PORTS.firestore}/emulator/v1/projects/${RULES_PROJECT}`;

/** Loads rules; null when the emulator took them, else the compiler's complaint. Loading also
 * starts the coverage afresh. */
export async function loadRules(rules: string): Promise<string | null> {
  const res = await fetch(`${BASE}:securityRules`, {
    method: "PUT",
    body: JSON.stringify({ rules: { files: [{ content: rules }] } }),
  });
  const body = await res.text();
  // Warnings (an unused name, say) come with 200; errors with 400.
  const errors = res.ok
    ? ((JSON.parse(body) as { issues?: { severity: string }[] }).issues ?? []).filter((i) => i.severity === "ERROR")
    : [body];
  return errors.length ? JSON.stringify(errors).replace(/\s+/g, " ").slice(0, 300) : null;
}

interface CoverageNode {
  sourcePosition: { currentOffset: number; endOffset: number };
  values?: unknown[];
  children?: CoverageNode[];
}

/** The source ranges [start, end] (end included) of every expression evaluated since the rules
 * were loaded. */
export async function evaluatedRanges(): Promise<[number, number][]> {
  const res = await fetch(`${BASE}:ruleCoverage`);
  const { report = [] } = (await res.json()) as { report?: CoverageNode[] };
  const out: [number, number][] = [];
  const visit = (nodes: CoverageNode[]) => {
    for (const n of nodes) {
      if (n.values?.length) out.push([n.sourcePosition.currentOffset, n.sourcePosition.endOffset]);
      visit(n.children ?? []);
    }
  };
  visit(report);
  return out;
}

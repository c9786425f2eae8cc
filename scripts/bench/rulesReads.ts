// The reads the security rules make for the client requests in one order's life. Firestore bills
// each document a rule reads with get(), exists() or getAfter() as a read, once per request
// however often the rules name it (a batch or a transaction's commit is one request). The emulator
// reports no such count per request, so the counts are computed from firestore.rules, by the
// functions each kind of request evaluates (listed here), and checked against the emulator's rule
// coverage: every call the lifecycle made must be one this table names, and every one it names
// must have been made.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HOST, PORTS, PROJECT_ID, ROOT } from "../lib/config";

export interface RuleRead {
  /** The client request (one network request: a write, a commit, a transaction's read). */
  request: string;
  /** Each document the rules read for it, with the rule functions whose calls read it. */
  docs: { doc: string; via: string[] }[];
}

const profile = { doc: "users/{me}", via: ["notRevoked"] };

/** By step of the metered lifecycle (orderCost.ts), the requests it makes. */
export const RULE_READS: Record<string, RuleRead[]> = {
  "customer: place the order": [
    { request: "create the order", docs: [{ doc: "closedAccounts/{hash of me}", via: ["accountOpen"] }] },
  ],
  "restaurant: accepted": [{ request: "update the order", docs: [profile] }],
  "restaurant: preparing": [{ request: "update the order", docs: [profile] }],
  "restaurant: ready": [{ request: "update the order", docs: [profile] }],
  "courier: claim (order + courier state)": [
    { request: "transaction: read the order", docs: [profile] },
    {
      request: "commit: order and courier state",
      docs: [
        profile,
        { doc: "couriers/{me}", via: ["courierState"] },
        { doc: "orders/{id}", via: ["orderBefore", "orderAfter"] },
        { doc: "courierCash/{me}", via: ["mayCarryCash"] },
        { doc: "settings/payments", via: ["mayCarryCash"] },
      ],
    },
  ],
  "courier: picked up": [{ request: "update the order", docs: [profile] }],
  "courier: position updates (3)": [
    ...Array.from({ length: 3 }, () => ({
      request: "write the position",
      docs: [profile, { doc: "orders/{id}", via: ["trackedOrder"] }],
    })),
  ],
  "courier: delivered (order + courier state)": [
    {
      request: "commit: order and courier state",
      docs: [profile, { doc: "couriers/{me}", via: ["courierState"] }, { doc: "orders/{id}", via: ["orderAfter"] }],
    },
  ],
  // A listener's query is checked against the rules when it starts, not per document it receives.
  "listener customer: inbox (its start)": [{ request: "listen", docs: [] }],
  "listener restaurant: order board (its start)": [{ request: "listen", docs: [profile] }],
  "listener courier: open orders (its start)": [{ request: "listen", docs: [profile] }],
  "listener customer: order page (its start)": [{ request: "listen", docs: [] }],
};

export const ruleReadsOf = (step: string) =>
  (RULE_READS[step] ?? []).reduce((n, r) => n + new Set(r.docs.map((d) => d.doc)).size, 0);

/** The rule functions whose document reads the table counts. */
const NAMED = new Set(Object.values(RULE_READS).flatMap((rs) => rs.flatMap((r) => r.docs.flatMap((d) => d.via))));

interface CoverageNode {
  sourcePosition: { line: number; currentOffset: number; endOffset: number };
  values?: { count?: number }[];
  children?: CoverageNode[];
}

const COVERAGE = `http://${HOST}:${PORTS.firestore}/emulator/v1/projects/${PROJECT_ID}:ruleCoverage`;

/** How often each get/exists/getAfter call in the rules has been evaluated, by the rule function it
 * is in; null when the emulator does not answer in time. */
export async function ruleCallCounts(): Promise<Map<string, number> | null> {
  try {
    const res = await fetch(COVERAGE, { signal: AbortSignal.timeout(180_000) });
    const { report = [] } = (await res.json()) as { report?: CoverageNode[] };
    const source = readFileSync(join(ROOT, ".emulators", "bench.rules"), "utf8");
    const lines = source.split("\n");
    const counts = new Map<string, number>();
    const visit = (n: CoverageNode) => {
      const text = source.slice(n.sourcePosition.currentOffset, n.sourcePosition.endOffset + 1);
      if (/^(get|exists|getAfter|existsAfter)\(/.test(text)) {
        const fn = enclosingFunction(lines, n.sourcePosition.line);
        const c = (n.values ?? []).reduce((a, v) => a + (v.count ?? 0), 0);
        counts.set(fn, (counts.get(fn) ?? 0) + c);
      }
      for (const k of n.children ?? []) visit(k);
    };
    report.forEach(visit);
    return counts;
  } catch (err) {
    console.warn(`bench: no rule coverage report from the emulator: ${String(err)}`);
    return null;
  }
}

function enclosingFunction(lines: string[], line: number): string {
  for (let i = line - 1; i >= 0; i--) {
    const m = /function (\w+)\(/.exec(lines[i]);
    if (m) return m[1];
  }
  return `line ${line}`;
}

/** Compares the calls made between two coverage reports with the table: what was called and is
 * not named, and what is named and was not called. */
export function checkTable(before: Map<string, number> | null, after: Map<string, number> | null) {
  if (!before || !after) return { checked: false, unnamed: [], uncalled: [] };
  const called = [...after].filter(([fn, n]) => n > (before.get(fn) ?? 0)).map(([fn]) => fn);
  return {
    checked: true,
    unnamed: called.filter((fn) => !NAMED.has(fn)),
    uncalled: [...NAMED].filter((fn) => !called.includes(fn)),
  };
}

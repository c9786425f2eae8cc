// How many expressions the rules evaluate for one request: rules stop at 1000 per request (the
// emulator too), so a shape the rules check must stay well inside that at its largest. The request
// runs alone on a project of its own, and the emulator's coverage report of that project counts
// every evaluation.

import { initializeTestEnvironment, type TokenOptions } from "@firebase/rules-unit-testing";
import type { Firestore } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HOST, PORTS, ROOT, RULES_PROJECT } from "../../scripts/lib/config";

interface CoverageNode {
  values?: { value?: Record<string, unknown>; count?: number }[];
  children?: CoverageNode[];
}

/** Evaluations the report counts: each node's values with their counts ("undefined" values are
 * the emulator's marks for nodes a call did not reach). */
const sum = (nodes: CoverageNode[]): number =>
  nodes.reduce(
    (n, node) =>
      n +
      (node.values ?? []).filter((v) => !("undefined" in (v.value ?? {}))).reduce((k, v) => k + (v.count ?? 0), 0) +
      sum(node.children ?? []),
    0,
  );

let runs = 0;

/** The expressions evaluated for `attempt`, made by `uid` with `claims`, after `fixtures` are
 * written past the rules; throws when the attempt is refused. */
export async function expressionsFor(
  uid: string,
  claims: Record<string, unknown>,
  fixtures: (db: Firestore) => Promise<unknown>,
  attempt: (db: Firestore) => Promise<unknown>,
): Promise<number> {
  const projectId = `${RULES_PROJECT}-cost-${process.pid}-${++runs}`;
  const env = await initializeTestEnvironment({
    projectId,
    firestore: { rules: readFileSync(join(ROOT, "firestore.rules"), "utf8"), host: HOST, port: PORTS.firestore },
  });
  try {
    await env.withSecurityRulesDisabled((ctx) => fixtures(ctx.firestore() as unknown as Firestore).then(() => {}));
    const token = { firebase: { sign_in_provider: "password" }, email_verified: true, ...claims } as TokenOptions;
    await attempt(env.authenticatedContext(uid, token).firestore() as unknown as Firestore);
    const base = `http://${HOST}:${PORTS.firestore}/emulator/v1/projects/${projectId}:ruleCoverage`;
    const { report = [] } = (await fetch(base).then((r) => r.json())) as { report?: CoverageNode[] };
    return sum(report);
  } finally {
    await env.clearFirestore();
    await env.cleanup();
  }
}

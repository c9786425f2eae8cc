// `npm run check:deploy` (and the start of `npm test`): fails where a real `firebase deploy` would,
// before anyone tries one.
// - The functions runtime is one firebase-tools still deploys, and not deprecated within 90 days.
// - firebase.json's functions, hosting, rules and indexes entries point at files that exist
//   (after `npm run build`).
// - Every query the app and the functions run (domain/queries.ts) has the composite index it needs
//   in firestore.indexes.json, and a limit, or is marked `bounded` with the reason it needs none.
// - web/.env.example names every VITE_ variable the production build reads.
// - functions/.env holds a value for every parameter the functions define.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { RUNTIMES } from "firebase-tools/lib/deploy/functions/runtimes/supported/types";
import { QUERIES, type QuerySpec } from "../functions/src/domain";
import { FIREBASE_JSON, ROOT } from "./lib/config";

type Problem = string;
const WARN_DAYS = 90;

interface RuntimeInfo {
  friendly: string;
  status: string;
  deprecationDate: string;
  decommissionDate: string;
}

/** What firebase-tools (the version this project deploys with) knows of the runtime. */
export function runtimeProblems(runtime: string, now = new Date()): Problem[] {
  const info = (RUNTIMES as Record<string, RuntimeInfo>)[runtime];
  if (!info) return [`functions runtime "${runtime}" is unknown to firebase-tools`];
  const deprecation = new Date(info.deprecationDate);
  const decommission = new Date(info.decommissionDate);
  if (now >= decommission)
    return [`${info.friendly} was decommissioned on ${info.decommissionDate}: deploys are refused`];
  if (now >= deprecation) return [`${info.friendly} was deprecated on ${info.deprecationDate}`];
  const days = Math.floor((deprecation.getTime() - now.getTime()) / 86_400_000);
  if (days < WARN_DAYS) return [`${info.friendly} is deprecated in ${days} days (${info.deprecationDate})`];
  return [];
}

function fileProblems(): Problem[] {
  const problems: Problem[] = [];
  const need = (path: string, what: string) => {
    if (!existsSync(join(ROOT, path))) problems.push(`${what}: ${path} does not exist`);
  };
  for (const fn of FIREBASE_JSON.functions) {
    need(join(fn.source, "package.json"), "functions source");
    const pkg = JSON.parse(readFileSync(join(ROOT, fn.source, "package.json"), "utf8")) as { main?: string };
    if (!pkg.main) problems.push(`${fn.source}/package.json has no "main"`);
    else need(join(fn.source, pkg.main), "functions entry point (after npm run build)");
  }
  need(join(FIREBASE_JSON.hosting.public, "index.html"), "hosting public folder (after npm run build)");
  need(FIREBASE_JSON.firestore.rules, "firestore rules");
  need(FIREBASE_JSON.firestore.indexes, "firestore indexes");
  return problems;
}

interface IndexField {
  fieldPath: string;
  order?: "ASCENDING" | "DESCENDING";
  arrayConfig?: "CONTAINS";
}
interface Index {
  collectionGroup: string;
  queryScope: "COLLECTION" | "COLLECTION_GROUP";
  fields: IndexField[];
}
/** A needed index: its equality fields (in any order) come first, then the ordered ones. */
interface Needed {
  collectionGroup: string;
  queryScope: Index["queryScope"];
  equality: IndexField[];
  ordered: IndexField[];
}

const EQUALITY = new Set(["==", "in", "array-contains", "array-contains-any"]);
const RANGE = new Set(["<", "<=", ">", ">=", "!=", "not-in"]);

/** The composite index a query needs, or null when single-field indexes serve it. */
export function requiredIndex(spec: QuerySpec): Needed | null {
  const order: [string, "asc" | "desc"][] = spec.orderBy.map(([f, d]) => [f, d]);
  // An inequality orders by its field first, ascending unless ordered otherwise.
  for (const [field, op] of spec.where) {
    if (RANGE.has(op) && !order.some(([f]) => f === field)) order.unshift([field, "asc"]);
  }
  const equality = spec.where.filter(([f, op]) => EQUALITY.has(op) && !order.some(([o]) => o === f));
  // One field, or equality filters alone (merged from single-field indexes), need no composite.
  if (order.length === 0 || equality.length + order.length <= 1) return null;
  return {
    collectionGroup: spec.collection.split("/").pop()!,
    queryScope: spec.group ? "COLLECTION_GROUP" : "COLLECTION",
    equality: equality.map(([fieldPath, op]) =>
      op.startsWith("array-contains") ? { fieldPath, arrayConfig: "CONTAINS" } : { fieldPath, order: "ASCENDING" },
    ),
    ordered: order.map(([fieldPath, d]) => ({ fieldPath, order: d === "asc" ? "ASCENDING" : "DESCENDING" })),
  };
}

const key = (f: IndexField) => `${f.fieldPath}:${f.arrayConfig ?? f.order}`;

/** Whether a declared index serves a needed one. */
export function serves(have: Index, need: Needed): boolean {
  if (have.collectionGroup !== need.collectionGroup || have.queryScope !== need.queryScope) return false;
  const fields = have.fields.filter((f) => f.fieldPath !== "__name__").map(key);
  const eq = need.equality.map(key);
  if (fields.length !== eq.length + need.ordered.length) return false;
  const head = new Set(fields.slice(0, eq.length));
  return eq.every((k) => head.has(k)) && need.ordered.every((f, i) => fields[eq.length + i] === key(f));
}

/** Arguments for queries whose shape depends on them (every other one is called with placeholders). */
const SHAPES: Partial<Record<keyof typeof QUERIES, unknown[][]>> = {
  dueOrders: [
    ["submitted", "createdAt", new Date(), 1],
    ["placed", "acceptBy", new Date(), 1],
    ["scheduled", "releaseAt", new Date(), 1],
    ["ready", "claimedAt", new Date(), 1],
    ["delivery_problem", "timeline.delivery_problem", new Date(), 1],
    ["awaiting_payment", "timeline.awaiting_payment", new Date(), 1],
  ],
  expired: [
    ["deliveries", new Date(), 1],
    ["idempotency", new Date(), 1],
    ["usage", new Date(), 1],
  ],
};

/** Every query in every shape it is run in. */
function allQueries(): [name: string, spec: QuerySpec][] {
  return (Object.entries(QUERIES) as [keyof typeof QUERIES, (...a: unknown[]) => QuerySpec][]).flatMap(
    ([name, build]) =>
      (SHAPES[name] ?? [Array.from({ length: build.length }, () => "x")]).map(
        (args) => [name, build(...args)] as [string, QuerySpec],
      ),
  );
}

/** Words a `bounded` reason needs at the least: enough to say what bounds the query. */
const REASON_WORDS = 4;

/** A query without a limit reads whatever it matches, and what matches grows with the city: each
 * query has a limit, or says in `bounded` why it reads only a few documents (or none, counted by
 * the server) however large the city grows. */
export function limitProblem(name: string, spec: QuerySpec): Problem | null {
  // The checked specs are built with placeholders: a limit passed in (a page size) shows as one.
  if (spec.limit !== undefined) return null;
  if ((spec.bounded ?? "").trim().split(/\s+/).filter(Boolean).length >= REASON_WORDS) return null;
  return spec.bounded === undefined
    ? `query ${name} has no limit: give it one, or mark it bounded and say why it needs none`
    : `query ${name} is marked bounded without saying why (at least ${REASON_WORDS} words): "${spec.bounded}"`;
}

export function limitProblems(queries = allQueries()): Problem[] {
  return queries.flatMap(([name, spec]) => limitProblem(name, spec) ?? []);
}

function indexProblems(): Problem[] {
  const declared = (
    JSON.parse(readFileSync(join(ROOT, FIREBASE_JSON.firestore.indexes), "utf8")) as { indexes: Index[] }
  ).indexes;
  const problems: Problem[] = [];
  const used = new Set<Index>();
  for (const [name, spec] of allQueries()) {
    const need = requiredIndex(spec);
    for (const have of declared) if (need && serves(have, need)) used.add(have);
    if (need && !declared.some((have) => serves(have, need))) {
      const fields = [...need.equality, ...need.ordered].map((f) => ({ ...f }));
      problems.push(
        `query ${name} needs an index in firestore.indexes.json: ${JSON.stringify({ collectionGroup: need.collectionGroup, queryScope: need.queryScope, fields })}`,
      );
    }
  }
  // A collection-group query on one field needs that field's single-field index in collection-group
  // scope, which Firestore does not make by itself: a field override must ask for it.
  const overrides = (
    JSON.parse(readFileSync(join(ROOT, FIREBASE_JSON.firestore.indexes), "utf8")) as {
      fieldOverrides?: { collectionGroup: string; fieldPath: string; indexes: { queryScope?: string }[] }[];
    }
  ).fieldOverrides;
  for (const [name, build] of Object.entries(QUERIES) as [keyof typeof QUERIES, (...a: unknown[]) => QuerySpec][]) {
    for (const args of SHAPES[name] ?? [Array.from({ length: build.length }, () => "x")]) {
      const spec = build(...args);
      if (!spec.group || requiredIndex(spec)) continue;
      const fields = new Set([...spec.where.map(([f]) => f), ...spec.orderBy.map(([f]) => f)]);
      for (const field of fields) {
        const ok = overrides?.some(
          (o) =>
            o.collectionGroup === spec.collection &&
            o.fieldPath === field &&
            o.indexes.some((i) => i.queryScope === "COLLECTION_GROUP"),
        );
        if (!ok)
          problems.push(
            `query ${name} is a collection-group query on ${spec.collection}.${field}: firestore.indexes.json needs a field override with a COLLECTION_GROUP index for it`,
          );
      }
    }
  }
  // An index no query needs still costs a write on every document change.
  for (const have of declared) {
    if (!used.has(have))
      problems.push(`firestore.indexes.json declares an index no query uses: ${JSON.stringify(have)}`);
  }
  return problems;
}

function envProblems(): Problem[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name)) files.push(p);
    }
  };
  walk(join(ROOT, "web", "src"));
  const used = new Set<string>();
  for (const f of files)
    for (const m of readFileSync(f, "utf8").matchAll(/\bVITE_[A-Z0-9_]*[A-Z0-9]\b/g)) used.add(m[0]);
  const example = readFileSync(join(ROOT, "web", ".env.example"), "utf8");
  const named = new Set([...example.matchAll(/^\s*(VITE_[A-Z0-9_]+)\s*=/gm)].map((m) => m[1]));
  return [...used]
    .filter((v) => !named.has(v))
    .map(
      (v) =>
        `web/.env.example does not name ${v}, which ${relative(
          ROOT,
          files.find((f) => readFileSync(f, "utf8").includes(v))!,
        )} reads`,
    );
}

/** Every parameter the functions define (not a secret) has its value in functions/.env: without
 * one, `firebase deploy` and the emulator stop to ask for it. */
export function paramProblems(): Problem[] {
  const config = readFileSync(join(ROOT, "functions", "src", "config.ts"), "utf8");
  const defined = [...config.matchAll(/define(?:Int|String|Boolean|Float)\("([A-Z0-9_]+)"/g)].map((m) => m[1]);
  const env = readFileSync(join(ROOT, "functions", ".env"), "utf8");
  const set = new Set([...env.matchAll(/^\s*([A-Z0-9_]+)\s*=/gm)].map((m) => m[1]));
  return defined.filter((p) => !set.has(p)).map((p) => `functions/.env has no value for the parameter ${p}`);
}

function main(): number {
  const runtime = FIREBASE_JSON.functions[0]?.runtime ?? "(none)";
  const problems = [
    ...runtimeProblems(runtime),
    ...fileProblems(),
    ...indexProblems(),
    ...limitProblems(),
    ...envProblems(),
    ...paramProblems(),
  ];
  for (const p of problems) console.error(`deploy check: ${p}`);
  console.log(
    problems.length
      ? `deploy check: ${problems.length} problem(s); a real deploy would fail or ship something broken.`
      : `deploy check: ready (runtime ${runtime}, ${Object.keys(QUERIES).length} queries indexed and bounded, files and env in place).`,
  );
  return problems.length ? 1 : 0;
}

if (require.main === module) process.exit(main());

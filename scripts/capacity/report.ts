// The README's Capacity section, rendered from the domain's capacity model
// (functions/src/domain/capacity.ts) and the indexes the project deploys (firestore.indexes.json).
// `npm run capacity:readme` writes it; tests/unit/capacity.test.ts checks the README holds it.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ASSUMPTIONS,
  BENCH_PLACED_P95_MS,
  CITY_LOAD,
  collectionLoads,
  documentLoads,
  FIRESTORE_LIMITS,
  invocationLoads,
  NOT_PER_ORDER,
  RECONCILER,
  reconcilerLoad,
  RESTAURANT_PEAK,
  boardLoad,
  type DocumentLoad,
  type Load,
  type OrderDocument,
  type Scope,
} from "../../functions/src/domain/capacity";
import { FUNCTION_SETTINGS, TASK_QUEUE_CONCURRENCY } from "../../functions/src/domain/deployment";
import { ROOT } from "../lib/config";
import type { ReadmeBlock } from "../lib/readmeBlock";

export const CAPACITY_BLOCK: ReadmeBlock = { name: "capacity", command: "capacity:readme" };

/** What firestore.indexes.json says of each collection group. */
export interface IndexFacts {
  /** Composite indexes, by collection group and scope. */
  composite: Record<string, { collection: number; group: number }>;
  /** Fields exempted from indexing, by collection group (TTL fields marked). */
  exempt: Record<string, string[]>;
  /** Groups with an index of collection-group scope (composite or single-field). */
  groupIndexed: string[];
}

interface IndexFile {
  indexes: { collectionGroup: string; queryScope: string }[];
  fieldOverrides?: { collectionGroup: string; fieldPath: string; ttl?: boolean; indexes: { queryScope: string }[] }[];
}

export function indexFacts(file: IndexFile): IndexFacts {
  const composite: IndexFacts["composite"] = {};
  const exempt: IndexFacts["exempt"] = {};
  const groupIndexed = new Set<string>();
  for (const i of file.indexes) {
    const c = (composite[i.collectionGroup] ??= { collection: 0, group: 0 });
    if (i.queryScope === "COLLECTION_GROUP") {
      c.group++;
      groupIndexed.add(i.collectionGroup);
    } else c.collection++;
  }
  for (const f of file.fieldOverrides ?? []) {
    if (f.indexes.length === 0) (exempt[f.collectionGroup] ??= []).push(f.ttl ? `${f.fieldPath} (TTL)` : f.fieldPath);
    if (f.indexes.some((i) => i.queryScope === "COLLECTION_GROUP")) groupIndexed.add(f.collectionGroup);
  }
  return { composite, exempt, groupIndexed: [...groupIndexed].sort() };
}

export function readIndexFacts(): IndexFacts {
  return indexFacts(JSON.parse(readFileSync(join(ROOT, "firestore.indexes.json"), "utf8")) as IndexFile);
}

/** Three significant digits, grouped: 0.0037, 16.7, 1,670. */
const num = (x: number) =>
  Number.isFinite(x) ? Number(x.toPrecision(3)).toLocaleString("en", { maximumFractionDigits: 6 }) : "∞";
const whole = (x: number) => Math.round(x).toLocaleString("en");
const code = (s: string) => `\`${s}\``;
const verdict = (ok: boolean) => (ok ? "within" : "**over**");

const SHARED_BY: Record<Scope, string> = {
  order: "one order",
  restaurant: "one restaurant",
  "restaurant-day": "one restaurant's day",
  courier: "one courier",
  city: "the city",
};

function sharedBy(doc: OrderDocument): string {
  const spread = doc.documents ? `, over ${doc.documents} documents` : "";
  return `${SHARED_BY[doc.scope]}${spread}`;
}

function reachesLimit(d: DocumentLoad): string {
  if (d.doc.everyMs) return `never: one write per ${d.doc.everyMs / 1000} s at most`;
  if (d.limitAtOrdersPerMinute === null) return `never: ${SHARED_BY[d.doc.scope]}'s own`;
  const where = d.doc.scope === "city" ? "across the city" : "at one restaurant";
  return `${whole(d.limitAtOrdersPerMinute)} orders/min ${where}`;
}

const loadLine = (l: Load) =>
  `${whole(l.cityOrdersPerMinute)} orders a minute across the city (${num(l.cityOrdersPerMinute / 60)} a second), ` +
  `a busy restaurant in it at ${l.restaurantOrdersPerMinute} a minute with ${l.boardListeners} staff and customers ` +
  `listening to its orders`;

export function markdown(facts: IndexFacts): string {
  const load = CITY_LOAD;
  const a = ASSUMPTIONS;
  const L = FIRESTORE_LIMITS;
  const out: string[] = [];
  const over: string[] = [];

  out.push(
    `Rendered from the list of the documents each order writes (\`functions/src/domain/capacity.ts\`) and ` +
      `\`firestore.indexes.json\`; the tests check this section is what the script renders.`,
    "",
    `**Load**: ${loadLine(load)}. A document only some orders write (a promo code, a review, a restaurant ` +
      `whose till listens on the API) is counted as if every order wrote it: each figure is an upper bound, ` +
      `and "only" says which orders really do.`,
    "",
    `**Assumed, not measured**: an order takes ${a.orderMinutes} minutes from cart to door; a courier rides ` +
      `${a.rideMinutes} minutes with it and makes ${a.courierOrdersPerHour} deliveries an hour; a function ` +
      `invocation runs ${a.executionMs} ms (the bench's one-customer p95 from the order's write to \`placed\` ` +
      `was ${BENCH_PLACED_P95_MS} ms on the emulators, the trigger's own delivery included), a webhook delivery ` +
      `${whole(a.webhookMs)} ms (a partner answering within a second; a slow one holds its dispatch up to 10 s).`,
    "",
    `**Firestore's limits** ([best practices](https://firebase.google.com/docs/firestore/best-practices)): ` +
      `about ${L.writesPerDocumentPerSecond} sustained write a second to one document; the 500/50/5 rule, at most ` +
      `${L.rampStartPerSecond} operations a second to a new collection and then ${L.rampGrowth * 100} % more every ` +
      `${L.rampStepMinutes} minutes; and at most ${L.sequentialIndexWritesPerSecond} writes a second to a ` +
      `collection whose documents carry an indexed field that grows with time (most documents here carry a ` +
      `server timestamp, indexed unless exempted: the table below holds every collection to it).`,
  );

  // Documents.
  const city = documentLoads(load);
  const peak = documentLoads(RESTAURANT_PEAK);
  out.push(
    "",
    "**Documents each order writes**: writes a second on one document, sustained.",
    "",
    "| document | path | written by | writes per order | only | shared by | at 1,000/min city-wide | at the restaurant's peak (3/min) | reaches 1 write/s at | |",
    "| --- | --- | --- | --: | --- | --- | --: | --: | --- | --- |",
  );
  city.forEach((d, i) => {
    const p = peak[i];
    const ok = d.withinLimit && p.withinLimit;
    out.push(
      `| ${d.doc.what} | ${code(d.doc.path)} | ${d.doc.writtenBy} | ${num(d.doc.writesPerOrder)} | ${d.doc.when ?? ""} | ` +
        `${sharedBy(d.doc)} | ${num(d.writesPerSecond)} | ${num(p.writesPerSecond)} | ${reachesLimit(d)} | ${verdict(ok)} |`,
    );
    if (!ok)
      over.push(
        `${d.doc.what} (${code(d.doc.path)}): ${num(d.writesPerSecond)} writes/s on each at 1,000 orders/min ` +
          `(${d.doc.when ?? "every order"}); the limit is reached at ${reachesLimit(d)}`,
      );
  });
  out.push(
    "",
    `Written as the system runs, not per order: ${NOT_PER_ORDER.map((n) => `${code(n.path)} (${n.rate})`).join("; ")}.`,
  );

  // Collections and indexes.
  const groups = collectionLoads(load, facts.groupIndexed);
  out.push(
    "",
    "**Collections and indexes** at 1,000 orders/min: a top-level collection takes the city's writes; a " +
      "subcollection is one collection per parent and takes its parent's, unless an index of collection-group " +
      "scope spans them all. Every write also updates the composite indexes whose fields it holds and two " +
      "single-field entries (ascending, descending) for each field it changes that is not exempted: the fan-out " +
      "that lengthens a write.",
    "",
    "| collection group | paths | writes/s city-wide | writes/s on its busiest collection | held to | 500/50/5 ramp from a new collection | composite indexes (collection / group) | exempted fields | |",
    "| --- | --- | --: | --: | --- | --- | --- | --- | --- |",
  );
  for (const g of groups) {
    const c = facts.composite[g.group] ?? { collection: 0, group: 0 };
    const heldTo = g.topLevel ? "the city's" : g.groupIndexed ? "the city's (a group index)" : "one parent's";
    const ramp = g.rampMinutes === 0 ? "none needed" : `${g.rampMinutes} minutes`;
    out.push(
      `| ${g.group} | ${g.paths.map(code).join(", ")} | ${num(g.cityWritesPerSecond)} | ` +
        `${num(g.perCollectionWritesPerSecond)} | ${heldTo} | ${ramp} | ${c.collection} / ${c.group} | ` +
        `${(facts.exempt[g.group] ?? []).join(", ")} | ${verdict(g.withinLimit)} |`,
    );
    if (!g.withinLimit)
      over.push(
        `the ${g.group} collection group: ${num(g.writesPerSecond)} writes/s against ${L.sequentialIndexWritesPerSecond}`,
      );
  }

  // Functions.
  const { concurrency, maxInstances } = FUNCTION_SETTINGS;
  out.push(
    "",
    `**Cloud Functions** at 1,000 orders/min. maxInstances: ${maxInstances}; ` +
      `concurrency: ${concurrency} (set for every function in ` +
      `\`functions/src/options.ts\`). The task queues run at most ${TASK_QUEUE_CONCURRENCY.timers} timers and ` +
      `${TASK_QUEUE_CONCURRENCY.webhooks} webhook deliveries at once (\`maxConcurrentDispatches\`). Instances ` +
      `needed = invocations a second × execution time ÷ ${concurrency} requests an instance.`,
    "",
    "| function | trigger | invocations per order | only | invocations/s | execution time | under way at once | instances needed | room | reaches it at | |",
    "| --- | --- | --: | --- | --: | --: | --: | --: | --- | --- | --- |",
  );
  for (const f of invocationLoads(load)) {
    const room = f.call.queueConcurrency
      ? `its queue: ${f.call.queueConcurrency} at once`
      : `${maxInstances} instances × ${concurrency}`;
    out.push(
      `| ${f.call.fn} | ${f.call.trigger} | ${num(f.call.perOrder)} | ${f.call.when ?? ""} | ${num(f.perSecond)} | ` +
        `${whole(f.executionMs)} ms | ${num(f.concurrent)} | ${f.instances} | ${room} | ` +
        `${whole(f.limitAtOrdersPerMinute)} orders/min | ${verdict(f.withinLimit)} |`,
    );
    if (!f.withinLimit)
      over.push(
        `${f.call.fn}: ${num(f.concurrent)} under way at once against ${room} (${f.call.when ?? "every order"}); ` +
          `room for ${whole(f.limitAtOrdersPerMinute)} orders/min`,
      );
  }
  const rec = reconcilerLoad(load);
  out.push(
    "",
    `**The reconciler** (\`reconcileOrders\`, every minute) checks changed orders for missing side effects ` +
      `in pages of ${RECONCILER.pageSize}, ${RECONCILER.sweepConcurrency} at a time, until it has caught up or ` +
      `${RECONCILER.budgetSeconds} s have passed, and looks back at most ${RECONCILER.lookBackMinutes} minutes: ` +
      `${whole(rec.pages)} pages a run at ${ASSUMPTIONS.reconcilerCheckMs} ms a check (assumed), room for ` +
      `${whole(rec.capacity)} changes a minute. At ${whole(load.cityOrdersPerMinute)} orders a minute at most ` +
      `${whole(rec.changedOrdersPerMinute)} orders change a minute (every write to an order counted as one): ` +
      `${verdict(rec.withinLimit)}.`,
  );
  if (!rec.withinLimit)
    over.push(
      `the reconciler's sweep for missing side effects: room for ${whole(rec.capacity)} changes a minute against ` +
        `${whole(rec.changedOrdersPerMinute)}; changes older than ${RECONCILER.lookBackMinutes} minutes are never checked`,
    );
  const board = boardLoad(load);
  out.push(
    "",
    `**The busy restaurant's board**: ${num(board.changesPerSecond)} order changes a second ` +
      `(${load.restaurantOrdersPerMinute} orders a minute), each read by its ${load.boardListeners} listeners: ` +
      `${num(board.listenerReadsPerSecond)} document reads a second. Listeners read; they add no writes.`,
  );

  out.push("", "**Over a limit at 1,000 orders a minute**:", "");
  if (over.length === 0) out.push("None.");
  else for (const o of over) out.push(`- ${o}`);
  return out.join("\n");
}

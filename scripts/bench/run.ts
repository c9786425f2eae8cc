// The benchmarks, run inside the emulators by scripts/bench.ts. Every latency is measured against
// a floor taken in the same run on the same emulators (a minimal trigger, and module loading
// without Dishpatch's code), so a noisy machine moves both. Prints a table and writes
// bench-results/latest.json (the run before is kept as previous.json); `npm run bench:readme`
// writes the README's table from it.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { withFunctionTriggersDisabled } from "@firebase/rules-unit-testing";
import { FieldValue, Timestamp, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { adminQuery } from "../../functions/src/query";
import {
  collection,
  doc,
  onSnapshot,
  serverTimestamp,
  setDoc,
  type DocumentReference,
  type Query,
} from "firebase/firestore";
import {
  allDay,
  areaBlock,
  areaCell,
  asMenuItem,
  CITY,
  DISCOVERY_PAGE,
  fillNearbyPage,
  FINAL_STATUSES,
  LIMITS,
  listingOf,
  nearbyPieces,
  paths,
  QUERIES,
  type OrderStatus,
} from "../../functions/src/domain";
import { closeBrowser, newPage } from "../lib/browser";
import { adminDb, clientQuery, closeClients, createPerson, signInAs, type Person } from "../lib/clients";
import { APP_URL, HOST, PORTS, PROJECT_ID, ROOT } from "../lib/config";
import { functionsNode } from "../lib/emulatorEnv";
import { claimOrder, deliverOrder, moveOrder, placeOrder, TORSTRASSE } from "../lib/people";
import { startScheduler } from "../lib/scheduler";
import { DEMO_PASSWORD } from "../seed/berlin";
import { seed } from "../seed/seed";
import { sections, type BenchResult, type PipelineRun } from "./report";
import { median, percentile, table } from "./stats";

const { values: opts } = parseArgs({
  options: {
    customers: { type: "string", default: "20" },
    seconds: { type: "string", default: "30" },
    "paint-runs": { type: "string", default: "5" },
    sizes: { type: "string", default: "10,1000,10000" },
  },
});
const CUSTOMERS = Number(opts.customers);
const SECONDS = Number(opts.seconds);
const PAINT_RUNS = Number(opts["paint-runs"]);
const SIZES = opts.sizes.split(",").map(Number);
/** No wait in the bench is unbounded: a stuck order fails the run instead of hanging it. Long
 * enough for the reconciler (every minute here, as in production) to finish an order whose
 * event the emulator lost, which is how the system itself recovers. */
const WAIT_MS = 150_000;
/** A floor event not seen within this long was lost by the emulator. */
const FLOOR_WAIT_MS = 20_000;
const WARM_UP_SECONDS = 8;
/** Three dishes at this price or more clear the demo restaurants' minimum order. */
const MAIN_CENTS = 600;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the time a client listener first sees `done` hold, or rejects after `ms`. */
function whenSeen(
  ref: DocumentReference,
  done: (data: Record<string, unknown>) => boolean,
  ms = WAIT_MS,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting on ${ref.path}`));
    }, ms);
    const stop = onSnapshot(
      ref,
      (s) => {
        const data = s.data();
        if (data && done(data) && !s.metadata.hasPendingWrites) {
          clearTimeout(timer);
          stop();
          resolve(performance.now());
        }
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

interface Ctx {
  /** Where the metered lifecycle order goes: the seeded restaurant, with its staff. */
  trattoria: string;
  menu: { itemId: string; options: Record<string, string[]> }[];
  staff: Person;
}

async function setup(): Promise<Ctx> {
  const { restaurantIds } = await seed(PROJECT_ID, { aroundTheClock: true });
  const snap = await adminDb.collection(paths.menu(restaurantIds.trattoria)).where("available", "==", true).get();
  // Mains, with their required options filled: any three of them clear the minimum order, so the
  // bench measures placed orders, and a rejection is news.
  const menu = snap.docs
    .filter((d) => (d.get("price") as number) >= MAIN_CENTS)
    .map((d) => ({
      itemId: d.id,
      options: Object.fromEntries(
        asMenuItem(d.data())!
          .optionGroups.filter((g) => g.min > 0)
          .map((g) => [g.id, [g.options[0].id]]),
      ),
    }));
  const staff = await signInAs("owner.trattoria@dishpatch.test", DEMO_PASSWORD);
  return { trattoria: restaurantIds.trattoria, menu, staff };
}

/** A copy of the seeded restaurant, menu ids kept, for one pipeline phase. Nobody accepts the
 * bench's orders, and three misses in a row pause a restaurant (as they should): every phase
 * orders from a kitchen of its own, and each phase is shorter than the accept timeout. */
async function kitchenFor(ctx: Ctx, phase: string): Promise<string> {
  const source = adminDb.doc(paths.restaurant(ctx.trattoria));
  const copy = adminDb.collection("restaurants").doc();
  await copy.set({
    ...(await source.get()).data(),
    name: `Bench Kitchen (${phase})`,
    updatedAt: FieldValue.serverTimestamp(),
  });
  const batch = adminDb.batch();
  for (const d of (await source.collection("menu").get()).docs) batch.set(copy.collection("menu").doc(d.id), d.data());
  await batch.commit();
  return copy.id;
}

const cartFor = (ctx: Ctx, i: number) => {
  const a = ctx.menu[i % ctx.menu.length];
  const b = ctx.menu[(i * 7 + 3) % ctx.menu.length];
  return [
    { ...a, quantity: 2 },
    { ...b, quantity: 1 },
  ];
};

// ---------- 1. the order pipeline against the floor ----------

interface Sample {
  at: number;
  ms: number;
}

const summary = (samples: Sample[]) => {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

async function pipeline(ctx: Ctx, phase: string, customers: number, seconds = SECONDS) {
  const restaurantId = await kitchenFor(ctx, phase);
  const people = await Promise.all(
    Array.from({ length: customers }, (_, i) => createPerson({}, `Bench Customer ${i}`)),
  );
  // A customer may have only so many orders under way, and nobody accepts these: each slot moves
  // on to a new customer when one is at the limit (outside the timed part).
  const placedBy = new Map<Person, number>();
  const orders: Sample[] = [];
  const floor: Sample[] = [];
  const ids: string[] = [];
  let rejected = 0;
  let floorLost = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  let n = 0;
  await Promise.all(
    people.map(async (first, slot) => {
      let customer = first;
      while (performance.now() < end) {
        if ((placedBy.get(customer) ?? 0) >= LIMITS.maxOpenOrdersPerCustomer) {
          customer = await createPerson({}, `Bench Customer ${slot}`);
        }
        placedBy.set(customer, (placedBy.get(customer) ?? 0) + 1);
        // The floor: a minimal trigger's round trip, through the same client, rules and emulators.
        // Which of the two goes first alternates, so neither always follows the other's side effects.
        // The emulator now and then drops an event; nothing recovers the floor's (orders have the
        // reconciler), so a lost one is counted and the run goes on.
        const measureFloor = async () => {
          const f = doc(collection(customer.db, "benchFloor"));
          const t0 = performance.now();
          await setDoc(f, { at: serverTimestamp() });
          try {
            floor.push({ at: t0 - started, ms: (await whenSeen(f, (d) => !!d.done, FLOOR_WAIT_MS)) - t0 });
          } catch {
            floorLost++;
          }
        };
        const floorFirst = n % 2 === 0;
        if (floorFirst) await measureFloor();
        // An order, from the customer's write to "placed" (or "rejected") on their screen.
        const t1 = performance.now();
        const id = await placeOrder(customer, {
          restaurantId,
          items: cartFor(ctx, n++),
          deliveryAddress: TORSTRASSE,
        });
        const ref = doc(customer.db, paths.order(id));
        let status = "";
        const seen = await whenSeen(ref, (d) => {
          status = String(d.status);
          return d.status !== "submitted";
        });
        ids.push(id);
        if (status === "rejected") rejected++;
        else orders.push({ at: t1 - started, ms: seen - t1 });
        if (!floorFirst) await measureFloor();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const half = (seconds * 1000) / 2;
  const o = summary(orders);
  const fl = summary(floor);
  const halves = (samples: Sample[]) => {
    const [a, b] = [summary(samples.filter((s) => s.at < half)), summary(samples.filter((s) => s.at >= half))];
    return { first: a.p50, second: b.p50, ratio: b.p50 / a.p50 };
  };
  return {
    customers,
    seconds,
    placed: orders.length,
    rejected,
    floorLost,
    ordersPerSecond: orders.length / elapsed,
    placedMs: o,
    floorMs: fl,
    ratioToFloor: o.p50 / fl.p50,
    halves: halves(orders),
    floorHalves: halves(floor),
    ids,
  };
}

/** How long after the last order every order must have ended: its accept timeout, then the
 * reconciler's next minute. */
const FINAL_WITHIN_MS = 180_000;

/** Every order the bench placed must end through the system (nobody cancels them here). */
async function notFinalAfter(ids: string[]): Promise<number> {
  const deadline = Date.now() + FINAL_WITHIN_MS;
  for (;;) {
    const docs = await Promise.all(ids.map((id) => adminDb.doc(paths.order(id)).get()));
    const open = docs.filter((d) => !FINAL_STATUSES.includes(d.get("status") as OrderStatus)).length;
    if (open === 0 || Date.now() > deadline) return open;
    await sleep(2000);
  }
}

// ---------- 2. Firestore cost of one order's lifecycle ----------

interface Metered {
  fn: string;
  reads: number;
  writes: number;
  started: number;
  ended: number;
}

/** Where the meter (scripts/bench/meter.cjs) writes, set by scripts/bench.ts. */
const METER_FILE = process.env.BENCH_METER_FILE ?? "";

function meterLines(from: number, to: number): Metered[] {
  if (!METER_FILE || !existsSync(METER_FILE)) return [];
  return readFileSync(METER_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Metered)
    .filter((m) => m.started >= from && m.started <= to && m.fn !== "benchFloor");
}

/** Waits until no function has started for a few seconds (the meter's file stops growing), so
 * that what is metered next is one order's and nothing left over from earlier phases. */
async function functionsQuiet(quietMs = 6000, maxMs = 180_000) {
  const lines = () => (METER_FILE && existsSync(METER_FILE) ? readFileSync(METER_FILE, "utf8").length : 0);
  const deadline = Date.now() + maxMs;
  let last = lines();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await sleep(1000);
    const now = lines();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

/** Counts the documents a client listener receives from the server: what Firestore bills it. */
function countDelivered(listen: (onDocs: (n: number) => void) => () => void) {
  let n = 0;
  const stop = listen((k) => (n += k));
  return { stop, count: () => n };
}

async function costPerOrder(ctx: Ctx, pauseScheduler: () => void, resumeScheduler: () => void) {
  const customer = await createPerson({}, "Cost Customer");
  const courier = await createPerson({ courier: true }, "Cost Courier");
  pauseScheduler(); // the reconciler's own reads are not this order's
  await functionsQuiet(); // the pipeline's timed-out orders end with triggers of their own
  const from = Date.now();
  const onDoc = (r: DocumentReference) => (add: (n: number) => void) =>
    onSnapshot(r, (s) => {
      if (!s.metadata.fromCache) add(1);
    });
  const onQuery = (q: Query) => (add: (n: number) => void) =>
    onSnapshot(q, (snap) => {
      if (!snap.metadata.fromCache) add(Math.max(snap.docChanges().length, snap.empty ? 1 : 0));
    });
  const listeners: Record<string, ReturnType<typeof countDelivered>> = {
    "customer: inbox": countDelivered(onQuery(clientQuery(customer.db, QUERIES.inbox(customer.uid, 50)))),
    "restaurant: order board": countDelivered(onQuery(clientQuery(ctx.staff.db, QUERIES.boardOrders(ctx.trattoria)))),
    "courier: open orders": countDelivered(
      onQuery(clientQuery(courier.db, QUERIES.openPickups(areaBlock(areaCell(TORSTRASSE)), LIMITS.maxOpenPickups))),
    ),
  };
  await sleep(1500);
  const baseline = Object.fromEntries(Object.entries(listeners).map(([k, l]) => [k, l.count()]));
  const clientWrites: Record<string, number> = {};
  const step = async (name: string, run: () => Promise<unknown>, writes = 1) => {
    await run();
    clientWrites[name] = (clientWrites[name] ?? 0) + writes;
  };
  let id = "";
  await step("customer: place the order", async () => {
    id = await placeOrder(customer, {
      restaurantId: ctx.trattoria,
      items: cartFor(ctx, 1),
      deliveryAddress: TORSTRASSE,
    });
  });
  const placed = doc(customer.db, paths.order(id));
  listeners["customer: order page"] = countDelivered(onDoc(placed));
  baseline["customer: order page"] = 0;
  await whenSeen(placed, (d) => d.status === "placed");
  for (const s of ["accepted", "preparing", "ready"] as const)
    await step(`restaurant: ${s}`, () => moveOrder(ctx.staff, id, s));
  await step("courier: claim (order + courier state)", () => claimOrder(courier, id), 2);
  await step("courier: picked up", () => moveOrder(courier, id, "picked_up"));
  for (let i = 0; i < 3; i++) {
    await step("courier: position updates (3)", () =>
      setDoc(doc(courier.db, paths.courierPosition(id)), {
        lat: 52.53 + i / 1000,
        lng: 13.405,
        updatedAt: serverTimestamp(),
      }),
    );
  }
  await step("courier: delivered (order + courier state)", () => deliverOrder(courier, id), 2);
  // Booked (receipt, earning, day's figures) by the delivery's side effects.
  await whenSeen(doc(customer.db, paths.receipt(id)), () => true).catch(() => undefined);
  await sleep(3000);
  for (const l of Object.values(listeners)) l.stop();
  resumeScheduler();
  const listenerReads = Object.fromEntries(Object.entries(listeners).map(([k, l]) => [k, l.count() - baseline[k]]));
  const functions: Record<string, { reads: number; writes: number; runs: number }> = {};
  for (const m of meterLines(from, Date.now())) {
    const f = (functions[m.fn] ??= { reads: 0, writes: 0, runs: 0 });
    f.reads += m.reads;
    f.writes += m.writes;
    f.runs += 1;
  }
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const fnReads = Object.values(functions).reduce((a, f) => a + f.reads, 0);
  const fnWrites = Object.values(functions).reduce((a, f) => a + f.writes, 0);
  return {
    functions,
    functionTotals: { reads: fnReads, writes: fnWrites },
    clientWrites,
    listenerReads,
    totals: { reads: fnReads + sum(listenerReads), writes: fnWrites + sum(clientWrites) },
  };
}

// ---------- 3. cold start: module loading against its floor ----------

function coldStart() {
  const node = functionsNode().bin;
  const functionsDir = join(ROOT, "functions");
  const time = (code: string, env: Record<string, string> = {}) => {
    const res = spawnSync(node, ["-e", `const t=performance.now();${code};console.log(performance.now()-t)`], {
      cwd: functionsDir,
      env: { ...process.env, NODE_OPTIONS: "", GCLOUD_PROJECT: PROJECT_ID, ...env },
      encoding: "utf8",
    });
    return Number(res.stdout.trim());
  };
  const runs = 7;
  const floorCode =
    "require('firebase-functions/v2/firestore');require('firebase-admin/app').initializeApp();require('firebase-admin/firestore').getFirestore()";
  // What an instance of processOrder loads before its first event is handled.
  const processOrderCode = "require('./lib/index.js');require('./lib/orders/triggers.js')";
  const floor: number[] = [];
  const ours: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(time(floorCode));
    ours.push(time(processOrderCode, { FUNCTION_TARGET: "processOrder" }));
    all.push(time("require('./lib/index.js')"));
  }
  return {
    floorMs: median(floor),
    processOrderMs: median(ours),
    ratio: median(ours) / median(floor),
    allFunctionsMs: median(all),
  };
}

// ---------- 4. the web app: bytes, and the first screen at 10, 1 000 and 10 000 restaurants ----------

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

function bundleBytes() {
  const dist = join(ROOT, "web", "dist");
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const visit = (k: string) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    keys.forEach(visit);
    return [...seen].map((k) => manifest[k]);
  };
  const gz = (chunks: ManifestChunk[], kind: "js" | "css") => {
    const files = new Set(chunks.flatMap((c) => (kind === "js" ? [c.file] : (c.css ?? []))));
    return [...files].reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
  const dashboard = Object.keys(manifest).find((k) => k.endsWith("pages/dashboard/Dashboard.tsx"))!;
  return {
    firstScreen: { jsGzip: gz(closure([entry]), "js"), cssGzip: gz(closure([entry]), "css") },
    dashboard: { jsGzip: gz(closure([entry, dashboard]), "js"), cssGzip: gz(closure([entry, dashboard]), "css") },
  };
}

/** Seeds restaurants (and their public cards) around Berlin up to `total`, with a BulkWriter, and
 * returns how many there are (the seed and the pipeline's kitchens may be more than the smallest
 * size). The triggers are off while it writes: this measures the first screen, not the listing
 * trigger. */
async function growCity(total: number, template: Record<string, unknown>): Promise<number> {
  const have = (await adminDb.collection("restaurants").count().get()).data().count;
  if (have >= total) return have;
  await withFunctionTriggersDisabled({ host: HOST, port: PORTS.hub }, async () => {
    const writer = adminDb.bulkWriter();
    for (let i = have; i < total; i++) {
      const lat = CITY.bounds.south + Math.random() * (CITY.bounds.north - CITY.bounds.south);
      const lng = CITY.bounds.west + Math.random() * (CITY.bounds.east - CITY.bounds.west);
      const data = {
        ...template,
        name: `Kitchen ${i}`,
        address: { line1: `Bench Street ${i}`, city: "Berlin", lat, lng },
        openingHours: allDay(),
        updatedAt: FieldValue.serverTimestamp(),
      };
      const ref = adminDb.collection("restaurants").doc();
      void writer.set(ref, data);
      void writer.set(adminDb.doc(paths.listing(ref.id)), { ...listingOf(data)!, updatedAt: Timestamp.now() });
    }
    await writer.close();
  });
  return total;
}

/** Loads the first screen in a fresh browser: the time until the list is painted, and the
 * documents Firestore sent it (counted in the responses, an empty query as one read). */
async function firstScreen() {
  const { page, context } = await newPage();
  let reads = 0;
  page.on("response", async (res) => {
    if (!/:runQuery|:batchGet|:runAggregationQuery/.test(res.url())) return;
    try {
      const body = (await res.json()) as { document?: unknown; found?: unknown }[];
      const docs = body.filter((r) => r.document || r.found).length;
      reads += Math.max(1, docs);
    } catch {
      // not JSON (an error page): nothing was read
    }
  });
  // The moment the first card enters the DOM, taken in the page (not when the test notices it).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(".restaurant-card")) return;
      (window as unknown as { firstCardAt: number }).firstCardAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(APP_URL);
  await page.locator(".restaurant-card").first().waitFor();
  const { ms, firstQueryAt } = await page.evaluate(() => ({
    ms: (window as unknown as { firstCardAt: number }).firstCardAt,
    firstQueryAt: Math.min(
      ...performance
        .getEntriesByType("resource")
        .filter((e) => e.name.includes(":runQuery"))
        .map((e) => e.startTime),
    ),
  }));
  await sleep(500);
  await context.close();
  return { ms, reads, firstQueryAt };
}

/** The first screen's queries alone, from Node with the admin SDK: what the emulator itself takes
 * to answer them at this size, the floor for the paint time. */
async function firstPageQueries(): Promise<number> {
  const t0 = performance.now();
  await fillNearbyPage<QueryDocumentSnapshot>(nearbyPieces(CITY.center), DISCOVERY_PAGE, async (piece, n, after) => {
    const q = adminQuery(adminDb, QUERIES.nearby(piece, n));
    return (await (after ? q.startAfter(after) : q).get()).docs;
  });
  return performance.now() - t0;
}

async function scale() {
  const template = (await adminDb.collection("restaurants").limit(1).get()).docs[0].data();
  const out: { restaurants: number; reads: number; paintMs: number; queriesMs: number; appReadyMs: number }[] = [];
  for (const size of SIZES) {
    const restaurants = await growCity(size, template);
    const runs = [];
    const queries = [];
    for (let i = 0; i < PAINT_RUNS; i++) {
      runs.push(await firstScreen());
      queries.push(await firstPageQueries());
    }
    out.push({
      restaurants,
      reads: Math.max(...runs.map((r) => r.reads)),
      paintMs: median(runs.map((r) => r.ms)),
      appReadyMs: median(runs.map((r) => r.firstQueryAt)),
      queriesMs: median(queries),
    });
  }
  const first = out[0];
  const last = out[out.length - 1];
  return {
    sizes: out,
    paintRatio: last.paintMs / first.paintMs,
    queriesRatio: last.queriesMs / first.queriesMs,
    paintBeyondQueriesRatio: (last.paintMs - last.queriesMs) / (first.paintMs - first.queriesMs),
  };
}

// ---------- report ----------

const withoutIds = ({ ids: _ids, ...run }: PipelineRun & { ids: string[] }): PipelineRun => run;

async function main() {
  const ctx = await setup();
  // Cloud Scheduler's pace in production: the reconciler once a minute.
  let stopScheduler = startScheduler(60_000);
  // Untimed: the functions' first invocations (cold workers, unoptimised code) are the cold-start
  // figure's business, not the steady pipeline's.
  console.log("\nbench: warming up…");
  const warm = await pipeline(ctx, "warm-up", 1, WARM_UP_SECONDS);
  console.log("bench: 1 customer…");
  const one = await pipeline(ctx, "1 customer", 1);
  console.log(`bench: ${CUSTOMERS} customers…`);
  const many = await pipeline(ctx, `${CUSTOMERS} customers`, CUSTOMERS);
  console.log("bench: waiting for every order to end through the system…");
  const notFinal = await notFinalAfter([...warm.ids, ...one.ids, ...many.ids]);
  console.log("bench: one order's lifecycle, metered…");
  const cost = await costPerOrder(
    ctx,
    () => stopScheduler(),
    () => (stopScheduler = startScheduler(60_000)),
  );
  stopScheduler();
  console.log("bench: cold start…");
  await functionsQuiet();
  const cold = coldStart();
  console.log("bench: the web app at growing city sizes…");
  const bytes = bundleBytes();
  const city = await scale();
  const result: BenchResult = {
    at: new Date().toISOString(),
    options: { customers: CUSTOMERS, seconds: SECONDS, paintRuns: PAINT_RUNS, sizes: SIZES },
    machine: `${process.platform} ${process.arch}, ${cpus().length} cores, host node ${process.version}, functions on ${functionsNode().version}`,
    pipeline: { one: withoutIds(one), many: withoutIds(many), notFinal },
    cost,
    coldStart: cold,
    web: { ...bytes, scale: city },
  };
  const dir = join(ROOT, "bench-results");
  mkdirSync(dir, { recursive: true });
  const latest = join(dir, "latest.json");
  if (existsSync(latest)) renameSync(latest, join(dir, "previous.json"));
  writeFileSync(latest, JSON.stringify(result, null, 2));

  for (const section of sections(result)) {
    console.log(`\n${section.title}`);
    console.log(table(section.rows.map((r) => [r.figure, r.target ? `${r.value}   (target ${r.target})` : r.value])));
  }
  console.log("\nWritten to bench-results/latest.json. `npm run bench:readme` puts these figures in the README.");
  await closeBrowser();
  await closeClients();
  return notFinal === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

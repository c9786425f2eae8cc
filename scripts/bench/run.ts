// The benchmarks, run inside the emulators by scripts/bench.ts. Prints a table and writes
// bench-results/latest.json (the previous run is kept as previous.json and compared).

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import {
  collection,
  doc,
  onSnapshot,
  query,
  serverTimestamp,
  setDoc,
  where,
  type Query as ClientQuery,
  type DocumentReference as ClientDocRef,
} from "firebase/firestore";
import { FINAL_STATUSES, type OrderStatus } from "../../functions/src/domain";
const METER_COLLECTION = "_meter";
import { adminDb, closeClients, createPerson as createUser, signInAs, type Person as TestUser } from "../lib/clients";
import { claimOrder, moveOrder } from "../lib/people";
import { APP_URL, closeBrowser, newPage } from "../lib/browser";
import { ROOT } from "../lib/config";
import { DEMO_PASSWORD } from "../seed/berlin";
import { seed } from "../seed/seed";
import { median, percentile, table } from "./stats";

const { values: opts } = parseArgs({
  options: {
    customers: { type: "string", default: "20" },
    seconds: { type: "string", default: "20" },
    "paint-runs": { type: "string", default: "5" },
  },
});
const CUSTOMERS = Number(opts.customers);
const SECONDS = Number(opts.seconds);
const PAINT_RUNS = Number(opts["paint-runs"]);
const ADDRESS = { line1: "Torstraße 100", city: "Berlin", lat: 52.529, lng: 13.401 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Ctx {
  restaurantIds: Record<string, string>;
  menu: { id: string; options: Record<string, string[]> }[];
  staff: TestUser;
  courier: TestUser;
}

async function setup(): Promise<Ctx> {
  const { restaurantIds } = await seed("demo-dishpatch");
  const snap = await adminDb
    .collection(`restaurants/${restaurantIds.trattoria}/menu`)
    .where("available", "==", true)
    .get();
  const menu = snap.docs.map((d) => ({
    id: d.id,
    options: Object.fromEntries(
      (d.get("optionGroups") as { id: string; min: number; options: { id: string }[] }[])
        .filter((g) => g.min > 0)
        .map((g) => [g.id, [g.options[0].id]]),
    ),
  }));
  const staff = await signInAs("owner.trattoria@dishpatch.test", DEMO_PASSWORD);
  const courier = await signInAs("courier@dishpatch.test", DEMO_PASSWORD);
  return { restaurantIds, menu, staff, courier };
}

function cartFor(ctx: Ctx, i: number) {
  const a = ctx.menu[i % ctx.menu.length],
    b = ctx.menu[(i * 7 + 3) % ctx.menu.length];
  return [
    { itemId: a.id, quantity: 1 + (i % 2), options: a.options },
    { itemId: b.id, quantity: 1, options: b.options },
  ];
}

/** Resolves when the document's status is one of `statuses`, with the time it was seen. */
function whenStatus(ref: ClientDocRef, statuses: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const stop = onSnapshot(
      ref,
      (s) => {
        if (statuses.includes(s.get("status")) && !s.metadata.hasPendingWrites) {
          stop();
          resolve(performance.now());
        }
      },
      reject,
    );
  });
}

// ---------- 1. the order pipeline under load ----------

async function pipeline(ctx: Ctx) {
  const customers = await Promise.all(
    Array.from({ length: CUSTOMERS }, (_, i) => createUser({}, `Bench Customer ${i}`)),
  );
  const sent = new Map<string, number>();
  const toPlaced: number[] = [];
  const toRestaurant: number[] = [];
  // The restaurant's inbox, as its staff's browser would listen to it.
  const heard = onSnapshot(
    query(collection(ctx.staff.db, `users/${ctx.staff.uid}/notifications`), where("status", "==", "placed")),
    (s) => {
      const now = performance.now();
      for (const ch of s.docChanges()) {
        const t0 = sent.get(ch.doc.get("orderId"));
        if (ch.type === "added" && t0 !== undefined) toRestaurant.push(now - t0);
      }
    },
  );
  const ids: { id: string; customer: TestUser }[] = [];
  const end = performance.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    customers.map(async (customer) => {
      while (performance.now() < end) {
        const ref = doc(collection(customer.db, "orders"));
        const t0 = performance.now();
        sent.set(ref.id, t0);
        await setDoc(ref, {
          customerId: customer.uid,
          restaurantId: ctx.restaurantIds.trattoria,
          status: "submitted",
          items: cartFor(ctx, n++),
          deliveryAddress: ADDRESS,
          note: "",
          createdAt: serverTimestamp(),
        });
        // Watched once it exists: the rules let nobody watch a document that is not there yet.
        toPlaced.push((await whenStatus(ref, ["placed", "rejected"])) - t0);
        ids.push({ id: ref.id, customer });
      }
    }),
  );
  const elapsed = (performance.now() - (end - SECONDS * 1000)) / 1000;
  await sleep(2000);
  heard();
  // Bring every order to a final state: the customers cancel what the restaurant has not taken.
  await Promise.all(
    ids.map(async ({ id, customer }) => {
      const s = (await adminDb.doc(`orders/${id}`).get()).get("status");
      if (s === "placed") await moveOrder(customer, id, "cancelled").catch(() => undefined);
    }),
  );
  await sleep(3000);
  const statuses = await Promise.all(
    ids.map(async ({ id }) => (await adminDb.doc(`orders/${id}`).get()).get("status") as OrderStatus),
  );
  const notFinal = statuses.filter((s) => !FINAL_STATUSES.includes(s)).length;
  const sorted = [...toPlaced].sort((a, b) => a - b);
  const heardSorted = [...toRestaurant].sort((a, b) => a - b);
  return {
    customers: CUSTOMERS,
    seconds: SECONDS,
    orders: ids.length,
    ordersPerSecond: ids.length / elapsed,
    placedMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) },
    restaurantNotifiedMs: {
      p50: percentile(heardSorted, 50),
      p95: percentile(heardSorted, 95),
      p99: percentile(heardSorted, 99),
      count: heardSorted.length,
    },
    rejected: statuses.filter((s) => s === "rejected").length,
    notFinal,
  };
}

// ---------- 2. Firestore cost of one order, submitted to delivered ----------

/** Counts the documents a client listener is delivered: what Firestore bills it as reads. */
function countDelivered(target: ClientQuery | ClientDocRef): { stop: () => void; count: () => number } {
  let n = 0;
  const stop =
    "type" in target && target.type === "document"
      ? onSnapshot(target as ClientDocRef, (s) => {
          if (!s.metadata.hasPendingWrites && !s.metadata.fromCache) n += 1;
        })
      : onSnapshot(target as ClientQuery, (s) => {
          if (!s.metadata.fromCache) n += Math.max(s.docChanges().length, s.empty && n === 0 ? 1 : 0);
        });
  return { stop, count: () => n };
}

async function costPerOrder(ctx: Ctx) {
  const customer = await createUser({}, "Cost Customer");
  await adminDb
    .collection(METER_COLLECTION)
    .get()
    .then((s) => Promise.all(s.docs.map((d) => d.ref.delete())));
  const ref = doc(collection(customer.db, "orders"));
  // The listeners the three faces keep open while an order is under way.
  const listeners: Record<string, { stop: () => void; count: () => number }> = {
    "customer: inbox": countDelivered(collection(customer.db, `users/${customer.uid}/notifications`)),
    "restaurant: order board": countDelivered(
      query(
        collection(ctx.staff.db, "orders"),
        where("restaurantId", "==", ctx.restaurantIds.trattoria),
        where("status", "in", ["placed", "accepted", "preparing", "ready", "picked_up"]),
      ),
    ),
    "courier: open orders": countDelivered(
      query(collection(ctx.courier.db, "orders"), where("status", "==", "ready"), where("courierId", "==", null)),
    ),
  };
  await sleep(1500);
  const baseline = Object.fromEntries(Object.entries(listeners).map(([k, l]) => [k, l.count()]));
  const clientWrites: Record<string, number> = {};
  const step = async (name: string, run: () => Promise<unknown>, writes = 1) => {
    await run();
    clientWrites[name] = (clientWrites[name] ?? 0) + writes;
  };
  await step("customer: place order", () =>
    setDoc(ref, {
      customerId: customer.uid,
      restaurantId: ctx.restaurantIds.trattoria,
      status: "submitted",
      items: cartFor(ctx, 1),
      deliveryAddress: ADDRESS,
      note: "",
      createdAt: serverTimestamp(),
    }),
  );
  // The customer's order page opens once the order exists (the rules let nobody watch a
  // document that is not there yet).
  listeners["customer: order page"] = countDelivered(ref);
  baseline["customer: order page"] = 0;
  await whenStatus(ref, ["placed"]);
  for (const s of ["accepted", "preparing", "ready"] as const)
    await step(`restaurant: ${s}`, () => moveOrder(ctx.staff, ref.id, s));
  await step("courier: claim", () => claimOrder(ctx.courier, ref.id));
  await step("courier: picked_up", () => moveOrder(ctx.courier, ref.id, "picked_up"));
  for (let i = 0; i < 3; i++) {
    await step("courier: position updates (3)", () =>
      setDoc(doc(ctx.courier.db, `orders/${ref.id}/tracking/courier`), {
        lat: 52.53 + i / 1000,
        lng: 13.405,
        updatedAt: serverTimestamp(),
      }),
    );
  }
  await step("courier: delivered", () => moveOrder(ctx.courier, ref.id, "delivered"));
  await sleep(4000);
  for (const l of Object.values(listeners)) l.stop();
  const listenerReads = Object.fromEntries(Object.entries(listeners).map(([k, l]) => [k, l.count() - baseline[k]]));
  const meter = await adminDb.collection(METER_COLLECTION).where("orderId", "==", ref.id).get();
  const functions: Record<string, { reads: number; writes: number; runs: number }> = {};
  for (const m of meter.docs) {
    const f = (functions[m.get("fn")] ??= { reads: 0, writes: 0, runs: 0 });
    f.reads += m.get("reads");
    f.writes += m.get("writes");
    f.runs += 1;
  }
  // The first screen: one read of the restaurant list.
  const anonymous = await adminDb.collection("restaurants").count().get();
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const fnReads = Object.values(functions).reduce((a, f) => a + f.reads, 0);
  const fnWrites = Object.values(functions).reduce((a, f) => a + f.writes, 0);
  return {
    functions,
    clientWrites,
    listenerReads,
    totals: { reads: fnReads + sum(listenerReads), writes: fnWrites + sum(clientWrites) },
    firstScreenReads: anonymous.data().count,
  };
}

// ---------- 3. the web app: bytes and time to the list ----------

interface ManifestChunk {
  file: string;
  src?: string;
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
      if (seen.has(k)) return;
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
  const first = closure([entry]);
  const dash = closure([entry, dashboard]);
  return {
    firstScreen: { jsGzip: gz(first, "js"), cssGzip: gz(first, "css") },
    dashboard: { jsGzip: gz(dash, "js"), cssGzip: gz(dash, "css") },
  };
}

async function paintTimes(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < PAINT_RUNS; i++) {
    const { page, context } = await newPage();
    await page.goto(APP_URL);
    await page.locator(".restaurant-card").first().waitFor();
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return times;
}

// ---------- report ----------

const fmt = (n: number, unit = "") =>
  Number.isFinite(n) ? `${n >= 100 ? Math.round(n) : n.toFixed(1)}${unit}` : "n/a";
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function compare(current: Record<string, unknown>, previous: Record<string, unknown> | null, path: string[]): string {
  if (!previous) return "";
  const get = (o: unknown) => path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
  const now = get(current),
    before = get(previous);
  if (typeof now !== "number" || typeof before !== "number" || before === 0) return "";
  const delta = ((now - before) / before) * 100;
  return `  (${delta >= 0 ? "+" : ""}${delta.toFixed(0)} % vs last run)`;
}

async function main() {
  const ctx = await setup();
  console.log(`\nbench: ${CUSTOMERS} customers for ${SECONDS} s…`);
  const load = await pipeline(ctx);
  console.log("bench: one order's lifecycle, metered…");
  const cost = await costPerOrder(ctx);
  console.log("bench: web bundle and paint…");
  const bytes = bundleBytes();
  const paints = await paintTimes();
  const result = {
    at: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    pipeline: load,
    cost,
    web: { ...bytes, listPaintedMs: { median: median(paints), runs: paints } },
  };
  const dir = join(ROOT, "bench-results");
  mkdirSync(dir, { recursive: true });
  const latest = join(dir, "latest.json");
  const previous = existsSync(latest) ? (JSON.parse(readFileSync(latest, "utf8")) as Record<string, unknown>) : null;
  if (previous) renameSync(latest, join(dir, "previous.json"));
  writeFileSync(latest, JSON.stringify(result, null, 2));
  const c = (p: string[]) => compare(result, previous, p);

  console.log("\nOrder pipeline (emulators, one machine)");
  console.log(
    table([
      ["customers × seconds", `${load.customers} × ${load.seconds}`],
      ["orders placed", String(load.orders)],
      ["orders per second", fmt(load.ordersPerSecond) + c(["pipeline", "ordersPerSecond"])],
      [
        "write → placed p50/p95/p99",
        `${fmt(load.placedMs.p50)} / ${fmt(load.placedMs.p95)} / ${fmt(load.placedMs.p99)} ms` +
          c(["pipeline", "placedMs", "p95"]),
      ],
      [
        "write → restaurant notified p50/p95/p99",
        `${fmt(load.restaurantNotifiedMs.p50)} / ${fmt(load.restaurantNotifiedMs.p95)} / ${fmt(load.restaurantNotifiedMs.p99)} ms`,
      ],
      ["orders not in a final state", String(load.notFinal)],
    ]),
  );
  console.log("\nFirestore cost of one order, submitted → delivered");
  console.log(
    table([
      ...Object.entries(cost.functions).map(([fn, f]): [string, string] => [
        `function ${fn}${f.runs > 1 ? ` (×${f.runs})` : ""}`,
        `${f.reads} reads, ${f.writes} writes`,
      ]),
      ...Object.entries(cost.clientWrites).map(([k, w]): [string, string] => [k, `${w} writes`]),
      ...Object.entries(cost.listenerReads).map(([k, r]): [string, string] => [`listener ${k}`, `${r} reads`]),
      ["total", `${cost.totals.reads} reads, ${cost.totals.writes} writes` + c(["cost", "totals", "reads"])],
      ["customer's first screen", `${cost.firstScreenReads} reads (one per restaurant listed)`],
    ]),
  );
  console.log("\nWeb app");
  console.log(
    table([
      [
        "first screen JS / CSS (gzip)",
        `${kb(bytes.firstScreen.jsGzip)} / ${kb(bytes.firstScreen.cssGzip)}` + c(["web", "firstScreen", "jsGzip"]),
      ],
      ["dashboard JS / CSS (gzip)", `${kb(bytes.dashboard.jsGzip)} / ${kb(bytes.dashboard.cssGzip)}`],
      [
        `navigation → restaurant list painted (median of ${PAINT_RUNS})`,
        `${fmt(median(paints))} ms` + c(["web", "listPaintedMs", "median"]),
      ],
    ]),
  );
  console.log(`\nWritten to bench-results/latest.json${previous ? " (the run before is in previous.json)" : ""}.`);
  await closeBrowser();
  await closeClients();
  return load.notFinal === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

// The benchmarks, run inside the emulators by scripts/bench.ts. Every latency is measured against a
// floor taken in the same run on the same emulators (a minimal trigger, and module loading without
// Dishpatch's code), so a noisy machine moves both. Prints every figure against its target and
// writes bench-results/latest.json (the run before is kept as previous.json); `npm run
// bench:readme` writes the README's table from it.

import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { closeBrowser } from "../lib/browser";
import { closeClients } from "../lib/clients";
import { ROOT } from "../lib/config";
import { functionsNode } from "../lib/emulatorEnv";
import { startScheduler } from "../lib/scheduler";
import { DEMO_PASSWORD } from "../seed/berlin";
import { browserLatency } from "./browserLatency";
import { bundles } from "./bundles";
import { cityScale, firstScreen, firstScreenSignedIn } from "./cityScale";
import { coldStart } from "./coldStart";
import { closePeople, kitchens, setup, type Ctx } from "./fixtures";
import { interleavedRound } from "./interleaved";
import { lighthouse } from "./lighthouse";
import { functionsQuiet } from "./meterLog";
import { OPTIONS, runs } from "./options";
import { orderCost } from "./orderCost";
import { benchParams } from "./params";
import { placementCost, reconcilerShare } from "./roundCosts";
import { floorPeople, floorRound, ordersRound, settle, type OrdersRound, type RoundResult } from "./rounds";
import { header, mark, sections, type BenchResult } from "./report";
import { table } from "./stats";

const { customers: N, seconds: SECONDS, rounds: ROUNDS } = OPTIONS;
const WARM_UP_SECONDS = 8;
const ACCEPT_TIMEOUT_MS = benchParams(SECONDS).ACCEPT_TIMEOUT_SECONDS * 1000;
const OWNER = "owner.trattoria@dishpatch.test";
const CUSTOMER = "customer@dishpatch.test";

/** When the last of these orders is due to time out. */
const dueBy = (orders: { sentAt: number }[]) => Math.max(0, ...orders.map((o) => o.sentAt)) + ACCEPT_TIMEOUT_MS;

/** Orders each client may place in a round: as many as the last orders round at this number of
 * clients placed, else one per floor round trip (an order takes longer than the floor). */
function expectedPerClient(clients: number, done: RoundResult[], floorP50: number): number {
  const last = done.filter((r) => r.kind === "orders" && r.clients === clients).pop();
  if (last) return (last.latency.n + last.rejected) / clients;
  return Math.min(1000, (SECONDS * 1000) / Math.max(10, 1.5 * floorP50));
}

async function separateRounds(ctx: Ctx, kitchenIds: string[]): Promise<NonNullable<BenchResult["rounds"]>> {
  const results: RoundResult[] = [];
  const orderRounds: OrdersRound[] = [];
  const floorSpans: [number, number][] = [];
  let notEnded = 0;
  const from = Date.now();
  for (const clients of [1, N]) {
    const floorClients = await floorPeople(clients);
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`bench: ${clients === 1 ? "1 client" : `${clients} clients`}, round ${round}: floor pings only…`);
      await functionsQuiet(3000);
      const f0 = Date.now();
      const floor = await floorRound(floorClients, round, SECONDS);
      floorSpans.push([f0, Date.now()]);
      results.push(floor);
      await functionsQuiet(3000);
      console.log(`bench: ${clients === 1 ? "1 client" : `${clients} clients`}, round ${round}: orders only…`);
      const expected = expectedPerClient(clients, results, floor.latency.p50);
      const orders = await ordersRound(ctx, kitchenIds.shift()!, clients, round, SECONDS, expected);
      results.push(orders);
      orderRounds.push(orders);
      console.log("bench: waiting for the round's orders to end through the system…");
      notEnded += await settle(
        orders.orders.map((o) => o.id),
        dueBy(orders.orders),
      );
    }
    await closePeople(floorClients);
  }
  const ordersWritten = orderRounds.reduce((a, r) => a + r.orders.length, 0);
  return {
    results,
    placement: placementCost(orderRounds, floorSpans, SECONDS),
    reconciler: reconcilerShare(from, Date.now(), ordersWritten),
    notEnded,
  };
}

async function interleaved(
  ctx: Ctx,
  kitchenIds: string[],
  separate: RoundResult[],
): Promise<NonNullable<BenchResult["interleaved"]>> {
  const results = [];
  let notEnded = 0;
  for (const clients of [1, N]) {
    console.log(`bench: interleaved, ${clients === 1 ? "1 client" : `${clients} clients`}…`);
    // Half the orders of a round of orders only, or one per 100 ms without one.
    const expected = 0.6 * expectedPerClient(clients, separate, 200 / 1.5);
    const r = await interleavedRound(ctx, kitchenIds.shift()!, clients, SECONDS, expected);
    results.push(r);
    notEnded += await settle(
      r.orders.map((o) => o.id),
      dueBy(r.orders),
    );
  }
  return { results, notEnded };
}

async function main(): Promise<number> {
  const loadStart = loadavg()[0];
  const ctx = await setup();
  const kitchenIds = await kitchens(ctx, [
    "warm-up",
    ...[1, N].flatMap((c) => Array.from({ length: ROUNDS }, (_, i) => `${c} clients, round ${i + 1}`)),
    "interleaved, 1 client",
    `interleaved, ${N} clients`,
  ]);
  // Cloud Scheduler's pace in production: the reconciler once a minute.
  let stopScheduler = startScheduler(60_000);
  const result: BenchResult = {
    at: new Date().toISOString(),
    options: { ...OPTIONS },
    parts: OPTIONS.parts,
    machine: `${process.platform} ${process.arch}, ${cpus().length} cores, host node ${process.version}, functions on ${functionsNode().version}`,
    load: { start: loadStart, end: 0 },
    params: benchParams(SECONDS),
  };

  if (runs("rounds") || runs("interleaved")) {
    // Untimed: the functions' first invocations (cold workers, unoptimised code) are the cold-start
    // figure's business, not the rounds'.
    console.log("\nbench: warming up…");
    const floorClients = await floorPeople(N);
    await floorRound(floorClients, 0, WARM_UP_SECONDS);
    await closePeople(floorClients);
    const warm = await ordersRound(ctx, kitchenIds.shift()!, N, 0, WARM_UP_SECONDS, 100);
    await settle(
      warm.orders.map((o) => o.id),
      dueBy(warm.orders),
    );
  } else kitchenIds.shift();
  // Before the rounds: the emulator's rule coverage report, which the lifecycle's rules check reads,
  // lists every value each expression took (112 MB after the warm-up and one short round), and after
  // the rounds' thousands of orders the emulator no longer answers it in time.
  if (runs("cost")) {
    console.log("bench: one order's lifecycle, metered…");
    result.cost = await orderCost(
      ctx,
      () => stopScheduler(),
      () => (stopScheduler = startScheduler(60_000)),
    );
  }
  // The browser's orders too: the emulator counts a customer's open orders (processOrder's check)
  // by going through every order it holds, where Firestore answers from an index. After the
  // rounds' thousands of orders, processOrder took 412 ms of a click on Place order (2026-12-07),
  // against 25 ms in the first round.
  if (runs("browser")) {
    console.log("bench: in the browser, placing and accepting…");
    result.browser = await browserLatency(ctx, OPTIONS.tries, OWNER);
  }
  const roundKitchens = kitchenIds.splice(0, 2 * ROUNDS);
  if (runs("rounds")) result.rounds = await separateRounds(ctx, roundKitchens);
  if (runs("interleaved")) result.interleaved = await interleaved(ctx, kitchenIds, result.rounds?.results ?? []);
  stopScheduler();
  if (runs("lighthouse")) {
    console.log("bench: Lighthouse, mobile…");
    await functionsQuiet();
    result.lighthouse = lighthouse(ctx.trattoria, OPTIONS.lighthouseRuns) ?? undefined;
  }
  if (runs("cold")) {
    console.log("bench: cold start…");
    await functionsQuiet();
    result.coldStart = coldStart();
  }
  if (runs("web")) {
    console.log("bench: the web app's bytes, and the first screen at growing city sizes…");
    result.web = {
      bundles: bundles(),
      signedOut: await firstScreen(),
      signedIn: await firstScreenSignedIn(CUSTOMER, DEMO_PASSWORD),
      scale: await cityScale(OPTIONS.sizes, OPTIONS.paintRuns),
    };
  }
  result.load.end = loadavg()[0];

  const dir = join(ROOT, "bench-results");
  mkdirSync(dir, { recursive: true });
  const latest = join(dir, "latest.json");
  if (existsSync(latest)) renameSync(latest, join(dir, "previous.json"));
  writeFileSync(latest, JSON.stringify(result, null, 2));

  console.log(`\n${header(result)}`);
  for (const section of sections(result)) {
    console.log(`\n${section.title}`);
    console.log(
      table(section.rows.map((r) => [r.figure, r.target ? `${r.value}   (target ${r.target}: ${mark(r)})` : r.value])),
    );
  }
  console.log("\nWritten to bench-results/latest.json. `npm run bench:readme` puts these figures in the README.");
  await closeBrowser();
  await closeClients();
  const notEnded = (result.rounds?.notEnded ?? 0) + (result.interleaved?.notEnded ?? 0);
  return notEnded === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

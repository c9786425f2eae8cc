// The capacity model (functions/src/domain/capacity.ts): the documents an order writes, their
// writes a second under a load against Firestore's limits, the functions each order invokes, and
// the README's Capacity section rendered from them.

import { strict as assert } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  ASSUMPTIONS,
  CITY_LOAD,
  collectionLoads,
  documentLoads,
  FIRESTORE_LIMITS,
  invocationLoads,
  orderDocuments,
  orderInvocations,
  POSITION_EVERY_MS,
  rampMinutes,
  reconcilerLoad,
  RESTAURANT_PEAK,
  NOT_PER_ORDER,
  type OrderDocKind,
  type OrderDocument,
} from "../../functions/src/domain/capacity";
import { paths } from "../../functions/src/domain/collections";
import { PROMO_SHARDS } from "../../functions/src/domain/promo";
import { CAPACITY_BLOCK, markdown, readIndexFacts } from "../../scripts/capacity/report";
import { ROOT } from "../../scripts/lib/config";
import { README_PATH, readBlock } from "../../scripts/lib/readmeBlock";

const byKind = (kind: OrderDocKind) => {
  const doc = orderDocuments().find((d) => d.kind === kind);
  assert.ok(doc, `no ${kind} in the list`);
  return doc;
};
const loadOf = (kind: OrderDocKind, load = CITY_LOAD) => documentLoads(load).find((d) => d.doc.kind === kind)!;
const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9 * Math.max(1, expected), `${what}: ${actual}, expected ${expected}`);

/** A document of the whole city written once per order: what the model must flag at city scale. */
const singleton: OrderDocument = {
  kind: "order",
  what: "a city counter",
  path: "system/counter",
  helper: "reconcilerState",
  writtenBy: "a test",
  writesPerOrder: 1,
  scope: "city",
};

const source = (path: string) => readFileSync(join(ROOT, path), "utf8");
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    return statSync(join(ROOT, rel)).isDirectory() ? filesUnder(rel) : [rel];
  });
}

describe("unit: the capacity model", () => {
  it("names each document's path by the paths helper that builds it", () => {
    const all = [...orderDocuments(), ...NOT_PER_ORDER];
    for (const d of all) {
      const placeholders = d.path.match(/\{[A-Za-z]+\}/g) ?? [];
      const build = paths[d.helper] as (...args: string[]) => string;
      assert.equal(build(...placeholders), d.path, `${d.path} is not paths.${d.helper}`);
    }
  });

  it("lists every kind of document the issue names", () => {
    // order, restaurant counters, daily stats, promo allocations, courier state, inbox, listings
    const named: OrderDocKind[] = [
      "order",
      "restaurantRating",
      "dailyStats",
      "promoAllocation",
      "courierState",
      "customerInbox",
      "listing",
    ];
    const kinds = orderDocuments().map((d) => d.kind);
    for (const k of named) assert.ok(kinds.includes(k), `${k} is missing`);
    assert.equal(new Set(kinds).size, kinds.length, "a kind is listed twice");
  });

  it("counts an order's writes from the state machine: the cart, each later status, the claim", () => {
    assert.equal(byKind("order").writesPerOrder, 8);
    assert.equal(byKind("customerInbox").writesPerOrder, 10, "five statuses told, each marked read");
    assert.equal(byKind("webhookDelivery").documents, 6, "placed, accepted, preparing, ready, picked up, delivered");
    const calls = orderInvocations();
    assert.equal(calls.find((c) => c.fn === "onOrderUpdated")?.perOrder, 7, "every write to the order after the cart");
    assert.equal(calls.find((c) => c.fn === "deliverWebhook")?.perOrder, 6);
  });

  it("keeps a restaurant-day document within the limit at a busy restaurant's 3 orders a minute", () => {
    const stats = loadOf("dailyStats", RESTAURANT_PEAK);
    assert.equal(stats.doc.scope, "restaurant-day");
    close(stats.writesPerSecond, (3 / 60) * (2 / 10), "daily stats");
    assert.equal(stats.withinLimit, true);
    close(stats.limitAtOrdersPerMinute!, 300, "orders a minute at one restaurant to reach 1 write/s");
  });

  it("flags a city-wide singleton written once per order at 1,000 orders a minute, not at 3", () => {
    const [city] = documentLoads(CITY_LOAD, ASSUMPTIONS, [singleton]);
    close(city.writesPerSecond, 1000 / 60, "a singleton at 1,000 orders a minute");
    assert.equal(city.withinLimit, false);
    close(city.limitAtOrdersPerMinute!, 60, "orders a minute across the city to reach 1 write/s");
    const [peak] = documentLoads(RESTAURANT_PEAK, ASSUMPTIONS, [singleton]);
    assert.equal(peak.withinLimit, true);
  });

  it("divides a sharded document's writes by its shards", () => {
    const promo = loadOf("promoAllocation");
    close(promo.writesPerSecond, 1000 / 60 / PROMO_SHARDS, "each allocation");
    assert.equal(promo.withinLimit, true);
    const [one] = documentLoads(CITY_LOAD, ASSUMPTIONS, [{ ...promo.doc, documents: undefined }]);
    close(one.writesPerSecond, 1000 / 60, "one allocation taking every redemption");
    close(promo.limitAtOrdersPerMinute!, 60 * PROMO_SHARDS, "redemptions a minute of one code to reach 1 write/s");
  });

  it("does not grow an order's own documents with the city", () => {
    const quiet = loadOf("order", { ...CITY_LOAD, cityOrdersPerMinute: 10 });
    const busy = loadOf("order", { ...CITY_LOAD, cityOrdersPerMinute: 100_000 });
    close(busy.writesPerSecond, quiet.writesPerSecond, "the order at 100,000 a minute");
    close(busy.writesPerSecond, 8 / (ASSUMPTIONS.orderMinutes * 60), "eight writes over the order's life");
    assert.equal(busy.limitAtOrdersPerMinute, null);
  });

  it("holds the courier's position to its writer's spacing, and a subcollection to its parent's writes", () => {
    close(loadOf("courierPosition").writesPerSecond, 1000 / POSITION_EVERY_MS, "the courier's position");
    const city = (1000 / 60) * ASSUMPTIONS.rideMinutes * 60 * (1000 / POSITION_EVERY_MS);
    const own = collectionLoads(CITY_LOAD).find((g) => g.group === "tracking")!;
    close(own.cityWritesPerSecond, city, "every order on its way");
    assert.equal(own.withinLimit, true, "one order's tracking collection takes 0.2 writes a second");
    const spanned = collectionLoads(CITY_LOAD, ["tracking"]).find((g) => g.group === "tracking")!;
    assert.equal(spanned.withinLimit, false, "an index spanning every order's tracking takes the city's");
    assert.equal(collectionLoads(CITY_LOAD).find((g) => g.group === "orders")?.topLevel, true);
  });

  it("ramps a new collection from 500 operations a second by 50 % every 5 minutes", () => {
    assert.equal(FIRESTORE_LIMITS.rampStartPerSecond, 500);
    assert.equal(rampMinutes(500), 0);
    assert.equal(rampMinutes(750), 5);
    assert.equal(rampMinutes(751), 10);
    assert.equal(rampMinutes(2000), 20, "500 → 750 → 1,125 → 1,688 → 2,531");
  });

  it("sizes the functions: invocations a second, instances at the execution time, and their queues", () => {
    const calls = invocationLoads(CITY_LOAD);
    const updated = calls.find((c) => c.call.fn === "onOrderUpdated")!;
    close(updated.perSecond, (7 * 1000) / 60, "onOrderUpdated a second");
    close(updated.concurrent, (7 * 1000 * 0.2) / 60, "under way at once at 200 ms");
    assert.equal(updated.instances, 1, "23 under way fit one instance of 80");
    assert.equal(updated.withinLimit, true);
    const at = (executionMs: number) =>
      invocationLoads(CITY_LOAD, { ...ASSUMPTIONS, executionMs }).find((c) => c.call.fn === "onOrderUpdated")!;
    assert.equal(at(12_000).instances, 18, "at 12 s each: 1,400 under way, 80 an instance");
    assert.equal(at(12_000).withinLimit, true);
    assert.equal(at(14_000).withinLimit, false, "21 instances needed, 20 at most");
    const webhooks = calls.find((c) => c.call.fn === "deliverWebhook")!;
    assert.equal(webhooks.withinLimit, true, "100 deliveries under way against a queue of 150");
    close(webhooks.limitAtOrdersPerMinute, 1500, "150 at once of a second each, six an order");
    const slow = invocationLoads(CITY_LOAD, { ...ASSUMPTIONS, webhookMs: 2_000 }).find(
      (c) => c.call.fn === "deliverWebhook",
    )!;
    assert.equal(slow.withinLimit, false, "partners answering in 2 s: 200 under way against 150");
  });

  it("counts every write to an order as a change the reconciler's sweep checks, page after page within its budget", () => {
    const city = reconcilerLoad(CITY_LOAD);
    assert.equal(city.changedOrdersPerMinute, 8_000, "eight writes an order at 1,000 orders a minute");
    assert.equal(city.pages, 80, "40 s of pages of 200 checked 20 at a time, 50 ms each");
    assert.equal(city.capacity, 16_000);
    assert.equal(city.withinLimit, true);
    assert.equal(reconcilerLoad({ ...CITY_LOAD, cityOrdersPerMinute: 2_001 }).withinLimit, false);
    assert.equal(reconcilerLoad(CITY_LOAD, { ...ASSUMPTIONS, reconcilerCheckMs: 200 }).withinLimit, false);
  });

  it("takes its settings from the code it describes", () => {
    const backend = filesUnder("functions/src").filter(
      (f) => f.endsWith(".ts") && !f.includes("/domain/") && !f.endsWith("/options.ts"),
    );
    const set = backend.filter((f) => /\bmaxInstances\b|\bconcurrency\s*:/.test(source(f)));
    assert.deepEqual(set, [], "a function sets its own maxInstances or concurrency: the model must say so");
    // The code takes each figure from the model, so the two cannot differ.
    assert.match(
      source("functions/src/options.ts"),
      /setGlobalOptions\(\{ region: REGION, \.\.\.FUNCTION_SETTINGS \}\)/,
    );
    assert.match(source("functions/src/api/rateLimit.ts"), /USAGE_SHARDS = API_USAGE_SHARDS;/);
    assert.match(source("web/src/pages/courier/position.ts"), /SHARE_MIN_INTERVAL_MS = POSITION_EVERY_MS;/);
  });

  it("is what README.md's Capacity section holds (npm run capacity:readme writes it)", () => {
    const held = readBlock(readFileSync(README_PATH, "utf8"), CAPACITY_BLOCK);
    assert.ok(held !== null, "README.md has no capacity markers");
    assert.equal(
      held,
      `\n${markdown(readIndexFacts())}\n`,
      "README.md's Capacity section is stale: npm run capacity:readme",
    );
  });
});

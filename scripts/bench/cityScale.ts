// The first screen in a browser at growing city sizes (10, 1,000, 10,000 restaurants): the
// documents it reads, the time until the list has painted, and the same queries run from Node
// (what the emulator itself takes to answer them at that size). Also which JS files the browser
// fetched before the list painted, signed out and as a returning signed-in user.

import { withFunctionTriggersDisabled } from "@firebase/rules-unit-testing";
import { FieldValue, Timestamp, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { BrowserContext } from "playwright-core";
import { adminQuery } from "../../functions/src/query";
import {
  allDay,
  CITY,
  DISCOVERY_PAGE,
  fillNearbyPage,
  listingOf,
  nearbyPieces,
  paths,
  QUERIES,
} from "../../functions/src/domain";
import { newPage, signIn } from "../lib/browser";
import { adminDb } from "../lib/clients";
import { APP_URL, HOST, PORTS } from "../lib/config";
import { gzipped } from "./bundles";
import { median } from "./stats";
import { sleep } from "./watch";

/** Seeds restaurants (and their public cards) around Berlin up to `total`, with a BulkWriter, and
 * returns how many there are (the seed may be more than the smallest size). The triggers are off
 * while it writes: this measures the first screen, not the listing trigger. */
async function growCity(total: number, template: Record<string, unknown>): Promise<number> {
  const have = (await adminDb.collection(paths.listings()).count().get()).data().count;
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

export interface FirstScreenLoad {
  /** Until the first restaurant card was in the DOM, in the page's clock. */
  ms: number;
  /** The moment the first Firestore query left. */
  firstQueryAt: number;
  /** From the first query's start to the last one's answer before the paint, and how many. */
  queriesSpan: number;
  queries: number;
  /** Documents Firestore sent (an empty query counted as one read). */
  reads: number;
  /** JS files the page fetched before the first card was in the DOM, gzipped. */
  jsGzip: number;
  jsFiles: string[];
}

/** Loads the first screen in `context` (a fresh one unless given). */
export async function firstScreen(given?: BrowserContext): Promise<FirstScreenLoad> {
  const { page, context } = given ? { page: await given.newPage(), context: given } : await newPage();
  let reads = 0;
  page.on("response", async (res) => {
    if (!/:runQuery|:batchGet|:runAggregationQuery/.test(res.url())) return;
    try {
      const body = (await res.json()) as { document?: unknown; found?: unknown }[];
      reads += Math.max(1, body.filter((r) => r.document || r.found).length);
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
  const { ms, firstQueryAt, queriesSpan, queries, js } = await page.evaluate(() => {
    const firstCardAt = (window as unknown as { firstCardAt: number }).firstCardAt;
    const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const asked = resources.filter((e) => e.name.includes(":runQuery") && e.responseEnd <= firstCardAt);
    const firstQueryAt = Math.min(...asked.map((e) => e.startTime));
    return {
      ms: firstCardAt,
      firstQueryAt,
      queriesSpan: Math.max(...asked.map((e) => e.responseEnd)) - firstQueryAt,
      queries: asked.length,
      js: resources
        .filter((e) => e.startTime < firstCardAt && new URL(e.name).pathname.endsWith(".js"))
        .map((e) => new URL(e.name).pathname.slice(1)),
    };
  });
  await sleep(500);
  if (given) await page.close();
  else await context.close();
  return {
    ms,
    firstQueryAt,
    queriesSpan,
    queries,
    reads,
    jsGzip: js.reduce((n, f) => n + gzipped(f), 0),
    jsFiles: js,
  };
}

/** The first screen as a returning user sees it: signed in on this browser before. */
export async function firstScreenSignedIn(email: string, password: string): Promise<FirstScreenLoad> {
  const { page, context } = await newPage();
  await signIn(page, email, password);
  await page.close();
  const load = await firstScreen(context);
  await context.close();
  return load;
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

export interface CityScale {
  sizes: {
    restaurants: number;
    reads: number;
    paintMs: number;
    queriesMs: number;
    appReadyMs: number;
    /** The page's own queries before the paint: from the first sent to the last answered (median), and how many. */
    pageQueriesMs?: number;
    pageQueries?: number;
  }[];
  paintRatio: number;
  /** The same queries from Node: how much slower the emulator itself answers at the larger size. */
  queriesRatio: number;
  /** The paint time less the emulator's query time, larger size over smaller. */
  paintBeyondQueriesRatio: number;
}

export async function cityScale(sizes: number[], paintRuns: number): Promise<CityScale> {
  const template = (await adminDb.collection("restaurants").limit(1).get()).docs[0].data();
  const out: CityScale["sizes"] = [];
  for (const size of sizes) {
    const restaurants = await growCity(size, template);
    const runs: FirstScreenLoad[] = [];
    const queries: number[] = [];
    for (let i = 0; i < paintRuns; i++) {
      runs.push(await firstScreen());
      queries.push(await firstPageQueries());
    }
    out.push({
      restaurants,
      reads: Math.max(...runs.map((r) => r.reads)),
      paintMs: median(runs.map((r) => r.ms)),
      appReadyMs: median(runs.map((r) => r.firstQueryAt)),
      pageQueriesMs: median(runs.map((r) => r.queriesSpan)),
      pageQueries: median(runs.map((r) => r.queries)),
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

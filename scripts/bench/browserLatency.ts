// What a customer feels, in headless Chromium against the built app on the emulators: from the
// click on "Place order" until the order page shows the order placed, and from the owner's click
// on "Accept" until the customer's page shows it accepted. Beside each, a floor from the same page:
// a write that the floor trigger answers, seen by a listener on that page. The bench brings the
// Firebase web SDK for that into the page itself (bundled here from the firebase package), so
// nothing of the bench ships in the app. Times are taken in the pages (performance.timeOrigin +
// performance.now(), one clock for both pages of the browser), not when Playwright notices.

import { build } from "esbuild";
import type { Page } from "playwright-core";
import { paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, signIn } from "../lib/browser";
import { adminDb, createPerson } from "../lib/clients";
import { PORTS, PROJECT_ID, ROOT } from "../lib/config";
import { TORSTRASSE } from "../lib/people";
import { DEMO_PASSWORD } from "../seed/berlin";
import { cartFor, type Ctx } from "./fixtures";
import { invocations } from "./meterLog";
import { median } from "./stats";

export interface BrowserLatency {
  tries: number;
  /** Click on "Place order" until the order page shows "placed": each try, and the median. */
  placed: number[];
  placedMs: number;
  placedFloorMs: number;
  /** The owner's click on "Accept" until the customer's page shows "accepted". */
  accepted: number[];
  acceptedMs: number;
  acceptedFloorMs: number;
  /** Where the time to "placed" went: medians over the tries, in ms after the click. */
  placedSplit?: PlacedSplit;
}

/** Moments after the click on "Place order", in ms (medians over the tries). */
export interface PlacedSplit {
  /** processOrder's start and end (the meter's clock: the same machine). */
  functionStarted: number;
  functionEnded: number;
  /** The app's route change to the order page (after the server took the order). */
  routed: number;
  /** The order page first showed the order, in any status. */
  shown: number;
  placed: number;
}

/** The floor, in the page: its own Firebase app, signed in as the page's user. */
const FLOOR_SOURCE = `
import { initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import { collection, connectFirestoreEmulator, doc, getFirestore, onSnapshot, serverTimestamp, setDoc } from "firebase/firestore";
let db;
window.__benchFloor = {
  async start(email, password) {
    const app = initializeApp({ projectId: ${JSON.stringify(PROJECT_ID)}, apiKey: "demo-key" }, "bench-floor");
    const auth = getAuth(app);
    connectAuthEmulator(auth, "http://" + location.hostname + ":${PORTS.auth}", { disableWarnings: true });
    await signInWithEmailAndPassword(auth, email, password);
    db = getFirestore(app);
    connectFirestoreEmulator(db, location.hostname, ${PORTS.firestore});
  },
  ping() {
    const ref = doc(collection(db, "benchFloor"));
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const stop = onSnapshot(ref, (s) => {
        if (s.get("done") && !s.metadata.hasPendingWrites) { stop(); resolve(performance.now() - t0); }
      }, reject);
      setDoc(ref, { at: serverTimestamp() }).catch(reject);
      setTimeout(() => reject(new Error("floor ping lost")), 20000);
    });
  },
};
`;

let floorBundle: string | undefined;

async function floorScript(): Promise<string> {
  if (floorBundle) return floorBundle;
  const out = await build({
    stdin: { contents: FLOOR_SOURCE, resolveDir: ROOT, loader: "js" },
    bundle: true,
    format: "iife",
    platform: "browser",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  floorBundle = out.outputFiles[0].text;
  return floorBundle;
}

async function startFloor(page: Page, email: string, password: string): Promise<void> {
  await page.addScriptTag({ content: await floorScript() });
  await page.evaluate(
    ([e, p]) =>
      (window as never as { __benchFloor: { start: (e: string, p: string) => Promise<void> } }).__benchFloor.start(
        e,
        p,
      ),
    [email, password],
  );
}

/** Median of three pings (the first warms the page's connection up). */
async function floor(page: Page): Promise<number> {
  const pings: number[] = [];
  for (let i = 0; i < 3; i++)
    pings.push(
      await page.evaluate(() =>
        (window as never as { __benchFloor: { ping: () => Promise<number> } }).__benchFloor.ping(),
      ),
    );
  return median(pings);
}

/** Watches, in the page, for the order status to become `status` (or any, `any`); records the epoch ms (with
 * fractions) when it was in the DOM. Sent as source text: tsx compiles a function passed to
 * page.evaluate with esbuild's __name() around its named inner functions, which the page lacks. */
async function watchStatus(page: Page, status: string): Promise<void> {
  await page.evaluate(`(() => {
    const s = ${JSON.stringify(status)};
    window.__seen ??= {};
    let observer;
    const check = () => {
      const shown = s === "any" ? '[data-testid="order-status"]' : '[data-testid="order-status"][data-status="' + s + '"]';
      if (window.__seen[s] || !document.querySelector(shown)) return;
      window.__seen[s] = performance.timeOrigin + performance.now();
      observer.disconnect();
    };
    observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
    check();
  })()`);
}

async function seenAt(page: Page, status: string, ms = 30_000): Promise<number> {
  await page.waitForFunction((s) => !!(window as never as { __seen?: Record<string, number> }).__seen?.[s], status, {
    timeout: ms,
    polling: 50,
  });
  return page.evaluate((s) => (window as never as { __seen: Record<string, number> }).__seen[s], status);
}

/** Clicks the button whose text starts with `text` ("Accept · 15 min") and returns the epoch ms of the click. */
function clickAt(page: Page, selector: string, text: string): Promise<number> {
  return page.evaluate(
    ([sel, label]) => {
      const button = Array.from(document.querySelectorAll<HTMLButtonElement>(sel)).find((b) =>
        b.textContent?.trim().startsWith(label),
      );
      if (!button) throw new Error(`no button "${label}" in ${sel}`);
      const t = performance.timeOrigin + performance.now();
      button.click();
      return t;
    },
    [selector, text],
  );
}

/** The cart as the web app keeps it in localStorage (web/src/state/cart.ts), for the seeded restaurant. */
async function cartState(ctx: Ctx, i: number) {
  const lines = await Promise.all(
    cartFor(ctx, i).map(async (l, n) => {
      const item = (await adminDb.doc(paths.menuItem(ctx.trattoria, l.itemId)).get()).data()!;
      return {
        ...l,
        // Any key that tells the lines apart will do.
        key: `${l.itemId}|bench-${n}`,
        name: item.name as string,
        optionNames: [],
        unitPrice: item.price as number,
      };
    }),
  );
  const name = (await adminDb.doc(paths.restaurant(ctx.trattoria)).get()).get("name") as string;
  return { restaurantId: ctx.trattoria, restaurantName: name, lines };
}

export async function browserLatency(ctx: Ctx, tries: number, ownerEmail: string): Promise<BrowserLatency> {
  // The owner works the board of the seeded restaurant throughout, as a kitchen would.
  const owner = await newPage();
  await signIn(owner.page, ownerEmail, DEMO_PASSWORD, "/dashboard");
  await owner.page.locator('[data-column="placed"]').waitFor();
  await startFloor(owner.page, ownerEmail, DEMO_PASSWORD);

  const placed: number[] = [];
  const placedFloor: number[] = [];
  const accepted: number[] = [];
  const acceptedFloor: number[] = [];
  const moments: PlacedSplit[] = [];
  for (let i = 0; i < tries; i++) {
    // A new customer each try: nobody passes the open-orders limit, and each page starts cold.
    const person = await createPerson({}, `Browser Customer ${i}`);
    const customer = await newPage();
    const c = customer.page;
    const cart = await cartState(ctx, i);
    await c.addInitScript(
      ([cartJson, addressJson]) => {
        localStorage.setItem("dishpatch.cart", cartJson);
        localStorage.setItem("dishpatch.address", addressJson);
        // When the app moves on to the order page.
        const push = history.pushState.bind(history);
        history.pushState = (...args: Parameters<History["pushState"]>) => {
          if (String(args[2]).includes("/orders/"))
            (window as never as { __routedAt?: number }).__routedAt = performance.timeOrigin + performance.now();
          push(...args);
        };
      },
      [JSON.stringify(cart), JSON.stringify(TORSTRASSE)],
    );
    await signIn(c, person.email, "password", "/checkout");
    await c.goto(`${APP_URL}/checkout`);
    await c.getByTestId("preview-total").waitFor();
    await startFloor(c, person.email, "password");
    placedFloor.push(await floor(c));

    await watchStatus(c, "placed");
    await watchStatus(c, "any");
    const clicked = await clickAt(c, "button", "Place order");
    const placedAt = await seenAt(c, "placed");
    placed.push(placedAt - clicked);
    const orderId = c.url().split("/orders/")[1];
    const fn = invocations(clicked - 1000).find((m) => m.fn === "processOrder" && m.subject === paths.order(orderId));
    const routed = await c.evaluate(() => (window as never as { __routedAt?: number }).__routedAt ?? NaN);
    if (process.env.BENCH_TRACE) {
      // What the page fetched after the click, in ms after it (BENCH_TRACE=1 npm run bench -- --parts browser).
      const fetched = await c.evaluate(
        (t) =>
          performance
            .getEntriesByType("resource")
            .map((e) => ({ e, at: performance.timeOrigin + e.startTime - t }))
            .filter(({ at }) => at >= 0)
            .map(
              ({ e, at }) =>
                `${Math.round(at)}–${Math.round(at + e.duration)} ${e.name.replace(/\?.*/, "").slice(-60)}`,
            ),
        clicked,
      );
      console.log(
        `bench trace, try ${i}: routed ${Math.round(routed - clicked)}, placed ${Math.round(placedAt - clicked)}, function ${Math.round((fn?.started ?? NaN) - clicked)}–${Math.round((fn?.ended ?? NaN) - clicked)}\n  ${fetched.join("\n  ")}`,
      );
    }
    moments.push({
      functionStarted: (fn?.started ?? NaN) - clicked,
      functionEnded: (fn?.ended ?? NaN) - clicked,
      routed: routed - clicked,
      shown: (await seenAt(c, "any")) - clicked,
      placed: placedAt - clicked,
    });

    acceptedFloor.push(await floor(owner.page));
    await watchStatus(c, "accepted");
    const card = `[data-column="placed"] [data-order="${orderId}"] button`;
    await owner.page.locator(card, { hasText: "Accept" }).waitFor();
    const acceptClicked = await clickAt(owner.page, card, "Accept");
    accepted.push((await seenAt(c, "accepted")) - acceptClicked);
    await customer.context.close();
  }
  await owner.context.close();
  await closeBrowser();
  return {
    tries,
    placed,
    placedMs: median(placed),
    placedFloorMs: median(placedFloor),
    accepted,
    acceptedMs: median(accepted),
    acceptedFloorMs: median(acceptedFloor),
    placedSplit: {
      functionStarted: median(moments.map((m) => m.functionStarted)),
      functionEnded: median(moments.map((m) => m.functionEnded)),
      routed: median(moments.map((m) => m.routed)),
      shown: median(moments.map((m) => m.shown)),
      placed: median(moments.map((m) => m.placed)),
    },
  };
}

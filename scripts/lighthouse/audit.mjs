// Lighthouse itself, in plain JavaScript: it sends some of its functions to the browser as source,
// and a TypeScript loader's helpers (esbuild's __name) would not exist there.
// Usage: node audit.mjs [--runs=N] [--forms=mobile,desktop] [--json] <name>=<url> …   Prints one
// line per run, form factor and page.

import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";

const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

async function audit(url, form) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES },
      form === "desktop" ? desktopConfig : undefined,
    );
    const lhr = result.lhr;
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    const failing = Object.values(lhr.audits)
      .filter(
        (a) => a.score !== null && a.score < 0.9 && ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode),
      )
      .map((a) => a.id);
    const value = (id) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    // Where the time goes, in the trace Lighthouse took: its metrics (ms, simulated slow 4G phone),
    // the main thread's work by kind, and what blocked the first render.
    const metrics = {
      fcp: value("first-contentful-paint"),
      lcp: value("largest-contentful-paint"),
      tbt: value("total-blocking-time"),
      si: value("speed-index"),
      tti: value("interactive"),
    };
    const mainThread = (lhr.audits["mainthread-work-breakdown"]?.details?.items ?? [])
      .slice(0, 4)
      .map((i) => `${i.groupLabel} ${Math.round(i.duration)} ms`);
    const blocking = (lhr.audits["render-blocking-resources"]?.details?.items ?? []).map(
      (i) => `${new URL(i.url).pathname} ${Math.round(i.wastedMs)} ms`,
    );
    return { scores, failing, metrics, mainThread, blocking };
  } finally {
    await chrome.kill();
  }
}

// Options: --runs=N (each page and form factor N times), --forms=mobile,desktop, --json (one JSON
// line at the end: { form: { page: [{ scores, failing }, …] } }, which the bench reads).
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const runs = Number(option("runs", "1"));
const forms = option("forms", "mobile,desktop").split(",");
const json = args.includes("--json");
const pages = args.filter((a) => !a.startsWith("--")).map((arg) => arg.split(/=(.*)/s).slice(0, 2));

const results = {};
console.log("\nLighthouse 12: performance / accessibility / best practices / SEO");
for (const form of forms) {
  results[form] = {};
  for (const [name, url] of pages) {
    results[form][name] = [];
    for (let i = 0; i < runs; i++) {
      const run = await audit(url, form);
      results[form][name].push(run);
      const m = run.metrics;
      console.log(
        `  ${form.padEnd(8)} ${name.padEnd(11)} ${run.scores.join(" / ")}   FCP ${m.fcp} ms, LCP ${m.lcp} ms, TBT ${m.tbt} ms, SI ${m.si} ms` +
          `${run.failing.length ? `\n    below 0.9: ${run.failing.join(", ")}` : ""}` +
          `\n    main thread: ${run.mainThread.join(", ")}${run.blocking.length ? `; render-blocking: ${run.blocking.join(", ")}` : ""}`,
      );
    }
  }
}
if (json) console.log(JSON.stringify(results));

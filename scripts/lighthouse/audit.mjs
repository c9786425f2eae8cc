// Lighthouse itself, in plain JavaScript: it sends some of its functions to the browser as source,
// and a TypeScript loader's helpers (esbuild's __name) would not exist there.
// Usage: node audit.mjs <name>=<url> …   Prints one line per form factor and page.

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
    return { scores, failing };
  } finally {
    await chrome.kill();
  }
}

const pages = process.argv.slice(2).map((arg) => arg.split(/=(.*)/s).slice(0, 2));
console.log("\nLighthouse 12: performance / accessibility / best practices / SEO");
for (const form of ["mobile", "desktop"]) {
  for (const [name, url] of pages) {
    const { scores, failing } = await audit(url, form);
    console.log(
      `  ${form.padEnd(8)} ${name.padEnd(11)} ${scores.join(" / ")}${failing.length ? `   below 0.9: ${failing.join(", ")}` : ""}`,
    );
  }
}

// Headless Debian Chromium through playwright-core, against the built app on the hosting
// emulator. One browser for the run; each person gets a context of their own.

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { APP_URL, ROOT as ROOT_DIR } from "./config";

export { APP_URL };
const SHOTS = join(ROOT_DIR, "test-results", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let browser: Browser | undefined;

export async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export async function newPage(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await (await launch()).newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error(`  [page error] ${err.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") console.error(`  [console error] ${m.text().slice(0, 400)}`);
  });
  return { context, page };
}

export async function signIn(page: Page, email: string, password: string, next = "/"): Promise<void> {
  await page.goto(`${APP_URL}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** The same, on the sign-in page as a browser in `language` shows it. */
export async function signInIn(language: "en" | "de", page: Page, email: string, password: string, next = "/") {
  if (language === "en") return signIn(page, email, password, next);
  await page.goto(`${APP_URL}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-Mail").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("button", { name: "Abmelden" }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

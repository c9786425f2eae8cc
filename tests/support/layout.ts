// What a phone needs of a screen: nothing wider than the screen (a table may scroll inside its own
// box), and the main buttons where a finger lands on them, not on something drawn over them.

import { strict as assert } from "node:assert";
import type { Locator, Page } from "playwright-core";

/** A phone as Chromium emulates one: its layout viewport grows to fit content that sticks out, as
 * a real phone's does, so an overflow shows up as a page wider than the screen. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** The elements that reach past `width` (or the page's own scroll width, when it does), each as
 * "tag.class [left, right]". An element inside a box that scrolls or clips sideways counts only
 * if that box itself sticks out; one placed wholly off screen on purpose (the skip link) does not. */
export function overflowing(page: Page, width: number): Promise<string[]> {
  // No named helpers inside: the test runner's compiler would wrap them in a function the page lacks.
  return page.evaluate((vw) => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= 0) continue;
      if (r.right <= vw + 0.5 && r.left >= -0.5) continue;
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body && !clipped; p = p.parentElement) {
        clipped = getComputedStyle(p).overflowX !== "visible";
      }
      if (clipped || getComputedStyle(el).visibility === "hidden") continue;
      const cls = typeof el.className === "string" && el.className ? `.${el.className.split(" ").join(".")}` : "";
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 30);
      out.push(`${el.tagName.toLowerCase()}${cls} [${Math.round(r.left)}, ${Math.round(r.right)}] “${text}”`);
    }
    const page = document.documentElement.scrollWidth;
    if (page > vw + 0.5) out.unshift(`the page is ${page}px wide`);
    return out;
  }, width);
}

/** What a phone hides sideways without a word: a tab bar that scrolls (its far tabs, the active
 * one among them, out of view), and a table box with columns beyond its right edge but no shade
 * there (TableBox's `.more`). */
export function hiddenSideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const bar of Array.from(document.querySelectorAll<HTMLElement>(".tabs"))) {
      if (bar.scrollWidth > bar.clientWidth + 1)
        out.push(`the tab bar scrolls: ${bar.clientWidth} of its ${bar.scrollWidth}px in view`);
    }
    for (const box of Array.from(document.querySelectorAll<HTMLElement>(".table-box"))) {
      const beyond = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
      if (beyond && !box.parentElement?.classList.contains("more"))
        out.push(`a table shows ${box.clientWidth} of its ${box.scrollWidth}px with nothing to say it scrolls`);
    }
    return out;
  });
}

/** Fails, naming what sticks out, when anything on the page is wider than the screen. */
export async function assertFits(page: Page, width: number, where: string): Promise<void> {
  const wide = await overflowing(page, width);
  assert.deepEqual(wide.slice(0, 8), [], `${where}: wider than ${width}px`);
}

/** Whether a tap at the middle of each element found by `target` reaches it (or something inside
 * it): nothing else is drawn over it, and it is on the screen. Returns what caught each miss. */
export async function untappable(target: Locator): Promise<string[]> {
  const misses: string[] = [];
  for (const el of await target.all()) {
    const miss = await el.evaluate((node) => {
      node.scrollIntoView({ block: "center", inline: "center" });
      const r = node.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const label = `${node.tagName.toLowerCase()} “${(node.textContent ?? "").trim().slice(0, 30)}”`;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return `${label} is off the screen`;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === node || node.contains(hit))) return null;
      const by = hit ? `${hit.tagName.toLowerCase()}.${String(hit.className).split(" ").join(".")}` : "nothing";
      return `${label}: a tap lands on ${by}`;
    });
    if (miss) misses.push(miss);
  }
  return misses;
}

/** Fails when a tap on any of the buttons found by `target` would miss it; at least one must exist. */
export async function assertTappable(target: Locator, where: string): Promise<void> {
  assert.deepEqual(await phoneProblems(target.page(), 0, target, where), [], `${where}: buttons a finger cannot reach`);
}

/** Everything wrong with a screen on a phone `width` wide (0: do not measure), each prefixed with
 * `where`: what sticks out or hides sideways, and which of the `buttons` (at least one must
 * exist) a tap misses. */
export async function phoneProblems(
  page: Page,
  width: number,
  buttons: Locator | null,
  where: string,
): Promise<string[]> {
  const found = width ? [...(await overflowing(page, width)).slice(0, 8), ...(await hiddenSideways(page))] : [];
  if (buttons && (await buttons.count()) === 0) found.push("no main button found");
  else if (buttons) found.push(...(await untappable(buttons)));
  return found.map((p) => `${where}: ${p}`);
}

// A signed-in person's page in a language on a device, delivering to the Berlin centre, for the
// browser tests that walk one face through its screens, and photographs of a screen at both widths.

import type { BrowserContext, Page } from "playwright-core";
import { LOCALES, type Language } from "../../functions/src/domain";
import { newPage, screenshot, signInIn } from "../../scripts/lib/browser";
import { BERLIN_CENTRE } from "./app";
import { assertFits, DESKTOP, PHONE } from "./layout";

export type Device = "phone" | "desktop";
export const VIEWPORTS = { phone: PHONE, desktop: DESKTOP };

/** Signed in as `email` (password "password"), on `next`. `prepare` acts on the context before
 * anything loads (routes to refuse, say). */
export async function personPage(
  email: string,
  lang: Language,
  device: Device,
  next = "/",
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await newPage({ ...VIEWPORTS[device], locale: LOCALES[lang] });
  await prepare?.(context);
  await context.addInitScript(
    ([l, a]) => {
      localStorage.setItem("dishpatch.language", l as string);
      localStorage.setItem("dishpatch.address", JSON.stringify(a));
    },
    [lang, BERLIN_CENTRE] as const,
  );
  await signInIn(lang, page, email, "password", next);
  return { page, context };
}

/** Photographs the page as it is, and at the other width too; at a phone's width nothing may
 * stick out. */
export async function shots(page: Page, name: string, lang: Language, device: Device): Promise<void> {
  const other: Device = device === "phone" ? "desktop" : "phone";
  for (const d of [device, other]) {
    await page.setViewportSize(VIEWPORTS[d].viewport);
    await screenshot(page, `${name}-${lang}-${d}`);
    if (d === "phone") await assertFits(page, PHONE.viewport.width, `${lang} ${name}`);
  }
  await page.setViewportSize(VIEWPORTS[device].viewport);
}

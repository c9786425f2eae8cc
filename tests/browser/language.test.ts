// German and English: the browser's language by default, the header's switch, remembered on the
// device and, signed in, on the profile (the backend writes to the person in it).

import { strict as assert } from "node:assert";
import { paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { adminDb, closeClients, createUser } from "../support/app";

describe("browser: German and English", function () {
  this.timeout(120_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const [size, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 860 }],
  ] as const) {
    it(`${size}: a German browser gets German, with euros written the German way; the switch goes back to English and stays`, async () => {
      const { context, page } = await newPage({ locale: "de-DE", viewport });
      try {
        await page.goto(APP_URL);
        await page.getByRole("heading", { name: /Restaurants in der Nähe von/ }).waitFor();
        assert.equal(await page.locator("html").getAttribute("lang"), "de");
        const card = page.locator(".restaurant-card").first();
        await card.waitFor();
        assert.match(await card.innerText(), /\d,\d\d\s€ Lieferung/);
        await screenshot(page, `language-de-${size}`);
        const header = await page.locator("header.top").boundingBox();
        assert.ok(header && header.width <= viewport.width, "the switch fits in the header");
        await page.getByRole("combobox", { name: "Sprache" }).selectOption("en");
        await page.getByRole("heading", { name: /Restaurants near/ }).waitFor();
        assert.match(await card.innerText(), /€\d+\.\d\d delivery/);
        await page.reload();
        await page.getByRole("heading", { name: /Restaurants near/ }).waitFor();
        assert.equal(await page.locator("html").getAttribute("lang"), "en");
      } finally {
        await context.close();
      }
    });
  }

  it("signed in, the choice is kept on the profile, where the backend reads it", async () => {
    const person = await createUser({}, "Sprachwahl");
    const { context, page } = await newPage({ locale: "en-GB" });
    try {
      await signIn(page, person.email, "password");
      await page.getByRole("combobox", { name: "Language" }).selectOption("de");
      await page.getByRole("button", { name: "Abmelden" }).waitFor();
      const deadline = Date.now() + 10_000;
      while ((await adminDb.doc(paths.user(person.uid)).get()).get("language") !== "de") {
        assert.ok(Date.now() < deadline, "the profile's language was not written");
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      await context.close();
    }
  });
});

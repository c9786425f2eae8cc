// The dashboard's Integrations tab, as a restaurant's owner uses it on a phone and a desktop, in
// English and German: a new API client with its secret shown once, a webhook endpoint (a receiver
// on this machine), and the delivery of a real order listed with its attempt. The kitchen has no
// such tab.

import { strict as assert } from "node:assert";
import { paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { adminDb, closeClients, createRestaurant, createUser, placeOrder, type TestUser } from "../support/app";
import { Receiver } from "../support/api";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 860 } };

const WORDS = {
  en: {
    tab: "Integrations",
    create: "Create client",
    save: "Save webhook",
    delivered: "Delivered",
    once: /shown only this once/,
  },
  de: {
    tab: "Integrationen",
    create: "Client anlegen",
    save: "Webhook speichern",
    delivered: "Zugestellt",
    once: /nur dieses eine Mal/,
  },
};

describe("browser: the Integrations tab", function () {
  this.timeout(180_000);
  let customer: TestUser;
  before(async () => {
    customer = await createUser({}, "Ida Integration");
  });
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const [size, device, lang, order] of [
    ["desktop", DESKTOP, "en", true],
    ["phone", PHONE, "de", true],
    ["phone", PHONE, "en", false],
    ["desktop", DESKTOP, "de", false],
  ] as const) {
    it(`${size}, ${lang}: the owner makes a client, registers a webhook${order ? " and sees an order's delivery" : ""}`, async () => {
      const w = WORDS[lang];
      const r = await createRestaurant({ Pizza: { price: 1200, externalId: "PLU-7" } }, { minOrder: 0 });
      const owner = await createUser({ owner: [r.id] }, "Otto Owner");
      const till = await new Receiver([200]).start();
      const { context, page } = await newPage({ ...device, locale: "en-GB" });
      try {
        await signIn(page, owner.email, "password", "/dashboard");
        if (lang === "de") await page.getByRole("combobox", { name: "Language" }).selectOption("de");
        await page.getByRole("link", { name: w.tab }).click();
        await page.getByTestId("new-client-form").waitFor();
        // Each scope's box sits before its words, a box's width, on the label's first line.
        for (const label of await page.getByTestId("new-client-form").locator("label.check").all()) {
          const [box, row] = [await label.getByRole("checkbox").boundingBox(), await label.boundingBox()];
          const at = box && row ? { width: box.width, left: box.x - row.x, top: box.y - row.y } : null;
          // (Chromium gives a checkbox a margin of 3–4 px.)
          assert.ok(
            at && at.width < 40 && at.left <= 8 && at.top < 12,
            `a checkbox beside its words: ${JSON.stringify(at)}`,
          );
        }
        const name = `Kasse ${size}`;
        await page.getByTestId("new-client-form").getByRole("textbox").fill(name);
        await page.getByRole("button", { name: w.create }).click();
        const shown = page.getByTestId("new-client");
        await shown.waitFor();
        assert.match(await shown.innerText(), w.once);
        const secret = await page.getByTestId("new-client-1").innerText();
        assert.match(secret, /^dps_[A-Za-z0-9_-]{43}$/);
        const card = page.getByTestId("api-client").filter({ hasText: name });
        await card.waitFor();
        const clientId = (await card.getAttribute("data-client"))!;
        const doc = await adminDb.doc(paths.apiClient(clientId)).get();
        assert.deepEqual(doc.get("scopes"), ["orders:read", "orders:write"]);

        await card.locator('input[type="url"]').fill(till.url);
        await card.getByRole("button", { name: w.save }).click();
        const signing = card.getByTestId("signing-0");
        await signing.waitFor();
        assert.match(await signing.innerText(), /^whsec_/);
        assert.equal((await adminDb.doc(paths.apiClient(clientId)).get()).get("webhook.url"), till.url);

        if (order) {
          const id = await placeOrder(customer, r.id, [{ itemId: r.items.Pizza, quantity: 1, options: {} }]);
          const row = card.locator(`[data-event="${id}.placed"]`);
          await row.getByText(w.delivered).waitFor({ timeout: 60_000 });
          assert.match(await row.getByTestId("attempt").first().innerText(), /HTTP 200/);
          assert.equal(till.received.length >= 1, true);
        }
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= device.viewport.width, `the tab fits the screen (${wide} px)`);
        await screenshot(page, `integrations-${size}-${lang}`);
      } finally {
        await context.close();
        await till.stop();
      }
    });
  }

  it("the kitchen has no Integrations tab, and finds the page closed by its address", async () => {
    const r = await createRestaurant();
    const kitchen = await createUser({ staff: [r.id] }, "Kai Kitchen");
    const { context, page } = await newPage();
    try {
      await signIn(page, kitchen.email, "password", "/dashboard");
      await page.getByRole("link", { name: "Menu" }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Integrations" }).count(), 0);
      await page.goto(`${APP_URL}/dashboard/integrations`);
      await page.getByText("Only the restaurant's owner can see this page.").waitFor();
    } finally {
      await context.close();
    }
  });
});

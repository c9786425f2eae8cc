// German and English: the browser's language by default, the header's switch, remembered on the
// device and, signed in, on the profile (the backend writes to the person in it).

import { strict as assert } from "node:assert";
import { paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  moveOrder,
  statusIs,
  waitForDoc,
} from "../support/app";

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
      const bakery = await createRestaurant({ Brezel: { price: 300 } }, { name: `Bäckerei ${size}` });
      await waitForDoc(adminDb.doc(paths.listing(bakery.id)), (d) => d.exists); // its public card
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

  it("a German restaurant's settings name the days, write amounts and say what is wrong in German", async () => {
    const r = await createRestaurant({ Brezel: { price: 300 } }, { name: "Bäckerei Test" });
    const staff = await createUser({ owner: [r.id] }, "Bäckerin");
    const { context, page } = await newPage({ locale: "de-DE" });
    try {
      await page.goto(`${APP_URL}/signin?next=${encodeURIComponent("/dashboard/settings")}`);
      await page.getByLabel("E-Mail").fill(staff.email);
      await page.getByLabel("Passwort").fill("password");
      await page.getByRole("button", { name: "Anmelden" }).click();
      assert.equal(await page.getByLabel("Liefergebühr (€)").inputValue(), "2,49", "amounts the German way");
      await page.getByLabel("Dienstag").fill("14:00-11:00");
      await page
        .getByText(
          "Am Dienstag muss eine Öffnungszeit nach ihrem Beginn enden (über Mitternacht: 00:00 am nächsten Tag hinzufügen).",
        )
        .waitFor();
      assert.equal(await page.getByRole("button", { name: "Einstellungen speichern" }).isDisabled(), true);
      await screenshot(page, "language-de-settings");
    } finally {
      await context.close();
    }
  });

  it("a German customer orders in German: prices and times the German way, the order carries the language, the backend answers in German, and the inbox follows a switch to English", async () => {
    const r = await createRestaurant({ Spätzle: { price: 1250 } }, { minOrder: 0, name: "Gasthaus Test" });
    const staff = await createUser({ staff: [r.id] }, "Küchenchefin");
    const customer = await createUser({}, "Greta");
    const { context, page } = await newPage({ locale: "de-DE" });
    try {
      await context.addInitScript((a) => localStorage.setItem("dishpatch.address", JSON.stringify(a)), BERLIN_CENTRE);
      await page.goto(`${APP_URL}/signin`);
      await page.getByLabel("E-Mail").fill(customer.email);
      await page.getByLabel("Passwort").fill("password");
      await page.getByRole("button", { name: "Anmelden" }).click();
      await page.getByRole("button", { name: "Abmelden" }).waitFor();
      await page.goto(`${APP_URL}/r/${r.id}`);
      await page.getByRole("button", { name: "Spätzle hinzufügen" }).click();
      await page.getByRole("link", { name: /Zur Kasse/ }).click();
      await page.getByRole("heading", { name: "Deine Bestellung bei Gasthaus Test" }).waitFor();
      await page
        .getByTestId("subtotal")
        .getByText(/^12,50\s€$/)
        .waitFor();
      await screenshot(page, "language-de-checkout");
      await page.getByRole("button", { name: "Bestellen" }).click();
      await page.getByTestId("order-status").getByText("Wartet auf das Restaurant").waitFor();
      const orderId = page.url().split("/orders/")[1];
      const order = await waitForDoc(adminDb.doc(paths.order(orderId)), statusIs("placed"));
      assert.equal(order.get("language"), "de");
      await moveOrder(staff, orderId, "accepted");
      await page.getByTestId("order-status").getByText("Angenommen").waitFor();
      await page.goto(`${APP_URL}/inbox`);
      await page.getByText("Bestellung angenommen", { exact: true }).waitFor();
      await screenshot(page, "language-de-inbox");
      // The same entry in the reader's language of the moment: the inbox stores keys, not words.
      await page.getByRole("combobox", { name: "Sprache" }).selectOption("en");
      await page.getByText("Order accepted", { exact: true }).waitFor();
      assert.equal(await page.getByText("Bestellung angenommen").count(), 0);
      await page.getByText(`Gasthaus Test accepted your order #${order.get("code")}.`).waitFor();
      await page.getByRole("combobox", { name: "Language" }).selectOption("de");
      await page.getByText(`Gasthaus Test hat deine Bestellung #${order.get("code")} angenommen.`).waitFor();
    } finally {
      await context.close();
    }
  });
});

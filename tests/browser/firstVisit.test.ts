// What a new user meets first (issue 21.4, 21.9, 21.12): an address outside the delivery area is
// answered (where Dishpatch does deliver) and an unknown one too (drop a pin); search finds plurals
// and cuisines by their German names; a name too long for sign-up is said while typing.

import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import { paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot } from "../../scripts/lib/browser";
import { adminDb, closeClients, createRestaurant, waitForDoc } from "../support/app";

async function addressDialog(locale: string): Promise<Page> {
  const { page } = await newPage({ locale });
  await page.goto(APP_URL);
  await page.locator(".address-button").click();
  await page.locator("dialog[open] .address-form").waitFor();
  return page;
}

describe("browser: a new user's first visit", function () {
  this.timeout(120_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("an address in another city or postcode gets 'not there yet' and where Dishpatch delivers; an unknown one, a hint to drop a pin", async () => {
    const page = await addressDialog("en-GB");
    const search = page.getByLabel("Street, postcode or neighbourhood");
    const answer = page.getByTestId("address-not-found");
    await search.fill("Marienplatz 1, München");
    await answer
      .getByText(/^We don't deliver to München yet\. Dishpatch delivers in Berlin: Mitte, .*Moabit\.$/)
      .waitFor();
    await search.fill("80331");
    await answer.getByText(/^We don't deliver to 80331 yet\./).waitFor();
    await search.fill("Nirgendwostraße 5");
    await answer
      .getByText("Address not found. Check the spelling, or drop a pin on the map where the door is.")
      .waitFor();
    // A street Dishpatch knows still finds it, with no such message.
    await search.fill("torstr 12");
    await page.getByRole("button", { name: "Torstraße 12, 10119 Berlin" }).waitFor();
    assert.equal(await answer.count(), 0);

    const de = await addressDialog("de-DE");
    await de.getByLabel("Straße, Postleitzahl oder Kiez").fill("Marienplatz 1, München");
    await de
      .getByTestId("address-not-found")
      .getByText(/^Nach München liefern wir noch nicht\. Dishpatch liefert in Berlin: Mitte, .* und Moabit\.$/)
      .waitFor();
    await screenshot(de, "address-elsewhere-de");
  });

  it("search finds a dish by its plural and a cuisine by its German name, and says the cuisine in German", async () => {
    const tag = Date.now().toString(36);
    const r = await createRestaurant(
      { Calzonetto: { price: 900 } },
      { name: `Taverna ${tag}`, cuisine: "Greek", minOrder: 0 },
    );
    await waitForDoc(adminDb.doc(paths.searchEntry(r.id)), (s) => (s.get("tokens") ?? []).includes("griechisch"));
    const { page } = await newPage({ locale: "de-DE" });
    await page.goto(APP_URL);
    const search = page.getByLabel("Suche", { exact: true });
    const card = page.locator(`.restaurant-card[data-restaurant="${r.id}"]`);
    for (const q of ["calzonettos", "griechisch"]) {
      await search.fill(q);
      await search.press("Enter");
      await page.getByRole("heading", { name: `Ergebnisse für „${q}“` }).waitFor();
      await card.waitFor();
    }
    assert.match(await card.innerText(), /Griechisch/);
    assert.doesNotMatch(await card.innerText(), /Greek/);
    await screenshot(page, "search-cuisine-de");
  });

  it("a name too long for sign-up is said while typing, not cut off without a word", async () => {
    const { page } = await newPage();
    await page.goto(`${APP_URL}/signin`);
    await page.getByRole("button", { name: "Create an account" }).click();
    const name = page.getByLabel("Your name");
    await name.fill("A".repeat(500));
    assert.equal((await name.inputValue()).length, 500, "what was typed is kept");
    await page.getByRole("alert").getByText("A name can have at most 100 characters; this one has 500.").waitFor();
    assert.equal(await page.getByRole("button", { name: "Create account" }).isDisabled(), true);
    await name.fill("A".repeat(100));
    await page.getByRole("alert").waitFor({ state: "detached" });
    assert.equal(await page.getByRole("button", { name: "Create account" }).isDisabled(), false);
  });
});

// The checkout as a new customer meets it: a delivery time chosen as a day and then a short list of
// that day's slots inside the opening hours (the last one before midnight labelled as such), and a
// tip's limits said in amounts.

import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import { WEEKDAYS } from "../../functions/src/domain";
import { closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { BERLIN_CENTRE, closeClients, createRestaurant, createUser } from "../support/app";

async function atCheckout(restaurant: string, dish: string, locale = "en-GB"): Promise<Page> {
  const customer = await createUser({}, "Chris Checkout");
  const { page, context } = await newPage({ locale });
  await context.addInitScript((a) => localStorage.setItem("dishpatch.address", JSON.stringify(a)), BERLIN_CENTRE);
  await signIn(page, customer.email, "password", `/r/${restaurant}`);
  await page.locator(`li.menu-item[data-item="${dish}"] .buy button`).click();
  await page.locator(".checkout-bar a").click();
  await page.getByTestId("preview-total").waitFor();
  return page;
}

describe("browser: checkout", function () {
  this.timeout(120_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("a delivery time is a day, then one of that day's slots within the hours; the last before midnight ends at 00:00", async () => {
    // Lunch and dinner every day: tomorrow's slots are all there, whatever time the test runs.
    const r = await createRestaurant(
      { Risotto: { price: 1400 } },
      {
        minOrder: 0,
        name: "Slot Kitchen",
        openingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, "11:00-14:00,18:00-24:00"])),
      },
    );
    const page = await atCheckout(r.id, "Risotto");
    const when = page.getByRole("group", { name: "Delivery time" });
    await when.getByLabel("Tomorrow").check();
    const slot = page.getByLabel("Delivery slot");
    const labels = await slot.locator("option").allTextContents();
    // 11:00–14:00 and 18:00–24:00 in quarter hours: 12 + 24 slots, nothing at night.
    assert.equal(labels.length, 36);
    assert.deepEqual(labels.slice(0, 2), ["11:00–11:15", "11:15–11:30"]);
    assert.equal(labels[11], "13:45–14:00");
    assert.equal(labels[12], "18:00–18:15");
    assert.equal(labels.at(-1), "23:45–00:00");
    assert.ok(!labels.some((l) => /tomorrow|0[0-9]:\d\d–/.test(l.replace("23:45–00:00", ""))), labels.join(", "));
    await slot.selectOption({ label: "19:30–19:45" });
    await page.getByTestId("preview-total").waitFor();
    await screenshot(page, "checkout-slot-tomorrow");
  });

  it("a tip above its limits is refused in amounts: half the food, and never more than €50.00", async () => {
    const r = await createRestaurant({ Salad: { price: 1250 } }, { minOrder: 0, name: "Tip Kitchen" });
    const page = await atCheckout(r.id, "Salad");
    await page.getByLabel("Other", { exact: true }).check();
    const problem = page.getByTestId("preview-problem");
    for (const amount of ["7", "60"]) {
      await page.getByLabel("Amount (€)").fill(amount);
      await problem
        .getByText("A tip can be at most €6.25 for this order: half the food, and never more than €50.00.")
        .waitFor();
    }
    await page.getByLabel("Amount (€)").fill("6.25");
    await page.getByTestId("preview-total").waitFor();
    await screenshot(page, "checkout-tip-limit");
  });
});

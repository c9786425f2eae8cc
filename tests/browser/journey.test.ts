// The whole platform in a browser: a customer, a restaurant and a courier, each in their own
// browser context at once, and the customer's page following every step live.

import { strict as assert } from "node:assert";
import { paths } from "../../functions/src/domain";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, RESTAURANTS } from "../../scripts/seed/berlin";
import { seed } from "../../scripts/seed/seed";
import { adminDb, closeClients, waitForDoc } from "../support/app";
import { PROJECT_ID as APP_PROJECT } from "../../scripts/lib/config";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";

const email = (role: string, restaurant?: string) =>
  DEMO_ACCOUNTS.find((a) => a.role === role && (!restaurant || ("restaurant" in a && a.restaurant === restaurant)))!
    .email;

/** Kastanienallee, in front of Trattoria Rosa; then two points on the way to Torstraße 100. */
const ROUTE = [
  { latitude: 52.5372, longitude: 13.4108 },
  { latitude: 52.5335, longitude: 13.407 },
  { latitude: 52.53, longitude: 13.403 },
];

describe("browser: the full journey with three people at once", function () {
  this.timeout(240_000);
  let restaurantIds: Record<string, string>;
  let uids: Record<string, string>;

  before(async () => {
    ({ restaurantIds, uids } = await seed(APP_PROJECT, { aroundTheClock: true }));
  });
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("a customer orders; the restaurant accepts and prepares live; a courier delivers; the customer follows every step", async () => {
    const customer = await newPage();
    const kitchen = await newPage();
    const rider = await newPage({ geolocation: ROUTE[0], permissions: ["geolocation"] });
    const c = customer.page,
      k = kitchen.page,
      r = rider.page;

    // The restaurant and the courier are at work before the order exists.
    await signIn(k, email("kitchen", "trattoria"), DEMO_PASSWORD, "/dashboard");
    await k.getByRole("heading", { name: /Trattoria Rosa/ }).waitFor();
    await screenshot(k, "dashboard-empty");
    await signIn(r, email("courier"), DEMO_PASSWORD, "/courier");
    await r.getByRole("heading", { name: "Deliveries" }).waitFor();

    // Customer: sign in on this new browser, and the saved Home address is used at once; browse and filter.
    await signIn(c, email("customer"), DEMO_PASSWORD);
    await c.getByRole("button", { name: /Home · Torstraße 100/ }).waitFor();
    // A cuisine is asked of the server: every Italian place around, however many others are nearer.
    await c.getByLabel("Cuisine").selectOption("Italian");
    // Other tests' restaurants may be Italian too: the demo's own are what this test knows.
    const notItalian = RESTAURANTS.filter((x) => x.cuisine !== "Italian").map((x) => x.name);
    await c.waitForFunction((others) => {
      const shown = Array.from(document.querySelectorAll(".restaurant-card h2"), (h) => h.textContent ?? "");
      return shown.includes("Trattoria Rosa") && !shown.some((name) => others.includes(name));
    }, notItalian);
    await c.getByLabel("Cuisine").selectOption("");
    await c.getByLabel("Search").fill("sak");
    await c.getByLabel("Search").press("Enter");
    await c.getByRole("heading", { name: /Results for “sak”/ }).waitFor();
    await c.locator(".restaurant-card").first().waitFor();
    assert.deepEqual(await c.locator(".restaurant-card h2").allTextContents(), ["Sakura Sushi"]);
    await c.getByLabel("Search").fill("");
    await c.getByRole("heading", { name: /Restaurants near/ }).waitFor();
    await screenshot(c, "customer-restaurants");

    // A pizza with options, and a dessert. (Found by search: the tests' own restaurants crowd the
    // demo's neighbourhood, so it need not be among the first cards.)
    await c.getByLabel("Search").fill("trattoria");
    await c.getByLabel("Search").press("Enter");
    await c.getByRole("link", { name: /Trattoria Rosa/ }).click();
    await c.getByRole("button", { name: "Add Pizza Margherita" }).click();
    await c.getByLabel("Large").check();
    await c.getByLabel("Extra mozzarella").check();
    await screenshot(c, "customer-options");
    await c.getByRole("button", { name: /Add 1 for €14\.50/ }).click();
    await c.getByRole("button", { name: "Add Tiramisù" }).click();
    await screenshot(c, "customer-menu");

    // The cart survives a reload.
    await c.reload();
    await c.getByRole("link", { name: "Cart, 2 items" }).click();
    await c.getByTestId("preview-total").waitFor();
    // 14.50 + 6.50 = 21.00; service 5 % = 1.05; delivery 2.49
    assert.equal(await c.getByTestId("preview-total").textContent(), "€24.54");
    await c.getByLabel("Note for the restaurant").fill("Please ring twice");
    await screenshot(c, "customer-checkout");
    await c.getByRole("button", { name: "Place order" }).click();

    // The backend prices it; the customer sees the authoritative total.
    await c.locator('[data-status="placed"]').waitFor();
    // From placement on, an estimated arrival time (prep, pickup and travel).
    await c
      .getByTestId("arrival")
      .getByText(/Arrives around (tomorrow )?\d\d:\d\d/)
      .waitFor();
    assert.equal(await c.getByTestId("total").textContent(), "€24.54");
    const orderId = c.url().split("/orders/")[1];
    assert.ok(orderId);

    // The restaurant sees it arrive without reloading, with the note, the address and the clock.
    const card = k.locator(`[data-column="placed"] [data-order="${orderId}"]`);
    await card.waitFor();
    assert.match(
      (await card.textContent()) ?? "",
      /Clara Customer.*Large.*Extra mozzarella.*Please ring twice.*Torstraße 100.*€24\.54/s,
    );
    assert.match((await card.getByTestId("waiting").textContent()) ?? "", /auto-cancels in \d+:\d\d/);
    assert.match(await k.title(), /\(1\) New orders/);
    await screenshot(k, "dashboard-new-order");
    await card.getByRole("button", { name: "Accept" }).click();
    await c.locator('[data-status="accepted"]').waitFor();
    await k
      .locator(`[data-column="accepted"] [data-order="${orderId}"]`)
      .getByRole("button", { name: "Start preparing" })
      .click();
    await c.locator('[data-status="preparing"]').waitFor();
    await k
      .locator(`[data-column="preparing"] [data-order="${orderId}"]`)
      .getByRole("button", { name: "Mark ready" })
      .click();
    await c.locator('[data-status="ready"]').waitFor();
    await screenshot(c, "customer-tracking-ready");

    // The courier sees it ready nearby, claims it, picks it up and rides.
    const pickup = r.locator(`.pickup[data-order="${orderId}"]`);
    await pickup.waitFor();
    await screenshot(r, "courier-pickups");
    await pickup.getByRole("button", { name: "Claim" }).click();
    const delivery = r.locator(`.active-delivery[data-order="${orderId}"]`);
    await delivery.getByRole("button", { name: "Picked up" }).click();
    await c.locator('[data-status="picked_up"]').waitFor();
    await k.locator(`[data-column="picked_up"] [data-order="${orderId}"]`).waitFor();

    // Positions reach the customer's map as the courier moves: the map follows the courier (kept in
    // its middle), so the destination moves on it.
    const courierMarker = c.locator(".city-map .marker.courier");
    const destination = c.locator(".city-map .marker.destination");
    await courierMarker.waitFor().catch(async (err) => {
      await screenshot(c, "debug-customer");
      await screenshot(r, "debug-courier");
      console.log("customer:", await c.locator("main").innerText());
      console.log("courier:", await r.locator("main").innerText());
      throw err;
    });
    const firstSpot = await destination.getAttribute("transform");
    const firstEta = await c.getByTestId("eta").textContent();
    await rider.context.setGeolocation(ROUTE[1]);
    await new Promise((res) => setTimeout(res, 5_500));
    await rider.context.setGeolocation(ROUTE[2]);
    await c.waitForFunction(
      (before) => document.querySelector(".city-map .marker.destination")?.getAttribute("transform") !== before,
      firstSpot,
      { timeout: 20_000 },
    );
    assert.notEqual(await destination.getAttribute("transform"), firstSpot);
    assert.equal(await courierMarker.getAttribute("transform"), "translate(300 210)", "the courier in the middle");
    assert.notEqual(await c.getByTestId("eta").textContent(), firstEta, "the ETA follows the courier");
    await screenshot(c, "customer-tracking-map");
    await screenshot(r, "courier-delivery");

    await delivery.getByRole("button", { name: "Delivered" }).click();
    await c.locator('[data-status="delivered"]').waitFor();
    const times = await c
      .locator(".timeline li")
      .evaluateAll((lis) =>
        lis.map((li) => `${li.getAttribute("data-step")} ${li.querySelector("time")?.textContent}`),
      );
    assert.equal(times.length, 7);
    for (const t of times) assert.match(t, /^\w+ (\w+ )?\d\d:\d\d$/, `a time for every step: ${times.join(", ")}`);

    // One inbox entry for the order, at its last step with its big moments, read already: the
    // customer was watching the order.
    await waitForDoc(
      adminDb.doc(paths.notification(uids[email("customer")], orderId)),
      (s) => s.get("status") === "delivered" && s.get("read"),
    );
    await c.getByRole("link", { name: /Inbox/ }).click();
    const entry = c.locator(`.inbox li[data-order="${orderId}"]`);
    await entry.locator('[data-moment="delivered"]').waitFor();
    assert.equal(await entry.count(), 1, "one entry for the order");
    assert.deepEqual(
      await entry.locator("[data-moment]").evaluateAll((els) => els.map((e) => e.getAttribute("data-moment"))),
      ["accepted", "delivered"],
    );
    assert.equal(await c.locator(".inbox li.unread").count(), 0, "nothing unread about the watched order");
    assert.equal(await c.getByTestId("unread").count(), 0, "no unread badge");
    await screenshot(c, "customer-inbox");
    await c.goto(`${APP_URL}/orders/${orderId}`);
    await c.getByLabel("5★").check();
    await c.getByLabel("Your review (optional)").fill("Perfect crust, still hot.");
    await c.getByRole("button", { name: "Send review" }).click();
    await c.getByTestId("reviewed").waitFor();
    await screenshot(c, "customer-delivered");
    // The rating is aggregated by a trigger, shortly after.
    await waitForDoc(
      adminDb.doc(`restaurants/${restaurantIds.trattoria}`),
      (snap) => (snap.get("ratingCount") ?? 0) >= 1,
    );

    // Today at a glance counts the delivery.
    await k
      .getByTestId("today-orders")
      .filter({ hasText: /^[1-9]/ })
      .waitFor();
    await screenshot(k, "dashboard-today");

    for (const p of [customer, kitchen, rider]) await p.context.close();
  });
});

// Bad networks, as a restaurant tablet or a customer's phone meets them: the app says it is
// offline, keeps showing what it last knew, marks every change not yet sent, and sends it when the
// connection is back.

import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import { paths } from "../../functions/src/domain";
import { closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { PROJECT_ID } from "../../scripts/lib/config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../scripts/seed/berlin";
import { seed } from "../../scripts/seed/seed";
import {
  adminDb,
  closeClients,
  createUser,
  moveOrder,
  placeOrder,
  signInAs,
  statusIs,
  TORSTRASSE,
  waitForDoc,
  type TestUser,
} from "../support/app";

const staffEmail = DEMO_ACCOUNTS.find((a) => a.role === "kitchen" && a.restaurant === "trattoria")!.email;

/** Waits until the service worker controls the page, so a reload works without the network. */
async function shellCached(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
}

describe("browser: offline", function () {
  this.timeout(180_000);
  let trattoria: string;
  let dish: string;
  let customer: TestUser, staff: TestUser;

  before(async () => {
    ({
      restaurantIds: { trattoria },
    } = await seed(PROJECT_ID, { aroundTheClock: true }));
    const menu = await adminDb.collection(paths.menu(trattoria)).where("name", "==", "Tagliatelle al Ragù").get();
    dish = menu.docs[0].id;
    staff = await signInAs(staffEmail, DEMO_PASSWORD);
  });
  beforeEach(async () => {
    customer = await createUser({}, "Offline Olivia");
  });
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  const order = async () => {
    const id = await placeOrder(customer, trattoria, [{ itemId: dish, quantity: 1, options: {} }], {
      deliveryAddress: TORSTRASSE,
    });
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    return id;
  };

  it("the order page keeps the last status it knew, says it is reconnecting, and catches up", async () => {
    const id = await order();
    const { page, context } = await newPage();
    await signIn(page, customer.email, "password", `/orders/${id}`);
    await page.locator('[data-status="placed"]').waitFor();
    await shellCached(page);
    await context.setOffline(true);
    await page.getByTestId("offline").waitFor();
    await page.reload();
    await page.locator('[data-status="placed"]').waitFor();
    await page.getByTestId("reconnecting").first().waitFor();
    assert.equal(await page.getByText("No such order.").count(), 0);
    await screenshot(page, "offline-order-page");
    await moveOrder(staff, id, "accepted");
    await context.setOffline(false);
    await page.locator('[data-status="accepted"]').waitFor();
    await page.getByTestId("offline").waitFor({ state: "detached" });
    await context.close();
  });

  it("the board survives a reload offline, marks a move as not sent, and sends it when back", async () => {
    const id = await order();
    await moveOrder(staff, id, "accepted");
    await moveOrder(staff, id, "preparing");
    const { page, context } = await newPage();
    await signIn(page, staffEmail, DEMO_PASSWORD, "/dashboard");
    const card = () => page.locator(`[data-order="${id}"]`);
    await page.locator(`[data-column="preparing"] [data-order="${id}"]`).waitFor();
    await shellCached(page);
    await context.setOffline(true);
    await page.reload();
    await page.locator(`[data-column="preparing"] [data-order="${id}"]`).waitFor();
    await page.getByTestId("offline").waitFor();
    await card().getByRole("button", { name: "Mark ready" }).click();
    await page.locator(`[data-column="ready"] [data-order="${id}"]`).getByTestId("not-sent").waitFor();
    await screenshot(page, "offline-board-not-sent");
    // Nothing reached the server: the customer still sees it being prepared.
    assert.equal((await adminDb.doc(paths.order(id)).get()).get("status"), "preparing");
    await context.setOffline(false);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("ready"), 30_000);
    // The board hears back through its listener, which the SDK reconnects after the backoff it
    // built up while offline (a minute at most): in two full runs on a loaded machine the server
    // had the move for over 30 s before the board did.
    await card().getByTestId("not-sent").waitFor({ state: "detached", timeout: 90_000 });
    await context.close();
  });

  it("checkout says what happens offline; the order is sent once the connection is back", async () => {
    const { page, context } = await newPage();
    await signIn(page, customer.email, "password", `/r/${trattoria}`);
    await page.evaluate((address) => localStorage.setItem("dishpatch.address", JSON.stringify(address)), TORSTRASSE);
    await page.reload();
    await page.getByRole("button", { name: "Add Tagliatelle al Ragù" }).click();
    await page.getByRole("link", { name: /Cart, 1 item\b/ }).click();
    await page.getByTestId("preview-total").waitFor();
    await shellCached(page);
    await context.setOffline(true);
    await page.getByTestId("checkout-offline").waitFor();
    await screenshot(page, "offline-checkout");
    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/\/orders\//);
    await page.getByTestId("not-sent").waitFor();
    const id = page.url().split("/orders/")[1];
    assert.equal((await adminDb.doc(paths.order(id)).get()).exists, false, "nothing reached the server yet");
    await context.setOffline(false);
    await page.locator('[data-status="placed"]').waitFor({ timeout: 30_000 });
    await context.close();
  });
});

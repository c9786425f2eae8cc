// A restaurant's rush and ordering ahead, in the browser: alerts on every dashboard tab, pausing
// as the customer sees it, a kitchen ticket's print view, and an order scheduled for later from
// the checkout to the kitchen.

import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import { paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  placeOrder,
  statusIs,
  moveDueTime,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

/** A customer who has set their delivery address before (the app keeps it in the browser). */
async function customerPage(customer: TestUser): Promise<Page> {
  const { page, context } = await newPage();
  await context.addInitScript((address) => {
    localStorage.setItem("dishpatch.address", JSON.stringify(address));
  }, BERLIN_CENTRE);
  await signIn(page, customer.email, "password");
  return page;
}

describe("browser: a restaurant's rush and orders ahead", function () {
  this.timeout(120_000);
  let r: TestRestaurant;
  let staff: TestUser;
  after(async () => {
    await closeBrowser();
    await closeClients();
  });
  beforeEach(async () => {
    r = await createRestaurant({ "Rush Lasagne": { price: 1450 } }, { prepTimeMin: 20 });
    staff = await createUser({ staff: [r.id] }, "Rosa Rush");
  });

  it("a new order is announced on the Menu tab: banner, title, tab badge; and its ticket prints for an 80 mm printer", async () => {
    const { page: k } = await newPage();
    await signIn(k, staff.email, "password", "/dashboard/menu");
    await k.getByRole("heading", { name: "Dishes" }).waitFor();
    await k.getByTestId("arm-sound").click();
    await k.getByTestId("sound-on").waitFor();

    const customer = await createUser({}, "Tina Ticket");
    const id = await placeOrder(customer, r.id, [{ itemId: r.items["Rush Lasagne"], quantity: 2, options: {} }], {
      note: "No basil please",
    });
    const banner = k.getByTestId("new-order-banner");
    await banner.waitFor();
    assert.match(String(await banner.textContent()), /New order waiting for you to accept/);
    assert.equal(await k.getByTestId("orders-tab-badge").textContent(), "1");
    assert.match(await k.title(), /^\(1\) New orders/);
    await screenshot(k, "dashboard-alert-on-menu-tab");

    await banner.getByRole("link").click();
    const card = k.locator(`#order-${id}`);
    await card.waitFor();
    assert.match(String(await card.getByRole("button", { name: /^Accept/ }).textContent()), /Accept · 20 min/);
    await card.getByRole("button", { name: "Print ticket" }).click();
    await k.emulateMedia({ media: "print" });
    const ticket = k.getByTestId("ticket");
    await ticket.waitFor();
    const text = String(await ticket.textContent());
    assert.match(text, new RegExp(`#${(await adminDb.doc(paths.order(id)).get()).get("code")}`));
    assert.match(text, /2 × Rush Lasagne/);
    assert.match(text, /NOTE: No basil please/);
    assert.equal(await k.locator(".board").isVisible(), false, "only the ticket prints");
    const width = await ticket.evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(width > 250 && width < 300, `about 74 mm wide: ${width}px`);
    await screenshot(k, "kitchen-ticket-print");
    await k.emulateMedia({ media: "screen" });

    // Accepting with a longer prep time clears the alert.
    await card.getByLabel("40 min").check();
    await card.getByRole("button", { name: "Accept · 40 min" }).click();
    await banner.waitFor({ state: "detached" });
    await waitForDoc(adminDb.doc(paths.order(id)), (s) => s.get("prepMin") === 40);
  });

  it("a paused restaurant, as the customer sees it, until the staff resume", async () => {
    const { page: k } = await newPage();
    await signIn(k, staff.email, "password", "/dashboard");
    await k.getByTestId("rush-state").waitFor();
    await k.getByRole("group", { name: "Pause new orders" }).getByRole("button", { name: "30 min" }).click();
    await k.getByText(/Paused until (tomorrow )?\d\d:\d\d/).waitFor();
    await screenshot(k, "dashboard-paused");

    const pia = await createUser({}, "Pia Paused");
    const c = await customerPage(pia);
    await c.goto(`${APP_URL}/r/${r.id}`);
    const state = c.getByTestId("restaurant-state");
    await state.waitFor();
    assert.match(
      String(await state.textContent()),
      /has paused new orders until (tomorrow )?\d\d:\d\d\. Schedule for later/,
    );
    await screenshot(c, "customer-restaurant-paused");
    // A favourite, so its card is on the list however many other tests' restaurants are nearer.
    await c.getByRole("button", { name: "♡ Add to favourites" }).click();
    await c.getByRole("button", { name: "♥ Favourite" }).waitFor();
    await waitForDoc(adminDb.doc(paths.user(pia.uid)), (s) => (s.get("favourites") ?? []).includes(r.id));
    await c.goto(APP_URL);
    const cardStatus = c.locator(`[data-restaurant="${r.id}"] .status`);
    await cardStatus.getByText(/Paused · back at (tomorrow )?\d\d:\d\d/).waitFor();

    await k.getByRole("button", { name: "Resume orders now" }).click();
    await k.getByText(/^Taking orders/).waitFor();
    // The list reads the public card, which the backend rewrites from the restaurant.
    await waitForDoc(adminDb.doc(paths.listing(r.id)), (s) => s.get("pausedUntil") === null);
    await c.reload();
    await cardStatus.getByText("Open now").waitFor();
  });

  it("an order ahead: chosen at checkout while paused, waits on the board, reaches the kitchen at its time", async () => {
    await adminDb.doc(paths.restaurant(r.id)).update({
      pausedUntil: new Date(Date.now() + 60 * 60_000),
      pausedBy: "staff",
    });
    const customer = await createUser({}, "Otto Ahead");
    const c = await customerPage(customer);
    await c.goto(`${APP_URL}/r/${r.id}`);
    await c.getByRole("button", { name: "Add Rush Lasagne" }).click();
    await c.getByRole("link", { name: /Cart, 1 item/ }).click();
    const when = c.getByRole("group", { name: "Delivery time" });
    await when.waitFor();
    // Paused: no "as soon as possible"; the first day's first slot is chosen.
    assert.equal(await when.getByLabel(/As soon as possible/).count(), 0);
    const chosen = await c.getByLabel("Delivery slot").inputValue();
    assert.match(chosen, /^\d+$/);
    await c.getByTestId("preview-total").waitFor();
    await screenshot(c, "customer-checkout-order-ahead");
    await c.getByRole("button", { name: "Place order" }).click();
    await c
      .getByTestId("arrival")
      .getByText(/Scheduled for/)
      .waitFor();
    const orderId = c.url().split("/orders/")[1];
    const scheduled = await waitForDoc(adminDb.doc(paths.order(orderId)), statusIs("scheduled"));
    assert.equal(scheduled.get("slotStart").toMillis(), Number(chosen));
    await screenshot(c, "customer-order-scheduled");

    const { page: k } = await newPage();
    await signIn(k, staff.email, "password", "/dashboard");
    const ahead = k.getByTestId("orders-ahead");
    await ahead.getByText("Otto Ahead").waitFor();
    assert.match(String(await ahead.textContent()), /to the kitchen at (tomorrow )?\d\d:\d\d/);
    await screenshot(k, "dashboard-orders-ahead");

    // Its release time comes (moved to now: the test cannot wait for the slot): the system releases
    // it, and it reaches the kitchen as a new order, with its alert.
    await moveDueTime(orderId, "releaseAt", new Date());
    await k.getByTestId("new-order-banner").waitFor({ timeout: 60_000 });
    assert.equal((await adminDb.doc(paths.order(orderId)).get()).get("by.placed")?.startsWith("backend:"), true);
    await k
      .locator(`#order-${orderId}`)
      .getByRole("button", { name: /^Accept/ })
      .click();
    await c.getByTestId("order-status").getByText("Accepted").waitFor();
    await c
      .getByTestId("arrival")
      .getByText(/Arrives around (tomorrow )?\d\d:\d\d/)
      .waitFor();
  });
});

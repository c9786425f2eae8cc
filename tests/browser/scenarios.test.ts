import { strict as assert } from "node:assert";
import { Timestamp } from "firebase-admin/firestore";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../scripts/seed/berlin";
import { seed } from "../../scripts/seed/seed";
import {
  adminDb,
  BERLIN_CENTRE,
  claimOrder,
  closeClients,
  createUser,
  moveOrder,
  placeOrder,
  signInAs,
  statusIs,
  waitForDoc,
  type TestUser,
  TORSTRASSE,
} from "../support/app";
import { HOST, PORTS, PROJECT_ID as APP_PROJECT } from "../../scripts/lib/config";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";

const emailOf = (role: string, restaurant?: string) =>
  DEMO_ACCOUNTS.find((a) => a.role === role && (!restaurant || ("restaurant" in a && a.restaurant === restaurant)))!
    .email;

describe("browser: scenarios", function () {
  this.timeout(120_000);
  let trattoria: string;
  let items: Record<string, string>;
  let customer: TestUser, staff: TestUser;

  before(async () => {
    const { restaurantIds } = await seed(APP_PROJECT, { aroundTheClock: true });
    trattoria = restaurantIds.trattoria;
    const menu = await adminDb.collection(`restaurants/${trattoria}/menu`).get();
    items = Object.fromEntries(menu.docs.map((d) => [d.get("name"), d.id]));
    staff = await signInAs(emailOf("kitchen", "trattoria"), DEMO_PASSWORD);
  });
  // Each scenario has a customer of its own (a customer may have only so many orders under way).
  beforeEach(async () => {
    customer = await createUser({}, "Scenario Sam");
  });
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  const orderToReady = async () => {
    const id = await placeOrder(
      customer,
      trattoria,
      [{ itemId: items["Spaghetti Carbonara"], quantity: 2, options: {} }],
      { deliveryAddress: TORSTRASSE },
    );
    await waitForDoc(adminDb.doc(`orders/${id}`), statusIs("placed"));
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(staff, id, s);
    return id;
  };

  it("two couriers claim the same order at once: one gets it, the other is told kindly", async () => {
    const [first, second] = await Promise.all([
      createUser({ courier: true }, "First Courier"),
      createUser({ courier: true }, "Second Courier"),
    ]);
    const a = await newPage({ geolocation: { latitude: 52.53, longitude: 13.41 }, permissions: ["geolocation"] });
    const b = await newPage({ geolocation: { latitude: 52.52, longitude: 13.4 }, permissions: ["geolocation"] });
    await signIn(a.page, first.email, "password", "/courier");
    await signIn(b.page, second.email, "password", "/courier");
    const id = await orderToReady();
    const claimA = a.page.locator(`.pickup[data-order="${id}"] button`);
    const claimB = b.page.locator(`.pickup[data-order="${id}"] button`);
    await Promise.all([claimA.waitFor(), claimB.waitFor()]);
    // Both press Claim in the same instant (a DOM click, without waiting for the other page's
    // list to change under it).
    const [handleA, handleB] = await Promise.all([claimA.elementHandle(), claimB.elementHandle()]);
    await Promise.all([
      handleA!.evaluate((el) => (el as HTMLElement).click()),
      handleB!.evaluate((el) => (el as HTMLElement).click()),
    ]);
    const winner = await waitForDoc(adminDb.doc(`orders/${id}`), (s) => s.get("courierId") !== null);
    const [winPage, losePage] = winner.get("courierId") === second.uid ? [b.page, a.page] : [a.page, b.page];
    await winPage.locator(`.active-delivery[data-order="${id}"]`).waitFor();
    const notice = losePage.getByTestId("claim-notice");
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? "", /Another courier took that order/);
    assert.equal(await losePage.locator(`.active-delivery[data-order="${id}"]`).count(), 0);
    await losePage.locator(`.pickup[data-order="${id}"]`).waitFor({ state: "detached" }); // gone from the loser's list
    await screenshot(losePage, "courier-lost-race");
    await a.context.close();
    await b.context.close();
  });

  it("a dish the kitchen marks sold out becomes unorderable for a customer who has the menu open", async () => {
    const c = await newPage();
    const k = await newPage();
    await signIn(c.page, customer.email, "password", `/r/${trattoria}`);
    const dish = c.page.locator('.menu-item[data-item="Penne Arrabbiata"]');
    await dish.getByRole("button", { name: "Add Penne Arrabbiata" }).waitFor();
    // The kitchen's menu tab marks dishes sold out; it does not edit them, nor see the owner's tabs.
    await signIn(k.page, emailOf("kitchen", "trattoria"), DEMO_PASSWORD, "/dashboard/menu");
    await k.page.getByText("The owner changes the menu and its prices").waitFor();
    assert.equal(await k.page.getByRole("button", { name: "Add a dish" }).count(), 0);
    assert.equal(await k.page.getByRole("button", { name: "Edit" }).count(), 0);
    const tabs = await k.page.getByRole("navigation", { name: "Dashboard" }).getByRole("link").allTextContents();
    assert.ok(!tabs.some((tab) => /Settings|Statements/.test(tab)), tabs.join(", "));
    await k.page.getByLabel("Penne Arrabbiata available").uncheck();
    await dish.getByText("Sold out").waitFor();
    assert.equal(await dish.getByRole("button").count(), 0, "no Add button any more");
    await screenshot(k.page, "dashboard-menu");
    await k.page.getByLabel("Penne Arrabbiata available").check();
    await dish.getByRole("button", { name: "Add Penne Arrabbiata" }).waitFor();
    await c.context.close();
    await k.context.close();
  });

  it("the menu form says what is wrong before writing, and saves a valid price change", async () => {
    const k = await newPage();
    await signIn(k.page, emailOf("owner", "trattoria"), DEMO_PASSWORD, "/dashboard/menu");
    await k.page.locator('tr[data-item="Bruschetta"]').getByRole("button", { name: "Edit" }).click();
    const form = k.page.getByRole("form", { name: "Edit Bruschetta" });
    await form.getByLabel("Price (€)").fill("6,5x");
    await k.page.getByTestId("item-problem").waitFor();
    assert.equal(await form.getByRole("button", { name: "Save dish" }).isDisabled(), true);
    await form.getByLabel("Price (€)").fill("6.90");
    await form.getByRole("button", { name: "Save dish" }).click();
    await waitForDoc(adminDb.doc(`restaurants/${trattoria}/menu/${items.Bruschetta}`), (s) => s.get("price") === 690);
    await k.page.getByRole("link", { name: "Settings" }).click();
    await k.page.getByLabel("Delivery fee (€)").waitFor();
    await screenshot(k.page, "dashboard-settings");
    await k.context.close();
  });

  it("a declined order reaches the customer with its reason", async () => {
    const c = await newPage();
    const k = await newPage();
    await signIn(k.page, emailOf("kitchen", "trattoria"), DEMO_PASSWORD, "/dashboard");
    const id = await placeOrder(
      customer,
      trattoria,
      [{ itemId: items["Tagliatelle al Ragù"], quantity: 1, options: {} }],
      { deliveryAddress: TORSTRASSE },
    );
    await signIn(c.page, customer.email, "password", `/orders/${id}`);
    await c.page.locator('[data-status="placed"]').waitFor();
    const card = k.page.locator(`[data-order="${id}"]`);
    await card.getByRole("button", { name: "Decline" }).click();
    await card.getByLabel("Reason").selectOption("item_unavailable");
    await card.getByLabel("A note for the customer (optional)").fill("We ran out of ragù tonight");
    await card.getByRole("button", { name: "Decline order" }).click();
    await c.page.locator('[data-status="declined"]').waitFor();
    const reason = (await c.page.getByTestId("reason").textContent()) ?? "";
    assert.match(reason, /A dish in the order is not available/);
    assert.match(reason, /We ran out of ragù tonight/);
    await screenshot(c.page, "customer-declined");
    await c.context.close();
    await k.context.close();
  });

  it("a rejected order shows the backend's reason", async () => {
    const id = await placeOrder(customer, trattoria, [{ itemId: items.Tiramisù, quantity: 1, options: {} }], {
      deliveryAddress: { ...BERLIN_CENTRE, lat: 52.4, lng: 13.05 },
    });
    const c = await newPage();
    await signIn(c.page, customer.email, "password", `/orders/${id}`);
    await c.page.locator('[data-status="rejected"]').waitFor();
    assert.match((await c.page.getByTestId("reason").textContent()) ?? "", /outside this restaurant's delivery area/);
    await c.page.getByRole("link", { name: "Orders" }).click();
    await c.page.locator(".order-list li").first().waitFor();
    await screenshot(c.page, "customer-order-history");
    await c.context.close();
  });

  it("the customer can cancel while the restaurant has not accepted, and not after", async () => {
    const id = await placeOrder(
      customer,
      trattoria,
      [
        { itemId: items["Pizza Diavola"], quantity: 1, options: { size: ["regular"] } },
        { itemId: items.Burrata, quantity: 1, options: {} },
      ],
      { deliveryAddress: TORSTRASSE },
    );
    const c = await newPage();
    await signIn(c.page, customer.email, "password", `/orders/${id}`);
    await c.page.locator('[data-status="placed"]').waitFor();
    await c.page.getByRole("button", { name: "Cancel order" }).click();
    await c.page.getByLabel("Why?").selectOption("ordered_by_mistake");
    await c.page.getByRole("button", { name: "Yes, cancel the order" }).click();
    await c.page.locator('[data-status="cancelled"]').waitFor();
    assert.match((await c.page.getByTestId("reason").textContent()) ?? "", /ordered by mistake/);
    assert.equal(await c.page.getByRole("button", { name: "Cancel order" }).count(), 0);
    const other = await orderToReady();
    await c.page.goto(`${APP_URL}/orders/${other}`);
    await c.page.locator('[data-status="ready"]').waitFor();
    assert.equal(await c.page.getByRole("button", { name: "Cancel order" }).count(), 0);
    // Leave nothing half-way for the other tests: a courier takes it.
    await claimOrder(await createUser({ courier: true }), other);
    await c.context.close();
  });

  it("a new customer signs up, confirms their email address before the first order, and works on a phone-sized screen", async () => {
    const { page, context } = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addInitScript((a) => localStorage.setItem("dishpatch.address", JSON.stringify(a)), BERLIN_CENTRE);
    await page.goto(`${APP_URL}/r/${trattoria}`);
    // Two, so that the cart is past the restaurant's minimum order whatever the dish costs today.
    await page.getByRole("button", { name: "Add Bruschetta" }).click();
    await page.getByRole("button", { name: "Add Bruschetta" }).click();
    // A visitor goes on from the restaurant page's checkout bar (the header's cart is for customers).
    await page.locator(".checkout-bar a.button").click();
    await page.waitForURL(/\/signin\?next=(%2F|\/)checkout/);
    await page.getByRole("button", { name: "Create an account" }).click();
    const name = `Mo Mobile ${Date.now()}`;
    const email = `mo${Date.now()}@example.test`;
    await page.getByLabel("Your name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("secret-pass");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/checkout$/);
    await page.getByRole("heading", { name: /Your order from Trattoria Rosa/ }).waitFor();
    const profiles = await adminDb.collection("users").where("displayName", "==", name).get();
    assert.equal(profiles.size, 1, "a profile was created at sign-up");
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 390, `no horizontal scrolling (${scrollWidth}px)`);
    // Not confirmed yet: checkout says so and the order cannot be sent.
    const verify = page.getByTestId("verify-email");
    await verify.getByRole("heading", { name: "Verify your email to order" }).waitFor();
    await page.getByTestId("preview-total").waitFor();
    assert.equal(await page.getByRole("button", { name: "Place order" }).isDisabled(), true);
    await screenshot(page, "mobile-checkout-verify-email");
    await verify.getByRole("button", { name: "I have confirmed it" }).click();
    await verify.getByText("Your address is not confirmed yet").waitFor();
    await verify.getByRole("button", { name: "Send the link again" }).click();
    await verify.getByText(`A new link is on its way to ${email}`).waitFor();
    // The Auth emulator keeps the emailed links; the test opens one as the mailbox would.
    const res = await fetch(`http://${HOST}:${PORTS.auth}/emulator/v1/projects/${APP_PROJECT}/oobCodes`);
    const { oobCodes } = (await res.json()) as { oobCodes: { email: string; requestType: string; oobLink: string }[] };
    const links = oobCodes.filter((c) => c.email === email && c.requestType === "VERIFY_EMAIL");
    assert.equal(links.length, 2, "one link at sign-up, one on request");
    const mailbox = await context.newPage();
    await mailbox.goto(links[0].oobLink);
    await mailbox.close();
    await verify.getByRole("button", { name: "I have confirmed it" }).click();
    await verify.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/\/orders\/[A-Za-z0-9]{20}$/);
    const orderId = page.url().split("/orders/")[1];
    await waitForDoc(adminDb.doc(`orders/${orderId}`), statusIs("placed"));
    await screenshot(page, "mobile-first-order");
    await page.goto(`${APP_URL}/`);
    await page.locator(".restaurant-card").first().waitFor();
    await screenshot(page, "mobile-restaurants");
    await context.close();
  });

  it("an admin grants the courier role from the admin page", async () => {
    const person = await createUser({}, "Becoming Courier");
    const { page, context } = await newPage();
    await signIn(page, emailOf("admin"), DEMO_PASSWORD, "/admin");
    await page.getByLabel("User's email").fill(person.email);
    await page.getByRole("combobox", { name: /^Role/ }).selectOption("courier");
    await page.getByRole("button", { name: "Grant" }).click();
    // The roles in words, not the token's claims as data.
    await page
      .getByRole("status")
      .filter({ hasText: `Granted. ${person.email} now has: Courier.` })
      .waitFor();
    await waitForDoc(adminDb.doc(`users/${person.uid}`), (s) => s.get("roles.courier") === true);
    await screenshot(page, "admin-roles");
    await context.close();
  });
  it("the inbox shows 20 notifications at a time, counts every unread one, and shows older ones on request", async () => {
    // History set up directly: 25 notifications as they were written before texts were keys, a
    // minute apart (the inbox shows their own title and body).
    const batch = adminDb.batch();
    for (let i = 0; i < 25; i++) {
      batch.set(adminDb.collection(`users/${customer.uid}/notifications`).doc(), {
        orderId: null,
        status: "delivered",
        link: "/orders",
        title: `Old news ${i}`,
        body: "From the archive.",
        read: false,
        createdAt: Timestamp.fromMillis(Date.UTC(2026, 0, 1) + i * 60_000),
        updatedAt: Timestamp.fromMillis(Date.UTC(2026, 0, 1) + i * 60_000),
      });
    }
    await batch.commit();
    const { page } = await newPage();
    await signIn(page, customer.email, "password", "/inbox");
    await page.getByTestId("unread").getByText("25").waitFor();
    const rows = page.locator(".inbox li");
    await rows.nth(19).waitFor();
    assert.equal(await rows.count(), 20);
    assert.equal(await rows.first().locator("strong").textContent(), "Old news 24", "newest first");
    await page.getByRole("button", { name: "Show older notifications" }).click();
    await rows.nth(24).waitFor();
    assert.equal(await rows.count(), 25);
    assert.equal(await rows.last().locator("strong").textContent(), "Old news 0");
    await page.getByRole("button", { name: "Show older notifications" }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Mark all read" }).click();
    await page.getByTestId("unread").waitFor({ state: "detached" });
  });
});

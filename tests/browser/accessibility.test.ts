// axe-core on every main screen, customer, restaurant and courier, on a phone and a desktop:
// WCAG 2.1 A and AA, zero violations. And on a phone the header stays small, and staff and
// couriers see none of the customer's cart and address controls.

import { strict as assert } from "node:assert";
import AxeBuilder from "@axe-core/playwright";
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
  waitForDoc,
} from "../support/app";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 860 } };

async function violations(page: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map(
    (v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

describe("browser: accessibility", function () {
  this.timeout(240_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const [size, options] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    it(`no axe violations on the main screens (${size})`, async () => {
      const r = await createRestaurant(
        { Soup: { price: 600, allergens: ["celery"], diet: ["vegetarian", "vegan"] } as object, Bread: { price: 300 } },
        { name: `Axe Kitchen ${size}`, minOrder: 0, imageUrl: "/photos/bowl.svg" },
      );
      const customer = await createUser({}, "Alex Axe");
      const staff = await createUser({ owner: [r.id] }, "Stan Staff");
      const courier = await createUser({ courier: true }, "Cleo Courier");
      const order = await placeOrder(customer, r.id, [{ itemId: r.items.Soup, quantity: 2, options: {} }]);
      await waitForDoc(adminDb.doc(paths.order(order)), statusIs("placed"));
      const found: string[] = [];

      const { page: c, context } = await newPage(options);
      await context.addInitScript((a) => localStorage.setItem("dishpatch.address", JSON.stringify(a)), BERLIN_CENTRE);
      await c.goto(`${APP_URL}/signin`);
      await c.getByRole("heading", { name: "Sign in" }).waitFor();
      found.push(...(await violations(c, "sign in")));
      await signIn(c, customer.email, "password");
      await c.locator(".restaurant-card").first().waitFor();
      found.push(...(await violations(c, "restaurants")));
      await c.goto(`${APP_URL}/r/${r.id}`);
      await c.getByRole("button", { name: "Add Soup" }).click();
      await c.getByText("Dietary filter").click();
      found.push(...(await violations(c, "menu")));
      await c.getByRole("button", { name: /Set delivery address|Alexanderplatz/ }).click();
      await c.getByRole("dialog").getByRole("heading", { name: "Where should we deliver?" }).waitFor();
      found.push(...(await violations(c, "address dialog")));
      await c.keyboard.press("Escape");
      await c.goto(`${APP_URL}/checkout`);
      await c.getByTestId("preview-total").waitFor();
      found.push(...(await violations(c, "checkout")));
      await c.goto(`${APP_URL}/orders/${order}`);
      await c.getByRole("heading", { name: /Order/ }).first().waitFor();
      found.push(...(await violations(c, "order")));
      await c.goto(`${APP_URL}/orders`);
      await c.locator(".order-row").first().waitFor();
      found.push(...(await violations(c, "order history")));
      await c.goto(`${APP_URL}/inbox`);
      await c.getByRole("heading", { name: "Inbox" }).waitFor();
      found.push(...(await violations(c, "inbox")));
      if (size === "phone") {
        await screenshot(c, "phone-header-customer");
        const header = await c.locator("header.top").boundingBox();
        assert.ok(header && header.height <= 844 * 0.12, `the header takes ${header?.height}px of 844`);
      }

      // A new order for the board: the first may have met its accept timeout while the customer's
      // screens were checked, and the board shows an order that waits for an answer.
      const waiting = await placeOrder(customer, r.id, [{ itemId: r.items.Bread, quantity: 1, options: {} }]);
      await waitForDoc(adminDb.doc(paths.order(waiting)), statusIs("placed"));
      const { page: k } = await newPage(options);
      await signIn(k, staff.email, "password", "/dashboard");
      const card = k.locator(`#order-${waiting}`);
      await card.waitFor();
      found.push(...(await violations(k, "dashboard orders")));
      assert.equal(await k.locator(".address-button, .cart-link").count(), 0, "no cart or address for staff");
      if (size === "phone") {
        // The owner's first new order is in view without scrolling, its Accept button too.
        await screenshot(k, "phone-dashboard-first-order");
        const accept = await card.getByRole("button", { name: /^Accept/ }).boundingBox();
        assert.ok(accept && accept.y + accept.height <= 844, `Accept at ${accept?.y}px`);
      }
      const ready: Record<string, string> = {
        menu: "table.menu-table",
        reviews: "#reviews-title",
        statements: "table.statement, .statement-totals, .state",
        settings: "form .hours-row",
      };
      for (const [tab, marker] of Object.entries(ready)) {
        await k.goto(`${APP_URL}/dashboard/${tab}`);
        await k.locator(marker).first().waitFor();
        await k.locator(".state.loading").first().waitFor({ state: "detached" });
        found.push(...(await violations(k, `dashboard ${tab}`)));
      }

      const { page: d } = await newPage(options);
      await signIn(d, courier.email, "password", "/courier");
      await d.getByRole("heading", { name: "Deliveries" }).waitFor();
      found.push(...(await violations(d, "courier")));
      assert.equal(await d.locator(".address-button, .cart-link").count(), 0, "no cart or address for couriers");
      await d.goto(`${APP_URL}/courier/earnings`);
      await d.getByRole("heading", { name: /Earnings/ }).waitFor();
      found.push(...(await violations(d, "courier earnings")));

      assert.deepEqual(found, []);
    });
  }
});

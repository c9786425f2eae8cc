// Money in the browser: an admin creates and pauses a code; a customer orders with a tip and the
// code and sees the discount; after delivery the customer raises the tip from their credit (they
// paid cash at the door), which the courier sees on the earnings page at once; the restaurant's
// statement shows the order.

import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import { paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { httpsCallable } from "firebase/functions";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  deliverThrough,
  placeOrder,
  statusIs,
  waitForDoc,
} from "../support/app";

async function customerPage(email: string): Promise<Page> {
  const { page, context } = await newPage();
  await context.addInitScript((address) => {
    localStorage.setItem("dishpatch.address", JSON.stringify(address));
  }, BERLIN_CENTRE);
  await signIn(page, email, "password");
  return page;
}

describe("browser: money", function () {
  this.timeout(180_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("a code from the admin, a tip and the discount at checkout, a raised tip the courier sees, the statement", async () => {
    const r = await createRestaurant({ "Money Pizza": { price: 1500 } }, { minOrder: 0, name: "Cent Kitchen" });
    const staff = await createUser({ owner: [r.id] }, "Stella Statement");
    const courier = await createUser({ courier: true }, "Kurt Courier");
    const admin = await createUser({ admin: true }, "Ada Admin");
    const code = `SAVE${Date.now().toString(36).toUpperCase()}`.slice(0, 20);

    // The admin creates a public code for 20 % off, pauses it and resumes it.
    const { page: a } = await newPage();
    await signIn(a, admin.email, "password", "/admin/promos");
    const form = a.getByRole("form", { name: "New promo code" });
    await form.getByLabel("Code").fill(code);
    await form.getByLabel("Description (customers see it)").fill("20 % off, test");
    await form.getByLabel("Percent off").fill("20");
    await form.getByLabel("Uses per customer").fill("1");
    await form.getByLabel("Show to every customer at checkout").check();
    await form.getByRole("button", { name: "Create code" }).click();
    await a.getByText(`Code ${code} created.`).waitFor();
    const row = a.locator(`tr[data-code="${code}"]`);
    await row.getByRole("button", { name: "Pause" }).click();
    await row.getByTestId("promo-state").getByText("Paused").waitFor();
    await screenshot(a, "admin-promo-codes");
    await row.getByRole("button", { name: "Resume" }).click();
    await row.getByTestId("promo-state").getByText("Active").waitFor();

    // The customer orders with a 10 % tip and the code, and sees the discount before placing.
    const customer = await createUser({}, "Connie Cents");
    const c = await customerPage(customer.email);
    await c.goto(`${APP_URL}/r/${r.id}`);
    await c.getByRole("button", { name: "Add Money Pizza" }).click();
    await c.getByRole("button", { name: "Add Money Pizza" }).click();
    await c.getByRole("link", { name: /Cart, 2 items/ }).click();
    await c.getByLabel("10 %").check();
    await c.getByRole("list", { name: "Codes for you" }).getByText(code).waitFor();
    await c.getByLabel("Promo code").fill(code.toLowerCase());
    await c.getByRole("button", { name: "Apply" }).click();
    await c.getByTestId("discount").getByText("−€6.00").waitFor();
    await c.getByTestId("tip").getByText("€3.00").waitFor();
    // 30.00 − 6.00 + 2.49 delivery + 1.50 service + 3.00 tip
    assert.equal(await c.getByTestId("preview-total").textContent(), "€30.99");
    await screenshot(c, "customer-checkout-tip-and-code");
    await c.getByRole("button", { name: "Place order" }).click();
    await c.getByTestId("order-status").getByText("Waiting for the restaurant").waitFor();
    assert.equal(await c.getByTestId("total").textContent(), "€30.99");
    assert.equal(await c.getByTestId("discount").textContent(), "−€6.00");
    const orderId = c.url().split("/orders/")[1];

    // Kitchen and courier do their part.
    await deliverThrough(staff, courier, orderId);
    await waitForDoc(adminDb.doc(paths.order(orderId)), statusIs("delivered"));
    await waitForDoc(adminDb.doc(paths.receipt(orderId)), (s) => s.exists);

    // The courier watches their earnings while the customer adds to the tip.
    const { page: k } = await newPage();
    await signIn(k, courier.email, "password", "/courier/earnings");
    const earning = k.locator(`tr[data-order="${orderId}"]`);
    await earning.getByTestId("earning-tip").getByText("€3.00").waitFor();

    await c.getByTestId("current-tip").getByText("€3.00").waitFor();
    // Paid in cash at the door: a tip added now comes from credit, and there is none yet.
    await c.getByTestId("tip-from-credit").getByText("€0.00", { exact: false }).waitFor();
    await c.getByLabel("Add (€)").fill("2");
    await c.getByTestId("tip-short").getByText("Your Dishpatch credit does not cover that: you have €0.00.").waitFor();
    assert.equal(await c.getByRole("button", { name: "Add to the tip" }).isDisabled(), true);
    // A refund on another order (elsewhere, so that this restaurant's statement keeps one order)
    // gives credit; the page shows it as it comes.
    const elsewhere = await createRestaurant({ "Other Pizza": { price: 900 } }, { minOrder: 0 });
    const other = await placeOrder(customer, elsewhere.id, [
      { itemId: elsewhere.items["Other Pizza"], quantity: 1, options: {} },
    ]);
    await waitForDoc(adminDb.doc(paths.order(other)), statusIs("placed"));
    await deliverThrough(await createUser({ staff: [elsewhere.id] }, "Otto Other"), courier, other);
    await httpsCallable(
      customer.functions,
      "fileComplaint",
    )({ orderId: other, type: "missing_items", lines: [{ line: 0, quantity: 1 }] });
    await c.getByTestId("tip-from-credit").getByText("€9.00", { exact: false }).waitFor();
    assert.equal(await c.getByTestId("tip-short").count(), 0);
    await c.getByRole("button", { name: "Add to the tip" }).click();
    await c.getByText("Thank you: €2.00 more for your courier.").waitFor();
    await c.getByTestId("tip-from-credit").getByText("€7.00", { exact: false }).waitFor();
    await earning.getByTestId("earning-tip").getByText("€5.00").waitFor();
    await screenshot(k, "courier-earnings");

    await c.getByTestId("receipt-link").click();
    await c.getByTestId("receipt-tip").getByText("€5.00").waitFor();
    assert.equal(await c.getByTestId("receipt-total").textContent(), "€32.99");
    // Paid in cash at the door, and the added tip from credit: the parts add up to the total.
    assert.equal(await c.getByTestId("receipt-cash").textContent(), "€30.99");
    assert.equal(await c.getByTestId("receipt-credit").textContent(), "€2.00");
    await screenshot(c, "customer-receipt");

    // The restaurant's statement for today lists the order: 30.00 food, its commission, net.
    const { page: s } = await newPage();
    await signIn(s, staff.email, "password", "/dashboard/statements");
    await s.locator(`tr[data-order="${orderId}"]`).waitFor();
    assert.equal(await s.getByTestId("statement-orders").textContent(), "1");
    assert.equal(await s.getByTestId("statement-gross").textContent(), "€30.00");
    // The default commission is 15 %: 30.00 − 4.50 (the platform funded the code).
    assert.equal(await s.getByTestId("statement-net").textContent(), "€25.50");
    await screenshot(s, "dashboard-statement");
  });
});

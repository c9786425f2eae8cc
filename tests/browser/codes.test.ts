// One order, one code (issue 21.7): the short code the backend gave the order at placement is the
// one every screen shows: the customer's order and history, the board card and the kitchen
// ticket, the courier's pickup and delivery, the receipt, the statement and its CSV, the earnings.

import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  courierIsAt,
  createRestaurant,
  createUser,
  deliverOrder,
  moveOrder,
  statusIs,
  waitForDoc,
} from "../support/app";

describe("browser: an order's code", function () {
  this.timeout(180_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("is the same on every screen, ticket, receipt, statement, CSV and the courier's earnings", async () => {
    const r = await createRestaurant({ Ramen: { price: 1350 } }, { minOrder: 0, name: "Code Kitchen" });
    const owner = await createUser({ owner: [r.id] }, "Olli Owner");
    const courier = await createUser({ courier: true }, "Cem Courier");
    // Near the kitchen: a courier sees the pickups around them.
    await courierIsAt(courier, BERLIN_CENTRE);
    const customer = await createUser({}, "Clara Code");

    const { page: c, context } = await newPage();
    await context.addInitScript((a) => localStorage.setItem("dishpatch.address", JSON.stringify(a)), BERLIN_CENTRE);
    await signIn(c, customer.email, "password", `/r/${r.id}`);
    await c.getByRole("button", { name: "Add Ramen" }).click();
    await c.getByRole("link", { name: /Go to checkout/ }).click();
    await c.getByRole("button", { name: "Place order" }).click();
    await c.waitForURL(/\/orders\/\w{20}$/);
    const id = c.url().split("/orders/")[1];
    const code = (await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"))).get("code") as string;
    assert.match(code, /^[2-9A-HJKMNP-Z]{4}$/);
    // Accepted at once: the test's walk takes longer than the test run's 20 s accept timeout.
    await moveOrder(owner, id, "accepted");
    await c.getByTestId("order-code").getByText(`Order #${code}`).waitFor();
    await c.goto(`${APP_URL}/orders`);
    await c.locator(".order-row", { hasText: `#${code}` }).waitFor();

    // The kitchen reads it off the card and the ticket.
    const { page: k } = await newPage();
    await signIn(k, owner.email, "password", "/dashboard");
    const card = k.locator(`#order-${id}`);
    assert.equal(await card.getByTestId("order-code").textContent(), `#${code}`);
    await card.getByRole("button", { name: "Print ticket" }).click();
    await k.emulateMedia({ media: "print" });
    assert.match(String(await k.getByTestId("ticket").textContent()), new RegExp(`#${code}`));
    await k.emulateMedia({ media: "screen" });
    for (const s of ["preparing", "ready"] as const) await moveOrder(owner, id, s);

    // The courier sees it on the pickup and on the delivery they claim.
    const { page: d } = await newPage();
    await signIn(d, courier.email, "password", "/courier");
    const pickup = d.locator(`.pickup[data-order="${id}"]`);
    await pickup.getByText(`#${code}`).waitFor();
    await pickup.getByRole("button", { name: "Claim" }).click();
    const delivery = d.locator(`.active-delivery[data-order="${id}"]`);
    assert.equal(await delivery.getByTestId("order-code").textContent(), `#${code}`);
    await screenshot(d, "courier-delivery-code");
    await moveOrder(courier, id, "picked_up");
    await deliverOrder(courier, id);
    await waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists);

    await c.goto(`${APP_URL}/receipts/${id}`);
    assert.equal(await c.getByTestId("receipt-number").textContent(), code);
    await d.goto(`${APP_URL}/courier/earnings`);
    await d.locator(`tr[data-order="${id}"]`).getByText(code, { exact: true }).waitFor();
    await k.goto(`${APP_URL}/dashboard/statements`);
    await k.locator(`tr[data-order="${id}"]`).getByText(code, { exact: true }).waitFor();
    const [download] = await Promise.all([
      k.waitForEvent("download"),
      k.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    assert.ok(
      csv.split("\n").some((line) => line.startsWith(`${code},`)),
      csv,
    );
  });
});

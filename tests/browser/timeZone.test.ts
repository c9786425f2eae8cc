// An order's times read the same on every screen, on the city's clock (the restaurant's), wherever
// the reader's device thinks it is. A browser set to another zone once read the inbox and the order
// list in its own zone, an hour or more away from the order page, the receipt and the dashboard.

import { strict as assert } from "node:assert";
import { CITY, LOCALES, paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, signIn } from "../../scripts/lib/browser";
import {
  adminDb,
  closeClients,
  createRestaurant,
  createUser,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
} from "../support/app";

const onCityClock = (ms: number) =>
  new Date(ms).toLocaleTimeString(LOCALES.en, { hour: "2-digit", minute: "2-digit", timeZone: CITY.timeZone });

describe("browser: times on the city's clock", function () {
  this.timeout(120_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("the inbox, the order list and the order page show an order's times alike, in a browser set to Tokyo", async () => {
    const r = await createRestaurant({ Soup: { price: 900 } }, { minOrder: 0, name: "Clock Kitchen" });
    const [customer, owner] = await Promise.all([
      createUser({}, "Tia Clock"),
      createUser({ owner: [r.id] }, "Otto Clock"),
    ]);
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.Soup, quantity: 1, options: {} }]);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    await moveOrder(owner, id, "accepted", { prepMin: 15 });
    const entry = await waitForDoc(
      adminDb.doc(paths.notification(customer.uid, id)),
      (s) => !!s.get("moments.accepted"),
    );
    const order = (await adminDb.doc(paths.order(id)).get()).data()!;
    const accepted = onCityClock(entry.get("moments.accepted").toMillis());
    const created = onCityClock(order.createdAt.toMillis());

    const { context, page } = await newPage({ timezoneId: "Asia/Tokyo" });
    await signIn(page, customer.email, "password", "/inbox");
    const moment = page.locator(`.inbox li[data-order="${id}"] [data-moment="accepted"] time`);
    await moment.waitFor();
    assert.equal(await moment.textContent(), accepted, "the inbox's moment");

    await page.goto(`${APP_URL}/orders`);
    const row = page.locator(`.order-row a[href="/orders/${id}"]`);
    await row.waitFor();
    assert.ok((await row.innerText()).includes(created), `the order list says ${created}: ${await row.innerText()}`);

    await page.goto(`${APP_URL}/orders/${id}`);
    await page.locator('[data-status="accepted"]').waitFor();
    assert.ok((await page.locator("main").innerText()).includes(accepted), `the order page says ${accepted}`);
    await context.close();
  });
});

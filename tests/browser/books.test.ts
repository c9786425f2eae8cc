// The money pages, each role on its own records, on a phone in German and on a desktop in English:
// the customer's receipt (what they paid), the owner's statement (its lines; the customer's receipt
// refused), and the admin's revenue, whose figures are checked against the books the admin reads.

import { strict as assert } from "node:assert";
import { getDocs } from "firebase/firestore";
import type { Page } from "playwright-core";
import {
  addDays,
  CITY,
  dayLabel,
  formatCents,
  localTime,
  LOCALES,
  paths,
  netRevenue,
  QUERIES,
  REFUND_SUM,
  revenueOf,
  zonedInstant,
  type Language,
  type OrderBooks,
  type Revenue,
} from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { en } from "../../web/src/i18n/en";
import { de } from "../../web/src/i18n/de";
import { shopEn } from "../../web/src/i18n/shop/en";
import { shopDe } from "../../web/src/i18n/shop/de";
import { workEn } from "../../web/src/i18n/work/en";
import { workDe } from "../../web/src/i18n/work/de";
import {
  adminDb,
  clientQuery,
  closeClients,
  createRestaurant,
  createUser,
  deliverThrough,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestUser,
} from "../support/app";

const TEXTS = { en: { ...en, ...shopEn, ...workEn }, de: { ...de, ...shopDe, ...workDe } };

const SIZES = [
  ["phone", "de", { width: 390, height: 844 }],
  ["desktop", "en", { width: 1280, height: 860 }],
] as const;

/** Signed in, then the language chosen in the header, as a person does. */
async function signedIn(who: TestUser, lang: Language, viewport: { width: number; height: number }, next: string) {
  const { context, page } = await newPage({ viewport });
  await signIn(page, who.email, "password", next);
  if (lang === "de") await page.getByRole("combobox", { name: "Language" }).selectOption("de");
  await page.locator(`html[lang="${lang}"]`).waitFor();
  return { context, page };
}

async function cells(page: Page, row: string): Promise<string[]> {
  return (await page.locator(`${row} td`).allInnerTexts()).map((s) => s.trim());
}

describe("browser: money pages per role", function () {
  this.timeout(300_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const [size, lang, viewport] of SIZES) {
    it(`${size}, ${lang}: the receipt, the owner's statement, the admin's revenue against the books`, async () => {
      const say = TEXTS[lang];
      const euros = (cents: number) => formatCents(cents, "EUR", LOCALES[lang]);
      const r = await createRestaurant({ "Book Pizza": { price: 1350 } }, { minOrder: 0, name: `Books ${size}` });
      const [owner, courier, admin, customer] = await Promise.all([
        createUser({ owner: [r.id] }, "Bea Books"),
        createUser({ courier: true }, "Kai Books"),
        createUser({ admin: true }, "Ada Books"),
        createUser({}, "Cleo Books"),
      ]);
      const id = await placeOrder(customer, r.id, [{ itemId: r.items["Book Pizza"], quantity: 2, options: {} }], {
        tip: { cents: 150 },
      });
      await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
      await deliverThrough(owner, courier, id);
      const receipt = (await waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists)).data()!;
      const line = (await waitForDoc(adminDb.doc(paths.statementLine(id)), (s) => s.exists)).data()!;

      // The customer's receipt: what they paid, in their language.
      const c = await signedIn(customer, lang, viewport, `/receipts/${id}`);
      await c.page.getByTestId("receipt-total").getByText(euros(receipt.total)).waitFor();
      assert.equal(await c.page.getByTestId("receipt-tip").textContent(), euros(150));
      assert.ok(!(await c.page.getByTestId("receipt").innerText()).includes(say["stmt.commission"]));
      await screenshot(c.page, `receipt-${size}-${lang}`);
      await c.context.close();

      // The owner's statement: its line, no link to the customer's receipt, which is refused.
      const o = await signedIn(owner, lang, viewport, "/dashboard/statements");
      const row = `tr[data-order="${id}"]`;
      await o.page.locator(row).waitFor();
      assert.equal(await o.page.locator(`${row} a`).count(), 0, "no way to the customer's receipt");
      const shown = await cells(o.page, row);
      assert.deepEqual(
        [shown[0], ...shown.slice(2)],
        [
          line.number,
          euros(line.subtotal),
          euros(line.commission),
          euros(line.restaurantPromo),
          euros(line.restaurantNet),
        ],
      );
      assert.equal(await o.page.getByTestId("statement-net").textContent(), euros(line.restaurantNet));
      // Refunds are none yet: nothing taken off reads "0,00 €", never "−0,00 €".
      assert.doesNotMatch(await o.page.getByTestId("statement-totals").innerText(), /−\s?(€\s?)?0[.,]00/);
      await screenshot(o.page, `statement-${size}-${lang}`);
      await o.page.goto(`${APP_URL}/receipts/${id}`);
      await o.page.getByText(say["err.denied"]).waitFor();
      await o.context.close();

      // The admin's revenue for today, read again until no delivery landed in between (other
      // suites deliver today too), against the books the admin reads with their own client.
      const today = localTime(new Date(), CITY.timeZone).date;
      const books = async () => {
        const q = QUERIES.booksDeliveredBetween(
          zonedInstant(today, 0, CITY.timeZone),
          zonedInstant(addDays(today, 1), 0, CITY.timeZone),
        );
        const refunds = QUERIES.refundsBookedBetween(
          zonedInstant(today, 0, CITY.timeZone),
          zonedInstant(addDays(today, 1), 0, CITY.timeZone),
        );
        const paid = (await getDocs(clientQuery(admin.db, refunds))).docs.reduce(
          (n, d) => n + Number(d.get(REFUND_SUM)),
          0,
        );
        const revenue = revenueOf((await getDocs(clientQuery(admin.db, q))).docs.map((d) => d.data() as OrderBooks));
        return { ...revenue, refunds: paid };
      };
      const a = await signedIn(admin, lang, viewport, "/admin/revenue");
      const todayRow = `tr[data-day="${today}"]`;
      let checked: (Revenue & { refunds: number }) | null = null;
      for (let attempt = 0; attempt < 6 && !checked; attempt++) {
        const before = await books();
        if (attempt > 0) await a.page.reload();
        await a.page.locator(todayRow).waitFor();
        const figures = await cells(a.page, todayRow);
        const after = await books();
        if (JSON.stringify(before) !== JSON.stringify(after)) continue;
        assert.ok(after.orders >= 1);
        assert.equal(figures[0], dayLabel(today, lang), "the day as the reader's language names it");
        assert.deepEqual(figures.slice(1), [
          String(after.orders),
          euros(after.commission),
          euros(after.serviceFees),
          euros(after.deliveryShare),
          // Nothing taken off reads as nothing, not "−0,00 €".
          after.platformPromotions ? `−${euros(after.platformPromotions)}` : euros(0),
          euros(after.revenue),
          // The refunds the platform paid today are taken off: what is left after them.
          after.refunds ? `−${euros(after.refunds)}` : euros(0),
          euros(netRevenue(after.revenue, after.refunds)),
        ]);
        checked = after;
      }
      assert.ok(checked, "the books held still long enough to compare");
      await screenshot(a.page, `admin-revenue-${size}-${lang}`);
      await a.context.close();
    });
  }

  it("the statement opens on the restaurant's today, also in the hour when Berlin's day is ahead of UTC's", async () => {
    const r = await createRestaurant({ Late: { price: 900 } }, { minOrder: 0, name: "Books Midnight" });
    const owner = await createUser({ owner: [r.id] }, "Mo Midnight");
    // The latest 23:30 UTC that has passed: 00:30 the next day in Berlin. In the past, so the
    // browser's session stays valid against the Auth emulator's real clock.
    const now = Date.now();
    let at = new Date(now).setUTCHours(23, 30, 0, 0);
    if (at > now) at -= 24 * 60 * 60 * 1000;
    const { context, page } = await newPage({ viewport: { width: 1280, height: 860 } });
    await page.clock.setFixedTime(at);
    await signIn(page, owner.email, "password", "/dashboard/statements");
    const berlinDay = localTime(new Date(at), "Europe/Berlin").date;
    assert.notEqual(berlinDay, new Date(at).toISOString().slice(0, 10));
    const day = page.locator('.statements input[type="date"]');
    await day.waitFor();
    assert.equal(await day.inputValue(), berlinDay);
    await context.close();
  });
});

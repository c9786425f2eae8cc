// A courier's cash, on a phone in German and on a desktop in English: after a cash delivery the
// courier's earnings say what they hold in all; an admin sees it on the Couriers' cash tab, is
// refused a settlement of more than they hold, records the cash handed in, and the courier's page
// follows. Past the platform's limit on the cash a courier holds, an offer says so and cannot be
// claimed.

import { strict as assert } from "node:assert";
import { formatCents, LOCALES, paths, type Language } from "../../functions/src/domain";
import { closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { workEn } from "../../web/src/i18n/work/en";
import { workDe } from "../../web/src/i18n/work/de";
import { FieldValue } from "firebase-admin/firestore";
import {
  adminDb,
  BERLIN_CENTRE,
  claimOrder,
  closeClients,
  courierIsAt,
  createRestaurant,
  createUser,
  deliverThrough,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestUser,
} from "../support/app";
import { DESKTOP, PHONE, phoneProblems } from "../support/layout";

const SAY = { en: workEn, de: workDe };
const SIZES = [
  ["phone", "de", PHONE],
  ["desktop", "en", DESKTOP],
] as const;
const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

async function signedIn(who: TestUser, lang: Language, options: object, next: string) {
  const { context, page } = await newPage(options);
  await signIn(page, who.email, "password", next);
  if (lang === "de") await page.getByRole("combobox", { name: "Language" }).selectOption("de");
  await page.locator(`html[lang="${lang}"]`).waitFor();
  return { context, page };
}

describe("browser: a courier's cash and its settlement", function () {
  this.timeout(240_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const [size, lang, options] of SIZES) {
    it(`${size}, ${lang}: the courier holds the cash taken; an admin records it handed in`, async () => {
      const say = SAY[lang];
      const euros = (cents: number) => formatCents(cents, "EUR", LOCALES[lang]);
      const r = await createRestaurant({ dish: { price: 1500 } }, { minOrder: 0 });
      const [kitchen, courier, admin, customer] = await Promise.all([
        createUser({ staff: [r.id] }, "Kit Cash"),
        createUser({ courier: true }, "Cass Courier"),
        createUser({ admin: true }, "Ada Cash"),
        createUser({}, "Cid Customer"),
      ]);
      const id = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }], {
        payWith: "cash",
      });
      await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
      await deliverThrough(kitchen, courier, id);
      const earning = await waitForDoc(adminDb.doc(paths.earning(courier.uid, id)), (d) => d.exists);
      const cash = earning.get("cash") as number;
      const earned = earning.get("total") as number;
      assert.ok(cash > 0);

      const c = await signedIn(courier, lang, options, "/courier/earnings");
      const held = c.page.getByTestId("cash-held-all");
      await held.waitFor();
      assert.equal((await held.innerText()).trim(), fill(say["earn.holdAll"], { amount: euros(cash) }));
      assert.equal(
        (await c.page.getByTestId("cash-balance-all").innerText()).trim(),
        fill(say["earn.owesAll"], { amount: euros(cash - earned) }),
      );

      const a = await signedIn(admin, lang, options, "/admin/cash");
      const row = a.page.locator(`li[data-courier="${courier.uid}"]`);
      await row.waitFor();
      assert.equal(
        (await row.getByTestId("cash-held").innerText()).trim(),
        fill(say["cash.held"], { amount: euros(cash) }),
      );
      const amountField = row.getByLabel(say["cash.amount"]);
      // More than they hold: refused, in the reader's language, and nothing recorded.
      await amountField.fill(((cash + 100) / 100).toFixed(2).replace(".", lang === "de" ? "," : "."));
      await row.getByRole("button", { name: say["cash.record"] }).click();
      await row.getByText(say["cash.err.more_than_held"]).waitFor({ timeout: 90_000 });
      assert.equal((await adminDb.collection(paths.settlements(courier.uid)).get()).size, 0);
      await amountField.fill((cash / 100).toFixed(2).replace(".", lang === "de" ? "," : "."));
      await row.getByLabel(say["cash.note"]).fill("Cash desk");
      await row.getByRole("button", { name: say["cash.record"] }).click();
      await row.getByText(fill(say["cash.recorded"], { amount: euros(cash) })).waitFor({ timeout: 90_000 });
      if (size === "phone") {
        const found = await phoneProblems(a.page, PHONE.viewport.width, null, "couriers' cash");
        assert.deepEqual(found, [], "couriers' cash on a phone");
      }
      await screenshot(a.page, `courier-cash-admin-${size}-${lang}`);

      // The courier's page follows, live: nothing held, Dishpatch owes them their earnings.
      await c.page
        .getByTestId("cash-held-all")
        .getByText(fill(say["earn.holdAll"], { amount: euros(0) }))
        .waitFor();
      assert.equal(
        (await c.page.getByTestId("cash-balance-all").innerText()).trim(),
        fill(say["earn.owedAll"], { amount: euros(earned) }),
      );
      await screenshot(c.page, `courier-cash-earnings-${size}-${lang}`);
      await Promise.all([a.context.close(), c.context.close()]);
    });
  }

  for (const [size, lang, options] of SIZES) {
    it(`${size}, ${lang}: past the cash a courier may hold, an offer says why and cannot be claimed`, async () => {
      const say = SAY[lang];
      const euros = (cents: number) => formatCents(cents, "EUR", LOCALES[lang]);
      const settings = adminDb.doc(paths.paymentSettings());
      const before = (await settings.get()).data();
      try {
        const r = await createRestaurant({ dish: { price: 1500 } }, { minOrder: 0 });
        const [kitchen, courier, customer] = await Promise.all([
          createUser({ staff: [r.id] }, "Kit Full"),
          createUser({ courier: true }, "Cara Full"),
          createUser({}, "Cyd Full"),
        ]);
        const place = async () => {
          const id = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }], {
            payWith: "cash",
          });
          await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
          return id;
        };
        const first = await place();
        await deliverThrough(kitchen, courier, first);
        const cash = (await waitForDoc(adminDb.doc(paths.earning(courier.uid, first)), (d) => d.exists)).get("cash");
        // The lowest limit an admin may set, below what the courier now holds.
        await settings.set({
          maxCashOrderCents: 10000,
          maxCourierCashCents: 1000,
          updatedAt: FieldValue.serverTimestamp(),
        });
        const next = await place();
        for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(kitchen, next, s);
        await courierIsAt(courier, BERLIN_CENTRE);

        const c = await signedIn(courier, lang, options, "/courier");
        const offer = c.page.locator(`li.pickup[data-order="${next}"]`);
        await offer
          .getByTestId("cash-full")
          .getByText(fill(say["cour.cashFull"], { held: euros(cash), max: euros(1000) }))
          .waitFor();
        assert.equal(await offer.getByRole("button", { name: say["cour.claim"] }).isDisabled(), true);
        // The rules refuse the claim as well.
        await assert.rejects(claimOrder(courier, next), { code: "permission-denied" });
        assert.equal((await adminDb.doc(paths.order(next)).get()).get("courierId"), null);
        await screenshot(c.page, `courier-cash-full-${size}-${lang}`);
        await c.context.close();
      } finally {
        await (before ? settings.set(before) : settings.delete());
      }
    });
  }
});

// The admin's lists that no longer read everything: a restaurant is found by a word and chosen from
// ten at a time (Fees, Roles, Promo codes), and the orders that need a decision, each ended with
// one button. On a phone and a desktop, in English and German.

import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import { DELIVERY_OVERDUE_MIN, overdueId, paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signInIn } from "../../scripts/lib/browser";
import {
  adminAuth,
  adminDb,
  claimOrder,
  closeClients,
  createRestaurant,
  createUser,
  moveDueTime,
  moveOrder,
  placeOrder,
  RECOVERY_MS,
  statusIs,
  waitForDoc,
  type TestUser,
} from "../support/app";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 860 } };

const WORDS = {
  en: {
    find: "Find a restaurant",
    more: "More restaurants",
    chosen: /Chosen: /,
    commission: "Commission (%)",
    saveCommission: "Save commission",
    email: "User's email",
    role: "Role",
    grant: "Grant",
    /** The label holds its hint too ("Code3 to 20 letters and digits"). */
    code: /^Code/,
    create: "Create code",
    all: "All restaurants",
    decisions: "Decisions",
    title: "Orders that need a decision",
    delivered: "Mark delivered",
    undelivered: "Not delivered",
    doneUndelivered: /ended as not delivered/,
    doneDelivered: /marked delivered/,
  },
  de: {
    find: "Restaurant finden",
    more: "Weitere Restaurants",
    chosen: /Gewählt: /,
    commission: "Provision (%)",
    saveCommission: "Provision speichern",
    email: "E-Mail der Person",
    role: "Rolle",
    grant: "Vergeben",
    /** The label holds its hint too ("Code3 to 20 letters and digits"). */
    code: /^Code/,
    create: "Code erstellen",
    all: "Alle Restaurants",
    decisions: "Entscheidungen",
    title: "Bestellungen, die eine Entscheidung brauchen",
    delivered: "Als geliefert markieren",
    undelivered: "Nicht geliefert",
    doneUndelivered: /als nicht geliefert beendet/,
    doneDelivered: /als geliefert markiert/,
  },
} as const;

describe("browser: the admin's restaurant picker and the orders that need a decision", function () {
  this.timeout(300_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  /** `n` restaurants with a word of their own in the name, each found by search once its entry is written. */
  const restaurantsNamed = async (word: string, n: number) => {
    const made = [];
    for (let i = 1; i <= n; i++) {
      made.push(
        await createRestaurant({ dish: { price: 1200 } }, { name: `${word} Kitchen ${String(i).padStart(2, "0")}` }),
      );
    }
    await Promise.all(made.map((r) => waitForDoc(adminDb.doc(paths.searchEntry(r.id)), (s) => s.exists)));
    return made;
  };

  /** Types the word into the form's picker, pages to the end and chooses the last restaurant. */
  const pickLast = async (
    page: Page,
    form: ReturnType<Page["locator"]>,
    w: (typeof WORDS)["en"] | (typeof WORDS)["de"],
    word: string,
  ) => {
    const picker = form.getByTestId("restaurant-picker");
    await picker.getByLabel(w.find).fill(word);
    const results = picker.locator("[data-restaurant]");
    await results.nth(9).waitFor();
    assert.equal(await results.count(), 10, "ten at a time");
    await picker.getByRole("button", { name: w.more }).click();
    await results.nth(11).waitFor();
    assert.equal(await results.count(), 12);
    assert.equal(await picker.getByRole("button", { name: w.more }).count(), 0, "no more after the last");
    const id = await results.nth(11).getAttribute("data-restaurant");
    await results.nth(11).click();
    assert.match((await picker.getByTestId("picked").textContent()) ?? "", w.chosen);
    return id!;
  };

  for (const [size, device, lang] of [
    ["phone", PHONE, "en"],
    ["desktop", DESKTOP, "de"],
  ] as const) {
    it(`${size}, ${lang}: Fees, Roles and Promo codes find a restaurant by a word, ten at a time`, async () => {
      const w = WORDS[lang];
      const word = `Pick${size}${Date.now().toString(36)}`;
      const mine = await restaurantsNamed(word, 12);
      const admin = await createUser({ admin: true }, "Ada Picker");
      const future = await createUser({}, "Otto Future");
      const { context, page } = await newPage({ ...device, locale: lang === "de" ? "de-DE" : "en-GB" });
      try {
        await signInIn(lang, page, admin.email, "password", "/admin/fees");
        const own = page.locator("form").filter({ has: page.getByTestId("restaurant-picker") });
        const feesPick = await pickLast(page, own, w, word);
        assert.ok(mine.some((r) => r.id === feesPick));
        await own.getByLabel(w.commission).fill("12");
        await own.getByRole("button", { name: w.saveCommission }).click();
        await waitForDoc(adminDb.doc(paths.restaurantTerms(feesPick)), (s) => s.get("commissionBps") === 1200);
        await screenshot(page, `admin-picker-fees-${size}-${lang}`);

        await page.goto(`${APP_URL}/admin`);
        const roles = page.locator("form");
        await roles.getByLabel(w.email).fill(future.email);
        await roles.getByLabel(w.role).selectOption("owner");
        assert.ok(await roles.getByRole("button", { name: w.grant }).isDisabled(), "no grant without a restaurant");
        const rolesPick = await pickLast(page, roles, w, word);
        await roles.getByRole("button", { name: w.grant }).click();
        await waitForDoc(adminDb.doc(paths.user(future.uid)), (s) => (s.get("roles.owner") ?? []).includes(rolesPick));
        assert.deepEqual((await adminAuth.getUser(future.uid)).customClaims?.owner, [rolesPick]);
        await screenshot(page, `admin-picker-roles-${size}-${lang}`);

        await page.goto(`${APP_URL}/admin/promos`);
        const promo = page.locator("form.promo-form");
        await promo.getByTestId("restaurant-picker").getByText(w.all).waitFor();
        const code = `PK${Date.now().toString(36).toUpperCase()}`.slice(0, 20);
        await promo.getByLabel(w.code).fill(code);
        const promoPick = await pickLast(page, promo, w, word);
        await promo.getByRole("button", { name: w.create }).click();
        await waitForDoc(adminDb.doc(paths.promoCode(code)), (s) => s.exists);
        assert.equal((await adminDb.doc(paths.promoCode(code)).get()).get("restaurantId"), promoPick);
        await screenshot(page, `admin-picker-promos-${size}-${lang}`);
      } finally {
        await context.close();
      }
    });
  }

  /** An order picked up long ago and still on its way, at a restaurant of its own. */
  const overdueOrder = async (customer: TestUser) => {
    const r = await createRestaurant({ dish: { price: 1200 } }, { name: "Decision Diner", minOrder: 0 });
    const kitchen = await createUser({ staff: [r.id] }, "Kim Kitchen");
    const rider = await createUser({ courier: true }, "Rae Rider");
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(kitchen, id, s);
    await claimOrder(rider, id);
    await moveOrder(rider, id, "picked_up");
    await moveDueTime(id, "timeline.picked_up", new Date(Date.now() - (DELIVERY_OVERDUE_MIN + 2) * 60_000));
    return id;
  };

  for (const [size, device, lang] of [
    ["phone", PHONE, "de"],
    ["desktop", DESKTOP, "en"],
  ] as const) {
    it(`${size}, ${lang}: the admin learns of an overdue delivery in the inbox, finds it in the list and ends it`, async () => {
      const w = WORDS[lang];
      const admin = await createUser({ admin: true }, "Ada Decider");
      await adminDb.doc(paths.user(admin.uid)).update({ language: lang });
      const customer = await createUser({}, "Cleo Customer");
      const [lost, found] = [await overdueOrder(customer), await overdueOrder(customer)];
      // The reconciler brings them to every admin's inbox.
      await waitForDoc(adminDb.doc(paths.notification(admin.uid, overdueId(found))), (s) => s.exists, RECOVERY_MS);
      const { context, page } = await newPage({ ...device, locale: lang === "de" ? "de-DE" : "en-GB" });
      try {
        await signInIn(lang, page, admin.email, "password", "/inbox");
        await page.locator(`.inbox a[href="/admin/decisions"]`).first().click();
        await page.getByRole("heading", { name: w.title }).waitFor();
        assert.ok(
          await page.getByRole("navigation").getByRole("link", { name: w.decisions }).isVisible(),
          "a tab of its own",
        );
        const row = (id: string) => page.locator(`.decision[data-order="${id}"]`);
        await row(lost).waitFor();
        await row(found).waitFor();
        const code = (await adminDb.doc(paths.order(lost)).get()).get("code") as string;
        assert.match((await row(lost).textContent()) ?? "", new RegExp(`#${code}`));
        assert.match((await row(lost).textContent()) ?? "", /Decision Diner.*Cleo Customer/s);
        // The order, the customer and the pickup each on a line of their own, not run together.
        const lines = await row(lost)
          .locator("strong, span")
          .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
        assert.equal(new Set(lines).size, 3, `three lines, at ${lines.join(", ")}`);
        await screenshot(page, `admin-decisions-${size}-${lang}`);
        await row(lost).getByRole("button", { name: w.undelivered }).click();
        await page.getByText(w.doneUndelivered).waitFor();
        await row(lost).waitFor({ state: "detached" });
        await waitForDoc(adminDb.doc(paths.order(lost)), statusIs("undelivered"));
        await row(found).getByRole("button", { name: w.delivered }).click();
        await page.getByText(w.doneDelivered).waitFor();
        await row(found).waitFor({ state: "detached" });
        const delivered = await waitForDoc(adminDb.doc(paths.order(found)), statusIs("delivered"));
        assert.equal(delivered.get("by.delivered"), admin.uid);
      } finally {
        await context.close();
      }
    });
  }
});

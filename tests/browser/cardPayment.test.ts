// Card payments in the browser, as far as this machine lets them go. npm test builds the app with a
// Stripe publishable key, so checkout offers a card; Stripe's script (js.stripe.com) cannot load
// here, and every request for it is recorded and refused. The test stops at Stripe's iframe
// boundary: what happens inside Stripe's Payment Element and its 3-D Secure window is Stripe's
// own. The backend's side (a card held, declined, asking for the bank) comes from the Stripe
// stand-in the test runner starts, with orders written as checkout writes them once Stripe's form
// has made a PaymentMethod (the stand-in's test cards).

import { strict as assert } from "node:assert";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import type { BrowserContext, Page } from "playwright-core";
import { paths, TEXTS, type CardPayment, type Order } from "../../functions/src/domain";
import { APP_URL, closeBrowser, screenshot } from "../../scripts/lib/browser";
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
import { personPage, type Device } from "../support/personPage";
import { standIn } from "../support/stripe";

type Lang = "en" | "de";

const WORDS = {
  en: {
    cash: "Cash on delivery",
    card: "Card",
    place: "Place order",
    loadFailed: "The card form could not load. Check your connection and try again, or pay in cash.",
    held: (card: string) => `Held on ${card}, charged at delivery`,
    notCharged: "Nothing was charged to your card.",
    tryAgain: (name: string) => `Back to ${name} to try again`,
    confirming: "Confirming your payment…",
    bankAsks: "Your bank asks you to confirm this payment.",
    confirmBank: "Confirm with your bank",
    bankUnavailable: "Your bank's confirmation could not load. Check your connection and try again.",
    newCard: "A new card",
    savedCards: "Saved cards",
    remove: (card: string) => `Remove ${card}`,
  },
  de: {
    cash: "Barzahlung bei Lieferung",
    card: "Karte",
    place: "Bestellen",
    loadFailed:
      "Das Kartenformular konnte nicht geladen werden. Prüfe deine Verbindung und versuche es noch einmal, oder zahle bar.",
    held: (card: string) => `Auf ${card} reserviert, abgebucht bei Lieferung`,
    notCharged: "Deine Karte wurde nicht belastet.",
    tryAgain: (name: string) => `Zurück zu ${name}, um es noch einmal zu versuchen`,
  },
} as const;

/** Every request for Stripe's script (or anything else from js.stripe.com), refused as this
 * machine would refuse it. The context's route also sees what a service worker fetches for a page. */
async function refuseStripe(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route("https://js.stripe.com/**", (route) => {
    asked.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  return asked;
}

/** A signed-in customer's page in `lang` on `device`, delivering to the Berlin centre, on the
 * restaurant list (where the sign-in leads); `stripe` lists what was asked of js.stripe.com. */
async function customerPage(email: string, lang: Lang, device: Device) {
  let stripe: string[] = [];
  const { page, context } = await personPage(email, lang, device, "/", async (c) => {
    stripe = await refuseStripe(c);
  });
  return { context, page, stripe };
}

async function toCheckout(page: Page, rid: string, dish: string): Promise<void> {
  await page.goto(`${APP_URL}/r/${rid}`);
  await page.locator(`li.menu-item[data-item="${dish}"] .buy button`).click();
  await page.locator(".checkout-bar a").click();
  await page.getByTestId("preview-total").waitFor();
}

const statusOf = (page: Page, status: Order["status"]) =>
  page.locator(`[data-testid="order-status"][data-status="${status}"]`);

function onlyStripe(asked: string[]): void {
  assert.ok(asked.length > 0, "Stripe's script was asked for");
  assert.ok(
    asked.every((url) => url.startsWith("https://js.stripe.com/")),
    asked.join(", "),
  );
}

describe("browser: card payments", function () {
  this.timeout(180_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const [lang, device] of [
    ["en", "desktop"],
    ["de", "phone"],
  ] as const) {
    it(`${lang} ${device}: Stripe's script is asked for only at checkout once the card is chosen, and its form says in ${lang} that it could not load; cash is still the default and places the order`, async () => {
      const w = WORDS[lang];
      const r = await createRestaurant({ Gnocchi: { price: 1350 } }, { minOrder: 0, name: `Card Kitchen ${lang}` });
      const kitchen = await createUser({ staff: [r.id] }, "Kira Kitchen");
      await waitForDoc(adminDb.doc(paths.listing(r.id)), (d) => d.exists);
      const customer = await createUser({}, "Carla Card");
      const { context, page, stripe } = await customerPage(customer.email, lang, device);
      try {
        await page.locator(".restaurant-card").first().waitFor();
        assert.deepEqual(stripe, [], "the restaurant list asks nothing of Stripe");
        await page.goto(`${APP_URL}/r/${r.id}`);
        await page.locator(`li.menu-item[data-item="Gnocchi"] .buy button`).click();
        assert.deepEqual(stripe, [], "the restaurant's page asks nothing of Stripe");
        await page.locator(".checkout-bar a").click();
        await page.getByTestId("preview-total").waitFor();

        const payment = page.getByTestId("payment");
        const cash = payment.getByLabel(w.cash, { exact: true });
        const card = payment.getByLabel(w.card, { exact: true });
        assert.equal(await cash.isChecked(), true, "cash is the default");
        assert.equal(await card.isChecked(), false);
        assert.deepEqual(stripe, [], "checkout asks nothing of Stripe until the card is chosen");
        await card.check();
        // Stripe's script cannot load here: the Payment Element never mounts, and the app says so.
        await payment.getByTestId("card-form-failed").getByText(w.loadFailed).waitFor();
        onlyStripe(stripe);
        assert.equal(await page.getByRole("button", { name: w.place, exact: true }).isDisabled(), true);
        await screenshot(page, `card-form-offline-${lang}-${device}`);

        // Back to cash: the order goes as before, with no card in it.
        await cash.check();
        await payment.getByTestId("new-card").waitFor({ state: "detached" });
        await page.getByRole("button", { name: w.place, exact: true }).click();
        await statusOf(page, "placed").waitFor();
        const id = page.url().split("/orders/")[1];
        const order = (await adminDb.doc(paths.order(id)).get()).data() as Order;
        assert.equal(order.payWith, "cash");
        assert.equal(order.paymentMethodId, undefined);
        assert.equal(order.saveCard, undefined);
        // Accepted at once: left waiting, the accept timeout would cancel it.
        await moveOrder(kitchen, id, "accepted");

        // The order page, loaded afresh, asks nothing of Stripe.
        stripe.length = 0;
        await page.reload();
        await statusOf(page, "accepted").waitFor();
        await page.getByTestId("paid-cash").waitFor();
        assert.deepEqual(stripe, [], "the order page asks nothing of Stripe");
      } finally {
        await context.close();
      }
    });
  }

  it("de desktop: a card order's page names the card and asks nothing of Stripe; a declined card says why, that nothing was charged, and leads back to the restaurant", async () => {
    const w = WORDS.de;
    const name = "Karten Trattoria";
    const r = await createRestaurant({ Ravioli: { price: 1400 } }, { minOrder: 0, name });
    const kitchen = await createUser({ staff: [r.id] }, "Kai Küche");
    const customer = await createUser({}, "Paula Karte");
    const { context, page, stripe } = await customerPage(customer.email, "de", "desktop");
    const lines = [{ itemId: r.items.Ravioli, quantity: 1, options: {} }];
    try {
      const paid = await placeOrder(customer, r.id, lines, { payWith: "card", paymentMethodId: "pm_card_visa" });
      await waitForDoc(adminDb.doc(paths.order(paid)), statusIs("placed"));
      await waitForDoc(adminDb.doc(paths.payment(paid)), (d) => !!d.get("card"));
      await moveOrder(kitchen, paid, "accepted");
      await page.goto(`${APP_URL}/orders/${paid}`);
      await statusOf(page, "accepted").waitFor();
      await page.getByTestId("card-used").getByText(w.held("Visa •••• 4242")).waitFor();
      // The wait for the card is the step before the restaurant had it.
      const steps = page.locator(".timeline li");
      assert.deepEqual((await steps.evaluateAll((els) => els.map((e) => e.getAttribute("data-step")))).slice(0, 3), [
        "submitted",
        "awaiting_payment",
        "placed",
      ]);
      assert.equal(await page.locator('.timeline li[data-step="awaiting_payment"]').getAttribute("class"), "done");
      await screenshot(page, "card-order-held-de");

      const declined = await placeOrder(customer, r.id, lines, {
        payWith: "card",
        paymentMethodId: "pm_card_chargeDeclined",
      });
      await waitForDoc(adminDb.doc(paths.order(declined)), statusIs("payment_failed"));
      await page.goto(`${APP_URL}/orders/${declined}`);
      await statusOf(page, "payment_failed").waitFor();
      await page.getByTestId("reason").getByText(TEXTS.de.reasons.card_declined).waitFor();
      await page.getByTestId("card-not-charged").getByText(w.notCharged).waitFor();
      const back = page.getByTestId("try-again");
      assert.equal(await back.getAttribute("href"), `/r/${r.id}`);
      assert.equal(await back.textContent(), w.tryAgain(name));
      assert.deepEqual(await steps.evaluateAll((els) => els.map((e) => e.getAttribute("data-step"))), [
        "submitted",
        "awaiting_payment",
        "payment_failed",
      ]);
      await screenshot(page, "card-payment-failed-de");
      assert.deepEqual(stripe, [], "neither order page asks anything of Stripe");
    } finally {
      await context.close();
    }
  });

  it("en desktop: 3-D Secure: the order page waits, opens the bank's confirmation by itself (Stripe's script, refused here, is all it gets to), again from its button, and moves on when the bank has answered", async () => {
    const w = WORDS.en;
    const r = await createRestaurant({ Tortellini: { price: 1300 } }, { minOrder: 0, name: "Secure Kitchen" });
    const kitchen = await createUser({ staff: [r.id] }, "Sven Secure");
    const customer = await createUser({}, "Theo Three");
    // Signed in before the order: one not confirmed within PAYMENT_TIMEOUT_SECONDS fails.
    const { context, page, stripe } = await customerPage(customer.email, "en", "desktop");
    try {
      const id = await placeOrder(customer, r.id, [{ itemId: r.items.Tortellini, quantity: 1, options: {} }], {
        payWith: "card",
        paymentMethodId: "pm_card_authenticationRequired",
      });
      const record = (
        await waitForDoc(adminDb.doc(paths.payment(id)), (d) => d.get("state") === "requires_action")
      ).data() as CardPayment;
      await page.goto(`${APP_URL}/orders/${id}`);
      await statusOf(page, "awaiting_payment").waitFor();
      const wait = page.getByTestId("payment-wait");
      await wait.getByText(w.confirming).waitFor();
      await wait.getByText(w.bankAsks).waitFor();
      // Opened by itself: the client secret came from paymentAction, then Stripe's script was asked for.
      await wait.getByText(w.bankUnavailable).waitFor();
      onlyStripe(stripe);
      await screenshot(page, "card-3ds-offline-en");
      const before = stripe.length;
      await wait.getByRole("button", { name: w.confirmBank }).click();
      for (const deadline = Date.now() + 10_000; stripe.length === before;) {
        assert.ok(Date.now() < deadline, "the button asked for Stripe's script again");
        await new Promise((done) => setTimeout(done, 100));
      }
      await wait.getByText(w.bankUnavailable).waitFor();

      // The customer confirms in their bank's window (the stand-in's control stands in for it):
      // Stripe's webhook places the order, and the page follows by itself.
      await standIn.authenticate(record.intentId!, "succeed");
      await statusOf(page, "placed").waitFor();
      await wait.waitFor({ state: "detached" });
      // Declined, so that its hold is let go now rather than at the accept timeout.
      await moveOrder(kitchen, id, "declined", { declineReason: "too_busy" });
    } finally {
      await context.close();
    }
  });

  it("en phone: saved cards come first at checkout and need nothing of Stripe until a new card is chosen; an expired one cannot be chosen; the account lists them, each with Remove", async () => {
    const w = WORDS.en;
    const r = await createRestaurant({ Lasagne: { price: 1500 } }, { minOrder: 0, name: "Saved Card Kitchen" });
    const customer = await createUser({}, "Sami Saved");
    const year = new Date().getFullYear() + 2;
    // As the backend keeps a card its customer agreed to keep (written directly: none is charged here).
    await adminDb.doc(paths.card(customer.uid, "pm_test_saved_visa")).set({
      brand: "visa",
      last4: "4242",
      expMonth: 12,
      expYear: year,
      createdAt: FieldValue.serverTimestamp(),
    });
    await adminDb.doc(paths.card(customer.uid, "pm_test_old_mastercard")).set({
      brand: "mastercard",
      last4: "4444",
      expMonth: 1,
      expYear: 2020,
      createdAt: Timestamp.fromMillis(Date.UTC(2019, 0, 1)),
    });
    const visa = `Visa •••• 4242, 12/${String(year % 100).padStart(2, "0")}`;
    const old = "Mastercard •••• 4444, 01/20";
    const { context, page, stripe } = await customerPage(customer.email, "en", "phone");
    try {
      await toCheckout(page, r.id, "Lasagne");
      const payment = page.getByTestId("payment");
      await payment.getByLabel(w.card, { exact: true }).check();
      const saved = payment.getByTestId("saved-cards");
      await saved.getByLabel(visa).waitFor();
      assert.equal(await saved.getByLabel(visa).isChecked(), true, "the newest card still good is chosen");
      assert.equal(await saved.getByLabel(old).isDisabled(), true, "an expired card cannot be chosen");
      assert.equal(await page.getByRole("button", { name: w.place, exact: true }).isEnabled(), true);
      assert.deepEqual(stripe, [], "a saved card needs nothing of Stripe in the browser");
      await screenshot(page, "card-saved-checkout-en");
      await saved.getByLabel(w.newCard, { exact: true }).check();
      await payment.getByTestId("card-form-failed").getByText(w.loadFailed).waitFor();
      onlyStripe(stripe);

      stripe.length = 0;
      await page.goto(`${APP_URL}/account`);
      const list = page.getByTestId("saved-cards");
      await list.getByRole("heading", { name: w.savedCards }).waitFor();
      await list.getByRole("button", { name: w.remove(visa) }).waitFor();
      await list.getByRole("button", { name: w.remove(old) }).waitFor();
      await screenshot(page, "card-saved-account-en");
      assert.deepEqual(stripe, [], "the account page asks nothing of Stripe");
    } finally {
      await context.close();
    }
  });
});

// After the order, in a browser: checkout says how the order is paid (cash at the door, credit
// first) and refuses cash above the limit with the reason; the courier sees how much cash to
// collect and what they hold this week; a customer reports a missing dish on a delivered order and
// sees the credit on the order, the account and the receipt; the next order spends it, and a
// restaurant's cancel after acceptance gives it back. In English on a desktop and German on a
// phone (and the other way round for the cash limit), each new part photographed on both.

import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import { cashLimitsOf, LOCALES, paths, type Order } from "../../functions/src/domain";
import { APP_URL, closeBrowser } from "../../scripts/lib/browser";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  courierIsAt,
  createRestaurant,
  createUser,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
} from "../support/app";
import { personPage, shots } from "../support/personPage";

type Lang = "en" | "de";

/** An amount as the app writes it in `lang` (Intl's own spaces included). */
const eur = (cents: number, lang: Lang) =>
  new Intl.NumberFormat(LOCALES[lang], { style: "currency", currency: "EUR" }).format(cents / 100);

const WORDS = {
  en: {
    payment: "Payment",
    cash: "Cash on delivery",
    atDoor: "Pay at the door in cash",
    overLimit: (max: string, cash: string) =>
      `Cash at the door is limited to ${max} per order, and this order would need ${cash}. Take something out to place it.`,
    rejected: "This order is above what can be paid in cash at the door.",
    place: "Place order",
    collect: (a: string) => `Collect ${a} in cash`,
    owe: (a: string) => `This week's balance: you owe Dishpatch ${a}.`,
    report: "Report a problem",
    missing: "Something was missing",
    howMany: "How many",
    oneOfTwo: "1 of 2",
    describe: "What happened? (optional)",
    send: "Send report",
    approved: (a: string) => `Sorry about that. ${a} is now credit on your account, used first on your next order.`,
    refunded: "refunded as credit",
    refundFor: (c: string) => `Refund for order #${c}`,
    spentOn: (c: string) => `Spent on order #${c}`,
    returnedFrom: (c: string) => `Returned from order #${c}`,
    receiptRefund: "Refund as Dishpatch credit: Something was missing",
    refundVat: (tax: string) => `including ${tax} VAT at 7 %`,
    paidCash: "Paid in cash at the door",
    cancelled: (r: string) => `${r} cancelled your order after accepting it. The restaurant is too busy right now.`,
    notCharged: "You pay nothing: no cash is collected for this order.",
    creditBack: (a: string) => `The ${a} of credit you used is back on your account.`,
  },
  de: {
    payment: "Bezahlung",
    cash: "Barzahlung bei Lieferung",
    atDoor: "An der Tür bar zu zahlen",
    overLimit: (max: string, cash: string) =>
      `Bar an der Tür geht bis höchstens ${max} pro Bestellung, diese bräuchte ${cash}. Nimm etwas heraus, um sie aufzugeben.`,
    rejected: "Diese Bestellung liegt über dem Betrag, der an der Tür bar bezahlt werden kann.",
    place: "Bestellen",
    collect: (a: string) => `${a} bar kassieren`,
    owe: (a: string) => `Saldo dieser Woche: Du schuldest Dishpatch ${a}.`,
    report: "Problem melden",
    missing: "Etwas hat gefehlt",
    howMany: "Wie viele",
    oneOfTwo: "1 von 2",
    describe: "Was ist passiert? (optional)",
    send: "Meldung senden",
    approved: (a: string) =>
      `Das tut uns leid. ${a} sind jetzt Guthaben auf deinem Konto und werden bei deiner nächsten Bestellung zuerst verrechnet.`,
    refunded: "als Guthaben erstattet",
    refundFor: (c: string) => `Erstattung für Bestellung #${c}`,
    spentOn: (c: string) => `Eingesetzt für Bestellung #${c}`,
    returnedFrom: (c: string) => `Zurück von Bestellung #${c}`,
    receiptRefund: "Erstattung als Dishpatch-Guthaben: Etwas hat gefehlt",
    refundVat: (tax: string) => `darin ${tax} USt. zu 7 %`,
    paidCash: "Bar an der Tür bezahlt",
    cancelled: (r: string) =>
      `${r} hat deine Bestellung nach der Annahme storniert. Das Restaurant ist gerade zu ausgelastet.`,
    notCharged: "Du zahlst nichts: Für diese Bestellung wird kein Bargeld kassiert.",
    creditBack: (a: string) => `Die ${a} Guthaben, die du eingesetzt hast, sind wieder auf deinem Konto.`,
  },
} as const;

async function addToCart(page: Page, rid: string, dishes: string[]): Promise<void> {
  await page.goto(`${APP_URL}/r/${rid}`);
  for (const d of dishes) await page.locator(`li.menu-item[data-item="${d}"] .buy button`).click();
  await page.locator(".checkout-bar a").click();
  await page.getByTestId("preview-total").waitFor();
}

const readOrder = async (id: string) => (await adminDb.doc(paths.order(id)).get()).data() as Order;

describe("browser: after the order", function () {
  this.timeout(360_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const [lang, device] of [
    ["en", "desktop"],
    ["de", "phone"],
  ] as const) {
    it(`${lang} ${device}: cash to collect, a missing dish refunded as credit, the next order spends it, a cancel gives it back`, async () => {
      const w = WORDS[lang];
      const name = `Credit Kitchen ${lang}`;
      const r = await createRestaurant(
        { "Garlic Bread": { price: 450 }, Lasagne: { price: 1250 } },
        { minOrder: 0, name },
      );
      const [customer, staff, courier] = await Promise.all([
        createUser({}, "Carla Credit"),
        createUser({ owner: [r.id] }, "Otto Owner"),
        createUser({ courier: true }, "Cash Courier"),
      ]);
      await courierIsAt(courier, BERLIN_CENTRE);

      // (c) Checkout says how the order is paid: cash at the door, nothing of credit yet.
      const { page: c } = await personPage(customer.email, lang, device);
      await addToCart(c, r.id, ["Garlic Bread", "Garlic Bread", "Lasagne"]);
      const payment = c.getByTestId("payment");
      await payment.getByText(w.payment, { exact: true }).waitFor();
      assert.equal(await payment.getByLabel(w.cash).isChecked(), true);
      await payment.getByText(w.atDoor).waitFor();
      assert.equal(await payment.getByTestId("pay-credit").count(), 0, "no credit yet");
      const cashShown = await payment.getByTestId("pay-cash").textContent();
      assert.equal(cashShown, await c.getByTestId("preview-total").textContent(), "all of it in cash");
      await shots(c, "after-order-checkout-cash", lang, device);
      await c.getByRole("button", { name: w.place }).click();
      await c.getByTestId("order-status").waitFor();
      const first = c.url().split("/orders/")[1];
      await waitForDoc(adminDb.doc(paths.order(first)), statusIs("placed"));
      // Accepted at once: left waiting, the accept timeout (20 s in tests) would cancel it, and its
      // restaurant would count a miss.
      await moveOrder(staff, first, "accepted");
      const o1 = await readOrder(first);
      const total1 = o1.pricing!.total;
      assert.equal(o1.payWith, "cash", "the checkout sends payWith");
      assert.deepEqual(o1.payment?.parts, [{ method: "cash", amount: total1 }]);
      assert.equal(cashShown, eur(total1, lang));
      await c.getByTestId("paid-cash").getByText(eur(total1, lang)).waitFor();

      // (d) The courier sees, on the offer and on their delivery, how much cash to collect.
      for (const s of ["preparing", "ready"] as const) await moveOrder(staff, first, s);
      const { page: k } = await personPage(courier.email, lang, device, "/courier");
      const offer = k.locator(`.pickup[data-order="${first}"]`);
      await offer
        .getByTestId("collect")
        .getByText(w.collect(eur(total1, lang)))
        .waitFor();
      await shots(k, "after-order-courier-offer", lang, device);
      await offer.getByRole("button").click();
      const mine = k.locator(`section.active-delivery[data-order="${first}"]`);
      await mine
        .getByTestId("collect")
        .getByText(w.collect(eur(total1, lang)))
        .waitFor();
      await shots(k, "after-order-courier-delivery", lang, device);
      await mine.locator(":scope > button").click(); // picked up
      await k.locator(`section.active-delivery[data-status="picked_up"] > button`).click(); // delivered
      await waitForDoc(adminDb.doc(paths.order(first)), statusIs("delivered"));
      const earning = await waitForDoc(adminDb.doc(`couriers/${courier.uid}/earnings/${first}`), (s) => s.exists);
      assert.equal(earning.get("cash"), total1);
      await k.goto(`${APP_URL}/courier/earnings`);
      await k.locator(`tr[data-order="${first}"]`).getByTestId("earning-cash").getByText(eur(total1, lang)).waitFor();
      assert.equal(await k.getByTestId("cash-week").textContent(), eur(total1, lang));
      await k.getByText(w.owe(eur(total1 - earning.get("total"), lang))).waitFor();
      await shots(k, "after-order-courier-earnings", lang, device);

      // (a) The customer reports one of the two garlic breads missing, and gets its price as credit.
      await c.getByTestId("order-status").and(c.locator('[data-status="delivered"]')).waitFor();
      await c.getByRole("button", { name: w.report }).click();
      const form = c.locator("form.report");
      await form.getByLabel(w.missing).check();
      await form.getByLabel("Garlic Bread").check();
      await form.getByLabel(w.howMany).selectOption({ label: w.oneOfTwo });
      await form.getByLabel(w.describe).fill("One bread short.");
      await shots(c, "after-order-report-form", lang, device);
      await form.getByRole("button", { name: w.send }).click();
      await c
        .getByTestId("report-result")
        .getByText(w.approved(eur(450, lang)))
        .waitFor();
      const complaint = c.getByTestId("complaint");
      await complaint.getByText(w.refunded, { exact: false }).waitFor();
      assert.equal(await complaint.getAttribute("data-status"), "approved");
      assert.equal(await complaint.getByTestId("complaint-amount").textContent(), eur(450, lang));
      await shots(c, "after-order-order-reported", lang, device);

      // ... sees it on the account ...
      const code1 = o1.code!;
      await c.goto(`${APP_URL}/account`);
      await c.getByTestId("credit-balance").getByText(eur(450, lang)).waitFor();
      await c.getByTestId("credit-entry").getByText(w.refundFor(code1)).waitFor();
      await shots(c, "after-order-account-credit", lang, device);

      // ... and on the receipt: paid in cash, the refund as credit.
      await c.goto(`${APP_URL}/receipts/${first}`);
      const receipt = c.getByTestId("receipt-payment");
      await receipt.getByTestId("receipt-refund").getByText(w.receiptRefund).waitFor();
      // With the VAT it gives back: the bread's, at 7 % (4.50 gross is 4.21 net and 0.29 tax).
      assert.equal(await receipt.getByTestId("refund-vat").textContent(), w.refundVat(eur(29, lang)));
      assert.equal(await receipt.getByTestId("receipt-cash").textContent(), eur(total1, lang));
      await receipt.getByText(w.paidCash).waitFor();
      await shots(c, "after-order-receipt", lang, device);

      // (b) The next order spends the credit first: the checkout says so, the order carries it.
      await addToCart(c, r.id, ["Lasagne"]);
      await payment
        .getByTestId("pay-credit")
        .getByText(`−${eur(450, lang)}`)
        .waitFor();
      const total2Shown = await c.getByTestId("preview-total").textContent();
      const cash2Shown = await payment.getByTestId("pay-cash").textContent();
      await shots(c, "after-order-checkout-credit", lang, device);
      await c.getByRole("button", { name: w.place }).click();
      await c.getByTestId("order-status").waitFor();
      const second = c.url().split("/orders/")[1];
      await waitForDoc(adminDb.doc(paths.order(second)), statusIs("placed"));
      // Accepted at once, so that the accept timeout does not end it before the balance is seen.
      await moveOrder(staff, second, "accepted");
      const o2 = await readOrder(second);
      const total2 = o2.pricing!.total;
      assert.equal(total2Shown, eur(total2, lang));
      assert.deepEqual(o2.payment?.parts, [
        { method: "credit", amount: 450 },
        { method: "cash", amount: total2 - 450 },
      ]);
      assert.equal(cash2Shown, eur(total2 - 450, lang));
      await c
        .getByTestId("paid-credit")
        .getByText(`−${eur(450, lang)}`)
        .waitFor();
      await c.goto(`${APP_URL}/account`);
      await c.getByTestId("credit-balance").getByText(eur(0, lang)).waitFor();
      await c.getByTestId("credit-entry").getByText(w.spentOn(o2.code!)).waitFor();

      // Offered to the courier, it asks for only the cash part.
      for (const s of ["preparing", "ready"] as const) await moveOrder(staff, second, s);
      await k.goto(`${APP_URL}/courier`);
      await k
        .locator(`.pickup[data-order="${second}"]`)
        .getByTestId("collect")
        .getByText(w.collect(eur(total2 - 450, lang)))
        .waitFor();

      // The restaurant cancels it after accepting: the customer is told why, pays nothing, and
      // the credit comes back.
      await moveOrder(staff, second, "cancelled", { cancelReason: "too_busy", cancelledBy: "restaurant" });
      await c.goto(`${APP_URL}/orders/${second}`);
      await c.getByTestId("reason").getByText(w.cancelled(name)).waitFor();
      await c.getByTestId("not-charged").getByText(w.notCharged).waitFor();
      await c
        .getByTestId("credit-back")
        .getByText(w.creditBack(eur(450, lang)))
        .waitFor();
      await shots(c, "after-order-order-cancelled", lang, device);
      await c.goto(`${APP_URL}/account`);
      await c.getByTestId("credit-balance").getByText(eur(450, lang)).waitFor();
      await c.getByTestId("credit-entry").getByText(w.returnedFrom(o2.code!)).waitFor();
    });
  }

  for (const [lang, device] of [
    ["en", "phone"],
    ["de", "desktop"],
  ] as const) {
    it(`${lang} ${device}: checkout refuses cash above the limit and says why; a refused order says it too`, async () => {
      const w = WORDS[lang];
      const { maxCashOrderCents: max } = cashLimitsOf((await adminDb.doc(paths.paymentSettings()).get()).data());
      // Two of these are over the limit, one is under it.
      const price = Math.floor(max / 2) + 500;
      const r = await createRestaurant({ Feast: { price } }, { minOrder: 0, name: `Feast Hall ${lang}` });
      const customer = await createUser({}, "Lotte Limit");
      const { page: c } = await personPage(customer.email, lang, device);
      await addToCart(c, r.id, ["Feast", "Feast"]);
      const payment = c.getByTestId("payment");
      assert.equal(await payment.getByLabel(w.cash).isChecked(), true);
      const cash = await payment.getByTestId("pay-cash").textContent();
      await payment
        .getByTestId("cash-limit")
        .getByText(w.overLimit(eur(max, lang), cash!))
        .waitFor();
      assert.equal(await c.getByRole("button", { name: w.place }).isDisabled(), true, "not placed over the limit");
      await shots(c, "after-order-checkout-cash-limit", lang, device);
      // One less, and it may be placed.
      await c.locator(".cart-lines .qty button").first().click();
      await payment.getByTestId("cash-limit").waitFor({ state: "detached" });
      assert.equal(await c.getByRole("button", { name: w.place }).isEnabled(), true);

      // An order sent over the limit anyway (not by this app) is refused, and its page says why.
      const id = await placeOrder(customer, r.id, [{ itemId: r.items.Feast, quantity: 2, options: {} }], {
        payWith: "cash",
      });
      await waitForDoc(adminDb.doc(paths.order(id)), statusIs("rejected"));
      assert.equal((await readOrder(id)).rejection?.code, "cash_limit");
      await c.goto(`${APP_URL}/orders/${id}`);
      await c.getByTestId("reason").getByText(w.rejected).waitFor();
    });
  }
});

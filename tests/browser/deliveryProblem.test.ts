// When the courier cannot hand an order over, in a browser through the real backend: the courier
// reports why and waits with the time left, the customer is asked and answers, an admin sees the
// answer and ends it; a courier who delivers after all; an order nobody answered for ends
// undeliverable by itself. And the receipt's VAT table, to the cent, for a drink (19 %) beside
// food (7 %). In English and German, on a phone and a desktop, each new view photographed.

import { strict as assert } from "node:assert";
import type { Locator, Page } from "playwright-core";
import { Timestamp } from "firebase-admin/firestore";
import { LOCALES, paths, RESPOND_MIN, type Order, type Receipt } from "../../functions/src/domain";
import { closeBrowser } from "../../scripts/lib/browser";
import {
  adminDb,
  BERLIN_CENTRE,
  claimOrder,
  closeClients,
  courierIsAt,
  createRestaurant,
  createUser,
  deliverOrder,
  moveOrder,
  placeOrder,
  RECOVERY_MS,
  statusIs,
  updateAsTest,
  waitForDoc,
  type TestUser,
} from "../support/app";
import { personPage, shots } from "../support/personPage";

type Lang = "en" | "de";
const eur = (cents: number, lang: Lang) =>
  new Intl.NumberFormat(LOCALES[lang], { style: "currency", currency: "EUR" }).format(cents / 100);

const WORDS = {
  en: {
    cannot: "Can't deliver",
    unreachable: "Customer not reachable",
    report: "Report: can't deliver",
    then: "The customer is asked to answer within 10 minutes. Wait nearby meanwhile.",
    waiting: /^Waiting for the customer's answer: (10:00|9:\d\d) left$/,
    reasonForCustomer: "The courier could not reach you.",
    left: /^Please answer within (10|9) minutes\.$/,
    warn: "Without an answer, the order ends undelivered and is still charged.",
    note: "A short note for the courier (optional)",
    here: "I'm here",
    answered: "Thanks, the courier knows you're there. Our team decides how it ends.",
    courierSeesAnswer: "The customer answered: they are there.",
    undelivered: "Not delivered (not the customer's fault)",
    yes: "Yes, end it",
    done: (code: string) => `Order #${code} ended: Not delivered (not the customer's fault).`,
    notCharged: "You pay nothing: no cash is collected for this order.",
    afterAll: "Delivered after all",
    undeliverable:
      "Your order ended without delivery: the courier could not hand it over and no answer came in time. It is charged.",
    vatTitle: "VAT included",
    tip: (a: string) => `The tip of ${a} is outside VAT.`,
  },
  de: {
    cannot: "Kann nicht liefern",
    unreachable: "Kunde nicht erreichbar",
    report: "Melden: kann nicht liefern",
    then: "Der Kunde wird gebeten, innerhalb von 10 Minuten zu antworten. Warte so lange in der Nähe.",
    waiting: /^Warte auf die Antwort des Kunden: noch (10:00|9:\d\d)$/,
    reasonForCustomer: "Der Kurier konnte dich nicht erreichen.",
    left: /^Bitte antworte innerhalb von (10|9) Minuten\.$/,
    warn: "Ohne Antwort endet die Bestellung ohne Lieferung und wird trotzdem berechnet.",
    note: "Eine kurze Nachricht für den Kurier (optional)",
    here: "Ich bin da",
    answered: "Danke, der Kurier weiß, dass du da bist. Unser Team entscheidet, wie es endet.",
    courierSeesAnswer: "Der Kunde hat geantwortet: Er ist da.",
    undelivered: "Nicht geliefert (nicht die Schuld des Kunden)",
    yes: "Ja, beenden",
    done: (code: string) => `Bestellung #${code} beendet: Nicht geliefert (nicht die Schuld des Kunden).`,
    notCharged: "Du zahlst nichts: Für diese Bestellung wird kein Bargeld kassiert.",
    afterAll: "Doch geliefert",
    undeliverable:
      "Deine Bestellung endete ohne Lieferung: Der Kurier konnte sie nicht übergeben, und es kam rechtzeitig keine Antwort. Sie wird berechnet.",
    vatTitle: "Enthaltene Umsatzsteuer",
    tip: (a: string) => `Das Trinkgeld von ${a} ist nicht umsatzsteuerbar.`,
  },
} as const;

const orderDoc = (id: string) => adminDb.doc(paths.order(id));
const readOrder = async (id: string) => (await orderDoc(id).get()).data() as Order;

/** A restaurant, its kitchen and a courier at the Berlin centre. */
async function cast(name: string) {
  const r = await createRestaurant(
    { Pizza: { price: 1200 }, Cola: { price: 350, category: "Drinks" } },
    { minOrder: 0, name, categories: ["Mains", "Drinks"] },
  );
  const [kitchen, courier] = await Promise.all([
    createUser({ staff: [r.id] }, "Kim Kitchen"),
    createUser({ courier: true }, "Cora Courier"),
  ]);
  await courierIsAt(courier, BERLIN_CENTRE);
  return { r, kitchen, courier };
}

/** An order placed by the customer and carried by the courier (picked up). */
async function onItsWay(c: Awaited<ReturnType<typeof cast>>, customer: TestUser, extra = {}): Promise<string> {
  const id = await placeOrder(
    customer,
    c.r.id,
    [
      { itemId: c.r.items.Pizza, quantity: 1, options: {} },
      { itemId: c.r.items.Cola, quantity: 2, options: {} },
    ],
    { payWith: "cash", ...extra },
  );
  await waitForDoc(orderDoc(id), statusIs("placed"));
  for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(c.kitchen, id, s);
  await claimOrder(c.courier, id);
  await moveOrder(c.courier, id, "picked_up");
  return id;
}

/** Waits for the courier's delivery to leave the screen; if it stays, fails with what it says (an
 * error under its buttons, say). */
async function leaves(section: Locator): Promise<void> {
  try {
    await section.waitFor({ state: "detached" });
  } catch (err) {
    const says = await section.textContent({ timeout: 1000 }).catch(() => "(unreadable)");
    throw new Error(`${String(err)}\nThe delivery still says: ${says}`, { cause: err });
  }
}

/** On the courier's screen: reports the order as not deliverable (customer not reachable). */
async function reportOnScreen(k: Page, id: string, lang: Lang): Promise<void> {
  const w = WORDS[lang];
  const mine = k.locator(`section.active-delivery[data-order="${id}"][data-status="picked_up"]`);
  await mine.getByRole("button", { name: w.cannot, exact: true }).click();
  const form = mine.getByTestId("problem-form");
  // Asked first: nothing is reported until a reason is chosen and confirmed.
  assert.equal(await form.getByRole("button", { name: w.report }).isDisabled(), true);
  assert.equal((await readOrder(id)).status, "picked_up");
  await form.getByText(w.then).waitFor();
  await form.getByLabel(w.unreachable).check();
}

describe("browser: a delivery that cannot be handed over", function () {
  this.timeout(360_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const [lang, device] of [
    ["en", "desktop"],
    ["de", "phone"],
  ] as const) {
    it(`${lang} ${device}: the courier reports, the customer answers, an admin sees the answer and ends it not delivered`, async () => {
      const w = WORDS[lang];
      const c = await cast(`Doorstep Diner ${lang}`);
      const [customer, admin] = await Promise.all([
        createUser({}, "Paula Problem"),
        createUser({ admin: true }, "Ada Admin"),
      ]);
      const id = await onItsWay(c, customer);
      const code = (await readOrder(id)).code!;

      const { page: k } = await personPage(c.courier.email, lang, device, "/courier");
      await reportOnScreen(k, id, lang);
      await shots(k, "delivery-problem-courier-report", lang, device);
      await k.getByTestId("problem-form").getByRole("button", { name: w.report }).click();
      await waitForDoc(orderDoc(id), statusIs("delivery_problem"));
      assert.equal((await readOrder(id)).deliveryProblem, "customer_unreachable");
      const waiting = k.locator(`section.active-delivery[data-order="${id}"]`).getByTestId("problem-waiting");
      await waiting.getByText(w.unreachable).waitFor();
      assert.match((await waiting.getByTestId("time-left").textContent()) ?? "", w.waiting);
      await shots(k, "delivery-problem-courier-waiting", lang, device);

      // The customer is asked: why, the minutes left, and what happens without an answer.
      const { page: p } = await personPage(customer.email, lang, device, `/orders/${id}`);
      const notice = p.getByTestId("problem-notice");
      await notice.getByText(w.reasonForCustomer).waitFor();
      assert.match((await notice.getByTestId("problem-left").textContent()) ?? "", w.left);
      await notice.getByText(w.warn).waitFor();
      await notice.getByLabel(w.note).fill("Ring at the back door");
      await shots(p, "delivery-problem-customer-notice", lang, device);
      await notice.getByRole("button", { name: w.here }).click();
      await notice.getByTestId("problem-answered").getByText(w.answered).waitFor();
      // The page shows its own write at once; the server has it a moment later.
      const answered = (await waitForDoc(orderDoc(id), (s) => s.get("customerReply") !== undefined)).data() as Order;
      assert.equal(answered.customerReply?.note, "Ring at the back door");
      assert.equal(answered.status, "delivery_problem");
      await shots(p, "delivery-problem-customer-answered", lang, device);

      // The courier sees the answer and the note, as it comes.
      const reply = k
        .locator(`section.active-delivery[data-order="${id}"]`)
        .getByTestId("problem-waiting")
        .getByTestId("customer-reply");
      await reply.getByText(w.courierSeesAnswer).waitFor();
      await reply.getByText("Ring at the back door").waitFor();
      await shots(k, "delivery-problem-courier-answered", lang, device);

      // The admin sees it with the answer, and ends it not delivered (asked first).
      const { page: a } = await personPage(admin.email, lang, device, "/admin/decisions");
      const row = a.locator(`.delivery-problems .decision[data-order="${id}"]`);
      await row.getByTestId("problem-reply").getByText("Ring at the back door", { exact: false }).waitFor();
      await row.getByTestId("problem-reason").getByText(w.unreachable, { exact: false }).waitFor();
      await shots(a, "delivery-problem-admin-list", lang, device);
      await row.getByRole("button", { name: w.undelivered }).click();
      await row.getByTestId("confirm").waitFor();
      assert.equal((await readOrder(id)).status, "delivery_problem", "nothing decided before the confirmation");
      await shots(a, "delivery-problem-admin-confirm", lang, device);
      await row.getByRole("button", { name: w.yes }).click();
      await a.getByText(w.done(code)).waitFor();
      await row.waitFor({ state: "detached" });
      const ended = await waitForDoc(orderDoc(id), statusIs("undelivered"));
      assert.equal(ended.get("by.undelivered"), admin.uid);

      // The courier's screen lets it go, and the courier is free; the customer sees the ending.
      await leaves(k.locator(`section.active-delivery[data-order="${id}"]`));
      await p.getByTestId("order-status").and(p.locator('[data-status="undelivered"]')).waitFor();
      await p.getByTestId("not-charged").getByText(w.notCharged).waitFor();
      assert.equal(await p.getByTestId("problem-notice").count(), 0);
      await shots(p, "delivery-problem-customer-undelivered", lang, device);
      assert.equal((await adminDb.doc(paths.courier(c.courier.uid)).get()).get("activeOrderId"), null);
    });
  }

  for (const [lang, device] of [
    ["en", "phone"],
    ["de", "desktop"],
  ] as const) {
    it(`${lang} ${device}: the courier delivers after all; with no answer in time an order ends undeliverable`, async () => {
      const w = WORDS[lang];
      const c = await cast(`After All ${lang}`);
      const customer = await createUser({}, "Dora Door");
      const first = await onItsWay(c, customer);
      const { page: k } = await personPage(c.courier.email, lang, device, "/courier");
      await reportOnScreen(k, first, lang);
      await k.getByTestId("problem-form").getByRole("button", { name: w.report }).click();
      await waitForDoc(orderDoc(first), statusIs("delivery_problem"));
      const mine = k.locator(`section.active-delivery[data-order="${first}"]`);
      await mine.getByRole("button", { name: w.afterAll }).click();
      await leaves(mine);
      const done = await waitForDoc(orderDoc(first), statusIs("delivered"));
      assert.equal(done.get("by.delivered"), c.courier.uid);
      assert.equal((await adminDb.doc(paths.courier(c.courier.uid)).get()).get("activeOrderId"), null);

      // The next one: nobody answers (a test cannot wait ten minutes: the report is moved back).
      const second = await onItsWay(c, customer);
      await k.locator(`section.active-delivery[data-order="${second}"]`).waitFor();
      await reportOnScreen(k, second, lang);
      await k.getByTestId("problem-form").getByRole("button", { name: w.report }).click();
      await waitForDoc(orderDoc(second), statusIs("delivery_problem"));
      const { page: p } = await personPage(customer.email, lang, device, `/orders/${second}`);
      await p.getByTestId("problem-notice").waitFor();
      await updateAsTest(orderDoc(second), {
        "timeline.delivery_problem": Timestamp.fromMillis(Date.now() - RESPOND_MIN * 60_000 - 1000),
      });
      await waitForDoc(orderDoc(second), statusIs("undeliverable"), RECOVERY_MS);
      await leaves(k.locator(`section.active-delivery[data-order="${second}"]`));
      await p.getByTestId("reason").getByText(w.undeliverable).waitFor();
      assert.equal(await p.getByTestId("problem-notice").count(), 0);
      // The timeline goes through the courier's report to the end.
      const steps = await p
        .locator(".timeline li.done")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-step")));
      assert.deepEqual(steps.slice(-3), ["picked_up", "delivery_problem", "undeliverable"]);
      await shots(p, "delivery-problem-customer-undeliverable", lang, device);
    });
  }

  for (const [lang, device] of [
    ["de", "desktop"],
    ["en", "phone"],
  ] as const) {
    it(`${lang} ${device}: the receipt shows VAT per rate to the cent, drinks at 19 %, food at 7 %, the tip outside`, async () => {
      const w = WORDS[lang];
      const c = await cast(`Vat Bistro ${lang}`);
      const customer = await createUser({}, "Ulla Umsatz");
      const id = await onItsWay(c, customer, { tip: { cents: 150 } });
      await deliverOrder(c.courier, id);
      const receipt = (await waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists)).data() as Receipt;
      // Pizza 12.00 at 7 %; two colas 7.00 at 19 %, with the delivery and service fees.
      assert.equal(receipt.subtotal, 1900);
      assert.equal(receipt.tip, 150);
      const food = { gross: 1200, net: 1121, tax: 79 }; // 12.00 / 1.07 = 11.2149…
      const g19 = 700 + receipt.deliveryFee + receipt.serviceFee;
      const net19 = Math.round((g19 * 100) / 119);
      const drinks = { gross: g19, net: net19, tax: g19 - net19 };
      const { page: p } = await personPage(customer.email, lang, device, `/receipts/${id}`);
      const vat = p.getByTestId("receipt-vat");
      await vat.getByText(w.vatTitle).waitFor();
      const row = async (rate: string) => {
        const r = vat.locator(`tr[data-rate="${rate}"]`);
        return {
          label: (await r.locator("th").textContent())?.trim(),
          net: await r.getByTestId("vat-net").textContent(),
          tax: await r.getByTestId("vat-tax").textContent(),
          gross: await r.getByTestId("vat-gross").textContent(),
        };
      };
      const fmt = (x: { gross: number; net: number; tax: number }, label: string) => ({
        label,
        net: eur(x.net, lang),
        tax: eur(x.tax, lang),
        gross: eur(x.gross, lang),
      });
      assert.deepEqual(await row("reduced"), fmt(food, "7 %"));
      assert.deepEqual(await row("standard"), fmt(drinks, "19 %"));
      await vat
        .getByTestId("vat-tip")
        .getByText(w.tip(eur(150, lang)))
        .waitFor();
      assert.equal(food.gross + drinks.gross + receipt.tip, receipt.total, "the table and the tip add up to the total");
      await shots(p, "delivery-problem-receipt-vat", lang, device);
    });
  }
});

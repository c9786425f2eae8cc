// After the order, on a phone in German and on a desktop in English: a customer's complaint (filed
// through the backend's callable) charges the restaurant, whose owner disputes it on the Complaints
// tab; an admin upholds the dispute in the queue; the statement shows the charge and the charge
// given back; the kitchen cancels an accepted order and the customer reads who cancelled; an admin
// cancels an order under way; and the admin's limits save within their bounds and refuse beyond.

import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { httpsCallable } from "firebase/functions";
import type { Page } from "playwright-core";
import {
  DEFAULT_CASH_LIMITS,
  DEFAULT_COMPLAINT_SETTINGS,
  formatCents,
  inboxMessage,
  LOCALES,
  paths,
  refundLineId,
  reversalLineId,
  TEXTS,
  type Complaint,
  type Language,
} from "../../functions/src/domain";
import { closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { en } from "../../web/src/i18n/en";
import { de } from "../../web/src/i18n/de";
import { shopEn } from "../../web/src/i18n/shop/en";
import { shopDe } from "../../web/src/i18n/shop/de";
import { workEn } from "../../web/src/i18n/work/en";
import { workDe } from "../../web/src/i18n/work/de";
import {
  adminDb,
  closeClients,
  createRestaurant,
  createUser,
  deliverThrough,
  inboxTold,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestUser,
} from "../support/app";
import { DESKTOP, PHONE, phoneProblems } from "../support/layout";

const TEXTS_OF = { en: { ...en, ...shopEn, ...workEn }, de: { ...de, ...shopDe, ...workDe } };
type Say = (typeof TEXTS_OF)["en"];

/** A callable's first answer on the emulators waits for its function to load, longer on a busy machine. */
const CALLED = { timeout: 90_000 };

const SIZES = [
  ["phone", "de", PHONE],
  ["desktop", "en", DESKTOP],
] as const;

const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/** Signed in, then the language chosen in the header, as a person does. */
async function signedIn(who: TestUser, lang: Language, options: object, next: string) {
  const { context, page } = await newPage(options);
  await signIn(page, who.email, "password", next);
  if (lang === "de") await page.getByRole("combobox", { name: "Language" }).selectOption("de");
  await page.locator(`html[lang="${lang}"]`).waitFor();
  return { context, page };
}

/** On the phone run, nothing may stick out or hide sideways, and the buttons must be reachable. */
async function fitsPhone(page: Page, size: string, where: string, buttons: string | null) {
  if (size !== "phone") return;
  await page.locator(".state.loading").first().waitFor({ state: "detached" });
  const found = await phoneProblems(page, PHONE.viewport.width, buttons ? page.locator(buttons) : null, where);
  assert.deepEqual(found, [], `${where} on a phone`);
}

/** A customer's complaint, filed as the web app files it: the backend's callable, as that customer. */
async function fileComplaint(customer: TestUser, input: Record<string, unknown>) {
  const call = httpsCallable<unknown, { complaintId: string; status: string; amount: number }>(
    customer.functions,
    "fileComplaint",
  );
  return (await call(input)).data;
}

describe("browser: after the order (complaints, disputes, refunds, cancels, limits)", function () {
  this.timeout(300_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const [size, lang, options] of SIZES) {
    const say: Say = TEXTS_OF[lang] as Say;
    const euros = (cents: number) => formatCents(cents, "EUR", LOCALES[lang]);

    it(`${size}, ${lang}: the owner disputes a charge, an admin upholds it, the statement gives it back`, async () => {
      const r = await createRestaurant(
        { "Claim Curry": { price: 1200 }, "Claim Naan": { price: 350 } },
        { minOrder: 0, name: `Claims ${size}` },
      );
      const [owner, kitchen, courier, admin, customer] = await Promise.all([
        createUser({ owner: [r.id] }, "Olga Owner"),
        createUser({ staff: [r.id] }, "Kurt Kitchen"),
        createUser({ courier: true }, "Cem Courier"),
        createUser({ admin: true }, "Ada Admin"),
        createUser({}, "Clara Claim"),
      ]);
      const id = await placeOrder(customer, r.id, [
        { itemId: r.items["Claim Curry"], quantity: 1, options: {} },
        { itemId: r.items["Claim Naan"], quantity: 2, options: {} },
      ]);
      await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
      await deliverThrough(kitchen, courier, id);
      const line = (await waitForDoc(adminDb.doc(paths.statementLine(id)), (s) => s.exists)).data()!;

      // The customer reports one naan missing: small and first, so refunded at once, the restaurant pays.
      const filed = await fileComplaint(customer, {
        orderId: id,
        type: "missing_items",
        lines: [{ line: 1, quantity: 1 }],
        description: "One naan was missing",
      });
      assert.equal(filed.status, "approved");
      const complaintId = filed.complaintId;
      const complaint = (await adminDb.doc(paths.complaint(complaintId)).get()).data() as Complaint;
      assert.equal(complaint.restaurantPays, 350);
      const code = complaint.number;

      // The kitchen sees the complaint on its tab, and cannot dispute it.
      const k = await signedIn(kitchen, lang, options, "/dashboard/complaints");
      const kCard = k.page.locator(`li[data-complaint="${complaintId}"]`);
      await kCard.waitFor();
      assert.equal(await kCard.getByRole("button", { name: say["cmp.dispute"] }).count(), 0, "only owners dispute");
      await k.context.close();

      // The owner's Complaints tab: the order, the type, the line, the description, the charge, the status.
      const o = await signedIn(owner, lang, options, "/dashboard/complaints");
      const card = o.page.locator(`li[data-complaint="${complaintId}"]`);
      await card.waitFor();
      const text = await card.innerText();
      for (const want of [
        fill(say["cmp.order"], { code }),
        say["cmp.type.missing_items"],
        "1 × Claim Naan",
        "One naan was missing",
      ])
        assert.ok(text.includes(want), `the complaint shows “${want}”: ${text}`);
      assert.equal(await card.getByTestId("complaint-charged").textContent(), euros(350));
      assert.equal(await card.getByTestId("complaint-status").textContent(), say["cmp.status.approved"]);
      await fitsPhone(o.page, size, "complaints tab", null);
      await screenshot(o.page, `complaints-tab-${size}-${lang}`);

      // A dispute without a reason: the backend's refusal, in the reader's language.
      await card.getByRole("button", { name: say["cmp.dispute"] }).click();
      await card.getByRole("button", { name: say["cmp.sendDispute"] }).click();
      await card.getByRole("alert").getByText(say["cmp.err.reason_needed"]).waitFor(CALLED);
      await screenshot(o.page, `complaints-dispute-form-${size}-${lang}`);
      await card.getByLabel(say["cmp.disputeReason"]).fill("Both naans were in the bag, the driver saw them");
      await card.getByRole("button", { name: say["cmp.sendDispute"] }).click();
      await card.getByTestId("dispute-status").getByText(say["cmp.dispute.open"]).waitFor(CALLED);
      assert.equal(await card.getByRole("button", { name: say["cmp.dispute"] }).count(), 0, "disputed once");

      // The statement: the charge as its own row, and the refunds total.
      await o.page.goto(o.page.url().replace("/complaints", "/statements"));
      const charge = o.page.locator(`tr[data-refund="${refundLineId(complaintId)}"]`);
      await charge.waitFor();
      const cells = (await charge.locator("td").allInnerTexts()).map((s) => s.trim());
      assert.equal(cells[0], fill(say["stmt.refundFor"], { code }));
      assert.equal(cells.at(-1), `−${euros(350)}`);
      assert.equal(await o.page.getByTestId("statement-refunds").textContent(), `−${euros(350)}`);
      assert.equal(await o.page.getByTestId("statement-net").textContent(), euros(line.restaurantNet - 350));
      // The CSV carries the refund on its row and in its total.
      const [download] = await Promise.all([
        o.page.waitForEvent("download"),
        o.page.getByRole("button", { name: say["stmt.csv"] }).click(),
      ]);
      const csv = readFileSync((await download.path())!, "utf8")
        .trim()
        .split("\n");
      assert.ok(
        csv.some((row) => row.startsWith(`${code},`) && row.split(",")[5] === "3.50"),
        `a refund row: ${csv.join(" | ")}`,
      );
      assert.equal(csv.at(-1)!.split(",")[5], "3.50", "the refunds total");
      await fitsPhone(o.page, size, "statement with a refund", ".statements .row button");
      await screenshot(o.page, `statement-refund-${size}-${lang}`);

      // The admin's queue: the disputed charge with its amounts, who pays, both sides' words.
      const a = await signedIn(admin, lang, options, "/admin/complaints");
      const item = a.page.locator(`[data-queue="dispute"] li[data-complaint="${complaintId}"]`);
      await item.waitFor();
      assert.equal(
        await item.getByTestId("queue-money").innerText(),
        [
          fill(say["aq.refund"], { amount: euros(350) }),
          fill(say["aq.restaurantPays"], { amount: euros(350) }),
          fill(say["aq.platformPays"], { amount: euros(0) }),
        ].join(" · "),
      );
      assert.ok((await item.innerText()).includes("One naan was missing"));
      assert.ok((await item.getByTestId("dispute-reason").innerText()).includes("the driver saw them"));
      await fitsPhone(a.page, size, "complaints queue", `li[data-complaint="${complaintId}"] button`);
      await screenshot(a.page, `admin-complaints-${size}-${lang}`);
      await item.getByRole("button", { name: say["aq.uphold"] }).click();
      await a.page.getByRole("status").getByText(fill(say["aq.done"], { code })).waitFor(CALLED);
      await item.waitFor({ state: "detached" });
      await waitForDoc(adminDb.doc(paths.complaint(complaintId)), (s) => s.get("dispute.status") === "upheld");
      await a.context.close();

      // The charge comes back: its own row, and the refunds add up to nothing.
      await o.page.getByRole("button", { name: say["stmt.refresh"] }).click();
      const back = o.page.locator(`tr[data-refund="${reversalLineId(complaintId)}"]`);
      await back.waitFor();
      const backCells = (await back.locator("td").allInnerTexts()).map((s) => s.trim());
      assert.equal(backCells[0], fill(say["stmt.chargeBack"], { code }));
      assert.equal(backCells.at(-1), `+${euros(350)}`);
      assert.equal(await o.page.getByTestId("statement-refunds").textContent(), euros(0));
      assert.equal(await o.page.getByTestId("statement-net").textContent(), euros(line.restaurantNet));
      await screenshot(o.page, `statement-charge-back-${size}-${lang}`);
      await o.page.goto(o.page.url().replace("/statements", "/complaints"));
      await card.getByTestId("dispute-status").getByText(say["cmp.dispute.upheld"]).waitFor();
      await o.context.close();
    });

    it(`${size}, ${lang}: the kitchen cancels an accepted order, the customer reads who did; an admin cancels one`, async () => {
      const r = await createRestaurant({ "Cancel Pho": { price: 1400 } }, { minOrder: 0, name: `Cancels ${size}` });
      const [kitchen, admin, customer] = await Promise.all([
        createUser({ staff: [r.id] }, "Kim Kitchen"),
        createUser({ admin: true }, "Abe Admin"),
        createUser({}, "Cora Cancel"),
      ]);
      const cart = [{ itemId: r.items["Cancel Pho"], quantity: 1, options: {} }];
      const id = await placeOrder(customer, r.id, cart);
      await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
      await moveOrder(kitchen, id, "accepted");

      const k = await signedIn(kitchen, lang, options, "/dashboard");
      const card = k.page.locator(`#order-${id}`);
      await card.waitFor();
      await card.getByRole("button", { name: say["board.cancel"] }).click();
      assert.match(await card.getByTestId("cancel-counts").innerText(), new RegExp(say["board.cancelCounts"]));
      await card.getByLabel(say["board.reason"]).selectOption("item_unavailable");
      await fitsPhone(k.page, size, "cancel on the board", `#order-${id} .cancel-form button`);
      await screenshot(k.page, `board-cancel-${size}-${lang}`);
      const code = (await adminDb.doc(paths.order(id)).get()).get("code") as string;
      await card.getByRole("button", { name: fill(say["board.cancelConfirm"], { code }) }).click();
      const done = await waitForDoc(adminDb.doc(paths.order(id)), statusIs("cancelled"));
      assert.equal(done.get("cancelledBy"), "restaurant");
      assert.equal(done.get("cancelReason"), "item_unavailable");
      assert.equal(done.get("by.cancelled"), kitchen.uid);
      await card.waitFor({ state: "detached" });
      await k.context.close();

      // The customer: the order page says the restaurant cancelled it, and why; so does the inbox.
      const reason = TEXTS[lang].reasons.item_unavailable;
      const c = await signedIn(customer, lang, options, `/orders/${id}`);
      const said = c.page.getByTestId("reason");
      await said.waitFor();
      const name = (await adminDb.doc(paths.order(id)).get()).get("restaurantName") as string;
      assert.equal((await said.innerText()).trim(), `${fill(say["op.cancelledByRestaurant"], { name })} ${reason}`);
      await fitsPhone(c.page, size, "order cancelled by the restaurant", null);
      await screenshot(c.page, `order-cancelled-by-restaurant-${size}-${lang}`);
      const entry = (await inboxTold(customer.uid, id, "cancelled")).data()!;
      const message = inboxMessage(entry.text, lang);
      assert.ok(message.body.includes(reason), "the notification gives the reason");
      await c.page.goto(c.page.url().replace(`/orders/${id}`, "/inbox"));
      await c.page.locator(`.inbox li[data-order="${id}"]`).getByText(message.body).waitFor();
      await c.context.close();

      // An admin cancels another order, still waiting, from the orders under way.
      const other = await placeOrder(customer, r.id, cart);
      await waitForDoc(adminDb.doc(paths.order(other)), statusIs("placed"));
      // Accepted, so that the accept timeout (20 s in tests) cannot cancel it before the admin does.
      await moveOrder(kitchen, other, "accepted");
      const otherCode = (await adminDb.doc(paths.order(other)).get()).get("code") as string;
      const a = await signedIn(admin, lang, options, "/admin/orders");
      const row = a.page.locator(`li[data-order="${other}"]`);
      await row.waitFor();
      await row.getByRole("button", { name: say["ao.cancel"] }).click();
      await row.getByLabel(say["board.reason"]).selectOption("no_courier");
      await fitsPhone(a.page, size, "orders under way", `li[data-order="${other}"] form button`);
      await screenshot(a.page, `admin-orders-${size}-${lang}`);
      await row.getByRole("button", { name: fill(say["ao.confirm"], { code: otherCode }) }).click();
      await a.page
        .getByRole("status")
        .getByText(fill(say["ao.done"], { code: otherCode }))
        .waitFor(CALLED);
      const ended = await waitForDoc(adminDb.doc(paths.order(other)), statusIs("cancelled"));
      assert.equal(ended.get("cancelledBy"), "admin");
      assert.equal(ended.get("cancelReason"), "no_courier");
      await row.waitFor({ state: "detached" });
      await a.context.close();
    });

    it(`${size}, ${lang}: the admin's limits save within their bounds and refuse beyond them`, async () => {
      // The settings are shared by every test: whatever happens here, they end as they were found.
      const docs = [adminDb.doc(paths.paymentSettings()), adminDb.doc(paths.complaintSettings())];
      const found = await Promise.all(docs.map(async (d) => (await d.get()).data()));
      try {
        const admin = await createUser({ admin: true }, "Lia Limits");
        const a = await signedIn(admin, lang, options, "/admin/limits");
        const page = a.page;
        const amount = (cents: number) =>
          new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, useGrouping: false }).format(cents / 100);
        const cashField = page.getByLabel(say["lim.maxCashOrder"]);
        await cashField.waitFor();
        const saveCash = page.getByRole("button", { name: say["lim.saveCash"] });

        // Below the bound: said, with the field and its bounds, and not saved.
        await cashField.fill(amount(500));
        const problem = fill(say["lim.bad"], { field: say["lim.maxCashOrder"], min: euros(1000), max: euros(100000) });
        await page.getByTestId("limit-problem").getByText(problem).waitFor();
        assert.equal(await saveCash.isDisabled(), true);
        await fitsPhone(page, size, "limits", null);
        await screenshot(page, `admin-limits-refused-${size}-${lang}`);

        // Within: saved as cents, then put back to the default.
        await cashField.fill(amount(12345));
        await saveCash.click();
        await page.getByRole("status").getByText(say["lim.cashSaved"]).waitFor();
        await waitForDoc(adminDb.doc(paths.paymentSettings()), (s) => s.get("maxCashOrderCents") === 12345);
        await cashField.fill(amount(DEFAULT_CASH_LIMITS.maxCashOrderCents));
        await saveCash.click();
        await waitForDoc(
          adminDb.doc(paths.paymentSettings()),
          (s) => s.get("maxCashOrderCents") === DEFAULT_CASH_LIMITS.maxCashOrderCents,
        );

        // The complaint thresholds: a count beyond its bound refused, one within saved.
        const claims = page.getByLabel(say["lim.maxClaims"]);
        const saveThresholds = page.getByRole("button", { name: say["lim.saveComplaints"] });
        await claims.fill("101");
        await page
          .getByTestId("limit-problem")
          .getByText(fill(say["lim.bad"], { field: say["lim.maxClaims"], min: 0, max: 100 }))
          .waitFor();
        assert.equal(await saveThresholds.isDisabled(), true);
        await claims.fill("3");
        await saveThresholds.click();
        await page.getByRole("status").getByText(say["lim.complaintsSaved"]).waitFor();
        await waitForDoc(adminDb.doc(paths.complaintSettings()), (s) => s.get("maxClaimsPer30Days") === 3);
        await screenshot(page, `admin-limits-saved-${size}-${lang}`);
        await claims.fill(String(DEFAULT_COMPLAINT_SETTINGS.maxClaimsPer30Days));
        await saveThresholds.click();
        await waitForDoc(
          adminDb.doc(paths.complaintSettings()),
          (s) => s.get("maxClaimsPer30Days") === DEFAULT_COMPLAINT_SETTINGS.maxClaimsPer30Days,
        );
        await a.context.close();
      } finally {
        await Promise.all(docs.map((d, i) => (found[i] ? d.set(found[i]) : d.delete())));
      }
    });
  }
});

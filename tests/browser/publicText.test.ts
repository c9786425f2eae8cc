// Names and texts others read, on screen: free text with a web address and a bare domain is shown
// as text and never as a link; a name that was not plain reads "A customer" in the reader's
// language; the forms say what is wrong with a name or a reply before anything is written.

import { strict as assert } from "node:assert";
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import type { Page } from "playwright-core";
import { paths } from "../../functions/src/domain";
import { PROBLEMS } from "../../functions/src/domain/texts/problems";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import {
  adminAuth,
  adminDb,
  claimOrder,
  closeClients,
  createRestaurant,
  createUser,
  deliverOrder,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

const LINKY = "Ring twice! https://evil.example/win or evil.example";

/** The text is on the page as text: no link anywhere on it points at the domain or says it. */
async function shownAsText(page: Page, where: string) {
  await page.getByText(LINKY).first().waitFor();
  const links = await page
    .locator("a")
    .evaluateAll((as) => as.map((a) => `${a.getAttribute("href")} ${a.textContent}`).filter((s) => /evil/.test(s)));
  assert.deepEqual(links, [], `${where}: no live link`);
}

/** Signs in on the page in the browser's language. */
async function signInIn(page: Page, email: string, next: string, locale: string) {
  if (!locale.startsWith("de")) return signIn(page, email, "password", next);
  await page.goto(`${APP_URL}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-Mail").fill(email);
  await page.getByLabel("Passwort").fill("password");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("button", { name: "Abmelden" }).waitFor();
}

describe("browser: names and texts others read", function () {
  this.timeout(180_000);
  let r: TestRestaurant, owner: TestUser, courier: TestUser;
  before(async () => {
    r = await createRestaurant({ Dish: { price: 1200 } }, { name: "Plain Text Kitchen", minOrder: 0 });
    owner = await createUser({ owner: [r.id] }, "Otto Owner");
    courier = await createUser({ courier: true }, "Cora Courier");
  });
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  const order = async (customer: TestUser, override: Record<string, unknown> = {}) => {
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.Dish, quantity: 1, options: {} }], override);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    return id;
  };

  it("a note, a decline note and a review with a web address and a bare domain are shown as plain text", async () => {
    const customer = await createUser({}, "Nora Note");
    const noted = await order(customer, { note: LINKY });
    const declined = await order(customer);
    await moveOrder(owner, declined, "declined", { declineReason: "other", declineNote: LINKY });

    // The board shows the cart note.
    const board = await newPage();
    await signIn(board.page, owner.email, "password", "/dashboard");
    await board.page.locator(`article[data-order="${noted}"]`).waitFor({ timeout: 60_000 }); // a cold browser's first page
    await shownAsText(board.page, "board");
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(owner, noted, s);
    await board.context.close();

    // The courier carrying it reads it.
    await claimOrder(courier, noted);
    const rider = await newPage();
    await signIn(rider.page, courier.email, "password", "/courier");
    await rider.page.locator(`.active-delivery[data-order="${noted}"]`).waitFor();
    await shownAsText(rider.page, "courier");
    await screenshot(rider.page, "text-note-courier");
    await rider.context.close();

    // The customer reads the restaurant's decline note.
    const own = await newPage();
    await signIn(own.page, customer.email, "password", `/orders/${declined}`);
    await shownAsText(own.page, "order page");
    await own.context.close();

    // Everyone reads the review.
    await moveOrder(courier, noted, "picked_up");
    await deliverOrder(courier, noted);
    await setDoc(doc(customer.db, paths.review(r.id, noted)), { rating: 4, text: LINKY, createdAt: serverTimestamp() });
    await waitForDoc(adminDb.doc(paths.review(r.id, noted)), (s) => s.get("counted") === true, 60_000);
    const visitor = await newPage();
    await visitor.page.goto(`${APP_URL}/r/${r.id}`);
    await shownAsText(visitor.page, "restaurant page");
    await visitor.context.close();
  });

  for (const [lang, locale, aCustomer] of [
    ["English", "en-GB", "A customer"],
    ["German", "de-DE", "Ein Kunde"],
  ] as const) {
    it(`${lang}: a name posing as Dishpatch (set past the rules) reads "${aCustomer}" on the board and on the review`, async () => {
      const customer = await createUser({}, `Dishp\u0430tch ${lang}`);
      const id = await order(customer);
      const board = await newPage({ locale });
      await signInIn(board.page, owner.email, "/dashboard", locale);
      const card = board.page.locator(`article[data-order="${id}"]`);
      await card.locator("header strong", { hasText: aCustomer }).waitFor();
      await board.context.close();
      for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(owner, id, s);
      const rider = await createUser({ courier: true }, "Cora Courier");
      await claimOrder(rider, id);
      await moveOrder(rider, id, "picked_up");
      await deliverOrder(rider, id);
      await setDoc(doc(customer.db, paths.review(r.id, id)), {
        rating: 5,
        text: `Review ${lang}`,
        createdAt: serverTimestamp(),
      });
      await waitForDoc(adminDb.doc(paths.review(r.id, id)), (s) => s.get("counted") === true, 60_000);
      const visitor = await newPage({ locale, viewport: { width: 390, height: 844 } });
      await visitor.page.goto(`${APP_URL}/r/${r.id}`);
      const review = visitor.page.locator(`li[data-review="${id}"]`);
      await review.getByText(`Review ${lang}`).waitFor();
      assert.match(await review.locator("strong").first().innerText(), new RegExp(`^${aCustomer}$`));
      assert.doesNotMatch(await visitor.page.locator("main").innerText(), /Dishp.tch/i);
      await screenshot(visitor.page, `text-review-unnamed-${locale}`);
      await visitor.context.close();
    });
  }

  for (const [lang, locale] of [
    ["en", "en-GB"],
    ["de", "de-DE"],
  ] as const) {
    it(`${lang}: the owner's forms say what is wrong with a look-alike name and a reply with a domain, and write nothing`, async () => {
      const say = PROBLEMS[lang];
      const customer = await createUser({}, "Rita Reviewer");
      const id = await order(customer);
      for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(owner, id, s);
      const rider = await createUser({ courier: true }, "Cora Courier");
      await claimOrder(rider, id);
      await moveOrder(rider, id, "picked_up");
      await deliverOrder(rider, id);
      await setDoc(doc(customer.db, paths.review(r.id, id)), {
        rating: 5,
        text: "Lovely",
        createdAt: serverTimestamp(),
      });
      await waitForDoc(adminDb.doc(paths.review(r.id, id)), (s) => s.get("authorName") !== undefined, 60_000);

      const { page, context } = await newPage({ locale });
      await signInIn(page, owner.email, "/dashboard/settings", locale);
      // A Cyrillic і: the rules' literal check lets it through; the confusables data does not.
      const name = page.getByLabel("Name", { exact: true });
      await name.fill("D\u0456shpatch Grill");
      await page.getByText(say.publicText.brand(say.fields.restaurantName)).waitFor();
      await screenshot(page, `text-settings-lookalike-${lang}`);
      assert.equal((await adminDb.doc(paths.restaurant(r.id)).get()).get("name"), "Plain Text Kitchen");

      await page.goto(`${APP_URL}/dashboard/reviews`);
      const item = page.locator(`li[data-review="${id}"]`);
      await item.getByRole("button", { name: lang === "de" ? "Öffentlich antworten" : "Reply in public" }).click();
      await item
        .getByLabel(lang === "de" ? "Deine öffentliche Antwort" : "Your public reply")
        .fill("Thanks!\nevil.example");
      await item.getByRole("button", { name: lang === "de" ? "Antwort veröffentlichen" : "Publish reply" }).click();
      await item.getByText(say.publicText.link(say.fields.reply)).waitFor();
      // Lines are fine in a reply: the same without the domain is published.
      await item
        .getByLabel(lang === "de" ? "Deine öffentliche Antwort" : "Your public reply")
        .fill("Thanks!\nSee you.");
      await item.getByRole("button", { name: lang === "de" ? "Antwort veröffentlichen" : "Publish reply" }).click();
      await waitForDoc(adminDb.doc(paths.review(r.id, id)), (s) => s.get("reply") === "Thanks!\nSee you.");
      await context.close();
    });
  }

  it("sign-up with a name posing as Dishpatch is refused before the account exists", async () => {
    const email = `poser${Date.now()}@test.dishpatch`;
    const { page, context } = await newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${APP_URL}/signin`);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Your name").fill("Dishpatch Support");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText(PROBLEMS.en.publicText.brand(PROBLEMS.en.fields.displayName)).waitFor();
    await assert.rejects(adminAuth.getUserByEmail(email), "no account was made");
    await context.close();
  });
});

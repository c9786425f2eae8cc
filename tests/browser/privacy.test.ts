// The account page, on a phone in German and on a desktop in English: a customer downloads their
// data, is refused deletion (with the reason, in their language) while an order is under way, then
// deletes their account after confirming; their review stays, signed "former customer" in the
// reader's language.

import { strict as assert } from "node:assert";
import { readFile } from "node:fs/promises";
import { paths, type AccountExport, type Language } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { en } from "../../web/src/i18n/en";
import { de } from "../../web/src/i18n/de";
import { shopEn } from "../../web/src/i18n/shop/en";
import { shopDe } from "../../web/src/i18n/shop/de";
import {
  adminAuth,
  adminDb,
  closeClients,
  createRestaurant,
  createUser,
  deliverThrough,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";
import { doc, serverTimestamp, setDoc } from "firebase/firestore";

const TEXTS = { en: { ...en, ...shopEn }, de: { ...de, ...shopDe } };

const SIZES = [
  ["phone", "de", { width: 390, height: 844 }],
  ["desktop", "en", { width: 1280, height: 860 }],
] as const;

describe("browser: the account page (download, delete)", function () {
  this.timeout(300_000);
  let r: TestRestaurant;
  let owner: TestUser, courier: TestUser;
  before(async () => {
    r = await createRestaurant({ "Privacy Pasta": { price: 1100 } }, { minOrder: 0, name: "Forget Me Trattoria" });
    [owner, courier] = await Promise.all([
      createUser({ owner: [r.id] }, "Olaf Owner"),
      createUser({ courier: true }, "Cora Courier"),
    ]);
  });
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  const order = (who: TestUser) =>
    placeOrder(who, r.id, [{ itemId: r.items["Privacy Pasta"], quantity: 1, options: {} }]);
  const placed = (id: string) => waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));

  for (const [size, lang, viewport] of SIZES) {
    it(`${size}, ${lang}: download my data, a refusal while an order is under way, then delete my account`, async () => {
      const say = (key: keyof (typeof TEXTS)["en"]) => TEXTS[lang as Language][key];
      const customer = await createUser({}, `Frida${size} Forget`);
      const delivered = await order(customer);
      await placed(delivered);
      await deliverThrough(owner, courier, delivered);
      await setDoc(doc(customer.db, paths.review(r.id, delivered)), {
        rating: 5,
        text: `Lovely (${size})`,
        createdAt: serverTimestamp(),
      });
      await waitForDoc(adminDb.doc(paths.review(r.id, delivered)), (s) => s.get("counted") === true);

      const { context, page } = await newPage({ viewport, acceptDownloads: true });
      await signIn(page, customer.email, "password", "/account");
      if (lang === "de") await page.getByRole("combobox", { name: "Language" }).selectOption("de");
      await page.getByRole("heading", { name: say("acct.title"), exact: true }).waitFor();

      // The download: a JSON file with the profile, the order, its receipt and the review.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: say("acct.download") }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^dishpatch-data-\d{4}-\d\d-\d\d\.json$/);
      const data = JSON.parse(await readFile((await download.path())!, "utf8")) as AccountExport;
      assert.equal(data.account.uid, customer.uid);
      assert.equal(data.profile?.displayName, `Frida${size} Forget`);
      assert.deepEqual(
        data.orders.map((o) => o.id),
        [delivered],
      );
      assert.deepEqual(
        data.receipts.map((x) => x.id),
        [delivered],
      );
      assert.equal(data.reviews[0]?.text, `Lovely (${size})`);

      // Refused while an order is under way, with the reason in the reader's language.
      const open = await order(customer);
      await placed(open);
      await page.getByRole("button", { name: say("acct.delete") }).click();
      await page.getByText(say("acct.confirm")).waitFor();
      await screenshot(page, `account-confirm-${size}-${lang}`);
      await page.getByRole("button", { name: say("acct.deleteForGood") }).click();
      await page.getByRole("alert").getByText(say("acct.refusedOrder")).waitFor();
      await adminAuth.getUser(customer.uid);
      await screenshot(page, `account-refused-${size}-${lang}`);

      // Once it has ended, confirmed, the account goes.
      await moveOrder(customer, open, "cancelled", { cancelReason: "changed_mind" });
      await page.getByRole("button", { name: say("acct.deleteForGood") }).click();
      await page.getByTestId("account-deleted").getByText(say("acct.deleted")).waitFor();
      assert.equal(new URL(page.url()).pathname, "/account/deleted");
      await page.getByRole("link", { name: say("nav.signIn") }).waitFor();
      await assert.rejects(adminAuth.getUser(customer.uid), { code: "auth/user-not-found" });
      await screenshot(page, `account-deleted-${size}-${lang}`);

      // The review stays, signed "former customer" in the reader's language.
      await page.goto(`${APP_URL}/r/${r.id}`);
      const review = page.locator(`[data-review="${delivered}"]`);
      await review.getByText(say("rev.formerCustomer")).waitFor();
      assert.ok((await review.innerText()).includes(`Lovely (${size})`));
      assert.ok(!(await review.innerText()).includes("Frida"));
      await context.close();
    });
  }
});

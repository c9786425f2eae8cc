// Every screen in German, for every role (issue 21.6): no text of the English catalogue shows, nor
// an English word the domain says (a weekday, "tomorrow", a cuisine's name), except in what
// restaurants and people wrote themselves (names, dishes, descriptions). And counts agree with
// their nouns in both languages ("1 review", "1 Bewertung").

import { strict as assert } from "node:assert";
import { CUISINE_NAMES, paths, TEXTS } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot } from "../../scripts/lib/browser";
import { de } from "../../web/src/i18n/de";
import { en } from "../../web/src/i18n/en";
import { shopDe } from "../../web/src/i18n/shop/de";
import { shopEn } from "../../web/src/i18n/shop/en";
import { workDe } from "../../web/src/i18n/work/de";
import { workEn } from "../../web/src/i18n/work/en";
import { adminDb, BERLIN_CENTRE, closeClients } from "../support/app";
import { DESKTOP, PHONE } from "../support/layout";
import { makeFixtures, walk, type Fixtures } from "../support/screens";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The English texts German replaces (a text both languages share, like "Vegan", is not one). */
function englishTexts(): RegExp[] {
  const pairs: [string, string][] = [];
  for (const [english, german] of [
    [en, de],
    [shopEn, shopDe],
    [workEn, workDe],
  ] as [Record<string, string>, Record<string, string>][]) {
    for (const [key, text] of Object.entries(english)) pairs.push([text, german[key]]);
  }
  for (const [key, text] of Object.entries(TEXTS.en.reasons)) pairs.push([text, TEXTS.de.reasons[key as never]]);
  for (const [key, text] of Object.entries(TEXTS.en.rejections)) pairs.push([text, TEXTS.de.rejections[key as never]]);
  return pairs
    .filter(([english, german]) => english !== german && english.replace(/\{\w+\}/g, "").trim().length > 2)
    .map(
      ([english]) =>
        new RegExp(
          `^${english
            .split(/\{\w+\}/)
            .map(escape)
            .join(".+?")}$`,
          "s",
        ),
    );
}

/** English words the domain puts in sentences: a day, a weekday, a cuisine Dishpatch knows. */
const ENGLISH_WORDS = new RegExp(
  `\\b(${[
    "tomorrow",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
    ...Object.values(CUISINE_NAMES)
      .filter((n) => n.en !== n.de)
      .map((n) => n.en),
  ].join("|")})\\b`,
);

/** Every text a reader meets on the page: text, labels, placeholders, titles, image descriptions. */
function readerTexts() {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    // The brand is a name, in every language.
    if (!parent || parent.closest("script, style, .brand")) continue;
    const text = (n.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text) out.push(text);
  }
  for (const el of Array.from(document.body.querySelectorAll("[aria-label], [placeholder], [title], img[alt]"))) {
    for (const attr of ["aria-label", "placeholder", "title", "alt"]) {
      const v = el.getAttribute(attr)?.replace(/\s+/g, " ").trim();
      if (v) out.push(v);
    }
  }
  return out;
}

describe("browser: German everywhere", function () {
  this.timeout(300_000);
  let f: Fixtures;
  before(async function () {
    this.timeout(120_000);
    f = await makeFixtures("deutsch");
  });
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("no screen, for any role, shows a text of the English catalogue or an English word of the domain's", async () => {
    const catalogue = englishTexts();
    const seen: { where: string; text: string }[] = [];
    await walk(f, "de", DESKTOP, async (page, screen) => {
      for (const text of await page.evaluate(readerTexts)) seen.push({ where: `${screen.role}: ${screen.name}`, text });
      await screenshot(page, `de-${screen.role}-${screen.name.replace(/ /g, "-")}`);
    });
    // What restaurants and people wrote themselves stays as they wrote it: every restaurant card
    // and promo description the run's tests made (read after the walk: the backend's tests, in a
    // process of their own, write theirs meanwhile; a cuisine Dishpatch knows is not theirs: it is
    // translated), and the walk's own data.
    const cards = await adminDb.collection("listings").get();
    const promos = await adminDb.collection(paths.promoCodes()).get();
    const content = new Set([
      ...f.content,
      ...promos.docs.map((d) => d.get("description") as string),
      ...cards.docs.map((d) => d.get("name") as string),
      ...cards.docs.map((d) => d.get("cuisine") as string).filter((c) => !(c in CUISINE_NAMES)),
    ]);
    const ownWords = (text: string) => [...content].some((c) => c && (text === c || text.includes(c)));
    const found: string[] = [];
    for (const { where, text } of seen) {
      const english = !ownWords(text) && catalogue.find((re) => re.test(text));
      const word = !ownWords(text) && ENGLISH_WORDS.exec(text)?.[0];
      if (english || word) found.push(`${where}: “${text}”${word ? ` (${word})` : ""}`);
    }
    assert.deepEqual([...new Set(found)], []);
  });

  for (const [lang, rating] of [
    ["en", "Rating 5.0 from 1 review"],
    ["de", "Bewertung 5,0 aus 1 Bewertung"],
  ] as const) {
    it(`${lang}: one review is one review, and a closed restaurant says when it opens in ${lang === "de" ? "German" : "English"}`, async () => {
      const { page, context } = await newPage({ ...PHONE, locale: lang === "de" ? "de-DE" : "en-GB" });
      await context.addInitScript((a) => localStorage.setItem("dishpatch.address", JSON.stringify(a)), BERLIN_CENTRE);
      await page.goto(APP_URL);
      // Found by search: other tests' restaurants crowd the nearest cards. Both names end in the tag.
      const search = page.getByLabel(lang === "de" ? "Suche" : "Search");
      await search.fill("deutsch");
      await search.press("Enter");
      const card = page.locator(`.restaurant-card[data-restaurant="${f.restaurant.id}"]`);
      await card.waitFor();
      assert.equal(await card.locator(`[aria-label^="${rating.split(" ")[0]}"]`).getAttribute("aria-label"), rating);
      const bakery = page.locator(".restaurant-card", { hasText: "Morgenbäcker deutsch" });
      await bakery
        .locator(".status .closed")
        .getByText(lang === "de" ? "Geschlossen · öffnet morgen 07:00" : "Closed · opens tomorrow 07:00")
        .waitFor();
    });
  }
});

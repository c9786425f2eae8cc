import { strict as assert } from "node:assert";
import {
  ALLERGENS,
  CANCEL_REASONS,
  DECLINE_REASONS,
  DELIVERY_PROBLEMS,
  DEFAULT_FEES,
  DIETS,
  feesProblem,
  formatCents,
  hoursProblem,
  LOCALES,
  messageFor,
  menuItemProblem,
  ORDER_STATUSES,
  pickLanguage,
  promoProblem,
  REJECTION_CODES,
  restaurantProblem,
  TEXTS,
} from "../../functions/src/domain";
import { PROBLEMS } from "../../functions/src/domain/texts/problems";
import { de } from "../../web/src/i18n/de";
import { en } from "../../web/src/i18n/en";
import { shopDe } from "../../web/src/i18n/shop/de";
import { shopEn } from "../../web/src/i18n/shop/en";
import { workDe } from "../../web/src/i18n/work/de";
import { workEn } from "../../web/src/i18n/work/en";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("languages", () => {
  it("picks the browser's first language Dishpatch speaks, else English", () => {
    assert.equal(pickLanguage(["de-AT", "en"]), "de");
    assert.equal(pickLanguage(["fr-FR", "de"]), "de");
    assert.equal(pickLanguage(["EN-gb"]), "en");
    assert.equal(pickLanguage(["fr", "it"]), "en");
    assert.equal(pickLanguage([]), "en");
  });

  for (const [part, english, german] of [
    ["the first screen's", en, de],
    ["the customer's later screens'", shopEn, shopDe],
    ["the working screens'", workEn, workDe],
  ] as [string, Record<string, string>, Record<string, string>][]) {
    it(`${part} texts: every key in both languages, none empty, the same placeholders`, () => {
      assert.deepEqual(Object.keys(german).sort(), Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        assert.ok(text.trim() && german[key].trim(), `${key} is empty`);
        assert.deepEqual(placeholders(german[key]), placeholders(text), `${key}: placeholders differ`);
      }
    });
  }

  it("no key is in two parts of the texts", () => {
    const keys = [...Object.keys(en), ...Object.keys(shopEn), ...Object.keys(workEn)];
    assert.deepEqual(
      keys.filter((k, i) => keys.indexOf(k) !== i),
      [],
    );
  });

  it("the app has a label for every status, diet and allergen", () => {
    const keys = new Set(Object.keys(en));
    for (const s of ORDER_STATUSES) assert.ok(keys.has(`status.${s}`), s);
    for (const d of DIETS) assert.ok(keys.has(`diet.${d}`), d);
    for (const a of ALLERGENS) assert.ok(keys.has(`allergen.${a}`), a);
  });

  it("the backend's texts: every reason, rejection and notification in both languages", () => {
    for (const lang of ["en", "de"] as const) {
      const t = TEXTS[lang];
      for (const r of [...DECLINE_REASONS, ...CANCEL_REASONS, ...DELIVERY_PROBLEMS])
        assert.ok(t.reasons[r]?.trim(), `${lang} ${r}`);
      for (const code of Object.keys(REJECTION_CODES)) {
        assert.ok(t.rejections[code as keyof typeof REJECTION_CODES]?.trim(), `${lang} ${code}`);
      }
      for (const s of ORDER_STATUSES) {
        const m = messageFor(s, "customer", { restaurantName: "Trattoria" }, lang);
        assert.ok(m.title && m.body.includes("Trattoria"), `${lang} ${s}: ${m.body}`);
      }
    }
    assert.notEqual(TEXTS.de.rejections.below_minimum, TEXTS.en.rejections.below_minimum);
  });

  it("notifications speak the recipient's language and translate the reason's code", () => {
    const ctx = { restaurantName: "Luna", declineReason: "too_busy" as const };
    assert.equal(
      messageFor("declined", "customer", ctx, "de").body,
      `Luna hat deine Bestellung abgelehnt. ${TEXTS.de.reasons.too_busy}`,
    );
    assert.equal(
      messageFor("declined", "customer", ctx, "en").body,
      `Luna declined your order. ${TEXTS.en.reasons.too_busy}`,
    );
    const rejected = { restaurantName: "Luna", rejectionCode: "below_minimum", rejection: "English detail" };
    assert.ok(messageFor("rejected", "customer", rejected, "de").body.endsWith(TEXTS.de.rejections.below_minimum));
    assert.equal(messageFor("ready", "couriers", ctx, "de").title, "Abholung verfügbar");
  });

  it("the validators' texts: the same entries in both languages, none empty", () => {
    // Every entry, with its arguments filled in, as a sorted list of paths and texts.
    const entries = (node: unknown, path = ""): [string, string][] =>
      typeof node === "string"
        ? [[path, node]]
        : typeof node === "function"
          ? [[path, (node as (...a: unknown[]) => string)("X", 3)]]
          : Object.entries(node as object).flatMap(([k, v]) => entries(v, `${path}.${k}`));
    const [en, de] = [entries(PROBLEMS.en), entries(PROBLEMS.de)];
    assert.deepEqual(
      de.map(([path]) => path),
      en.map(([path]) => path),
    );
    for (const [path, text] of [...en, ...de]) assert.ok(text.trim(), path);
    const same = en.filter(([path, text], i) => de[i][1] === text && !path.startsWith(".allergens")).map(([p]) => p);
    assert.deepEqual(same, [], "untranslated");
  });

  it("the validators speak the reader's language; English where nobody says", () => {
    const dish = { name: "Pizza", category: "Pizza", price: -1, available: true };
    assert.equal(menuItemProblem(dish), PROBLEMS.en.item.price);
    assert.equal(menuItemProblem(dish, PROBLEMS.de), "Der Preis ist eine ganze Zahl von Cent, 0 oder mehr.");
    const vegan = { ...dish, price: 900, allergens: ["milk", "eggs"], diet: ["vegetarian", "vegan"] };
    assert.equal(menuItemProblem(vegan, PROBLEMS.de), "Ein veganes Gericht kann nicht enthalten: Milch, Eier.");
    assert.equal(menuItemProblem(vegan), "A vegan dish cannot contain milk, eggs.");
    assert.equal(
      hoursProblem({ tue: "14:00-11:00" }, PROBLEMS.de),
      PROBLEMS.de.hours.endAfterStart("Dienstag"),
      "the day is named in the reader's language",
    );
    assert.equal(
      menuItemProblem({ ...dish, price: 900, imageUrl: "http://x" }, PROBLEMS.de),
      "Ein Foto stammt aus Dishpatchs eigener Sammlung: eine Adresse wie /photos/pizza.svg.",
    );
    assert.equal(restaurantProblem({ name: "" }, PROBLEMS.de), PROBLEMS.de.restaurant.name);
    assert.equal(promoProblem({ code: "x" }, PROBLEMS.de), PROBLEMS.de.promo.code);
    assert.equal(feesProblem({ ...DEFAULT_FEES, serviceFeeBps: 5000 }, PROBLEMS.de), PROBLEMS.de.fees.serviceFee);
  });

  it("money is written as each language writes it", () => {
    assert.equal(formatCents(1249, "EUR", LOCALES.en), "€12.49");
    assert.equal(formatCents(1249, "EUR", LOCALES.de).replace(/\s/g, " "), "12,49 €");
  });
});

// Text that others read (functions/src/domain/publicText.ts): hidden characters, links and
// domains, and look-alikes of "Dishpatch" by Unicode's confusables (UTS #39), after NFKC. The
// rules' classes are compared with the domain's over every code point.

import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import {
  HIDDEN_IN_NAME,
  HIDDEN_IN_REPLY,
  LINK,
  looksLikeDishpatch,
  menuItemProblem,
  nameProblem,
  publicName,
  replyProblem,
  restaurantProblem,
  skeleton,
  textTrouble,
} from "../../functions/src/domain";
import { PROBLEMS } from "../../functions/src/domain/texts/problems";
import { DEMO_ACCOUNTS, RESTAURANTS } from "../../scripts/seed/berlin";

const RESTAURANT = {
  name: "Trattoria Test",
  cuisine: "Italian",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  openingHours: { mon: "11:00-22:00" },
  address: { line1: "Torstraße 1", city: "Berlin", lat: 52.5, lng: 13.4 },
  isOpen: true,
  prepTimeMin: 20,
  deliveryRadiusM: 5000,
  deliveryFee: 249,
  minOrder: 1000,
  categories: ["Pizza"],
};
const DISH = { name: "Margherita", description: "", category: "Pizza", price: 900, available: true, optionGroups: [] };

describe("unit: text that others read", () => {
  describe("hidden characters", () => {
    const hidden: [string, string][] = [
      ["a line feed", "Anna\nMüller"],
      ["a carriage return", "Anna\rMüller"],
      ["a tab", "Anna\tMüller"],
      ["a next-line control", "Anna\u0085Müller"],
      ["a line separator", "Anna\u2028Müller"],
      ["a paragraph separator", "Anna\u2029Müller"],
      ["a zero-width space", "Anna\u200bMüller"],
      ["a zero-width non-joiner", "Anna\u200cMüller"],
      ["a zero-width joiner", "Anna\u200dMüller"],
      ["a word joiner", "Anna\u2060Müller"],
      ["a byte-order mark", "\ufeffAnna"],
      ["a soft hyphen", "Anna\u00adMüller"],
      ["a right-to-left override", "Anna\u202eMüller"],
      ["a bidi isolate", "Anna\u2066Müller"],
      ["a combining grapheme joiner", "Anna\u034fMüller"],
      ["a variation selector", "Anna\ufe0fMüller"],
      ["a Hangul filler", "\u3164"],
      ["a tag character", "Anna\u{e0041}"],
      ["a private-use character", "Anna\ue000"],
    ];
    for (const [what, text] of hidden) {
      it(`refuses ${what} in a name`, () => assert.equal(textTrouble(text), "hidden"));
    }
    it("allows names in any script, with accents and an emoji that stands alone", () => {
      for (const name of [
        "Anna Müller",
        "Zoë O'Brien-Łukasz",
        "Ελένη",
        "Даша",
        "李小龍",
        "أحمد",
        "Pizza 🍕",
        "St. Peter",
      ])
        assert.equal(textTrouble(name), null, name);
    });
    it("lets a reply run over lines, and nothing else hidden", () => {
      assert.equal(textTrouble("Thank you!\nSee you soon.", "reply"), null);
      assert.equal(textTrouble("Thank you!\n\nSee you soon.", "name"), "hidden");
      for (const [, text] of hidden.filter(([what]) => what !== "a line feed"))
        assert.equal(textTrouble(text, "reply"), "hidden", JSON.stringify(text));
    });
  });

  describe("links and domains", () => {
    for (const text of [
      "evil.example",
      "Pizza at EVIL.EXAMPLE",
      "see https://x",
      "http:x",
      "ftp://files",
      "www.win",
      "mail anna@evil.de",
      "evil\u3002example", // the ideographic full stop: IDNA separates labels with it
      "evil\uff0eexample", // the full-width full stop
      "ｅｖｉｌ．ｅｘａｍｐｌｅ", // full-width letters: NFKC makes them a domain
      "pizza.рф", // a top-level domain in Cyrillic
      "xn--80ak6aa92e.com",
    ]) {
      it(`refuses ${JSON.stringify(text)}`, () => assert.equal(textTrouble(text), "link"));
    }
    it("leaves prose alone: a space after a full stop, numbers, abbreviations", () => {
      for (const text of ["St. Peter", "Dr. Oetker", "3.50 €", "e.g. this", "z.B. Pizza", "Trattoria S.r.l.", "No.5"])
        assert.equal(textTrouble(text), null, text);
    });
  });

  describe("looking like Dishpatch (UTS #39 skeletons, after NFKC)", () => {
    it("takes skeletons from Unicode's confusables data", () => {
      assert.equal(skeleton("pаypal"), skeleton("paypal"), "a Cyrillic а");
      assert.equal(skeleton("m"), "rn");
      assert.equal(skeleton("I"), "l");
      assert.equal(skeleton("1"), "l");
      assert.equal(skeleton("pay\u200dpal"), "paypal", "default-ignorables are dropped");
    });
    const alike: [string, string][] = [
      ["the name itself", "Dishpatch"],
      ["in capitals, in a sentence", "The DISHPATCH team"],
      ["in mixed case", "DiShPaTcH"],
      ["with Cyrillic і, р, а, с", "d\u0456sh\u0440\u0430t\u0441h Support"],
      ["with Greek Ι, Α, Τ", "D\u0399SHP\u0391\u03a4CH"],
      ["in full-width letters", "ｄｉｓｈｐａｔｃｈ"],
      ["in mathematical bold", "𝐝𝐢𝐬𝐡𝐩𝐚𝐭𝐜𝐡"],
      ["with a digit 1 for a capital I", "D1SHPATCH"],
      ["with a small l for a capital I", "DlSHPATCH"],
    ];
    for (const [what, text] of alike) {
      it(`refuses ${what}: ${JSON.stringify(text)}`, () => {
        assert.ok(looksLikeDishpatch(text));
        assert.equal(textTrouble(text), "brand");
      });
    }
    it("sees through a zero-width joiner (the character check refuses it first)", () => {
      assert.ok(looksLikeDishpatch("dish\u200dpatch"));
      assert.equal(textTrouble("dish\u200dpatch"), "hidden");
    });
    it("goes no further than the data: a small 1 for an i, and a space, are not look-alikes", () => {
      assert.equal(skeleton("d1shpatch"), "dlshpatch");
      assert.equal(textTrouble("d1shpatch"), null);
      assert.equal(textTrouble("Dish Patch"), null);
      assert.equal(textTrouble("Dispatch Pizza"), null);
    });
  });

  describe("names as the backend pushes, signs and prints them", () => {
    it("normalises to NFKC and trims", () => {
      assert.equal(publicName("  Ｊｕｌｉａ Ｋｌｅｉｎ ", 100), "Julia Klein");
      assert.equal(publicName("ﬁne Dining", 100), "fine Dining");
    });
    it("gives nothing for a name that is missing, too long or not plain", () => {
      for (const bad of [undefined, 42, "", "   ", "x".repeat(101), "Dishpatch", "Anna\nwww.evil.example", "ⓓⓘⓢⓗⓟⓐⓣⓒⓗ"])
        assert.equal(publicName(bad, 100), null, JSON.stringify(bad));
      assert.equal(publicName("x".repeat(100), 100), "x".repeat(100));
    });
  });

  describe("what the forms and the backend say, in German and English", () => {
    it("names the field and what is wrong", () => {
      assert.equal(
        nameProblem("Dishpatch Support", PROBLEMS.de.fields.displayName, PROBLEMS.de),
        "Dein Name darf nicht „Dishpatch“ sein oder so aussehen: Nur Dishpatch selbst trägt diesen Namen.",
      );
      assert.equal(
        nameProblem("Anna\u200d", PROBLEMS.en.fields.displayName),
        "Your name may not contain line breaks, tabs or invisible characters.",
      );
      assert.equal(replyProblem("Order at evil.example instead"), PROBLEMS.en.publicText.link("A reply"));
      assert.equal(replyProblem("Danke!\nBis bald.", PROBLEMS.de), null);
      assert.equal(replyProblem("Danke\t!", PROBLEMS.de), PROBLEMS.de.publicText.hiddenReply);
    });
    it("a restaurant whose names are not plain cannot be read: its staff are told which", () => {
      assert.equal(restaurantProblem(RESTAURANT), null);
      assert.equal(
        restaurantProblem({ ...RESTAURANT, name: "ＤＩＳＨＰＡＴＣＨ Express" }, PROBLEMS.de),
        PROBLEMS.de.publicText.brand("Der Name des Restaurants"),
      );
      assert.equal(
        restaurantProblem({ ...RESTAURANT, legalName: "Rosa GmbH\nwww.evil.example" }),
        PROBLEMS.en.publicText.hidden("The legal name"),
      );
      assert.equal(
        restaurantProblem({ ...RESTAURANT, categories: ["Pizza", "Deals on evil.example"] }),
        PROBLEMS.en.publicText.link("A category"),
      );
    });
    it("a dish whose names are not plain is refused, options included", () => {
      assert.equal(menuItemProblem(DISH), null);
      assert.equal(
        menuItemProblem({ ...DISH, name: "Pizza\u2028Dishpatch" }, PROBLEMS.de),
        PROBLEMS.de.publicText.hidden("Der Name des Gerichts"),
      );
      const group = { id: "size", name: "Size", min: 1, max: 1 };
      assert.equal(
        menuItemProblem({
          ...DISH,
          optionGroups: [{ ...group, options: [{ id: "l", name: "evil.example", priceDelta: 0 }] }],
        }),
        PROBLEMS.en.publicText.link('An option of "Size"'),
      );
      assert.equal(
        menuItemProblem({ ...DISH, optionGroups: [{ ...group, name: "Dishpatch deals", options: [] }] }, PROBLEMS.de),
        PROBLEMS.de.publicText.brand("Der Name einer Optionsgruppe"),
      );
    });
    it("every name in the demo data is plain", () => {
      for (const a of DEMO_ACCOUNTS) assert.equal(textTrouble(a.displayName), null, a.displayName);
      for (const r of RESTAURANTS) {
        for (const text of [r.name, `${r.name} GmbH`, r.cuisine]) assert.equal(textTrouble(text), null, text);
        for (const m of r.menu) {
          const names = [
            m.name,
            m.category,
            ...(m.optionGroups ?? []).flatMap((g) => [g.name, ...g.options.map((o) => o.name)]),
          ];
          for (const text of names) assert.equal(textTrouble(text), null, `${r.name}: ${text}`);
        }
      }
    });
  });

  describe("the rules check the same characters and links", () => {
    const rules = readFileSync("firestore.rules", "utf8");
    // RE2 as the rules write it ('\\p{Cf}', '\\x{34F}') into a JavaScript pattern.
    const js = (re2: string) => re2.replace(/\\\\/g, "\\").replace(/\\x\{([0-9A-F]+)\}/g, "\\u{$1}");
    const invisible = js(rules.match(/function invisible\(\) \{\s*return '([^']+)';/)![1]);
    const nameClass = js(
      rules.match(/function isPlainName\(v\) \{\s*return !v\.matches\('\(\?s\)\.\*\[([^']+)' \+ invisible/)![1],
    );
    const replyClass = js(
      rules.match(/function isPlainReply\(v\) \{\s*return !v\.matches\('\(\?s\)\.\*\[([^']+)' \+ invisible/)![1],
    );
    const rulesLink = new RegExp(
      js(rules.match(/function hasLink\(v\) \{\s*return v\.lower\(\)\.matches\('\(\?s\)\.\*(.+)\.\*'\);/)![1]),
      "u",
    );

    const sameCodePoints = (rulesClass: RegExp, domain: RegExp) => {
      const differ: string[] = [];
      for (let cp = 0; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue; // not in any UTF-8 string
        const ch = String.fromCodePoint(cp);
        if (rulesClass.test(ch) !== domain.test(ch)) differ.push(cp.toString(16));
      }
      assert.deepEqual(differ.slice(0, 20), [], `${differ.length} code points differ`);
    };
    it("in names: every control, format and default-ignorable character, line breaks included", () =>
      sameCodePoints(new RegExp(`[${nameClass}${invisible}]`, "u"), HIDDEN_IN_NAME));
    it("in replies: the same but the line feed", () =>
      sameCodePoints(new RegExp(`[${replyClass}${invisible}]`, "u"), HIDDEN_IN_REPLY));
    it("links and domains: the same pattern on lower-cased text", () => {
      for (const text of [
        "evil.example",
        "a.рф",
        "x://y",
        "https:z",
        "www.",
        "st. peter",
        "3.50",
        "e.g. this",
        "evil\u3002example",
      ])
        assert.equal(rulesLink.test(text), LINK.test(text), text);
    });
  });
});

// Text that others read (functions/src/domain/publicText.ts): every name another person sees and
// the staff's public replies refuse hidden characters, line breaks (a reply may have them), links
// and domains, and "Dishpatch"; each hostile value beside a plain one that is allowed. Photos come
// only from the app's own hosting.

import { doc, serverTimestamp, setDoc, updateDoc, type Firestore } from "firebase/firestore";
import {
  dbAs,
  expectAccess,
  menuItemDoc,
  restaurantDoc,
  rulesEnv,
  seedFixtures,
  type RoleName,
} from "../support/rulesEnv";

const now = () => serverTimestamp();

/** Characters nobody sees or that break a line, each inside an otherwise plain name. */
const HIDDEN: [string, string][] = [
  ["a line feed", "Anna\nMüller"],
  ["a line feed before a link (the old pattern's '.' stopped at it)", "Anna\nwww.evil.example"],
  ["a carriage return", "Anna\rMüller"],
  ["a tab", "Anna\tMüller"],
  ["a next-line control", "Anna\u0085Müller"],
  ["a line separator", "Anna\u2028Müller"],
  ["a paragraph separator", "Anna\u2029Müller"],
  ["a zero-width space", "Anna\u200bMüller"],
  ["a zero-width joiner", "Anna\u200dMüller"],
  ["a zero-width non-joiner", "Anna\u200cMüller"],
  ["a word joiner", "Anna\u2060Müller"],
  ["a byte-order mark", "\ufeffAnna"],
  ["a soft hyphen", "Anna\u00adMüller"],
  ["a right-to-left override", "Anna\u202eMüller"],
  ["a combining grapheme joiner", "Anna\u034fMüller"],
  ["a variation selector", "Anna\ufe0fMüller"],
  ["a Hangul filler", "Anna\u3164"],
  ["a tag character", "Anna\u{e0041}"],
  ["a private-use character", "Anna\ue000"],
];
const LINKS: [string, string][] = [
  ["a bare domain", "Order at evil.example"],
  ["a domain in capitals", "EVIL.EXAMPLE"],
  ["a web address", "see https://evil.example"],
  ["a scheme without slashes", "http:evil"],
  ["another scheme", "ftp://evil"],
  ["www.", "www.win"],
  ["an email address", "anna@evil.de"],
  ["a domain with an ideographic full stop", "evil\u3002example"],
  ["a domain with a full-width full stop", "evil\uff0eexample"],
  ["a domain in full-width letters", "ｅｖｉｌ．ｅｘａｍｐｌｅ"],
  ["a domain in another script", "pizza.рф"],
];
const POSING: [string, string][] = [
  ["Dishpatch", "Dishpatch Support"],
  ["Dishpatch in capitals", "the DISHPATCH team"],
  ["Dishpatch after a line break", "Pizza\nDishpatch"],
];
/** Plain names in several scripts; the controls beside the refusals. */
const PLAIN = ["Anna Müller", "Zoë O'Brien", "Ελένη", "Даша", "李小龍", "Pizza 🍕", "St. Peter", "Nr. 5, 3.50 €"];

type Write = (db: Firestore, value: string) => Promise<unknown>;
const FIELDS: [string, RoleName, Write][] = [
  [
    "their display name",
    "customer",
    (db, v) => updateDoc(doc(db, "users/alice"), { displayName: v, updatedAt: now() }),
  ],
  ["the restaurant's name", "owner", (db, v) => updateDoc(doc(db, "restaurants/r1"), { name: v, updatedAt: now() })],
  [
    "the restaurant's legal name",
    "owner",
    (db, v) => updateDoc(doc(db, "restaurants/r1"), { legalName: v, updatedAt: now() }),
  ],
  [
    "the restaurant's cuisine",
    "owner",
    (db, v) => updateDoc(doc(db, "restaurants/r1"), { cuisine: v.slice(0, 50), updatedAt: now() }),
  ],
  [
    "a menu category",
    "owner",
    (db, v) => updateDoc(doc(db, "restaurants/r1"), { categories: ["Pizza", v], updatedAt: now() }),
  ],
  [
    "a dish's name",
    "owner",
    (db, v) => setDoc(doc(db, "restaurants/r1/menu/m1"), { ...menuItemDoc(), name: v, updatedAt: now() }),
  ],
  [
    "a dish's category",
    "owner",
    (db, v) => setDoc(doc(db, "restaurants/r1/menu/m1"), { ...menuItemDoc(), category: v, updatedAt: now() }),
  ],
];

describe("rules: text that others read", () => {
  before(rulesEnv);
  beforeEach(seedFixtures);

  for (const [field, who, write] of FIELDS) {
    describe(`${who} writes ${field}`, () => {
      it(`allowed: plain names (${PLAIN.join(" | ")})`, async () => {
        for (const name of PLAIN) await expectAccess(true, write(dbAs(who), name));
      });
      for (const [what, value] of [...HIDDEN, ...LINKS, ...POSING]) {
        it(`denied: ${what} (${JSON.stringify(value)})`, () => expectAccess(false, write(dbAs(who), value)));
      }
    });
  }

  it("an admin creating a restaurant is held to the same names", async () => {
    const create = (name: string) =>
      setDoc(doc(dbAs("admin"), "restaurants/new"), { ...restaurantDoc(name), createdAt: now(), updatedAt: now() });
    await expectAccess(false, create("Dishpatch Kitchen"));
    await expectAccess(false, create("Kitchen\u200d"));
    await expectAccess(true, create("New Kitchen"));
  });

  describe("the owner's public reply to a review", () => {
    const reply = (text: string) =>
      updateDoc(doc(dbAs("owner"), "restaurants/r1/reviews/delivered0"), { reply: text, replyAt: now() });
    it("allowed: a reply over several lines, with prose, numbers and abbreviations", () =>
      expectAccess(true, reply("Thank you, Anna!\n\nSee you soon. Next time try Nr. 5, e.g. with basil (3.50 €).")));
    for (const [what, value] of HIDDEN.filter(([w]) => !w.startsWith("a line feed"))) {
      it(`denied: ${what} (${JSON.stringify(value)})`, () => expectAccess(false, reply(`Thanks! ${value}`)));
    }
    it("denied: a link after a line break", () => expectAccess(false, reply("Thanks!\nwww.evil.example")));
    for (const [what, value] of [...LINKS, ...POSING]) {
      it(`denied: ${what} (${JSON.stringify(value)})`, () => expectAccess(false, reply(`Thanks! ${value}`)));
    }
  });

  describe("photo addresses", () => {
    const photo = (imageUrl: string) =>
      setDoc(doc(dbAs("owner"), "restaurants/r1/menu/m1"), { ...menuItemDoc(), imageUrl, updatedAt: now() });
    const restaurantPhoto = (imageUrl: string) =>
      updateDoc(doc(dbAs("owner"), "restaurants/r1"), { imageUrl, updatedAt: now() });
    it("allowed: a file on the app's own hosting, for a dish and for the restaurant", async () => {
      await expectAccess(true, photo("/photos/pizza.svg"));
      await expectAccess(true, restaurantPhoto(`/photos/${"a".repeat(100)}.webp`));
    });
    for (const bad of [
      "https://firebasestorage.googleapis.com/v0/b/stranger.appspot.com/o/pixel.png?alt=media",
      "https://storage.googleapis.com/stranger-bucket/pixel.png",
      "https://images.unsplash.com/photo-1.jpg",
      "https://evil.example/photos/a.svg",
      "//evil.example/photos/a.svg",
      "/photos/../users.svg",
      "/photos/pizza.svg?track=1",
      `/photos/${"a".repeat(101)}.svg`,
    ]) {
      it(`denied: ${bad.slice(0, 80)}`, async () => {
        await expectAccess(false, photo(bad));
        await expectAccess(false, restaurantPhoto(bad));
      });
    }
  });
});

// Text that other people read and that its writer chose: a person's name, a restaurant's name,
// legal name and cuisine, a dish's, option's and category's name, and the staff's public replies
// to reviews. Such text may not hide characters, break a name over lines, carry a link or a
// domain that a reader's app could make live, or pose as Dishpatch.
//
// firestore.rules refuses the characters and the links where they are written (isPlainName,
// isPlainReply: the same classes in RE2, which tests/unit compares with these). Look-alikes need
// Unicode's confusables data, which the rules do not have: the backend checks them before a
// name is pushed, signed or printed, and the web forms before anything is written.

import unhomoglyph from "unhomoglyph";
import { LIMITS } from "./limits";
import { EN_PROBLEMS } from "./texts/problems/en";
import type { ProblemTexts } from "./texts/problems/types";

/** Characters nobody sees, or that break a line: controls (tab, line feed), format characters
 * (zero-width space and joiners, bidi overrides, the soft hyphen), line and paragraph separators,
 * private use, and the rest of Unicode's default-ignorables (variation selectors, Hangul fillers). */
export const HIDDEN_IN_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Default_Ignorable_Code_Point}]/u;
/** A reply may run over lines: the same, less the line feed. */
export const HIDDEN_IN_REPLY = /(?!\n)\p{Cc}|[\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Default_Ignorable_Code_Point}]/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** A scheme, "www.", or a domain's shape: a letter or digit, a dot, two letters ("evil.example").
 * The dots are the four IDNA treats as label separators and two that NFKC folds into a dot. After
 * a full stop, prose leaves a space; "St. Peter" and "3.50" stay text. */
export const LINK = /[\p{L}\p{N}][.\u2024\u3002\uFE52\uFF0E\uFF61]\p{L}[\p{L}\p{M}]|:\/\/|https?:|www[.]/iu;

export type TextKind = "name" | "reply";
/** What is wrong with a text: a hidden character, a link or domain, or a look-alike of Dishpatch. */
export type TextTrouble = "hidden" | "link" | "brand";

/** UTS #39's skeleton: NFD, without default-ignorables, each character replaced by its prototype
 * from Unicode's confusables data (through unhomoglyph), NFD again. Two strings look alike when
 * their skeletons are equal. */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD").replace(IGNORABLE, "")).normalize("NFD");
}

const BRAND = ["dishpatch", "Dishpatch", "DISHPATCH"];

/** Whether some part of the text looks like "Dishpatch" as it is written, in lower case, capitals
 * or title case, after NFKC ("ｄｉｓｈｐａｔｃｈ"). Case does not matter ("DiShPaTcH"), but
 * skeletons are case-sensitive: "D1SHPATCH" looks like "DISHPATCH", "d1shpatch" like nothing. */
export function looksLikeDishpatch(text: string): boolean {
  const nfkc = text.normalize("NFKC");
  const written = skeleton(nfkc);
  // The brand's skeletons are taken at each call: the web app loads the data late (web/src/lookalikes.ts).
  const brand = BRAND.map(skeleton);
  return brand.some((b) => written.includes(b)) || skeleton(nfkc.toLowerCase()).includes(brand[0]);
}

/** The first thing wrong with a text others will read, or null. */
export function textTrouble(text: string, kind: TextKind = "name"): TextTrouble | null {
  const nfkc = text.normalize("NFKC");
  const hidden = kind === "name" ? HIDDEN_IN_NAME : HIDDEN_IN_REPLY;
  if (hidden.test(text) || hidden.test(nfkc)) return "hidden";
  if (LINK.test(text) || LINK.test(nfkc)) return "link";
  if (looksLikeDishpatch(nfkc)) return "brand";
  return null;
}

/** A name as the backend pushes, signs or prints it: NFKC, trimmed, or null when it is missing,
 * longer than `max`, or has any trouble. */
export function publicName(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  const name = value.normalize("NFKC").trim();
  if (name.length < 1 || name.length > max) return null;
  return textTrouble(value) === null && textTrouble(name) === null ? name : null;
}

/** What is wrong with a name others read, in the reader's words (`what` names the field), or null. */
export function nameProblem(text: string, what: string, say: ProblemTexts = EN_PROBLEMS): string | null {
  const trouble = textTrouble(text, "name");
  return trouble ? say.publicText[trouble](what) : null;
}

/** What is wrong with a public reply to a review, in the reader's words, or null. */
export function replyProblem(text: string, say: ProblemTexts = EN_PROBLEMS): string | null {
  const trouble = textTrouble(text, "reply");
  if (!trouble) return null;
  return trouble === "hidden" ? say.publicText.hiddenReply : say.publicText[trouble](say.fields.reply);
}

/** How a person is named in public (a review): first name and the initial of the last, so
 * "Clara Customer" is "Clara C."; null for a name that is missing or not plain. */
export function shortName(displayName: unknown): string | null {
  const name = publicName(displayName, LIMITS.maxNameLength);
  const words = name ? name.split(/\s+/).filter(Boolean) : [];
  if (words.length === 0) return null;
  const first = words[0].slice(0, 30);
  // The initial is a whole character, not half of a surrogate pair.
  return words.length > 1 ? `${first} ${[...words[words.length - 1]][0].toUpperCase()}.` : first;
}

// How a menu item is stored. In memory a dish's option groups are objects (types.ts MenuItem); in
// the document each group is one short text of lines, a header and its options,
//   "size|1|1|Size\nregular|0|Regular (26 cm)\nlarge~PLU-32|350|Large (32 cm)"
//    <id>|<min>|<max>|<name>     <optionId>|<priceDelta>|<name>
// An id may carry the till's own id after a "~" (partner API, api.ts EXTERNAL_ID): "large~PLU-32".
// so that firestore.rules can check every group of a dish at once, with a few patterns over the
// groups joined: rules stop at 1000 evaluated expressions per request, and checking up to 10
// groups of 20 options one by one costs more than that (measured: about 100 per group, on top of
// the 780 the rest of a dish's write costs). A name is the rest of its line (ids and numbers hold
// no "|"), of one line. Every reader and writer of menu documents converts here: the web's data
// layer, placement, the seed, the bench and the tests.

import { EXTERNAL_ID } from "./api";
import { LIMITS } from "./limits";
import { OPTION_ID } from "./options";
import type { MenuItem, MenuOption, OptionGroup } from "./types";

export type OptionGroupDoc = string;

export type MenuItemDoc = Omit<MenuItem, "optionGroups"> & { optionGroups: OptionGroupDoc[] };

/** A price change as the rules accept it: whole cents up to the price cap either way, with no sign
 * on zero and no leading zeros. */
const DELTA = /^(0|-?[1-9][0-9]*)$/;
/** How many options a group asks for at least and at most: 0 to 20, no leading zeros. */
const COUNT = /^(0|[1-9][0-9]?)$/;

/** An id as stored, with the till's id where there is one. */
function encodeRef(x: { id: string; externalId?: string }): string {
  return x.externalId ? `${x.id}~${x.externalId}` : x.id;
}

/** The id and the till's id of a stored one, or null when the rules would refuse it. */
function decodeRef(text: string): { id: string; externalId?: string } | null {
  const [id, externalId, ...rest] = text.split("~");
  if (!OPTION_ID.test(id) || rest.length > 0) return null;
  if (externalId === undefined) return { id };
  return EXTERNAL_ID.test(externalId) ? { id, externalId } : null;
}

export function encodeOption(o: MenuOption): string {
  return `${encodeRef(o)}|${o.priceDelta}|${o.name}`;
}

export function encodeGroup(g: OptionGroup): OptionGroupDoc {
  return [`${encodeRef(g)}|${g.min}|${g.max}|${g.name}`, ...g.options.map(encodeOption)].join("\n");
}

/** The id, price change and name of an option line, or null when the rules would refuse it. */
export function decodeOption(line: string): MenuOption | null {
  const [ref, delta, ...name] = line.split("|");
  const id = decodeRef(ref);
  if (name.length === 0 || !id || !DELTA.test(delta)) return null;
  if (Math.abs(Number(delta)) > LIMITS.maxPriceCents || !isName(name.join("|"))) return null;
  return { ...id, priceDelta: Number(delta), name: name.join("|") };
}

function isName(text: string): boolean {
  return text.length >= 1 && text.length <= LIMITS.maxNameLength && !text.includes("\n");
}

/** A group from its text, or null when a line cannot be read. Whether the group makes sense (a
 * minimum no larger than its maximum, no more than it offers, ids of its own) is menuItemProblem's
 * question, as for any group. */
export function decodeGroup(text: unknown): OptionGroup | null {
  if (typeof text !== "string") return null;
  const [header, ...lines] = text.split("\n");
  const [ref, min, max, ...name] = header.split("|");
  const id = decodeRef(ref);
  if (name.length === 0 || !id || !COUNT.test(min) || !COUNT.test(max)) return null;
  if (!isName(name.join("|"))) return null;
  const options = lines.map(decodeOption);
  if (options.some((o) => o === null)) return null;
  return { ...id, name: name.join("|"), min: Number(min), max: Number(max), options: options as MenuOption[] };
}

/** The document fields for a menu item (or part of one): option groups as stored. */
export function toMenuItemDoc<T extends { optionGroups?: OptionGroup[] }>(
  item: T,
): Omit<T, "optionGroups"> & { optionGroups?: OptionGroupDoc[] } {
  if (item.optionGroups === undefined) return item as Omit<T, "optionGroups">;
  return { ...item, optionGroups: item.optionGroups.map(encodeGroup) };
}

/** A menu document as the in-memory shape, its groups read back into objects. A group that cannot
 * be read stays as it was, so that menuItemProblem names it; what is not a document is returned as
 * it is. */
export function fromMenuItemDoc(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const doc = value as Record<string, unknown>;
  if (!Array.isArray(doc.optionGroups)) return value;
  return { ...doc, optionGroups: doc.optionGroups.map((g: unknown) => decodeGroup(g) ?? g) };
}

/** A menu's documents as read (each with its id and the like), groups as objects, in the staff's
 * order. Sorted here rather than by the query: a dish without a sortOrder (written by a tool, say)
 * still shows, where an orderBy would leave it out. */
export function menuFromDocs<R extends { sortOrder?: number }>(rows: R[]): R[] {
  return rows.map((r) => fromMenuItemDoc(r) as R).sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
}

// ---------- what firestore.rules checks, written from the limits ----------
// The rules join a dish's groups as "\n#" + groups.join("\n#"), so that every header line starts
// with "#" (no id does). tests/unit checks firestore.rules holds these patterns as written here.

const MAX_OPTIONS = LIMITS.maxOptionsPerGroup;
const RULES_ID = `[A-Za-z0-9_-]{1,${LIMITS.maxOptionIdLength}}(~${EXTERNAL_ID.source.slice(1, -1)})?`;
const RULES_NAME = `[^\\n]{1,${LIMITS.maxNameLength}}`;
/** 0 to the price cap (a power of ten), either way. */
const RULES_DELTA = `(0|-?[1-9][0-9]{0,${String(LIMITS.maxPriceCents).length - 2}}|-?${LIMITS.maxPriceCents})`;

/** Decimal numbers 0 to n (n at most 29), as a pattern: "0", "[0-7]", "([0-9]|1[0-2])". */
function upTo(n: number): string {
  const digit = (d: number) => (d === 0 ? "0" : `[0-${d}]`);
  if (n <= 9) return digit(n);
  return `([0-9]|${n <= 19 ? `1${digit(n - 10)}` : `1[0-9]|2${digit(n - 20)}`})`;
}

/** Every group and option line well-formed: ids, counts, price changes, names of one line. */
export const RULES_OPTION_SYNTAX = `(\\n#${RULES_ID}[|]${upTo(MAX_OPTIONS)}[|]${upTo(MAX_OPTIONS)}[|]${RULES_NAME}(\\n${RULES_ID}[|]${RULES_DELTA}[|]${RULES_NAME})+)+`;

/** The lines of options, each shortened to "\no" so that a pattern can count them. */
export const RULES_OPTION_LINE = `\\n[A-Za-z0-9_-][^\\n]*`;

/** Each group, its options shortened: a minimum no larger than its maximum, the maximum no larger
 * than the options it offers, and 1 to 20 of them. One alternative per maximum. */
export const RULES_OPTION_COUNTS = `(\\n#[^|\\n]+[|](${Array.from(
  { length: MAX_OPTIONS + 1 },
  (_, max) => `${upTo(max)}[|]${max}[|][^\\n]*(\\no){${Math.max(max, 1)},${MAX_OPTIONS}}`,
).join("|")}))+`;

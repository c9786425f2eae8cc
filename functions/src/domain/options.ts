// A cart line travels in the order document as one short string,
//   "<itemId>|<quantity>|<options>"   e.g. "Xk3…|2|extras=cheese,olives;size=large"
// with the options' groups in id order. A list of bounded strings is something firestore.rules can
// check whole with one pattern (a list of maps of lists is not, within its 1000-expression
// budget), so a cart can carry nothing but item ids, quantities and option ids.

import { LIMITS } from "./limits";
import type { CartLine } from "./types";

/** Item, option and group ids: what the client SDK and the menu editor make, and nothing that
 * could break the encoding. */
export const ID = /^[A-Za-z0-9_-]+$/;
export const OPTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type ChosenOptions = Record<string, string[]>;

export function encodeOptions(options: ChosenOptions): string {
  return Object.keys(options)
    .filter((g) => options[g].length > 0)
    .sort()
    .map((g) => `${g}=${options[g].join(",")}`)
    .join(";");
}

/** The chosen options, or null when the text is not a valid encoding. */
export function decodeOptions(text: string): ChosenOptions | null {
  if (text.length > LIMITS.maxLineOptionsLength) return null;
  const out: ChosenOptions = {};
  if (text === "") return out;
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    const group = part.slice(0, eq);
    const ids = part.slice(eq + 1).split(",");
    if (eq < 1 || !OPTION_ID.test(group) || group in out || !ids.every((id) => OPTION_ID.test(id))) return null;
    out[group] = ids;
  }
  return out;
}

export function encodeLine(line: CartLine): string {
  return `${line.itemId}|${line.quantity}|${encodeOptions(line.options)}`;
}

/** A cart line from its string, or null when it cannot be read. The quantity is any number here:
 * whether it is a valid quantity is a separate question with its own answer (invalid_quantity). */
export function decodeLine(text: unknown): CartLine | null {
  if (typeof text !== "string") return null;
  const [itemId, quantity, options, ...rest] = text.split("|");
  if (rest.length > 0 || options === undefined) return null;
  if (!itemId || itemId.length > LIMITS.maxItemIdLength || !ID.test(itemId)) return null;
  const q = Number(quantity);
  if (quantity === "" || !Number.isFinite(q)) return null;
  const chosen = decodeOptions(options);
  return chosen ? { itemId, quantity: q, options: chosen } : null;
}

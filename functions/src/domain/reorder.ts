// Ordering again from an earlier order: its lines as they would be priced from the menu today.
// A dish that is gone, sold out, or whose chosen options no longer exist is left out and named;
// one whose price changed is kept and named with both prices, so nothing changes silently.

import { optionProblem } from "./orderCheck";
import { priceLine } from "./pricing";
import type { Cents } from "./money";
import type { CartLine, MenuItem, PricedLine } from "./types";

export interface ReorderLine extends CartLine {
  name: string;
  optionNames: string[];
  unitPrice: Cents;
}

export interface Reorder {
  lines: ReorderLine[];
  /** Names of dishes that cannot be ordered now. */
  unavailable: string[];
  repriced: { name: string; was: Cents; now: Cents }[];
}

export function reorderFrom(earlier: readonly PricedLine[], menu: ReadonlyMap<string, MenuItem>): Reorder {
  const result: Reorder = { lines: [], unavailable: [], repriced: [] };
  for (const old of earlier) {
    const item = menu.get(old.itemId);
    const options: Record<string, string[]> = {};
    for (const o of old.options) (options[o.groupId] ??= []).push(o.optionId);
    if (!item || !item.available || optionProblem(item, options)) {
      result.unavailable.push(old.name);
      continue;
    }
    const priced = priceLine({ itemId: old.itemId, quantity: old.quantity, options }, item);
    result.lines.push({
      itemId: old.itemId,
      quantity: old.quantity,
      options,
      name: item.name,
      optionNames: priced.options.map((o) => o.name),
      unitPrice: priced.unitPrice,
    });
    if (priced.unitPrice !== old.unitPrice)
      result.repriced.push({ name: item.name, was: old.unitPrice, now: priced.unitPrice });
  }
  return result;
}

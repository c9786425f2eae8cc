// A dish as the form edits it (text as typed), and back. The form checks a dish with menuItemProblem
// (what the backend and, for the top-level fields, the rules check) so it says what is wrong before
// a write is refused.

import {
  ALLERGENS,
  DIETS,
  menuItemProblem,
  parseCents,
  type Allergen,
  type Diet,
  type MenuItem,
  type OptionGroup,
} from "@domain";
import type { LiveRow } from "../../../data/live";
import type { MenuEntry } from "../../../data/menu";
import { amountInput } from "../../../components/format";
import { t } from "../../../i18n";
import { problems } from "../../../i18n/work";

export type Dish = LiveRow<MenuEntry>;

export interface Draft {
  name: string;
  description: string;
  category: string;
  price: string;
  available: boolean;
  /** Whether the allergens below are a declaration; off for a dish nobody has checked yet. */
  declared: boolean;
  allergens: Allergen[];
  diet: Diet[];
  imageUrl: string;
  optionGroups: (Omit<OptionGroup, "options"> & { options: { id: string; name: string; delta: string }[] })[];
}

export function toDraft(item: Dish | null, categories: string[]): Draft {
  return {
    name: item?.name ?? "",
    description: item?.description ?? "",
    category: item?.category ?? categories[0] ?? "",
    price: item ? amountInput(item.price) : "",
    available: item?.available ?? true,
    declared: item ? item.allergens !== undefined : true,
    allergens: item?.allergens ?? [],
    diet: item?.diet ?? [],
    imageUrl: item?.imageUrl ?? "",
    optionGroups: (item?.optionGroups ?? []).map((g) => ({
      ...g,
      options: g.options.map((o) => ({
        id: o.id,
        name: o.name,
        delta: (o.priceDelta < 0 ? "-" : "") + amountInput(Math.abs(o.priceDelta)),
      })),
    })),
  };
}

/** The document to write, or the reason it cannot be written. */
export function fromDraft(d: Draft): { item: MenuItem } | { problem: string } {
  const price = parseCents(d.price);
  if (price === null) return { problem: t("menu.priceProblem") };
  const optionGroups: OptionGroup[] = [];
  for (const g of d.optionGroups) {
    const options = [];
    for (const o of g.options) {
      const negative = o.delta.trim().startsWith("-");
      const cents = parseCents(o.delta.trim().replace(/^[-+]/, "") || "0");
      if (cents === null) return { problem: t("menu.deltaProblem", { name: o.name }) };
      options.push({ id: o.id, name: o.name.trim(), priceDelta: negative ? -cents : cents });
    }
    optionGroups.push({ id: g.id, name: g.name.trim(), min: Number(g.min), max: Number(g.max), options });
  }
  const item: MenuItem = {
    name: d.name.trim(),
    description: d.description.trim(),
    category: d.category.trim(),
    price,
    available: d.available,
    optionGroups,
    ...(d.declared ? { allergens: ALLERGENS.filter((a) => d.allergens.includes(a)) } : {}),
    diet: DIETS.filter((x) => d.diet.includes(x)),
    ...(d.imageUrl.trim() ? { imageUrl: d.imageUrl.trim() } : {}),
  };
  const problem = menuItemProblem(item, problems());
  return problem ? { problem } : { item };
}

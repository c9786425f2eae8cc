// Whether a menu item is well-formed, in memory (menuDoc.ts converts the stored form). The rules
// check the same bounds on the document; what they cannot (a dish that some choice would make cost
// less than nothing, a vegan dish with milk) is checked here, by the editor and the backend.

import { dietProblem } from "./diet";
import { LIMITS } from "./limits";
import { isPhotoUrl, photoRule } from "./photos";
import { nameProblem } from "./publicText";
import { EN_PROBLEMS } from "./texts/problems/en";
import type { ProblemTexts } from "./texts/problems/types";
import { fromMenuItemDoc } from "./menuDoc";
import { isCents } from "./money";
import { OPTION_ID } from "./options";
import type { MenuItem, OptionGroup } from "./types";

function isText(v: unknown, min: number, max: number): v is string {
  return typeof v === "string" && v.length >= min && v.length <= max;
}

/** The first problem with a menu item, in words a restaurant owner understands, or null. */
export function menuItemProblem(value: unknown, say: ProblemTexts = EN_PROBLEMS): string | null {
  const { item: it } = say;
  if (typeof value !== "object" || value === null) return it.empty;
  const item = value as Record<string, unknown>;
  if (!isText(item.name, 1, LIMITS.maxNameLength)) return it.name(LIMITS.maxNameLength);
  // Names customers read on the menu and the receipt: plain (publicText.ts). The rules check the
  // dish's own; options only here, where the backend treats such a dish as sold out.
  const named = nameProblem(item.name, say.fields.dishName, say);
  if (named) return named;
  if (!isText(item.description ?? "", 0, LIMITS.maxDescriptionLength)) {
    return it.description(LIMITS.maxDescriptionLength);
  }
  if (!isText(item.category, 1, LIMITS.maxCategoryLength)) return it.category(LIMITS.maxCategoryLength);
  const category = nameProblem(item.category, say.fields.category, say);
  if (category) return category;
  if (!isCents(item.price) || item.price > LIMITS.maxPriceCents) return it.price;
  if (typeof item.available !== "boolean") return it.available;
  const groups = item.optionGroups ?? [];
  if (!Array.isArray(groups) || groups.length > LIMITS.maxOptionGroups) {
    return it.groups(LIMITS.maxOptionGroups);
  }
  const groupIds = new Set<string>();
  for (const g of groups as Record<string, unknown>[]) {
    if (typeof g?.id !== "string" || !OPTION_ID.test(g.id) || groupIds.has(g.id)) {
      return it.groupId;
    }
    groupIds.add(g.id);
    if (!isText(g.name, 1, LIMITS.maxNameLength)) return it.groupName;
    const groupName = nameProblem(g.name, say.fields.optionGroup, say);
    if (groupName) return groupName;
    // One line, as each name is stored (menuDoc.ts).
    if (g.name.includes("\n")) return it.groupName;
    const options = g.options;
    if (!Array.isArray(options) || options.length === 0 || options.length > LIMITS.maxOptionsPerGroup) {
      return it.groupOptions(g.name, LIMITS.maxOptionsPerGroup);
    }
    const min = g.min,
      max = g.max;
    if (
      !Number.isInteger(min) ||
      !Number.isInteger(max) ||
      (min as number) < 0 ||
      (max as number) < (min as number) ||
      (max as number) > options.length
    ) {
      return it.groupChoose(g.name);
    }
    const optionIds = new Set<string>();
    for (const o of options as Record<string, unknown>[]) {
      if (typeof o?.id !== "string" || !OPTION_ID.test(o.id) || optionIds.has(o.id)) {
        return it.optionId(g.name);
      }
      optionIds.add(o.id);
      if (!isText(o.name, 1, LIMITS.maxNameLength)) return it.optionName(g.name);
      const optionName = nameProblem(o.name, say.fields.option(g.name), say);
      if (optionName) return optionName;
      if (o.name.includes("\n")) return it.optionName(g.name);
      const delta = o.priceDelta;
      if (typeof delta !== "number" || !Number.isSafeInteger(delta) || Math.abs(delta) > LIMITS.maxPriceCents) {
        return it.optionPrice(o.name);
      }
    }
  }
  // Discounts (a smaller size, "no cheese") may not make any allowed choice cost less than nothing:
  // the price plus the most negative deltas each group lets a customer pick at once.
  const cheapest = (groups as OptionGroup[]).reduce((sum, g) => {
    const negatives = g.options
      .map((o) => o.priceDelta)
      .filter((d) => d < 0)
      .sort((a, b) => a - b);
    return sum + negatives.slice(0, g.max).reduce((a, b) => a + b, 0);
  }, item.price as number);
  if (cheapest < 0) return it.negative;
  const diet = dietProblem(
    {
      allergens: item.allergens as string[] | undefined,
      diet: item.diet as string[] | undefined,
    },
    say,
  );
  if (diet) return diet;
  if (item.imageUrl !== undefined && !isPhotoUrl(item.imageUrl)) return photoRule(say);
  return null;
}

/** A menu document as a MenuItem, or null when it is not a valid one. */
export function asMenuItem(stored: unknown): MenuItem | null {
  const value = fromMenuItemDoc(stored);
  if (menuItemProblem(value) !== null) return null;
  const item = value as MenuItem;
  return { ...item, description: item.description ?? "", optionGroups: item.optionGroups ?? [] };
}

// Whether a menu item document is well-formed. The rules check the top-level fields; they
// cannot loop over option groups, so the backend and the menu editor check those here.

import { dietProblem } from "./diet";
import { LIMITS } from "./limits";
import { isPhotoUrl, PHOTO_RULE } from "./photos";
import { isCents } from "./money";
import { OPTION_ID } from "./options";
import type { MenuItem, OptionGroup } from "./types";

function isText(v: unknown, min: number, max: number): v is string {
  return typeof v === "string" && v.length >= min && v.length <= max;
}

/** The first problem with a menu item, in words a restaurant owner understands, or null. */
export function menuItemProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return "The item is empty.";
  const item = value as Record<string, unknown>;
  if (!isText(item.name, 1, LIMITS.maxNameLength)) return `Name must be 1 to ${LIMITS.maxNameLength} characters.`;
  if (!isText(item.description ?? "", 0, LIMITS.maxDescriptionLength)) {
    return `Description must be at most ${LIMITS.maxDescriptionLength} characters.`;
  }
  if (!isText(item.category, 1, LIMITS.maxCategoryLength))
    return `Category must be 1 to ${LIMITS.maxCategoryLength} characters.`;
  if (!isCents(item.price) || item.price > LIMITS.maxPriceCents)
    return "Price must be a whole number of cents, 0 or more.";
  if (typeof item.available !== "boolean") return "Availability must be on or off.";
  const groups = item.optionGroups ?? [];
  if (!Array.isArray(groups) || groups.length > LIMITS.maxOptionGroups) {
    return `At most ${LIMITS.maxOptionGroups} option groups.`;
  }
  const groupIds = new Set<string>();
  for (const g of groups as Record<string, unknown>[]) {
    if (typeof g?.id !== "string" || !OPTION_ID.test(g.id) || groupIds.has(g.id)) {
      return "Every option group needs its own id (letters, digits, - and _).";
    }
    groupIds.add(g.id);
    if (!isText(g.name, 1, LIMITS.maxNameLength)) return "Every option group needs a name.";
    const options = g.options;
    if (!Array.isArray(options) || options.length === 0 || options.length > LIMITS.maxOptionsPerGroup) {
      return `"${g.name}" needs 1 to ${LIMITS.maxOptionsPerGroup} options.`;
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
      return `"${g.name}": choose-at-least must be 0 or more and at most choose-at-most, which cannot exceed the number of options.`;
    }
    const optionIds = new Set<string>();
    for (const o of options as Record<string, unknown>[]) {
      if (typeof o?.id !== "string" || !OPTION_ID.test(o.id) || optionIds.has(o.id)) {
        return `Every option of "${g.name}" needs its own id (letters, digits, - and _).`;
      }
      optionIds.add(o.id);
      if (!isText(o.name, 1, LIMITS.maxNameLength)) return `Every option of "${g.name}" needs a name.`;
      const delta = o.priceDelta;
      if (typeof delta !== "number" || !Number.isSafeInteger(delta) || Math.abs(delta) > LIMITS.maxPriceCents) {
        return `The price change of "${o.name}" must be a whole number of cents.`;
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
  if (cheapest < 0) return "Some choice of options would make the price negative.";
  const diet = dietProblem({
    allergens: item.allergens as string[] | undefined,
    diet: item.diet as string[] | undefined,
  });
  if (diet) return diet;
  if (item.imageUrl !== undefined && !isPhotoUrl(item.imageUrl)) return PHOTO_RULE;
  return null;
}

export function asMenuItem(value: unknown): MenuItem | null {
  if (menuItemProblem(value) !== null) return null;
  const item = value as MenuItem;
  return { ...item, description: item.description ?? "", optionGroups: item.optionGroups ?? [] };
}

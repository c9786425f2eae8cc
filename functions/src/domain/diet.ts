// What is in a dish: the 14 allergens EU law (Regulation 1169/2011, Annex II) makes a restaurant
// declare, and the diets customers filter by. firestore.rules repeats both lists; tests/rules
// checks that they agree.

import { EN_PROBLEMS } from "./texts/problems/en";
import type { ProblemTexts } from "./texts/problems/types";

export const ALLERGENS = [
  "gluten",
  "crustaceans",
  "eggs",
  "fish",
  "peanuts",
  "soy",
  "milk",
  "nuts",
  "celery",
  "mustard",
  "sesame",
  "sulphites",
  "lupin",
  "molluscs",
] as const;
export type Allergen = (typeof ALLERGENS)[number];

export const DIETS = ["vegetarian", "vegan", "spicy"] as const;
export type Diet = (typeof DIETS)[number];

/** Allergens no vegan dish can contain (and, but for milk and eggs, no vegetarian one). */
const FROM_ANIMALS: readonly Allergen[] = ["milk", "eggs", "fish", "crustaceans", "molluscs"];

export interface DietFacts {
  allergens?: readonly string[];
  diet?: readonly string[];
}

/** Why a dish's declaration cannot be true, or null. Unknown words and repeats are refused too. */
export function dietProblem({ allergens = [], diet = [] }: DietFacts, say: ProblemTexts = EN_PROBLEMS): string | null {
  if (!Array.isArray(allergens) || !allergens.every((a) => (ALLERGENS as readonly string[]).includes(a)))
    return say.diet.notEu;
  if (!Array.isArray(diet) || !diet.every((d) => (DIETS as readonly string[]).includes(d))) return say.diet.notDiet;
  if (new Set(allergens).size !== allergens.length || new Set(diet).size !== diet.length) return say.diet.once;
  const vegan = diet.includes("vegan");
  if (vegan && !diet.includes("vegetarian")) return say.diet.veganIsVegetarian;
  const animal = allergens.filter((a) => FROM_ANIMALS.includes(a as Allergen)) as Allergen[];
  const names = (list: Allergen[]) => list.map((a) => say.allergens[a]).join(", ");
  if (vegan && animal.length > 0) return say.diet.veganContains(names(animal));
  const meat = animal.filter((a) => a !== "milk" && a !== "eggs");
  if (diet.includes("vegetarian") && meat.length > 0) return say.diet.vegetarianContains(names(meat));
  return null;
}

/** What the customer asked the menu for: dishes of these diets, without these allergens. */
export interface DishFilter {
  diet: Diet[];
  without: Allergen[];
}

export const NO_FILTER: DishFilter = { diet: [], without: [] };

/**
 * A dish passes when it declares every asked diet and none of the excluded allergens. A dish whose
 * allergens were never declared cannot promise to be without any, so it does not pass those.
 */
export function passesFilter(dish: DietFacts, filter: DishFilter): boolean {
  const diet = dish.diet ?? [];
  if (!filter.diet.every((d) => diet.includes(d))) return false;
  if (filter.without.length === 0) return true;
  return dish.allergens !== undefined && !filter.without.some((a) => dish.allergens!.includes(a));
}

// The cuisines Dishpatch knows by name, in each language. A restaurant names its own cuisine (the
// English name is the one stored and filtered on); one Dishpatch does not know is shown as written.
// Search finds a restaurant by its cuisine in every language ("italienisch" finds the Italian places).

import type { Language } from "./language";

export const CUISINE_NAMES: Record<string, Record<Language, string>> = {
  Bakery: { en: "Bakery", de: "Bäckerei" },
  Burgers: { en: "Burgers", de: "Burger" },
  Chinese: { en: "Chinese", de: "Chinesisch" },
  Greek: { en: "Greek", de: "Griechisch" },
  Indian: { en: "Indian", de: "Indisch" },
  Italian: { en: "Italian", de: "Italienisch" },
  Japanese: { en: "Japanese", de: "Japanisch" },
  Korean: { en: "Korean", de: "Koreanisch" },
  Mexican: { en: "Mexican", de: "Mexikanisch" },
  Pizza: { en: "Pizza", de: "Pizza" },
  Sushi: { en: "Sushi", de: "Sushi" },
  Thai: { en: "Thai", de: "Thailändisch" },
  Turkish: { en: "Turkish", de: "Türkisch" },
  Vegan: { en: "Vegan", de: "Vegan" },
  Vegetarian: { en: "Vegetarian", de: "Vegetarisch" },
  Vietnamese: { en: "Vietnamese", de: "Vietnamesisch" },
};

/** A cuisine as the reader's language names it; one Dishpatch does not know, as the restaurant wrote it. */
export function cuisineName(cuisine: string, lang: Language): string {
  return CUISINE_NAMES[cuisine]?.[lang] ?? cuisine;
}

/** Every name of a cuisine, for search: the restaurant's own word and each language's. */
export function cuisineNames(cuisine: string): string[] {
  return [...new Set([cuisine, ...Object.values(CUISINE_NAMES[cuisine] ?? {})])];
}

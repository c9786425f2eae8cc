// The app's language: the one chosen in the header, else the browser's first that Dishpatch
// speaks. Components read it through t() and the formatters, so they repaint when it changes.
// English ships with the first screen; German is fetched when someone uses it.

import { effect, signal } from "@preact/signals";
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LOCALES,
  pickLanguage,
  type Allergen,
  type Diet,
  type Language,
  type OrderStatus,
} from "@domain";
import { en, type Key } from "./en";

export type { Key } from "./en";

const STORAGE_KEY = "dishpatch.language";

function initialLanguage(): Language {
  try {
    const chosen = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(chosen)) return chosen;
  } catch {
    // storage blocked: follow the browser
  }
  return typeof navigator === "undefined" ? DEFAULT_LANGUAGE : pickLanguage(navigator.languages ?? []);
}

const catalogues: Partial<Record<Language, Record<Key, string>>> = { en };

export const language = signal<Language>(initialLanguage());

effect(() => {
  document.documentElement.lang = language.value;
});

/** Loads a language's texts (German is its own chunk). */
export async function loadLanguage(lang: Language): Promise<void> {
  if (!catalogues[lang]) catalogues[lang] = (await import("./de")).de;
}

/** Switches the app to `lang` and remembers the choice on this device. */
export async function chooseLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  language.value = lang;
}

/** The text for `key` in the current language, with {name} placeholders filled in. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text = (catalogues[language.value] ?? en)[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The Intl locale of the current language. */
export const locale = () => LOCALES[language.value];

/** Labels of the domain's codes: statuses, diets, allergens. */
export const statusLabel = (s: OrderStatus) => t(`status.${s}`);
export const dietLabel = (d: Diet) => t(`diet.${d}`);
export const allergenLabel = (a: Allergen) => t(`allergen.${a}`);

// The app's language: the one chosen in the header, else the browser's first that Dishpatch
// speaks. Components read it through t() and the formatters, so they repaint when it changes.
// English ships with the first screen; German is fetched when someone uses it.

import { effect, signal } from "@preact/signals";
import {
  cuisineName,
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  LOCALES,
  pickLanguage,
  type Allergen,
  type ComplaintType,
  type DeliveryProblem,
  type Diet,
  type Language,
  type OrderStatus,
} from "@domain";
import { en, type Key as CoreKey } from "./en";
import type { ShopKey } from "./shop/en";
import type { WorkKey } from "./work/en";

/** Every text's key: the core's (the first screen's), the customer's later screens' (i18n/shop)
 * and the working screens' (i18n/work). */
export type Key = CoreKey | ShopKey | WorkKey;

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

/** What is loaded of each language: the core texts (English with the first screen, German when
 * someone reads German) and the parts screens add when they load (`addTexts`). */
const catalogues: Partial<Record<Language, Record<string, string>>> = { en: { ...en } };
const parts: Partial<Record<Language, Record<string, string>>>[] = [];

export const language = signal<Language>(initialLanguage());

effect(() => {
  document.documentElement.lang = language.value;
});

/** Adds a screen's texts in every language (German joins when German is loaded). */
export function addTexts(part: Record<Language, Record<string, string>>): void {
  parts.push(part);
  for (const lang of LANGUAGES) if (catalogues[lang]) Object.assign(catalogues[lang], part[lang]);
}

/** Loads a language's texts (German is its own chunk). */
export async function loadLanguage(lang: Language): Promise<void> {
  if (catalogues[lang]) return;
  const core = (await import("./de")).de;
  catalogues[lang] = Object.assign({ ...core }, ...parts.map((p) => p[lang]));
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
  const text = catalogues[language.value]?.[key] ?? catalogues.en![key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The keys of texts that change with a count: "x.one", "x.other" (and any other form the
 * language's plural rules name) are all there as keys. */
type Counted<K> = K extends `${infer Base}.other` ? Base : never;
export type CountedKey = Counted<Key>;

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The text for a count `n` in the current language's plural form ("1 review", "2 reviews"),
 * with {n} and the other placeholders filled in. */
export function tn(key: CountedKey, n: number, vars: Record<string, string | number> = {}): string {
  const lang = language.value;
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
  const form = `${key}.${rules.select(n)}`;
  const known = (catalogues[lang]?.[form] ?? catalogues.en![form]) !== undefined;
  return t((known ? form : `${key}.other`) as Key, { ...vars, n });
}

/** The Intl locale of the current language. */
export const locale = () => LOCALES[language.value];

/** Labels of the domain's codes: statuses, diets, allergens, cuisines, complaints' types and
 * delivery problems. */
export const statusLabel = (s: OrderStatus) => t(`status.${s}`);
export const complaintTypeLabel = (c: ComplaintType) => t(`cp.type.${c}` as Key);
export const problemLabel = (p: DeliveryProblem) => t(`problem.${p}` as Key);
export const dietLabel = (d: Diet) => t(`diet.${d}`);
export const allergenLabel = (a: Allergen) => t(`allergen.${a}`);
/** A cuisine as the reader's language names it (a restaurant's own word as it wrote it). */
export const cuisineLabel = (c: string) => cuisineName(c, language.value);

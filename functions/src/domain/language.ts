// The languages Dishpatch speaks. A person's language comes from their browser or the header's
// switch; the backend writes to them in it (an order carries its customer's, a staff member's
// profile and a device their own).

export const LANGUAGES = ["en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = "en";

/** The names a language is offered under, each in its own language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", de: "Deutsch" };

/** The Intl locale each language formats money and dates with (the euro as each writes it). */
export const LOCALES: Record<Language, string> = { en: "en-IE", de: "de-DE" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that Dishpatch speaks ("de-AT" is German),
 * else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/** A stored language, or the default for documents written before languages existed. */
export const languageOr = (value: unknown): Language => (isLanguage(value) ? value : DEFAULT_LANGUAGE);

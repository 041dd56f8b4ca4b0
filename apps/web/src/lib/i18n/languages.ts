/** The UI languages, in the order the switch shows them. */
export const LANGUAGES = ['en', 'fa'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'reachbridge.language';

const RTL_LANGUAGES: ReadonlySet<Language> = new Set(['fa']);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** `fa-IR` → `fa`; anything we do not support → undefined. */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : undefined;
}

/**
 * The language to start in: the one the person chose before (stored), else the first supported
 * one the browser prefers, else English.
 */
export function detectLanguage(stored: string | null | undefined, preferred: readonly string[]): Language {
  const fromStorage = toLanguage(stored);
  if (fromStorage) return fromStorage;
  for (const tag of preferred) {
    const language = toLanguage(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

/** Locale tags for `Intl`: Persian dates use the Solar Hijri calendar, Persian numbers Persian digits. */
export function numberLocaleOf(language: Language): string {
  return language === 'fa' ? 'fa-IR' : 'en-US';
}

export function dateLocaleOf(language: Language): string {
  return language === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
}

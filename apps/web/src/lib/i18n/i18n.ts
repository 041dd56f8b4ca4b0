import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { fa } from './locales/fa';
import { formatNumber } from './format';
import {
  DEFAULT_LANGUAGE,
  detectLanguage,
  directionOf,
  isLanguage,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  type Language,
} from './languages';

export const resources = { en: { translation: en }, fa: { translation: fa } } as const;

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage may be disabled; fall back to the browser's preference
  }
}

function storeLanguage(language: Language) {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not fatal: the choice just does not survive a reload
  }
}

/** `<html lang dir>` follow the UI language, so the browser, CSS logical properties and screen readers do too. */
export function applyDocumentLanguage(language: Language) {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export function currentLanguage(instance: I18n): Language {
  const language = instance.resolvedLanguage ?? instance.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** An initialised i18next instance (synchronous: the resources are bundled). No DOM access. */
export function createI18nInstance(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  // `{{value, number}}` uses the same locale as the rest of the UI (Persian digits in fa).
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined, options: Intl.NumberFormatOptions) =>
    typeof value === 'number' ? formatNumber(value, isLanguage(lng) ? lng : DEFAULT_LANGUAGE, options) : String(value),
  );
  return instance;
}

/**
 * The browser's instance: starts in the stored or preferred language, keeps `<html lang dir>` in
 * step and remembers the choice.
 */
export function createBrowserI18n(): I18n {
  const initial = detectLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
  const instance = createI18nInstance(initial);
  applyDocumentLanguage(initial);
  instance.on('languageChanged', (language) => {
    if (!isLanguage(language)) return;
    applyDocumentLanguage(language);
    storeLanguage(language);
  });
  return instance;
}

import { CURRENCIES, type Currency } from '@reachbridge/domain';
import { dateLocaleOf, numberLocaleOf, type Language } from './languages';

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(numberLocaleOf(language), options).format(value);
}

/** A calendar date: Solar Hijri with Persian digits in Persian, day-month-year in English. */
export function formatDate(value: string | Date, language: Language, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(dateLocaleOf(language), options).format(typeof value === 'string' ? new Date(value) : value);
}

export function formatDateTime(value: string | Date, language: Language): string {
  return formatDate(value, language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date without a time (`2026-06-30`): read and shown in UTC, so no time zone moves it a day. */
export function formatDay(value: string, language: Language, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return formatDate(value.length === 10 ? `${value}T00:00:00Z` : value, language, { ...options, timeZone: 'UTC' });
}

export function minorUnitsOf(currency: Currency): number {
  return 10 ** CURRENCIES[currency];
}

/** Money is integer minor units on the wire; shown in major units with the currency's symbol. */
export function formatMoney(amountMinor: number, currency: Currency, language: Language, options: Intl.NumberFormatOptions = {}): string {
  const major = amountMinor / minorUnitsOf(currency);
  const whole = Number.isInteger(major);
  return formatNumber(major, language, {
    style: 'currency',
    currency,
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    ...options,
  });
}

/** Percentages travel as 0–100 numbers. */
export function formatPercent(value: number, language: Language, maximumFractionDigits = 1): string {
  return formatNumber(value / 100, language, { style: 'percent', maximumFractionDigits });
}

/** 52,000 → "52K" (en) / "۵۲ هزار" (fa). */
export function formatCompact(value: number, language: Language): string {
  return formatNumber(value, language, { notation: 'compact', maximumFractionDigits: value >= 1000 && value < 10_000 ? 1 : 0 });
}

const displayNames = new Map<string, Intl.DisplayNames>();
function namesOf(language: Language, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${language}:${type}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames(numberLocaleOf(language), { type, fallback: 'code' });
    displayNames.set(key, names);
  }
  return names;
}

/** `IR` → "Iran" / "ایران"; unknown codes come back as they are. */
export function countryName(code: string, language: Language): string {
  try {
    return namesOf(language, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

/** `fa` → "Persian" / "فارسی". */
export function languageName(code: string, language: Language): string {
  try {
    return namesOf(language, 'language').of(code) ?? code;
  } catch {
    return code;
  }
}

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

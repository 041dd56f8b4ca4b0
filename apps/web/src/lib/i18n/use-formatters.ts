import type { Currency } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';
import {
  countryName,
  formatCompact,
  formatDate,
  formatDateTime,
  formatDay,
  formatMoney,
  formatNumber,
  formatPercent,
  languageName,
} from './format';
import { currentLanguage } from './i18n';

/** Number, money and date formatting in the current UI language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return {
    language,
    formatNumber: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, language, options),
    formatDate: (value: string | Date, options?: Intl.DateTimeFormatOptions) => formatDate(value, language, options),
    formatDateTime: (value: string | Date) => formatDateTime(value, language),
    formatDay: (value: string, options?: Intl.DateTimeFormatOptions) => formatDay(value, language, options),
    formatMoney: (amountMinor: number, currency: Currency, options?: Intl.NumberFormatOptions) => formatMoney(amountMinor, currency, language, options),
    formatPercent: (value: number, digits?: number) => formatPercent(value, language, digits),
    formatCompact: (value: number) => formatCompact(value, language),
    countryName: (code: string) => countryName(code, language),
    languageName: (code: string) => languageName(code, language),
  };
}

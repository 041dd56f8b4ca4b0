import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from './format';
import { currentLanguage } from './i18n';

/** Number and date formatting in the current UI language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return {
    language,
    formatNumber: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, language, options),
    formatDate: (value: string | Date, options?: Intl.DateTimeFormatOptions) => formatDate(value, language, options),
    formatDateTime: (value: string | Date) => formatDateTime(value, language),
  };
}

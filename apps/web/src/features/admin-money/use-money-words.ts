import { CURRENCIES, type Currency } from '@reachbridge/domain';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { countdownParts, formatCountdown } from '../offers/countdown';

/**
 * Money to the minor unit (an admin checks cents: "$90.00", not "$90") and how long something has
 * waited ("2d 5h"), in the UI language's digits.
 */
export function useMoneyWords() {
  const { formatMoney, language } = useFormatters();
  return {
    exact: (amountMinor: number, currency: Currency) => {
      const digits = CURRENCIES[currency];
      return formatMoney(amountMinor, currency, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    },
    age: (since: string, now: Date = new Date()) => formatCountdown(countdownParts(since, now), language),
  };
}

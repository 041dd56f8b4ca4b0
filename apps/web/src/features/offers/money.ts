import { CURRENCIES, feeFor, MAX_AMOUNT_MINOR, type Currency } from '@reachbridge/domain';
import { toMessageToken } from '../../lib/form-errors';
import { parseLocaleNumber } from '../../lib/numbers';

export type MoneyInputResult = { ok: true; minor: number | null } | { ok: false; error: string };

/**
 * What a person typed as a price in major units ("450", "۴۵۰٫۵", "1,250.99") → integer minor units
 * of the currency, exactly: the decimal text is split at the point and put together digit by digit,
 * never multiplied as a float (0.29 × 100 is 28.999… in binary). More decimals than the currency has
 * (cents: 2) is an error, not a rounding. Empty → `minor: null`.
 */
export function parseMoneyInput(text: string, currency: Currency): MoneyInputResult {
  const parsed = parseLocaleNumber(text);
  if (parsed === null) return { ok: true, minor: null };
  if (Number.isNaN(parsed)) return { ok: false, error: toMessageToken('validation.number') };
  if (parsed < 0) return { ok: false, error: toMessageToken('validation.min', { value: 0 }) };
  // The shortest text that reads back as the same number: what was typed, normalised (no exponent below 1e21).
  const decimal = String(parsed);
  if (!/^\d+(\.\d+)?$/.test(decimal)) return { ok: false, error: toMessageToken('offers.money.tooLarge') };
  const [whole = '0', fraction = ''] = decimal.split('.');
  const exponent: number = CURRENCIES[currency];
  if (fraction.length > exponent) return { ok: false, error: toMessageToken('offers.money.tooManyDecimals', { count: exponent }) };
  const minor = Number(`${whole}${fraction.padEnd(exponent, '0')}`);
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT_MINOR) return { ok: false, error: toMessageToken('offers.money.tooLarge') };
  return { ok: true, minor };
}

/** A price field's check: filled in, a number, more than zero, no more decimals than the currency has. */
export function validatePrice(text: string, currency: Currency): true | string {
  const result = parseMoneyInput(text, currency);
  if (!result.ok) return result.error;
  if (result.minor === null) return toMessageToken('validation.required');
  return result.minor > 0 ? true : toMessageToken('offers.money.positive');
}

/** Integer minor units → the text a major-unit input starts with (12345 USD → "123.45"; no float arithmetic). */
export function minorToInput(minor: number, currency: Currency): string {
  const exponent: number = CURRENCIES[currency];
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, '0');
  const whole = digits.slice(0, -exponent);
  const fraction = digits.slice(-exponent).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** The split of a price at a fee rate (SPEC §6): fee = floor(price × bps / 10000), the influencer gets the rest. */
export function priceSplit(amount: number, feeBps: number): { fee: number; payout: number } {
  const fee = feeFor(amount, feeBps);
  return { fee, payout: amount - fee };
}

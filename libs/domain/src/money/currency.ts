/**
 * Currencies the marketplace prices in, with their minor-unit exponent (ISO 4217). Amounts are
 * always integers in minor units; never floats.
 */
export const CURRENCIES = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  AED: 2,
  TRY: 2,
} as const;
export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as [Currency, ...Currency[]];

/** The largest amount we accept in minor units (10 billion major units): keeps sums far inside 2^53. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCIES, code);
}

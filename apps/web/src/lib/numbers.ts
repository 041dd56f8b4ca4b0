import { CURRENCIES, type Currency } from '@reachbridge/domain';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/**
 * What a person typed into a number field, as a number: Persian and Arabic digits, the Persian
 * decimal separator (٫) and thousands separators (٬ ,) are accepted. Empty → null; not a number → NaN.
 */
export function parseLocaleNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  let normalised = '';
  for (const char of text.trim()) {
    const persian = PERSIAN_DIGITS.indexOf(char);
    const arabic = ARABIC_DIGITS.indexOf(char);
    if (persian >= 0) normalised += String(persian);
    else if (arabic >= 0) normalised += String(arabic);
    else if (char === '٫') normalised += '.';
    else if (char === '٬' || char === ',' || char === ' ' || char === '\u066C') continue;
    else if (char === '−' || char === '\u2212') normalised += '-';
    else normalised += char;
  }
  if (normalised === '') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/** Major units (12.5 dollars) → integer minor units (1250 cents). */
export function toMinorUnits(major: number, currency: Currency): number {
  return Math.round(major * 10 ** CURRENCIES[currency]);
}

/** Integer minor units → major units, for an input's initial value. */
export function fromMinorUnits(minor: number, currency: Currency): number {
  return minor / 10 ** CURRENCIES[currency];
}

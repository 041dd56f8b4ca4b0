import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, MAX_AMOUNT_MINOR, isCurrency } from './currency.js';

describe('currencies', () => {
  it('knows the supported codes and nothing else', () => {
    expect(CURRENCY_CODES).toContain('USD');
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('XXX')).toBe(false);
    expect(isCurrency('toString')).toBe(false);
  });

  it('keeps the largest amount far inside exact integer arithmetic', () => {
    expect(Number.isSafeInteger(MAX_AMOUNT_MINOR * 1000)).toBe(true);
  });
});

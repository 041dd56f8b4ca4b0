import { describe, expect, it } from 'vitest';
import { countdownParts, formatCountdown, tickInterval } from './countdown';
import { minorToInput, parseMoneyInput, priceSplit, validatePrice } from './money';

describe('money input → minor units', () => {
  it('puts the digits together exactly, with no float rounding', () => {
    expect(parseMoneyInput('450', 'USD')).toEqual({ ok: true, minor: 45000 });
    expect(parseMoneyInput('0.29', 'USD')).toEqual({ ok: true, minor: 29 });
    expect(parseMoneyInput('1.005', 'USD').ok).toBe(false);
    expect(parseMoneyInput('19.99', 'EUR')).toEqual({ ok: true, minor: 1999 });
    expect(parseMoneyInput('1,250.5', 'USD')).toEqual({ ok: true, minor: 125050 });
    expect(parseMoneyInput('4.35', 'USD')).toEqual({ ok: true, minor: 435 });
    expect(parseMoneyInput('.5', 'USD')).toEqual({ ok: true, minor: 50 });
    expect(parseMoneyInput('  ', 'USD')).toEqual({ ok: true, minor: null });
  });

  it('reads Persian and Arabic digits and the Persian decimal separator', () => {
    expect(parseMoneyInput('۴۵۰٫۷۵', 'USD')).toEqual({ ok: true, minor: 45075 });
    expect(parseMoneyInput('٤٥٠', 'AED')).toEqual({ ok: true, minor: 45000 });
    expect(parseMoneyInput('۱٬۰۰۰', 'TRY')).toEqual({ ok: true, minor: 100000 });
  });

  it('refuses what is not an amount: letters, negatives, more decimals than the currency, too large', () => {
    expect(parseMoneyInput('12abc', 'USD')).toMatchObject({ ok: false, error: expect.stringContaining('validation.number') });
    expect(parseMoneyInput('-5', 'USD')).toMatchObject({ ok: false });
    expect(parseMoneyInput('10.123', 'USD')).toMatchObject({ ok: false, error: expect.stringContaining('offers.money.tooManyDecimals') });
    expect(parseMoneyInput('1e3', 'USD')).toMatchObject({ ok: false });
    expect(parseMoneyInput('99999999999999999999999', 'USD')).toMatchObject({ ok: false, error: expect.stringContaining('offers.money.tooLarge') });
    expect(parseMoneyInput('10000000001', 'USD')).toMatchObject({ ok: false, error: expect.stringContaining('offers.money.tooLarge') });
  });

  it('validates a price: required and more than zero', () => {
    expect(validatePrice('', 'USD')).toContain('validation.required');
    expect(validatePrice('0', 'USD')).toContain('offers.money.positive');
    expect(validatePrice('0.01', 'USD')).toBe(true);
  });

  it('round-trips minor units to the input text', () => {
    expect(minorToInput(45000, 'USD')).toBe('450');
    expect(minorToInput(45075, 'USD')).toBe('450.75');
    expect(minorToInput(45070, 'USD')).toBe('450.7');
    expect(minorToInput(5, 'USD')).toBe('0.05');
    for (const minor of [1, 29, 99, 100, 12345, 999_999_999_999]) expect(parseMoneyInput(minorToInput(minor, 'GBP'), 'GBP')).toEqual({ ok: true, minor });
  });

  it('splits a price into fee and payout with the floor of SPEC §6', () => {
    expect(priceSplit(50000, 1500)).toEqual({ fee: 7500, payout: 42500 });
    expect(priceSplit(999, 1500)).toEqual({ fee: 149, payout: 850 });
    expect(priceSplit(1, 1500)).toEqual({ fee: 0, payout: 1 });
  });
});

describe('countdowns', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);
  const H = 3_600_000;

  it('splits the time left into whole units, and knows when it is overdue', () => {
    expect(countdownParts(at(2 * 24 * H + 5 * H + 30 * 60_000 + 59_000), now)).toEqual({ overdue: false, days: 2, hours: 5, minutes: 30, seconds: 59 });
    expect(countdownParts(at(-90_000), now)).toEqual({ overdue: true, days: 0, hours: 0, minutes: 1, seconds: 30 });
    expect(countdownParts(now.toISOString(), now)).toEqual({ overdue: false, days: 0, hours: 0, minutes: 0, seconds: 0 });
  });

  it('shows the two largest units that matter, in English', () => {
    expect(formatCountdown(countdownParts(at(2 * 24 * H + 5 * H + 10 * 60_000), now), 'en')).toBe('2d 5h');
    expect(formatCountdown(countdownParts(at(2 * 24 * H + 10 * 60_000), now), 'en')).toBe('2d');
    expect(formatCountdown(countdownParts(at(3 * H + 12 * 60_000 + 5_000), now), 'en')).toBe('3h 12m');
    expect(formatCountdown(countdownParts(at(4 * 60_000 + 10_000), now), 'en')).toBe('4m 10s');
    expect(formatCountdown(countdownParts(at(9_000), now), 'en')).toBe('9s');
    expect(formatCountdown(countdownParts(now, now), 'en')).toBe('0s');
  });

  it('uses Persian digits and unit words in Persian', () => {
    expect(formatCountdown(countdownParts(at(2 * 24 * H + 5 * H), now), 'fa')).toBe('۲ روز و ۵ ساعت');
    expect(formatCountdown(countdownParts(at(45 * 60_000), now), 'fa')).toBe('۴۵ دقیقه');
  });

  it('ticks every second only in the last hour', () => {
    expect(tickInterval(countdownParts(at(59 * 60_000), now))).toBe(1000);
    expect(tickInterval(countdownParts(at(2 * H), now))).toBe(30_000);
    expect(tickInterval(countdownParts(at(-1000), now))).toBe(30_000);
  });
});

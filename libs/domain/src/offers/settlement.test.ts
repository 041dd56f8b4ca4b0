import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR } from '../money/currency.js';
import { feeFor, settle } from './settlement.js';

describe('fees and settlement', () => {
  it('rounds the fee down, in minor units', () => {
    expect(feeFor(100_000, 1500)).toBe(15_000);
    expect(feeFor(999, 1500)).toBe(149); // 149.85 → 149
    expect(feeFor(1, 1500)).toBe(0);
    expect(feeFor(0, 1500)).toBe(0);
    expect(feeFor(MAX_AMOUNT_MINOR, 10_000)).toBe(MAX_AMOUNT_MINOR);
  });

  it('splits a hold as in the SPEC: refund 40,000 and release 60,000 of 100,000 at 15%', () => {
    expect(settle(100_000, 40_000, 1500)).toEqual({ refund: 40_000, release: 60_000, fee: 9_000, payout: 51_000 });
    expect(settle(100_000, 0, 1500)).toEqual({ refund: 0, release: 100_000, fee: 15_000, payout: 85_000 });
    expect(settle(100_000, 100_000, 1500)).toEqual({ refund: 100_000, release: 0, fee: 0, payout: 0 });
  });

  it('refuses impossible splits', () => {
    expect(() => settle(100, 101, 1500)).toThrow(RangeError);
    expect(() => settle(100, -1, 1500)).toThrow(RangeError);
    expect(() => settle(100, 0.5, 1500)).toThrow(RangeError);
    expect(() => feeFor(100, 1500.5)).toThrow(RangeError);
    expect(() => feeFor(100, 10_001)).toThrow(RangeError);
  });

  it('always accounts for every minor unit: refund + fee + payout = held, all ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT_MINOR }).chain((held) => fc.tuple(fc.constant(held), fc.integer({ min: 0, max: held }), fc.integer({ min: 0, max: 10_000 }))),
        ([held, refund, feeBps]) => {
          const s = settle(held, refund, feeBps);
          expect(s.refund + s.fee + s.payout).toBe(held);
          expect(s.fee).toBeGreaterThanOrEqual(0);
          expect(s.payout).toBeGreaterThanOrEqual(0);
          expect(s.fee).toBeLessThanOrEqual(s.release);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCostPerTargetedThousand, computeTargetedShare, type TargetedCostInput } from './cost-per-targeted-thousand.js';

/** Audience shares as platforms report them: percent with two decimals. */
const percent = fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100);
const input: fc.Arbitrary<TargetedCostInput> = fc.record({
  priceMinor: fc.integer({ min: 0, max: 1_000_000_000_000 }),
  followers: fc.integer({ min: 0, max: 500_000_000 }),
  qualityScore: fc.integer({ min: 0, max: 100 }),
  audienceShares: fc.array(fc.array(percent, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
});

describe('targeted share', () => {
  it('is the whole audience without filters', () => {
    expect(computeTargetedShare()).toBe(1);
    expect(computeTargetedShare([])).toBe(1);
  });

  it('multiplies filters (independence) and sums the values inside one filter, capped at 100 %', () => {
    expect(computeTargetedShare([[40], [50]])).toBeCloseTo(0.2, 12);
    expect(computeTargetedShare([[42, 6], [31]])).toBeCloseTo(0.48 * 0.31, 12);
    expect(computeTargetedShare([[70, 40]])).toBe(1);
  });

  it('stays within 0–1', () => {
    fc.assert(
      fc.property(fc.array(fc.array(percent, { maxLength: 3 }), { maxLength: 5 }), (shares) => {
        const share = computeTargetedShare(shares);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses shares outside 0–100', () => {
    expect(() => computeTargetedShare([[101]])).toThrow(RangeError);
    expect(() => computeTargetedShare([[-1]])).toThrow(RangeError);
    expect(() => computeTargetedShare([[Number.NaN]])).toThrow(RangeError);
  });
});

describe('cost per targeted thousand', () => {
  it('is price ÷ (followers × quality × targeted share) × 1000, in minor units', () => {
    // $500 for 100k followers, quality 80, half of them in Iran: 40,000 real targeted followers → $12.50 per thousand.
    expect(computeCostPerTargetedThousand({ priceMinor: 50_000, followers: 100_000, qualityScore: 80, audienceShares: [[50]] })).toBe(1250);
    expect(computeCostPerTargetedThousand({ priceMinor: 50_000, followers: 100_000, qualityScore: 100 })).toBe(500);
  });

  it('rounds to hundredths of a minor unit', () => {
    expect(computeCostPerTargetedThousand({ priceMinor: 1_000, followers: 3_000, qualityScore: 100 })).toBe(333.33);
    expect(computeCostPerTargetedThousand({ priceMinor: 2_000, followers: 3_000, qualityScore: 100 })).toBe(666.67);
    fc.assert(
      fc.property(input, (value) => {
        const cost = computeCostPerTargetedThousand(value);
        if (cost !== null) expect(Math.abs(cost * 100 - Math.round(cost * 100))).toBeLessThan(1e-6 * Math.max(1, cost));
      }),
    );
  });

  it('is null when nobody is reached', () => {
    expect(computeCostPerTargetedThousand({ priceMinor: 50_000, followers: 0, qualityScore: 80 })).toBeNull();
    expect(computeCostPerTargetedThousand({ priceMinor: 50_000, followers: 100_000, qualityScore: 0 })).toBeNull();
    expect(computeCostPerTargetedThousand({ priceMinor: 50_000, followers: 100_000, qualityScore: 80, audienceShares: [[30], [0]] })).toBeNull();
  });

  it('is free for a free deliverable', () => {
    expect(computeCostPerTargetedThousand({ priceMinor: 0, followers: 10, qualityScore: 50 })).toBe(0);
  });

  it('never rises with more followers, a better score or a larger matched share, and never falls with a higher price', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 1_000_000 }), (value, more) => {
        const base = computeCostPerTargetedThousand(value);
        if (base === null) return;
        const atMost = (changed: Partial<TargetedCostInput>) => expect(computeCostPerTargetedThousand({ ...value, ...changed })!).toBeLessThanOrEqual(base);
        atMost({ followers: value.followers + more });
        atMost({ qualityScore: Math.min(100, value.qualityScore + 1) });
        atMost({ audienceShares: value.audienceShares?.map((filter) => filter.map((share) => Math.min(100, share * 1.5))) });
        expect(computeCostPerTargetedThousand({ ...value, priceMinor: value.priceMinor + more })!).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it('is deterministic and never negative', () => {
    fc.assert(
      fc.property(input, (value) => {
        const cost = computeCostPerTargetedThousand(value);
        expect(computeCostPerTargetedThousand(value)).toBe(cost);
        if (cost !== null) expect(cost).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('refuses a fractional or negative price and out-of-range followers or score', () => {
    const ok = { priceMinor: 100, followers: 10, qualityScore: 50 };
    for (const bad of [{ priceMinor: 1.5 }, { priceMinor: -1 }, { followers: -1 }, { followers: Number.NaN }, { qualityScore: 101 }, { qualityScore: -0.5 }]) {
      expect(() => computeCostPerTargetedThousand({ ...ok, ...bad })).toThrow(RangeError);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS, TIER_BOUNDS, isTier, tierFor } from './tiers.js';

describe('follower tiers', () => {
  it('puts the boundaries exactly where SPEC §4 says', () => {
    expect([0, 9_999, 10_000, 99_999, 100_000, 499_999, 500_000, 999_999, 1_000_000, 3e9].map(tierFor)).toEqual([
      'nano', 'nano', 'micro', 'micro', 'mid', 'mid', 'macro', 'macro', 'mega', 'mega',
    ]);
  });

  it('never goes down as followers go up', () => {
    fc.assert(
      fc.property(fc.nat(100_000_000), fc.nat(100_000_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(TIERS.indexOf(tierFor(low))).toBeLessThanOrEqual(TIERS.indexOf(tierFor(high)));
      }),
    );
  });

  it('agrees with TIER_BOUNDS, which tile 0…∞ without gaps or overlaps', () => {
    fc.assert(
      fc.property(fc.nat(100_000_000), (followers) => {
        const { min, max } = TIER_BOUNDS[tierFor(followers)];
        expect(followers).toBeGreaterThanOrEqual(min);
        if (max !== null) expect(followers).toBeLessThan(max);
      }),
    );
    expect(TIER_BOUNDS[TIERS[0]].min).toBe(0);
    TIERS.forEach((tier, i) => {
      const { min, max } = TIER_BOUNDS[tier];
      expect(tierFor(min)).toBe(tier);
      if (max !== null) {
        expect(tierFor(max - 1)).toBe(tier);
        expect(TIER_BOUNDS[TIERS[i + 1]!].min).toBe(max);
      } else {
        expect(i).toBe(TIERS.length - 1);
      }
    });
  });

  it('treats negative counts as nano and refuses NaN', () => {
    expect(tierFor(-5)).toBe('nano');
    expect(() => tierFor(Number.NaN)).toThrow(RangeError);
  });

  it('recognises tier ids', () => {
    expect(TIERS.every(isTier)).toBe(true);
    expect(isTier('giga')).toBe(false);
  });
});

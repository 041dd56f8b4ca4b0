import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS, TIER_BOUNDS, tierFor } from './tiers.js';

describe('follower tiers', () => {
  it('puts the boundaries where the SPEC says', () => {
    expect([0, 9_999, 10_000, 99_999, 100_000, 499_999, 500_000, 999_999, 1_000_000].map(tierFor)).toEqual([
      'nano', 'nano', 'micro', 'micro', 'mid', 'mid', 'macro', 'macro', 'mega',
    ]);
  });

  it('never goes down as followers go up, and agrees with TIER_BOUNDS', () => {
    fc.assert(
      fc.property(fc.nat(100_000_000), fc.nat(100_000_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(TIERS.indexOf(tierFor(low))).toBeLessThanOrEqual(TIERS.indexOf(tierFor(high)));
        const bounds = TIER_BOUNDS[tierFor(a)];
        expect(a).toBeGreaterThanOrEqual(bounds.min);
        if (bounds.max !== null) expect(a).toBeLessThan(bounds.max);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeQualityScore, type QualityInput } from './quality-score.js';

const input = fc.record({
  followers: fc.integer({ min: 0, max: 50_000_000 }),
  following: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  engagementRate: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
  growth30d: fc.option(fc.double({ min: -100, max: 1000, noNaN: true }), { nil: undefined }),
  avgLikes: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  avgComments: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
}) satisfies fc.Arbitrary<QualityInput>;

describe('audience quality score', () => {
  it('is an integer from 0 to 100 that its components add up to', () => {
    fc.assert(
      fc.property(input, (value) => {
        const { score, components } = computeQualityScore(value);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(Math.round(components.reduce((sum, c) => sum + c.points, 0))).toBe(score);
        for (const c of components) expect(c.points).toBeLessThanOrEqual(c.maxPoints + 1e-9);
      }),
    );
  });

  it('never lowers the engagement points when engagement rises', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), (followers, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const points = (engagementRate: number) =>
          computeQualityScore({ followers, engagementRate, growth30d: 2, following: 100 }).components.find((c) => c.key === 'engagement')!.points;
        expect(points(high)).toBeGreaterThanOrEqual(points(low));
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(input, (value) => {
        expect(computeQualityScore(value)).toEqual(computeQualityScore(value));
      }),
    );
  });

  it('shares the weight of unknown inputs out over the known ones', () => {
    const { score, components } = computeQualityScore({ followers: 50_000, engagementRate: 3, growth30d: 2 });
    expect(components.find((c) => c.key === 'commentRatio')).toMatchObject({ verdict: 'unknown', points: 0, maxPoints: 0 });
    expect(components.filter((c) => c.verdict !== 'unknown').reduce((sum, c) => sum + c.maxPoints, 0)).toBeCloseTo(100, 0);
    expect(score).toBe(100);
  });

  it('scores a healthy micro food blogger high and a bought-follower profile low', () => {
    const healthy = computeQualityScore({ followers: 52_000, following: 410, engagementRate: 3.4, growth30d: 2.1, avgLikes: 1700, avgComments: 60 });
    const bought = computeQualityScore({ followers: 250_000, following: 180_000, engagementRate: 0.1, growth30d: 80, avgLikes: 240, avgComments: 0 });
    expect(healthy.score).toBeGreaterThanOrEqual(85);
    expect(bought.score).toBeLessThanOrEqual(15);
    expect(bought.components.every((c) => c.verdict === 'poor')).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGAGEMENT_BENCHMARK, NORMAL_GROWTH_30D, QUALITY_WEIGHTS, computeQualityScore, type QualityComponentKey, type QualityInput } from './quality-score.js';
import { TIERS, TIER_BOUNDS } from './tiers.js';

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const input: fc.Arbitrary<QualityInput> = fc.record({
  followers: fc.integer({ min: 0, max: 50_000_000 }),
  following: optional(fc.integer({ min: 0, max: 10_000_000 })),
  engagementRate: optional(fc.double({ min: 0, max: 100, noNaN: true })),
  growth30d: optional(fc.double({ min: -100, max: 1000, noNaN: true })),
  avgLikes: optional(fc.integer({ min: 0, max: 1_000_000 })),
  avgComments: optional(fc.integer({ min: 0, max: 100_000 })),
});

const pointsOf = (key: QualityComponentKey, value: QualityInput) => computeQualityScore(value).components.find((c) => c.key === key)!;

describe('audience quality score', () => {
  it('is an integer from 0 to 100 that its components add up to exactly', () => {
    fc.assert(
      fc.property(input, (value) => {
        const { score, components } = computeQualityScore(value);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(components.reduce((sum, c) => sum + c.points, 0)).toBe(score);
        for (const c of components) {
          expect(Number.isInteger(c.points) && Number.isInteger(c.maxPoints)).toBe(true);
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(c.maxPoints);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('shares out all 100 points over the known components, in proportion to their weights', () => {
    fc.assert(
      fc.property(input, (value) => {
        const { components } = computeQualityScore(value);
        const known = components.filter((c) => c.verdict !== 'unknown');
        for (const c of components.filter((c) => c.verdict === 'unknown')) expect(c).toMatchObject({ points: 0, maxPoints: 0, value: null });
        if (known.length === 0) return;
        const knownWeight = known.reduce((sum, c) => sum + c.weight, 0);
        expect(known.reduce((sum, c) => sum + c.maxPoints, 0)).toBe(100);
        for (const c of known) expect(Math.abs(c.maxPoints - (c.weight * 100) / knownWeight)).toBeLessThan(1);
      }),
    );
  });

  it('never lowers the engagement points when engagement rises', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), (value, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(pointsOf('engagement', { ...value, engagementRate: high }).points).toBeGreaterThanOrEqual(pointsOf('engagement', { ...value, engagementRate: low }).points);
      }),
    );
  });

  it('never raises the growth points as growth climbs past the normal rate for the tier', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (value, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(pointsOf('growth', { ...value, growth30d: high }).points).toBeLessThanOrEqual(pointsOf('growth', { ...value, growth30d: low }).points);
      }),
    );
  });

  it('never raises the following-ratio points as the account follows more', () => {
    fc.assert(
      fc.property(input, fc.nat(5_000_000), fc.nat(5_000_000), (value, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(pointsOf('followingRatio', { ...value, following: high }).points).toBeLessThanOrEqual(pointsOf('followingRatio', { ...value, following: low }).points);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(input, (value) => {
        expect(computeQualityScore(value)).toEqual(computeQualityScore({ ...value }));
      }),
    );
  });

  it('gives full engagement points at the tier benchmark and half at half of it', () => {
    for (const tier of TIERS) {
      const followers = TIER_BOUNDS[tier].min + 1;
      expect(pointsOf('engagement', { followers, engagementRate: ENGAGEMENT_BENCHMARK[tier] })).toMatchObject({ points: 100, maxPoints: 100, verdict: 'good' });
      expect(pointsOf('engagement', { followers, engagementRate: ENGAGEMENT_BENCHMARK[tier] / 2 })).toMatchObject({ points: 50, verdict: 'fair' });
    }
  });

  it('judges growth against the tier: +15 % is normal for a nano account and a spike for a mega one', () => {
    expect(pointsOf('growth', { followers: 5_000, growth30d: 15 }).verdict).toBe('good');
    expect(pointsOf('growth', { followers: 2_000_000, growth30d: 15 }).verdict).toBe('poor');
    expect(pointsOf('growth', { followers: 50_000, growth30d: NORMAL_GROWTH_30D.micro * 4 }).points).toBe(0);
    expect(pointsOf('growth', { followers: 50_000, growth30d: -40 }).points).toBe(0);
  });

  it('treats missing, non-finite and zero-denominator inputs as unknown and shares out their weight', () => {
    const { score, components } = computeQualityScore({ followers: 50_000, engagementRate: 3, growth30d: 2, following: Number.NaN, avgLikes: 0, avgComments: 5 });
    expect(components.map((c) => [c.key, c.verdict, c.maxPoints])).toEqual([
      ['engagement', 'good', 67],
      ['growth', 'good', 33],
      ['followingRatio', 'unknown', 0],
      ['commentRatio', 'unknown', 0],
    ]);
    expect(score).toBe(100);
    expect(computeQualityScore({ followers: 0 })).toEqual({
      score: 0,
      components: Object.keys(QUALITY_WEIGHTS).map((key) => expect.objectContaining({ key, verdict: 'unknown', points: 0, maxPoints: 0 })),
    });
  });

  it('labels each component with its i18n key', () => {
    expect(computeQualityScore({ followers: 1 }).components.map((c) => c.label)).toEqual([
      'quality.engagement',
      'quality.growth',
      'quality.followingRatio',
      'quality.commentRatio',
    ]);
  });

  it('scores a healthy micro food blogger high', () => {
    const healthy = computeQualityScore({ followers: 52_000, following: 410, engagementRate: 3.4, growth30d: 2.1, avgLikes: 1_700, avgComments: 60 });
    expect(healthy.score).toBeGreaterThanOrEqual(90);
    expect(healthy.components.every((c) => c.verdict === 'good')).toBe(true);
  });

  it('scores a bought-followers profile low, every component poor', () => {
    const bought = computeQualityScore({ followers: 250_000, following: 180_000, engagementRate: 0.1, growth30d: 80, avgLikes: 240, avgComments: 0 });
    expect(bought.score).toBeLessThanOrEqual(15);
    expect(bought.components.every((c) => c.verdict === 'poor')).toBe(true);
  });

  it('puts a follow-for-follow nano account in the middle', () => {
    const f4f = computeQualityScore({ followers: 3_000, following: 2_900, engagementRate: 3, growth30d: 12, avgLikes: 80, avgComments: 2 });
    expect(pointsOf('followingRatio', { followers: 3_000, following: 2_900 }).verdict).toBe('poor');
    expect(f4f.score).toBeGreaterThan(40);
    expect(f4f.score).toBeLessThan(85);
  });

  it('scores a big account with few comments per like and a slow decline as fair', () => {
    const fading = computeQualityScore({ followers: 1_800_000, following: 900, engagementRate: 0.7, growth30d: -8, avgLikes: 12_000, avgComments: 40 });
    expect(fading.score).toBeGreaterThan(45);
    expect(fading.score).toBeLessThan(80);
  });
});

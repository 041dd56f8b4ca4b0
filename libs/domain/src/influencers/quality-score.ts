import { tierFor, type Tier } from './tiers.js';

/**
 * The explainable audience quality score (SPEC §4): 0–100, the sum of its components' points, so a
 * brand (and the influencer) can see exactly why a profile scores what it scores.
 *
 * Components and their weights:
 * - engagement (40): engagement rate against the median for the follower tier. Medians follow the
 *   Instagram figures the market reports (HypeAuditor / Influencer Marketing Hub, 2023–24): about
 *   4 % for nano, 2.5 % micro, 1.8 % mid, 1.4 % macro, 1.1 % mega accounts.
 * - growth (20): 30-day follower growth. Steady growth (−3 % … +10 %) is normal; a spike far above
 *   that is the classic trace of bought followers, a steep fall of a purge.
 * - followingRatio (20): following ÷ followers. Follow-for-follow accounts follow about as many as
 *   follow them.
 * - commentRatio (20): comments ÷ likes. Bots like without commenting; pods comment too much.
 *
 * A component whose input is missing is `unknown`: it scores nothing and its weight is shared out
 * over the known components in proportion to their weights, so missing data neither rewards nor
 * punishes. With no known component at all the score is 0.
 */

export interface QualityInput {
  followers: number;
  following?: number | undefined;
  /** Percent, 0–100. */
  engagementRate?: number | undefined;
  /** Percent over 30 days (may be negative). */
  growth30d?: number | undefined;
  avgLikes?: number | undefined;
  avgComments?: number | undefined;
}

export type QualityVerdict = 'good' | 'fair' | 'poor' | 'unknown';

export interface QualityComponent {
  key: 'engagement' | 'growth' | 'followingRatio' | 'commentRatio';
  /** i18n key for the UI. */
  label: string;
  /** The measured input (rate, percent or ratio), or null when unknown. */
  value: number | null;
  /** Share of the score this component can earn after redistribution, in points. */
  weight: number;
  points: number;
  maxPoints: number;
  verdict: QualityVerdict;
}

export interface QualityScore {
  score: number;
  components: QualityComponent[];
}

export const ENGAGEMENT_BENCHMARK: Record<Tier, number> = { nano: 4.0, micro: 2.5, mid: 1.8, macro: 1.4, mega: 1.1 };

const WEIGHTS: Record<QualityComponent['key'], number> = { engagement: 40, growth: 20, followingRatio: 20, commentRatio: 20 };

/** Linear interpolation through points (x ascending), flat outside. */
function piecewise(x: number, points: [number, number][]): number {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < points.length; i += 1) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return last[1];
}

const verdictOf = (fraction: number): QualityVerdict => (fraction >= 0.8 ? 'good' : fraction >= 0.45 ? 'fair' : 'poor');

/** Each component's fraction of its weight earned (0–1), or null when its input is missing. */
function fractions(input: QualityInput): Record<QualityComponent['key'], { value: number | null; fraction: number | null }> {
  const benchmark = ENGAGEMENT_BENCHMARK[tierFor(input.followers)];
  const engagement = input.engagementRate;
  const ratio = input.following !== undefined && input.followers > 0 ? input.following / input.followers : undefined;
  const comments = input.avgComments !== undefined && input.avgLikes !== undefined && input.avgLikes > 0 ? input.avgComments / input.avgLikes : undefined;
  return {
    // Up to the benchmark, points grow with engagement; at or above it, full points.
    engagement: { value: engagement ?? null, fraction: engagement === undefined ? null : Math.min(1, Math.max(0, engagement / benchmark)) },
    growth: {
      value: input.growth30d ?? null,
      fraction: input.growth30d === undefined ? null : piecewise(input.growth30d, [[-30, 0], [-3, 1], [10, 1], [50, 0]]),
    },
    followingRatio: { value: ratio ?? null, fraction: ratio === undefined ? null : piecewise(ratio, [[0.1, 1], [1, 0.15], [2, 0]]) },
    commentRatio: {
      value: comments ?? null,
      fraction: comments === undefined ? null : piecewise(comments, [[0.001, 0.2], [0.01, 1], [0.1, 1], [0.4, 0.3]]),
    },
  };
}

export function computeQualityScore(input: QualityInput): QualityScore {
  const measured = fractions(input);
  const keys = Object.keys(WEIGHTS) as QualityComponent['key'][];
  const knownWeight = keys.reduce((sum, key) => sum + (measured[key].fraction === null ? 0 : WEIGHTS[key]), 0);
  const components = keys.map((key): QualityComponent => {
    const { value, fraction } = measured[key];
    const maxPoints = fraction === null || knownWeight === 0 ? 0 : Math.round((WEIGHTS[key] * 1000) / knownWeight) / 10;
    return {
      key,
      label: `quality.${key}`,
      value: value === null ? null : Math.round(value * 1000) / 1000,
      weight: WEIGHTS[key],
      points: fraction === null ? 0 : Math.round(maxPoints * fraction * 10) / 10,
      maxPoints,
      verdict: fraction === null ? 'unknown' : verdictOf(fraction),
    };
  });
  const score = Math.min(100, Math.max(0, Math.round(components.reduce((sum, c) => sum + c.points, 0))));
  return { score, components };
}

import { tierFor, type Tier } from './tiers.js';

/**
 * The explainable audience quality score (SPEC §4): an integer from 0 to 100 that is exactly the
 * sum of its components' points, so a brand (and the influencer) can see why a profile scores what
 * it scores. Peers do the same from the same signals — HypeAuditor's AQS combines engagement rate,
 * real-audience share, follower/following growth anomalies and engagement authenticity
 * (market-anchors §3); we have no follower-level data, so we use the account-level signals.
 *
 * Components, with their weights (points out of 100 when every input is known):
 * - `engagement` (40): engagement rate against the benchmark for the follower tier. Points grow
 *   linearly from 0 % up to the benchmark and are full at or above it ({@link ENGAGEMENT_BENCHMARK}).
 * - `growth` (20): 30-day follower growth against what is normal for the tier
 *   ({@link NORMAL_GROWTH_30D}). Full points from −5 % up to the normal rate, falling linearly to 0
 *   at four times it (a spike: the classic trace of bought followers) and at −30 % (a purge).
 *   Legitimate viral spikes exist; that is what the influencer's review request is for.
 * - `followingRatio` (20): following ÷ followers. Full up to 0.1, under half the points from 0.5,
 *   15 % at 1 (follows as many as follow it: follow-for-follow, HypeAuditor's "mass followers"),
 *   none from 2.
 * - `commentRatio` (20): average comments ÷ average likes. Full from 1 % to 10 %; none with no
 *   comments at all (bots like without commenting); falling to 20 % of the points at 50 % (pods,
 *   giveaways).
 *
 * Missing inputs: a component whose input is missing or not a finite number (or whose ratio has a
 * zero denominator) is `unknown`, earns nothing and can earn nothing (`maxPoints` 0). Its weight is
 * redistributed over the known components in proportion to their weights — with the comment ratio
 * unknown, engagement can earn 50 points and the others 25 each — so missing data neither rewards
 * nor punishes. `maxPoints` are whole numbers adding up to 100 (largest remainder); with no known
 * component the score is 0 and every component is `unknown`.
 *
 * Rounding: each component earns `maxPoints × fraction` (fraction 0–1 from the curves above); the
 * score is the rounded sum; whole points are handed out by largest remainder (ties in component
 * order) so they add up to the score exactly. A component's points never go down when its own
 * fraction goes up.
 */

/** What the score is computed from: one social account's metrics (percentages are 0–100). */
export interface QualityInput {
  followers: number;
  following?: number | undefined;
  /** Percent, 0–100. */
  engagementRate?: number | undefined;
  /** Percent change over 30 days (may be negative). */
  growth30d?: number | undefined;
  avgLikes?: number | undefined;
  avgComments?: number | undefined;
}

/** How a component reads: `unknown` when its input is missing. */
export type QualityVerdict = 'good' | 'fair' | 'poor' | 'unknown';

/** The components of the quality score, in display order. */
export const QUALITY_COMPONENT_KEYS = ['engagement', 'growth', 'followingRatio', 'commentRatio'] as const;
/** One of {@link QUALITY_COMPONENT_KEYS}. */
export type QualityComponentKey = (typeof QUALITY_COMPONENT_KEYS)[number];

/** One line of the score's explanation. */
export interface QualityComponent {
  key: QualityComponentKey;
  /** i18n key for the UI: `quality.<key>`. */
  label: string;
  /** The measured input (engagement %, growth %, or a ratio), rounded to 4 decimals; null when unknown. */
  value: number | null;
  /** Base weight: the points this component is worth when every input is known. */
  weight: number;
  /** Whole points earned; the components' points add up to the score. */
  points: number;
  /** Whole points this component could earn given which inputs are known (0 when unknown). */
  maxPoints: number;
  verdict: QualityVerdict;
}

/** The score and its explanation. */
export interface QualityScore {
  /** Integer 0–100. */
  score: number;
  components: QualityComponent[];
}

/**
 * Median engagement rate (%) per follower tier — the level that earns full engagement points.
 * Engagement falls as audiences grow; these are round figures in line with the widely quoted
 * Instagram benchmarks (HypeAuditor's State of Influencer Marketing, Influencer Marketing Hub's
 * benchmark reports, 2023–24: roughly 3–5 % for nano, 2–3 % micro, ~1.5–2 % mid, ~1–1.5 % macro and
 * about 1 % for mega accounts). One set for all platforms, for now.
 */
export const ENGAGEMENT_BENCHMARK: Readonly<Record<Tier, number>> = { nano: 4.0, micro: 2.5, mid: 1.8, macro: 1.4, mega: 1.1 };

/**
 * The highest 30-day follower growth (%) that still looks organic, per tier. Heuristic: small
 * accounts grow faster in relative terms (a 5k account gaining 1,000 followers is +20 %), while
 * established accounts grow by low single digits a month. Growth above four times this scores 0.
 */
export const NORMAL_GROWTH_30D: Readonly<Record<Tier, number>> = { nano: 20, micro: 10, mid: 6, macro: 4, mega: 3 };

/** Base weights of the components; they add up to 100. */
export const QUALITY_WEIGHTS: Readonly<Record<QualityComponentKey, number>> = {
  engagement: 40,
  growth: 20,
  followingRatio: 20,
  commentRatio: 20,
};

const GROWTH_SPIKE_FACTOR = 4;
const DECLINE_FULL_POINTS = -5;
const DECLINE_NO_POINTS = -30;

type Curve = readonly (readonly [x: number, y: number])[];

/** Linear interpolation through points (x ascending), flat outside them. */
function interpolate(x: number, curve: Curve): number {
  const [firstX, firstY] = curve[0]!;
  const [lastX, lastY] = curve[curve.length - 1]!;
  if (x <= firstX) return firstY;
  if (x >= lastX) return lastY;
  for (let i = 1; i < curve.length; i += 1) {
    const [x1, y1] = curve[i]!;
    const [x0, y0] = curve[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return lastY;
}

const FOLLOWING_RATIO_CURVE: Curve = [[0.1, 1], [0.5, 0.45], [1, 0.15], [2, 0]];
const COMMENT_RATIO_CURVE: Curve = [[0, 0], [0.01, 1], [0.1, 1], [0.5, 0.2]];

const isKnown = (value: number | undefined): value is number => typeof value === 'number' && Number.isFinite(value);
const ratio = (numerator: number | undefined, denominator: number | undefined) =>
  isKnown(numerator) && isKnown(denominator) && numerator >= 0 && denominator > 0 ? numerator / denominator : null;

/** The measured value and the fraction (0–1) of its points each component earns; null when unknown. */
function measure(input: QualityInput): Record<QualityComponentKey, { value: number | null; fraction: number | null }> {
  const tier = tierFor(isKnown(input.followers) ? Math.max(0, input.followers) : 0);
  const engagement = isKnown(input.engagementRate) ? input.engagementRate : null;
  const growth = isKnown(input.growth30d) ? input.growth30d : null;
  const following = ratio(input.following, input.followers);
  const comments = ratio(input.avgComments, input.avgLikes);
  const normal = NORMAL_GROWTH_30D[tier];
  return {
    engagement: { value: engagement, fraction: engagement === null ? null : Math.min(1, Math.max(0, engagement / ENGAGEMENT_BENCHMARK[tier])) },
    growth: {
      value: growth,
      fraction: growth === null ? null : interpolate(growth, [[DECLINE_NO_POINTS, 0], [DECLINE_FULL_POINTS, 1], [normal, 1], [normal * GROWTH_SPIKE_FACTOR, 0]]),
    },
    followingRatio: { value: following, fraction: following === null ? null : interpolate(following, FOLLOWING_RATIO_CURVE) },
    commentRatio: { value: comments, fraction: comments === null ? null : interpolate(comments, COMMENT_RATIO_CURVE) },
  };
}

/**
 * Splits `total` whole units over shares proportionally (largest remainder; ties go to the
 * earlier entry). `quotas` are the exact real-valued shares and must add up to at most `total`.
 */
function apportion(quotas: readonly number[], total: number): number[] {
  const whole = quotas.map((quota) => Math.floor(quota + 1e-9));
  let left = total - whole.reduce((sum, n) => sum + n, 0);
  const order = quotas.map((quota, index) => ({ index, remainder: quota - whole[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index, remainder } of order) {
    if (left <= 0 || remainder <= 1e-9) break;
    whole[index]! += 1;
    left -= 1;
  }
  return whole;
}

const verdictOf = (fraction: number): QualityVerdict => (fraction >= 0.8 ? 'good' : fraction >= 0.45 ? 'fair' : 'poor');

/**
 * Computes the audience quality score of one social account and explains it, component by
 * component (see the module comment for the curves, weights and how unknown inputs are handled).
 * Pure and deterministic.
 */
export function computeQualityScore(input: QualityInput): QualityScore {
  const measured = measure(input);
  const keys = QUALITY_COMPONENT_KEYS;
  const knownWeight = keys.reduce((sum, key) => sum + (measured[key].fraction === null ? 0 : QUALITY_WEIGHTS[key]), 0);
  const maxPoints = knownWeight === 0 ? keys.map(() => 0) : apportion(keys.map((key) => (measured[key].fraction === null ? 0 : (QUALITY_WEIGHTS[key] * 100) / knownWeight)), 100);
  const earned = keys.map((key, i) => maxPoints[i]! * (measured[key].fraction ?? 0));
  const score = Math.min(100, Math.max(0, Math.round(earned.reduce((sum, points) => sum + points, 0))));
  const points = apportion(earned, score);
  const components = keys.map((key, i): QualityComponent => {
    const { value, fraction } = measured[key];
    return {
      key,
      label: `quality.${key}`,
      value: value === null ? null : Math.round(value * 10_000) / 10_000,
      weight: QUALITY_WEIGHTS[key],
      points: points[i]!,
      maxPoints: maxPoints[i]!,
      verdict: fraction === null ? 'unknown' : verdictOf(fraction),
    };
  });
  return { score, components };
}

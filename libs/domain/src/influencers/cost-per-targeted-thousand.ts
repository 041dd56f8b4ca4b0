/**
 * SPEC §5's `costPerTargetedThousand` sort: what reaching a thousand *real* followers in the brand's
 * target audience costs —
 *
 *   price ÷ (followers × quality/100 × share of the audience matching the brand's audience filters) × 1000
 *
 * The matched share: the shares a brand targets within one breakdown (`audienceCountry=IR:30` and
 * `audienceCountry=AE:10` — OR inside a filter) are disjoint groups of one audience, so they add up
 * (capped at 100 %). Shares from different breakdowns (country, age, gender, language — AND
 * between filters) are multiplied: this assumes the breakdowns are independent (a follower's
 * country says nothing about their age), because platforms report only the marginal breakdowns,
 * never the joint one. Without audience filters the share is 1.
 */

/** What the cost is computed from. */
export interface TargetedCostInput {
  /** Price of the deliverable in integer minor units (cents), ≥ 0. */
  priceMinor: number;
  /** Followers, ≥ 0. */
  followers: number;
  /** Audience quality score, 0–100. */
  qualityScore: number;
  /**
   * For each of the brand's audience filters (one breakdown each), the profile's audience shares
   * in percent (0–100) of the values the brand asked for — e.g. `[[42, 6], [31]]` for
   * `audienceCountry=IR,AE` and `audienceAge=18-24`. Omitted or empty: the whole audience.
   */
  audienceShares?: readonly (readonly number[])[] | undefined;
}

const assertInRange = (name: string, value: number, min: number, max: number) => {
  if (!Number.isFinite(value) || value < min || value > max) throw new RangeError(`${name} must be a number from ${min} to ${max}, got ${value}`);
};

/**
 * The fraction (0–1) of an audience matching a brand's audience filters: shares within one filter
 * are summed (capped at 100 %), filters are multiplied (independence assumption; see the module
 * comment). Shares are percentages, 0–100; anything else throws a RangeError.
 */
export function computeTargetedShare(audienceShares: readonly (readonly number[])[] = []): number {
  let share = 1;
  for (const filter of audienceShares) {
    let matched = 0;
    for (const percent of filter) {
      assertInRange('An audience share', percent, 0, 100);
      matched += percent;
    }
    share *= Math.min(100, matched) / 100;
  }
  return share;
}

/**
 * Cost of reaching a thousand real followers in the brand's target, in minor units of the price's
 * currency, rounded to 2 decimals (hundredths of a minor unit; half up — the same rounding the
 * search engines apply before sorting, so ties agree). `null` when nobody is reached — no
 * followers, a quality score of 0 or no matching audience — since the cost is then undefined (or
 * too large to represent).
 * A negative or fractional price, negative followers, or a score or share outside 0–100 throw a
 * RangeError.
 */
export function computeCostPerTargetedThousand(input: TargetedCostInput): number | null {
  const { priceMinor, followers, qualityScore } = input;
  if (!Number.isSafeInteger(priceMinor) || priceMinor < 0) throw new RangeError(`priceMinor must be a whole number of minor units ≥ 0, got ${priceMinor}`);
  assertInRange('followers', followers, 0, Number.MAX_SAFE_INTEGER);
  assertInRange('qualityScore', qualityScore, 0, 100);
  const reached = followers * (qualityScore / 100) * computeTargetedShare(input.audienceShares);
  const cost = Math.round(((priceMinor * 1000) / reached) * 100) / 100;
  return Number.isFinite(cost) ? cost : null;
}

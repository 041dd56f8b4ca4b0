/** Follower tiers (SPEC §4), smallest first: nano < 10k ≤ micro < 100k ≤ mid < 500k ≤ macro < 1M ≤ mega. */
export const TIERS = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
/** One of {@link TIERS}. */
export type Tier = (typeof TIERS)[number];

/**
 * Follower bounds of each tier — `min` inclusive, `max` exclusive (null: no upper limit) — for
 * search filters (`tier=micro` ≡ `followers >= 10000 AND followers < 100000`) and facets.
 */
export const TIER_BOUNDS: Readonly<Record<Tier, { readonly min: number; readonly max: number | null }>> = {
  nano: { min: 0, max: 10_000 },
  micro: { min: 10_000, max: 100_000 },
  mid: { min: 100_000, max: 500_000 },
  macro: { min: 500_000, max: 1_000_000 },
  mega: { min: 1_000_000, max: null },
};

/**
 * The tier of an account (or profile) with this many followers. Counts below 0 are treated as 0;
 * NaN is a programming error and throws a RangeError.
 */
export function tierFor(followers: number): Tier {
  if (Number.isNaN(followers)) throw new RangeError('tierFor: followers is NaN');
  for (const tier of TIERS) {
    const { max } = TIER_BOUNDS[tier];
    if (max === null || followers < max) return tier;
  }
  return 'mega';
}

/** Whether a string is one of the {@link TIERS} (for parsing query strings and imports). */
export function isTier(value: string): value is Tier {
  return (TIERS as readonly string[]).includes(value);
}

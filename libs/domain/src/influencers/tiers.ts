/** Follower tiers (SPEC §4): nano < 10k ≤ micro < 100k ≤ mid < 500k ≤ macro < 1M ≤ mega. */
export const TIERS = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type Tier = (typeof TIERS)[number];

/** Inclusive lower and exclusive upper follower bounds of each tier (upper null: no limit). */
export const TIER_BOUNDS: Record<Tier, { min: number; max: number | null }> = {
  nano: { min: 0, max: 10_000 },
  micro: { min: 10_000, max: 100_000 },
  mid: { min: 100_000, max: 500_000 },
  macro: { min: 500_000, max: 1_000_000 },
  mega: { min: 1_000_000, max: null },
};

export function tierFor(followers: number): Tier {
  if (followers < 10_000) return 'nano';
  if (followers < 100_000) return 'micro';
  if (followers < 500_000) return 'mid';
  if (followers < 1_000_000) return 'macro';
  return 'mega';
}

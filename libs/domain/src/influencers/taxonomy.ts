/** The fixed niche taxonomy (SPEC §4); labels are translated in the UI. */
export const NICHES = [
  'fashion', 'beauty', 'fitness', 'food', 'travel', 'tech', 'gaming', 'parenting', 'finance', 'education',
  'lifestyle', 'music', 'sports', 'automotive', 'home', 'pets', 'health', 'comedy', 'art', 'business',
] as const;
export type Niche = (typeof NICHES)[number];

/** The seven platforms a social account can be on. */
export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'x', 'twitch', 'telegram', 'aparat'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Audience age buckets, as the platforms report them. */
export const AGE_BUCKETS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** What an offer can ask for, and what a rate card prices. */
export const DELIVERABLE_TYPES = ['post', 'story', 'reel', 'video', 'live', 'thread'] as const;
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];

/** Where a number comes from: typed by the influencer, confirmed by an admin or a platform, or estimated by us. */
export const PROVENANCES = ['self_reported', 'platform_verified', 'estimated'] as const;
export type Provenance = (typeof PROVENANCES)[number];

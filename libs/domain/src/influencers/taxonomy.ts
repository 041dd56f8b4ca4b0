/** The fixed niche taxonomy (SPEC §4); labels are translated in the UI. */
export const NICHES = [
  'fashion', 'beauty', 'fitness', 'food', 'travel', 'tech', 'gaming', 'parenting', 'finance', 'education',
  'lifestyle', 'music', 'sports', 'automotive', 'home', 'pets', 'health', 'comedy', 'art', 'business',
] as const;
/** One of {@link NICHES}. */
export type Niche = (typeof NICHES)[number];

/** The seven platforms a social account can be on (SPEC §4). */
export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'x', 'twitch', 'telegram', 'aparat'] as const;
/** One of {@link PLATFORMS}. */
export type Platform = (typeof PLATFORMS)[number];

/** Audience age buckets, as the platforms report them (SPEC §4). */
export const AGE_BUCKETS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
/** One of {@link AGE_BUCKETS}. */
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** Audience gender breakdown keys, as the platforms report them. */
export const GENDERS = ['female', 'male', 'other'] as const;
/** One of {@link GENDERS}. */
export type Gender = (typeof GENDERS)[number];

/** What an offer can ask for, and what a rate card prices. */
export const DELIVERABLE_TYPES = ['post', 'story', 'reel', 'video', 'live', 'thread'] as const;
/** One of {@link DELIVERABLE_TYPES}. */
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];

/** Where a number comes from: typed by the influencer, confirmed by an admin or a platform, or estimated by us. */
export const PROVENANCES = ['self_reported', 'platform_verified', 'estimated'] as const;
/** One of {@link PROVENANCES}. */
export type Provenance = (typeof PROVENANCES)[number];

/**
 * A content or audience language: an ISO 639-1 code such as `fa` or `en` (validated as
 * `/^[a-z]{2}$/` by the contracts; not an enum, so any language can be listed).
 */
export type LanguageCode = string;

/** Niche names in both languages, indexed with each profile so `آشپزی` finds food creators and `cooking`… does not need to. */
export const NICHE_SEARCH_LABELS: Record<Niche, { en: string; fa: string }> = {
  fashion: { en: 'fashion', fa: 'مد پوشاک فشن' },
  beauty: { en: 'beauty makeup', fa: 'زیبایی آرایش' },
  fitness: { en: 'fitness gym', fa: 'تناسب اندام فیتنس بدنسازی' },
  food: { en: 'food cooking recipes', fa: 'غذا آشپزی' },
  travel: { en: 'travel', fa: 'سفر گردشگری' },
  tech: { en: 'tech technology gadgets', fa: 'تکنولوژی فناوری' },
  gaming: { en: 'gaming games', fa: 'بازی گیم' },
  parenting: { en: 'parenting family kids', fa: 'فرزندپروری خانواده کودک' },
  finance: { en: 'finance money investing', fa: 'مالی سرمایه گذاری' },
  education: { en: 'education learning', fa: 'آموزش' },
  lifestyle: { en: 'lifestyle', fa: 'سبک زندگی لایف استایل' },
  music: { en: 'music', fa: 'موسیقی' },
  sports: { en: 'sports', fa: 'ورزش' },
  automotive: { en: 'automotive cars', fa: 'خودرو ماشین' },
  home: { en: 'home decor interior', fa: 'خانه دکوراسیون' },
  pets: { en: 'pets dogs cats', fa: 'حیوانات خانگی' },
  health: { en: 'health wellness', fa: 'سلامت' },
  comedy: { en: 'comedy funny', fa: 'طنز کمدی' },
  art: { en: 'art design', fa: 'هنر' },
  business: { en: 'business entrepreneurship', fa: 'کسب و کار' },
};

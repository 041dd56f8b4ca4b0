import { z } from 'zod';
import { AGE_BUCKETS, CURRENCY_CODES, DELIVERABLE_TYPES, GENDERS, NICHES, PLATFORMS, PROVENANCES, TIERS } from '@reachbridge/domain';
import { ZMoney } from '../common/money.js';
import { ZId, ZIdParams } from '../common/primitives.js';
import { defineContract } from '../common/route.js';
import { ZCountryCode, ZInfluencerProfile, ZLanguageCode } from './profile.contracts.js';

/** A query-string list: `niche=food&niche=travel` or `niche=food,travel`. */
const list = <T extends z.ZodType>(item: T, max = 20) =>
  z.preprocess(
    (value) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean)),
    z.array(item).max(max).optional(),
  );

const number = (schema: z.ZodNumber) => z.coerce.number().pipe(schema).optional();

/** `IR:30` → at least 30 % of the audience in Iran. */
const shareFilter = (key: z.ZodType<string, string>) =>
  z
    .string()
    .regex(/^[^:]+:\d{1,3}(\.\d+)?$/, 'Use key:percent, e.g. IR:30')
    .transform((value) => {
      const [k, share] = value.split(':') as [string, string];
      return { key: k, min: Number(share) };
    })
    .pipe(z.object({ key, min: z.number().min(0).max(100) }));

export const SEARCH_SORTS = ['relevance', 'followers', 'engagement', 'growth', 'price', 'quality', 'costPerTargetedThousand'] as const;

export const ZSearchQuery = z
  .strictObject({
    q: z.string().trim().max(200).optional(),
    niche: list(z.enum(NICHES)),
    platform: list(z.enum(PLATFORMS)),
    country: list(ZCountryCode),
    city: list(z.string().trim().min(1).max(80)),
    language: list(ZLanguageCode),
    tier: list(z.enum(TIERS)),
    followersMin: number(z.int().min(0)),
    followersMax: number(z.int().min(0)),
    engagementMin: number(z.number().min(0).max(100)),
    engagementMax: number(z.number().min(0).max(100)),
    growthMin: number(z.number().min(-100).max(1000)),
    audienceCountry: list(shareFilter(ZCountryCode), 5),
    audienceAge: list(shareFilter(z.enum(AGE_BUCKETS)), 6),
    audienceGender: list(shareFilter(z.enum(GENDERS)), 3),
    audienceLanguage: list(shareFilter(ZLanguageCode), 5),
    /** Maximum price in minor units of `currency`, for `deliverable` (any deliverable when unset). */
    priceMax: number(z.int().min(0)),
    currency: z.enum(CURRENCY_CODES).default('USD'),
    deliverable: z.enum(DELIVERABLE_TYPES).optional(),
    qualityMin: number(z.int().min(0).max(100)),
    verifiedOnly: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
    /**
     * Default: relevance with text, followers without. Relevance ranks the 300 most-followed
     * matches of the text (a broad word matches a sixth of the catalogue); the other sorts cover
     * every match.
     */
    sort: z
      .enum(SEARCH_SORTS)
      .optional()
      .describe(
        'Default: relevance with text, else followers. Relevance ranks the 300 most-followed text matches; other sorts cover every match. Quality puts the larger audience first among equal scores.',
      ),
    cursor: z.string().max(500).optional(),
    limit: number(z.int().min(1).max(100)),
  })
  .refine((q) => q.followersMin === undefined || q.followersMax === undefined || q.followersMin <= q.followersMax, {
    path: ['followersMax'],
    message: 'followersMax must be at least followersMin',
  })
  .refine((q) => q.engagementMin === undefined || q.engagementMax === undefined || q.engagementMin <= q.engagementMax, {
    path: ['engagementMax'],
    message: 'engagementMax must be at least engagementMin',
  })
  .meta({ id: 'SearchQuery' });
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

export const ZFacetBucket = z.object({ value: z.string(), count: z.int() });

export const ZSearchHit = z
  .object({
    id: ZId,
    slug: z.string(),
    displayName: z.string(),
    bio: z.string(),
    /** A fragment of the bio around the matched words (normalised text), with matches wrapped in «…». */
    highlight: z.string().nullable(),
    niches: z.array(z.enum(NICHES)),
    platforms: z.array(z.enum(PLATFORMS)),
    handles: z.array(z.string()),
    country: z.string(),
    city: z.string().nullable(),
    languages: z.array(z.string()),
    totalFollowers: z.int(),
    tier: z.enum(TIERS),
    engagementRate: z.number().nullable(),
    growth30d: z.number().nullable(),
    qualityScore: z.int(),
    provenance: z.enum(PROVENANCES),
    topAudienceCountries: z.array(z.object({ country: z.string(), share: z.number() })),
    /** The price the filters and sort were about (the cheapest matching rate), if any. */
    price: ZMoney.nullable(),
    costPerTargetedThousand: z.number().nullable(),
  })
  .meta({ id: 'SearchHit' });
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const FACETS = ['niche', 'platform', 'country', 'language', 'tier', 'priceBand', 'audienceCountry'] as const;

export const ZSearchResponse = z
  .object({
    hits: z.array(ZSearchHit),
    total: z.int(),
    /** True when `total` is a lower bound: there are at least this many matches (past 10,000, counting stops). */
    totalIsLowerBound: z.boolean(),
    /**
     * True when the facet counts are estimates scaled up from a sample of the catalogue (always
     * past 10,000 matches, and when a facet ranges over too many profiles to count quickly);
     * show them as approximate. False: every count is exact.
     */
    facetsAreEstimates: z.boolean(),
    facets: z.object(Object.fromEntries(FACETS.map((facet) => [facet, z.array(ZFacetBucket)])) as Record<(typeof FACETS)[number], z.ZodArray<typeof ZFacetBucket>>),
    nextCursor: z.string().nullable(),
    /** The engine's time; also sent as the `Server-Timing` header (`engine;desc="postgres";dur=12.3`). */
    tookMs: z.number().meta({ description: 'The search engine\'s time in milliseconds, also sent as the Server-Timing header (engine;dur=…).' }),
    engine: z.enum(['postgres', 'elasticsearch']),
  })
  .meta({ id: 'SearchResponse' });
export type TSearchResponse = z.infer<typeof ZSearchResponse>;

export const ZSuggestQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe(
      'Niches whose English or Persian name starts with it, then the most-followed influencers with a word of the name or a handle part (split at . _ -) starting with each typed word. No typo correction: the search itself falls back to near misses of names and handles.',
    ),
  limit: number(z.int().min(1).max(20)),
});
export const ZSuggestResponse = z
  .object({
    items: z.array(z.object({ kind: z.enum(['influencer', 'niche']), value: z.string(), label: z.string(), id: ZId.nullable() })),
    nextCursor: z.null(),
  })
  .meta({ id: 'SuggestResponse' });

export const ZSimilarResponse = z.object({ items: z.array(ZSearchHit), nextCursor: z.null() }).meta({ id: 'SimilarResponse' });

export const ZPublicInfluencerProfile = ZInfluencerProfile.omit({ userId: true, reviewNote: true, submittedAt: true, contactPreferences: true })
  .extend({
    followerHistory: z.array(z.object({ socialAccountId: ZId, takenOn: z.string(), followers: z.int() })),
  })
  .meta({ id: 'PublicInfluencerProfile' });
export type TPublicInfluencerProfile = z.infer<typeof ZPublicInfluencerProfile>;

const tags = ['discovery'] as const;

export const discoveryContracts = {
  search: defineContract({
    method: 'get',
    path: '/api/influencers/search',
    summary: 'Search approved influencers by text, niche, audience and price, with facets',
    tags,
    query: ZSearchQuery,
    response: ZSearchResponse,
    status: 200,
  }),
  suggest: defineContract({
    method: 'get',
    path: '/api/influencers/suggest',
    summary: 'Typeahead for names, handles and niches',
    tags,
    query: ZSuggestQuery,
    response: ZSuggestResponse,
    status: 200,
  }),
  profile: defineContract({
    method: 'get',
    path: '/api/influencers/:id',
    summary: 'An approved influencer profile with audience data and follower history',
    tags,
    params: ZIdParams,
    response: ZPublicInfluencerProfile,
    status: 200,
  }),
  similar: defineContract({
    method: 'get',
    path: '/api/influencers/:id/similar',
    summary: 'Look-alike influencers: same niches, overlapping audience, similar size',
    tags,
    params: ZIdParams,
    query: z.strictObject({ limit: number(z.int().min(1).max(24)) }),
    response: ZSimilarResponse,
    status: 200,
  }),
};

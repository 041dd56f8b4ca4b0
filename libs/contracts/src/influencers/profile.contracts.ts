import { z } from 'zod';
import {
  AGE_BUCKETS,
  DELIVERABLE_TYPES,
  GENDERS,
  NICHES,
  PLATFORMS,
  PROVENANCES,
  TIERS,
} from '@reachbridge/domain';
import { ZMoney } from '../common/money.js';
import { ZDisplayName, ZId, ZTimestamp } from '../common/primitives.js';
import { defineContract } from '../common/route.js';

export const ZCountryCode = z.string().regex(/^[A-Z]{2}$/, 'Use an ISO 3166-1 alpha-2 country code, e.g. IR');
export const ZLanguageCode = z.string().regex(/^[a-z]{2}$/, 'Use an ISO 639-1 language code, e.g. fa');
const ZPercent = z.number().min(0).max(100);
const ZCount = z.int().min(0).max(10_000_000_000);

/** Shares of the audience, in percent. Each breakdown sums to at most 100 (rounding allowed). */
const shares = <K extends z.ZodType<string>>(key: K, maxKeys: number) =>
  z
    .partialRecord(key, ZPercent)
    .refine((value) => Object.keys(value).length <= maxKeys, `At most ${maxKeys} entries`)
    .refine((value) => Object.values(value).reduce((sum: number, share) => sum + (share ?? 0), 0) <= 100.5, 'Shares add up to more than 100%');

export const ZAudience = z
  .strictObject({
    countries: shares(ZCountryCode, 30).default({}),
    ages: shares(z.enum(AGE_BUCKETS), AGE_BUCKETS.length).default({}),
    genders: shares(z.enum(GENDERS), GENDERS.length).default({}),
    languages: shares(ZLanguageCode, 20).default({}),
  })
  .meta({ id: 'Audience' });

export const ZSocialAccountInput = z
  .strictObject({
    platform: z.enum(PLATFORMS),
    handle: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^@?[\p{L}\p{N}._-]+$/u, 'Letters, digits, dots, underscores and dashes only'),
    url: z.url({ protocol: /^https?$/ }).max(500),
    followers: ZCount,
    following: ZCount.optional(),
    posts: ZCount.optional(),
    avgViews: ZCount.optional(),
    engagementRate: ZPercent.optional(),
    growth30d: z.number().min(-100).max(1000).optional(),
    audience: ZAudience.optional(),
  })
  .meta({ id: 'SocialAccountInput' });

export const ZRateInput = z
  .strictObject({ platform: z.enum(PLATFORMS), deliverable: z.enum(DELIVERABLE_TYPES), price: ZMoney })
  .meta({ id: 'RateInput' });

export const ZContactPreferences = z
  .strictObject({
    viaPlatform: z.boolean().default(true),
    publicEmail: z.email().max(254).optional(),
  })
  .meta({ id: 'ContactPreferences' });

export const ZInfluencerProfileInput = z
  .strictObject({
    displayName: ZDisplayName,
    bio: z.string().trim().max(2000).default(''),
    niches: z.array(z.enum(NICHES)).min(1).max(5).refine((list) => new Set(list).size === list.length, 'Each niche once'),
    country: ZCountryCode,
    city: z.string().trim().max(80).optional(),
    languages: z.array(ZLanguageCode).min(1).max(10),
    contactPreferences: ZContactPreferences.optional(),
    socialAccounts: z
      .array(ZSocialAccountInput)
      .min(1)
      .max(7)
      .refine(
        (accounts) => new Set(accounts.map((a) => `${a.platform}:${a.handle.replace(/^@/, '').toLowerCase()}`)).size === accounts.length,
        'Each account once',
      ),
    rates: z
      .array(ZRateInput)
      .max(40)
      .refine((rates) => new Set(rates.map((r) => `${r.platform}:${r.deliverable}`)).size === rates.length, 'One price per platform and deliverable')
      .default([]),
  })
  .meta({ id: 'InfluencerProfileInput' });
export type TInfluencerProfileInput = z.infer<typeof ZInfluencerProfileInput>;

export const ZProvenance = z
  .object({ source: z.enum(PROVENANCES), asOf: ZTimestamp })
  .meta({ id: 'Provenance', description: 'Where a number comes from and when it was true' });

export const ZQualityScore = z
  .object({
    score: z.int().min(0).max(100),
    components: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        value: z.number().nullable(),
        weight: z.number(),
        points: z.number(),
        maxPoints: z.number(),
        verdict: z.enum(['good', 'fair', 'poor', 'unknown']),
      }),
    ),
  })
  .meta({ id: 'QualityScore' });

export const ZSocialAccount = ZSocialAccountInput.extend({
  id: ZId,
  handle: z.string(),
  tier: z.enum(TIERS),
  audience: z.object({
    countries: z.record(z.string(), z.number()),
    ages: z.record(z.string(), z.number()),
    genders: z.record(z.string(), z.number()),
    languages: z.record(z.string(), z.number()),
  }),
  provenance: z.object({ metrics: ZProvenance, audience: ZProvenance }),
  qualityScore: ZQualityScore,
}).meta({ id: 'SocialAccount' });

export const REVIEW_STATUSES = ['draft', 'submitted', 'approved', 'changes_requested', 'rejected'] as const;

export const ZInfluencerProfile = z
  .object({
    id: ZId,
    userId: ZId,
    slug: z.string(),
    displayName: z.string(),
    bio: z.string(),
    niches: z.array(z.enum(NICHES)),
    country: z.string(),
    city: z.string().nullable(),
    languages: z.array(z.string()),
    contactPreferences: z.object({ viaPlatform: z.boolean(), publicEmail: z.string().optional() }),
    socialAccounts: z.array(ZSocialAccount),
    rates: z.array(z.object({ platform: z.enum(PLATFORMS), deliverable: z.enum(DELIVERABLE_TYPES), price: ZMoney })),
    totalFollowers: z.int(),
    tier: z.enum(TIERS),
    qualityScore: ZQualityScore,
    reviewStatus: z.enum(REVIEW_STATUSES),
    reviewNote: z.string().nullable(),
    submittedAt: ZTimestamp.nullable(),
    updatedAt: ZTimestamp,
  })
  .meta({ id: 'InfluencerProfile' });
export type TInfluencerProfile = z.infer<typeof ZInfluencerProfile>;

const tags = ['influencer profile'] as const;

export const influencerProfileContracts = {
  get: defineContract({
    method: 'get',
    path: '/api/me/influencer-profile',
    summary: 'Your influencer profile (404 until you have saved one)',
    tags,
    response: ZInfluencerProfile,
    status: 200,
  }),
  put: defineContract({
    method: 'put',
    path: '/api/me/influencer-profile',
    summary: 'Create or replace your influencer profile; metrics you enter are marked self-reported',
    tags,
    body: ZInfluencerProfileInput,
    response: ZInfluencerProfile,
    status: 200,
  }),
  submit: defineContract({
    method: 'post',
    path: '/api/me/influencer-profile/submit',
    summary: 'Send your profile for review; only approved profiles appear in search',
    tags,
    response: ZInfluencerProfile,
    status: 200,
  }),
};

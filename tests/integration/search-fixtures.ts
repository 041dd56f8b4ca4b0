import type { InfluencerSearchDocument } from '../../apps/api/src/modules/search/index.js';

/** A fixed corpus both engines must answer identically about (ids are stable UUIDs). */
const base = {
  version: 1,
  city: null,
  growth30d: 2,
  provenance: 'self_reported',
  updatedAt: '2026-11-01T00:00:00.000Z',
} as const;

const audience = (countries: Record<string, number>, female = 50, languages: Record<string, number> = { fa: 80, en: 20 }) => ({
  countries,
  ages: { '18-24': 40, '25-34': 35, '35-44': 25 },
  genders: { female, male: 100 - female },
  languages,
});

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const SEARCH_FIXTURES: InfluencerSearchDocument[] = [
  {
    ...base, id: id(1), slug: 'sara-ahmadi', displayName: 'Sara Ahmadi', handles: ['sara.cooks'],
    bio: 'بلاگر آشپزی و سفر در شبکه‌های اجتماعی — food blogger & travel', niches: ['food', 'travel'], platforms: ['instagram'],
    country: 'IR', city: 'Tehran', languages: ['fa', 'en'], totalFollowers: 52_000, tier: 'micro', engagementRate: 3.4, qualityScore: 92,
    audience: audience({ IR: 71, DE: 8, US: 6 }, 68), rates: [{ platform: 'instagram', deliverable: 'post', amountMinor: 45_000, currency: 'USD' }],
  },
  {
    ...base, id: id(2), slug: 'reza-tech', displayName: 'رضا تکنولوژی', handles: ['reza.tech'],
    bio: 'بررسی گوشی و لپ‌تاپ در شبکههای اجتماعی', niches: ['tech', 'gaming'], platforms: ['youtube', 'aparat'],
    country: 'IR', languages: ['fa'], totalFollowers: 480_000, tier: 'mid', engagementRate: 2.1, qualityScore: 81, provenance: 'platform_verified',
    audience: audience({ IR: 88, TR: 4 }, 22, { fa: 95, en: 5 }), rates: [{ platform: 'youtube', deliverable: 'video', amountMinor: 300_000, currency: 'USD' }],
  },
  {
    ...base, id: id(3), slug: 'mina-style', displayName: 'مینا استایل', handles: ['mina.style'],
    bio: 'مد و زیبایی در شبکه های اجتماعی', niches: ['fashion', 'beauty'], platforms: ['instagram', 'tiktok'],
    country: 'IR', languages: ['fa'], totalFollowers: 1_200_000, tier: 'mega', engagementRate: 1.2, qualityScore: 74,
    audience: audience({ IR: 64, AE: 12, DE: 5 }, 83), rates: [
      { platform: 'instagram', deliverable: 'post', amountMinor: 900_000, currency: 'USD' },
      { platform: 'instagram', deliverable: 'story', amountMinor: 400_000, currency: 'USD' },
    ],
  },
  {
    ...base, id: id(4), slug: 'yazd-cakes', displayName: 'كيك يزدي', handles: ['yazd.cakes'],
    bio: 'شیرینی‌پزی سنتی', niches: ['food'], platforms: ['telegram'],
    country: 'IR', city: 'Yazd', languages: ['fa'], totalFollowers: 8_000, tier: 'nano', engagementRate: 6.2, qualityScore: 88,
    audience: audience({ IR: 93 }, 70), rates: [{ platform: 'telegram', deliverable: 'post', amountMinor: 5_000, currency: 'USD' }],
  },
  {
    ...base, id: id(5), slug: 'alex-fit', displayName: 'Alex Carter', handles: ['alexfits'],
    bio: 'Fitness coach. Workouts, nutrition and healthy food.', niches: ['fitness', 'health', 'food'], platforms: ['instagram', 'youtube'],
    country: 'US', city: 'Austin', languages: ['en'], totalFollowers: 240_000, tier: 'mid', engagementRate: 2.9, qualityScore: 85, provenance: 'platform_verified',
    audience: audience({ US: 62, CA: 12, GB: 9 }, 45, { en: 100 }), rates: [{ platform: 'instagram', deliverable: 'reel', amountMinor: 250_000, currency: 'USD' }],
  },
  {
    ...base, id: id(6), slug: 'berlin-travels', displayName: 'Lena Vogel', handles: ['lena.travels'],
    bio: 'Travel and food stories from Europe.', niches: ['travel', 'food'], platforms: ['instagram'],
    country: 'DE', city: 'Berlin', languages: ['de', 'en'], totalFollowers: 31_000, tier: 'micro', engagementRate: 4.1, qualityScore: 90,
    audience: audience({ DE: 58, AT: 11, IR: 9 }, 61, { de: 70, en: 30 }), rates: [{ platform: 'instagram', deliverable: 'post', amountMinor: 30_000, currency: 'EUR' }],
  },
  {
    ...base, id: id(7), slug: 'bought-followers', displayName: 'Growth Hacker', handles: ['growth.hacker'],
    bio: 'Lifestyle and travel, collaborations welcome.', niches: ['lifestyle', 'travel'], platforms: ['instagram'],
    country: 'AE', languages: ['en', 'ar'], totalFollowers: 650_000, tier: 'macro', engagementRate: 0.1, growth30d: 85, qualityScore: 9,
    audience: audience({ AE: 20, IN: 30, US: 10 }, 40, { en: 60, ar: 40 }), rates: [{ platform: 'instagram', deliverable: 'post', amountMinor: 150_000, currency: 'USD' }],
  },
];

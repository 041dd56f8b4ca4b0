import type { InfluencerSearchDocument } from '../search.port.js';

/**
 * Realistic search documents for the adapter's tests (and local experiments): a Persian food
 * blogger in Tehran and an English-speaking tech reviewer in Dubai.
 */
export function sampleDocument(overrides: Partial<InfluencerSearchDocument> = {}): InfluencerSearchDocument {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    version: 7,
    slug: 'sara-ahmadi',
    displayName: 'سارا احمدی',
    bio: 'آشپزی ایرانی و کیک‌های خانگی — Persian home cooking',
    handles: ['sara.cooks'],
    niches: ['food', 'lifestyle'],
    platforms: ['instagram', 'telegram'],
    country: 'IR',
    city: 'تهران',
    languages: ['fa', 'en'],
    totalFollowers: 52_000,
    tier: 'micro',
    engagementRate: 3.4,
    growth30d: 2.1,
    qualityScore: 88,
    provenance: 'platform_verified',
    audience: {
      countries: { IR: 62.5, DE: 8, US: 12 },
      ages: { '18-24': 31, '25-34': 44, '35-44': 15 },
      genders: { female: 71, male: 29 },
      languages: { fa: 80, en: 20 },
    },
    rates: [
      { platform: 'instagram', deliverable: 'post', amountMinor: 45_000, currency: 'USD' },
      { platform: 'instagram', deliverable: 'story', amountMinor: 20_000, currency: 'USD' },
      { platform: 'telegram', deliverable: 'post', amountMinor: 150_000, currency: 'TRY' },
    ],
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A second, different document. */
export function otherSampleDocument(overrides: Partial<InfluencerSearchDocument> = {}): InfluencerSearchDocument {
  return sampleDocument({
    id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    version: 3,
    slug: 'omid-tech',
    displayName: 'Omid Reviews',
    bio: 'Honest phone and laptop reviews in English and Persian.',
    handles: ['omid_reviews', 'omidtech'],
    niches: ['tech'],
    platforms: ['youtube', 'x'],
    country: 'AE',
    city: 'Dubai',
    languages: ['en', 'fa'],
    totalFollowers: 240_000,
    tier: 'mid',
    engagementRate: 1.9,
    growth30d: null,
    qualityScore: 74,
    provenance: 'self_reported',
    audience: { countries: { AE: 35, IR: 30, US: 10 }, ages: { '25-34': 50 }, genders: { male: 80, female: 20 }, languages: { en: 60, fa: 40 } },
    rates: [{ platform: 'youtube', deliverable: 'video', amountMinor: 250_000, currency: 'USD' }],
    updatedAt: '2026-02-11T08:30:00.000Z',
    ...overrides,
  });
}

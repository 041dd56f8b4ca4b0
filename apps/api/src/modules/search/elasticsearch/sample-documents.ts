import type { InfluencerSearchDocument } from '../search.port.js';
import type { InfluencerSearchResponse } from './response-parser.js';
import { toSearchSource } from './search-source.js';

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

/**
 * Shaped like a real ES 8 `_search` response to our request for the two sample documents: hits with
 * `_source`, highlight and sort values; facets as terms and range aggregations inside filter aggregations.
 */
export function sampleSearchResponse(overrides: Partial<InfluencerSearchResponse> = {}): InfluencerSearchResponse {
  const sara = sampleDocument();
  const omid = otherSampleDocument();
  return {
    took: 7,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: {
      total: { value: 2, relation: 'eq' },
      max_score: null,
      hits: [
        {
          _index: 'reachbridge-influencers-v1-20260301100000000',
          _id: sara.id,
          _score: 12.61,
          _source: toSearchSource(sara),
          highlight: { 'bio.joined': ['آشپزی ایرانی و «کیک‌های» خانگی'], bio: ['آشپزی ایرانی و «کیک‌های» خانگی — Persian home cooking'] },
          sort: [12.61, 52_000, sara.id],
        },
        {
          _index: 'reachbridge-influencers-v1-20260301100000000',
          _id: omid.id,
          _score: 3.2,
          _source: toSearchSource(omid),
          sort: [3.2, 240_000, omid.id],
        },
      ],
    },
    aggregations: {
      niche: {
        doc_count: 2,
        values: {
          doc_count_error_upper_bound: 0,
          sum_other_doc_count: 0,
          buckets: [
            { key: 'food', doc_count: 1 },
            { key: 'lifestyle', doc_count: 1 },
            { key: 'tech', doc_count: 1 },
          ],
        },
      },
      platform: { doc_count: 2, values: { buckets: [{ key: 'instagram', doc_count: 1 }, { key: 'youtube', doc_count: 1 }, { key: 'telegram', doc_count: 1 }, { key: 'x', doc_count: 1 }] } },
      country: { doc_count: 3, values: { buckets: [{ key: 'AE', doc_count: 1 }, { key: 'IR', doc_count: 2 }] } },
      language: { doc_count: 2, values: { buckets: [{ key: 'en', doc_count: 2 }, { key: 'fa', doc_count: 2 }] } },
      tier: { doc_count: 2, values: { buckets: [{ key: 'micro', doc_count: 1 }, { key: 'mid', doc_count: 1 }] } },
      priceBand: {
        doc_count: 2,
        values: {
          buckets: [
            { key: '0-100', from: 0, to: 10_000, doc_count: 0 },
            { key: '100-500', from: 10_000, to: 50_000, doc_count: 1 },
            { key: '500-2000', from: 50_000, to: 200_000, doc_count: 0 },
            { key: '2000-10000', from: 200_000, to: 1_000_000, doc_count: 1 },
            { key: '10000+', from: 1_000_000, doc_count: 0 },
          ],
        },
      },
      audienceCountry: { doc_count: 2, values: { buckets: [{ key: 'IR', doc_count: 2 }, { key: 'US', doc_count: 2 }, { key: 'AE', doc_count: 1 }] } },
    },
    ...overrides,
  };
}


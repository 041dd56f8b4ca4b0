/** The search table's rows: what the engine writes (and the bulk seeder COPYs) and reads back. */
import { NICHE_SEARCH_LABELS, normalizeText } from '@reachbridge/domain';
import { priceIndex } from '../search-math.js';
import type { InfluencerSearchDocument } from '../search.port.js';
import { joinedPairs } from './text-query.js';

/** `audience_top_countries` holds the countries with at least this share (percent); see `searchTableRow`. */
export const TOP_COUNTRY_SHARE = 10;

export interface SearchRow {
  id: string;
  version: string;
  slug: string;
  display_name: string;
  bio: string;
  handles: string[];
  niches: InfluencerSearchDocument['niches'];
  platforms: InfluencerSearchDocument['platforms'];
  country: string;
  city: string | null;
  languages: string[];
  total_followers: string;
  tier: InfluencerSearchDocument['tier'];
  engagement_rate: number | null;
  growth_30d: number | null;
  quality_score: number;
  provenance: InfluencerSearchDocument['provenance'];
  audience_countries: Record<string, number>;
  audience_ages: Record<string, number>;
  audience_genders: Record<string, number>;
  audience_languages: Record<string, number>;
  rates: InfluencerSearchDocument['rates'];
  updated_at: Date;
  sort_value: number;
  highlight?: string | null;
}

export const COLUMNS = `s.id, s.version, s.slug, s.display_name, s.bio, s.handles, s.niches, s.platforms, s.country, s.city, s.languages,
  s.total_followers, s.tier, s.engagement_rate, s.growth_30d, s.quality_score, s.provenance, s.audience_countries,
  s.audience_ages, s.audience_genders, s.audience_languages, s.rates, s.updated_at`;

export function toDocument(row: SearchRow): InfluencerSearchDocument {
  return {
    id: row.id,
    version: Number(row.version),
    slug: row.slug,
    displayName: row.display_name,
    bio: row.bio,
    handles: row.handles,
    niches: row.niches,
    platforms: row.platforms,
    country: row.country,
    city: row.city,
    languages: row.languages,
    totalFollowers: Number(row.total_followers),
    tier: row.tier,
    engagementRate: row.engagement_rate,
    growth30d: row.growth_30d,
    qualityScore: row.quality_score,
    provenance: row.provenance,
    audience: { countries: row.audience_countries, ages: row.audience_ages, genders: row.audience_genders, languages: row.audience_languages },
    rates: row.rates,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** One `influencer_search` row (the stored columns; the tsvector and `name_norm` are generated). */
export interface SearchTableRow {
  id: string;
  version: number;
  slug: string;
  display_name: string;
  bio: string;
  handles: string[];
  niche_labels: string;
  niches: string[];
  platforms: string[];
  country: string;
  city: string | null;
  languages: string[];
  total_followers: number;
  tier: string;
  engagement_rate: number | null;
  growth_30d: number | null;
  quality_score: number;
  provenance: string;
  audience_countries: Record<string, number>;
  audience_ages: Record<string, number>;
  audience_genders: Record<string, number>;
  audience_languages: Record<string, number>;
  audience_top_countries: string[];
  rates: InfluencerSearchDocument['rates'];
  prices: Record<string, number>;
  joined_pairs: string;
  updated_at: string;
}

/** The stored columns of `influencer_search`, in the order of `SearchTableRow` (for COPY). */
export const SEARCH_TABLE_COLUMNS: readonly (keyof SearchTableRow)[] = [
  'id', 'version', 'slug', 'display_name', 'bio', 'handles', 'niche_labels', 'niches', 'platforms', 'country', 'city',
  'languages', 'total_followers', 'tier', 'engagement_rate', 'growth_30d', 'quality_score', 'provenance',
  'audience_countries', 'audience_ages', 'audience_genders', 'audience_languages', 'audience_top_countries', 'rates',
  'prices', 'joined_pairs', 'updated_at',
];

/** A search document as its table row: what `upsert` writes and the bulk seeder COPYs. */
export function searchTableRow(d: InfluencerSearchDocument): SearchTableRow {
  return {
    id: d.id,
    version: d.version,
    slug: d.slug,
    display_name: d.displayName,
    bio: d.bio,
    handles: d.handles,
    niche_labels: d.niches.map((n) => `${n} ${NICHE_SEARCH_LABELS[n].en} ${NICHE_SEARCH_LABELS[n].fa}`).join(' '),
    niches: d.niches,
    platforms: d.platforms,
    country: d.country,
    city: d.city,
    languages: d.languages,
    total_followers: d.totalFollowers,
    tier: d.tier,
    engagement_rate: d.engagementRate,
    growth_30d: d.growth30d,
    quality_score: d.qualityScore,
    provenance: d.provenance,
    audience_countries: d.audience.countries,
    audience_ages: d.audience.ages,
    audience_genders: d.audience.genders,
    audience_languages: d.audience.languages,
    audience_top_countries: Object.entries(d.audience.countries)
      .filter(([, share]) => share >= TOP_COUNTRY_SHARE)
      .map(([country]) => country),
    rates: d.rates,
    prices: priceIndex(d.rates),
    joined_pairs: joinedPairs(normalizeText(`${d.displayName} ${d.bio}`).split(/[\s\p{P}\p{S}]+/u).filter(Boolean)).join(' '),
    updated_at: d.updatedAt,
  };
}

import type { TMoney, TSearchQuery } from '@reachbridge/contracts';
import type { DeliverableType, Niche, Platform, Provenance, Tier } from '@reachbridge/domain';

/**
 * What both search engines index about one approved influencer: built once from PostgreSQL (the
 * source of truth) by the document builder, so both engines see the same facts. Text is the
 * original (NFC); each engine normalises it with the shared Persian rules.
 */
export interface InfluencerSearchDocument {
  id: string;
  /** Monotonic: a higher version replaces a lower one, never the other way round. */
  version: number;
  slug: string;
  displayName: string;
  bio: string;
  /** Handles without @, lower-cased. */
  handles: string[];
  niches: Niche[];
  platforms: Platform[];
  country: string;
  city: string | null;
  languages: string[];
  totalFollowers: number;
  tier: Tier;
  /** Of the largest account, percent. */
  engagementRate: number | null;
  /** Of the largest account, percent over 30 days. */
  growth30d: number | null;
  qualityScore: number;
  /** Provenance of the largest account's metrics. */
  provenance: Provenance;
  /** Audience of the largest account, percent per key. */
  audience: {
    countries: Record<string, number>;
    ages: Record<string, number>;
    genders: Record<string, number>;
    languages: Record<string, number>;
  };
  rates: { platform: Platform; deliverable: DeliverableType; amountMinor: number; currency: string }[];
  updatedAt: string;
}

export interface SearchHitResult {
  document: InfluencerSearchDocument;
  /** Name or bio fragment with the matched words wrapped in «…», when the query had text. */
  highlight: string | null;
  /** The cheapest rate matching the query's currency (and deliverable), if any. */
  price: TMoney | null;
  costPerTargetedThousand: number | null;
}

export interface FacetBucket {
  value: string;
  count: number;
}

export type FacetName = 'niche' | 'platform' | 'country' | 'language' | 'tier' | 'priceBand' | 'audienceCountry';

export interface SearchResult {
  hits: SearchHitResult[];
  total: number;
  totalIsLowerBound: boolean;
  /** Facet counts estimated from a sample rather than counted (absent: counted). */
  facetsAreEstimates?: boolean;
  facets: Record<FacetName, FacetBucket[]>;
  nextCursor: string | null;
}

export interface Suggestion {
  kind: 'influencer' | 'niche';
  value: string;
  label: string;
  id: string | null;
}

/**
 * The search port. Speaks the product's vocabulary (the API's parsed query), never SQL or the
 * Elasticsearch DSL. Cursors are opaque strings owned by each engine.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'elasticsearch';
  search(query: TSearchQuery, options?: { signal?: AbortSignal }): Promise<SearchResult>;
  suggest(text: string, limit: number): Promise<Suggestion[]>;
  similar(id: string, limit: number): Promise<SearchHitResult[]>;
  /** Index or replace documents; a document older than the indexed one is ignored. */
  upsert(documents: InfluencerSearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  health(): Promise<'up' | 'down'>;
  /** Periodic upkeep the worker runs (PostgreSQL: rebuilding its prefix term dictionary when old). */
  maintain?(): Promise<void>;
}

/** Page size when the query does not say. */
export const DEFAULT_LIMIT = 20;
/** Past this many matches, counts may be a lower bound (`totalIsLowerBound`). */
export const EXACT_TOTAL_LIMIT = 10_000;
/** Price bands for the price facet, in minor units of the query's currency. */
export const PRICE_BANDS: { value: string; min: number; max: number | null }[] = [
  { value: '0-100', min: 0, max: 10_000 },
  { value: '100-500', min: 10_000, max: 50_000 },
  { value: '500-2000', min: 50_000, max: 200_000 },
  { value: '2000-10000', min: 200_000, max: 1_000_000 },
  { value: '10000+', min: 1_000_000, max: null },
];

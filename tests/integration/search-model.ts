/**
 * SPEC §5's filters, sorts and facets written plainly over documents in memory: the reference the
 * engines must agree with on any query without text (the model-based part of the engine contract).
 * It shares nothing with the engines but the domain's cost formula and the price bands.
 */
import { FACETS, type TSearchQuery } from '@reachbridge/contracts';
import { computeCostPerTargetedThousand, normalizeText } from '@reachbridge/domain';
import type { InfluencerSearchDocument } from '../../apps/api/src/modules/search/index.js';
import { PRICE_BANDS } from '../../apps/api/src/modules/search/search.port.js';

type Facet = (typeof FACETS)[number];

/** The cheapest rate in the query's currency, for its deliverable when it names one. */
export function modelPrice(d: InfluencerSearchDocument, query: TSearchQuery): number | null {
  const prices = d.rates.filter((r) => r.currency === query.currency && (!query.deliverable || r.deliverable === query.deliverable)).map((r) => r.amountMinor);
  return prices.length ? Math.min(...prices) : null;
}

const AUDIENCES = {
  audienceCountry: 'countries',
  audienceAge: 'ages',
  audienceGender: 'genders',
  audienceLanguage: 'languages',
} as const;

export function modelCost(d: InfluencerSearchDocument, query: TSearchQuery): number | null {
  const price = modelPrice(d, query);
  if (price === null) return null;
  const audienceShares = (Object.keys(AUDIENCES) as (keyof typeof AUDIENCES)[])
    .filter((key) => query[key]?.length)
    .map((key) => query[key]!.map((filter) => d.audience[AUDIENCES[key]][filter.key] ?? 0));
  return computeCostPerTargetedThousand({ priceMinor: price, followers: d.totalFollowers, qualityScore: d.qualityScore, audienceShares });
}

const overlaps = <T>(values: readonly T[], wanted: readonly T[] | undefined) => !wanted?.length || values.some((v) => wanted.includes(v));
const atLeast = (value: number | null, min: number | undefined) => min === undefined || (value !== null && value >= min);
const atMost = (value: number | null, max: number | undefined) => max === undefined || (value !== null && value <= max);

/** Each filter as a test of one document; the facet filters under their facet's name. */
function filterTests(query: TSearchQuery): { facet?: Facet; test: (d: InfluencerSearchDocument) => boolean }[] {
  const audience = (key: keyof typeof AUDIENCES) => (d: InfluencerSearchDocument) =>
    !query[key]?.length || query[key].some((filter) => (d.audience[AUDIENCES[key]][filter.key] ?? 0) >= filter.min);
  return [
    { facet: 'niche', test: (d) => overlaps(d.niches, query.niche) },
    { facet: 'platform', test: (d) => overlaps(d.platforms, query.platform) },
    { facet: 'country', test: (d) => overlaps([d.country], query.country) },
    { facet: 'language', test: (d) => overlaps(d.languages, query.language) },
    { facet: 'tier', test: (d) => overlaps([d.tier], query.tier) },
    { facet: 'priceBand', test: (d) => atMost(modelPrice(d, query), query.priceMax) },
    { facet: 'audienceCountry', test: audience('audienceCountry') },
    { test: audience('audienceAge') },
    { test: audience('audienceGender') },
    { test: audience('audienceLanguage') },
    { test: (d) => !query.city?.length || (d.city !== null && query.city.map(normalizeText).includes(normalizeText(d.city))) },
    { test: (d) => atLeast(d.totalFollowers, query.followersMin) && atMost(d.totalFollowers, query.followersMax) },
    { test: (d) => atLeast(d.engagementRate, query.engagementMin) && atMost(d.engagementRate, query.engagementMax) },
    { test: (d) => atLeast(d.growth30d, query.growthMin) },
    { test: (d) => atLeast(d.qualityScore, query.qualityMin) },
    { test: (d) => !query.verifiedOnly || d.provenance === 'platform_verified' },
  ];
}

/** What sorts after what: the sort's value, then the id, in the sort's direction; no value last. */
function compareFor(query: TSearchQuery): (a: InfluencerSearchDocument, b: InfluencerSearchDocument) => number {
  const byId = (a: InfluencerSearchDocument, b: InfluencerSearchDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const descending = (value: (d: InfluencerSearchDocument) => number) => (a: InfluencerSearchDocument, b: InfluencerSearchDocument) =>
    value(b) - value(a) || byId(b, a);
  const ascending = (value: (d: InfluencerSearchDocument) => number | null) => (a: InfluencerSearchDocument, b: InfluencerSearchDocument) => {
    const [x, y] = [value(a) ?? Infinity, value(b) ?? Infinity];
    return x < y ? -1 : x > y ? 1 : byId(a, b);
  };
  switch (query.sort ?? 'followers') {
    case 'engagement':
      return descending((d) => d.engagementRate ?? -1);
    case 'growth':
      return descending((d) => d.growth30d ?? -1000);
    case 'quality':
      return (a, b) => b.qualityScore - a.qualityScore || b.totalFollowers - a.totalFollowers || byId(b, a);
    case 'price':
      return ascending((d) => modelPrice(d, query));
    case 'costPerTargetedThousand':
      return ascending((d) => modelCost(d, query));
    case 'followers':
    case 'relevance': // without text, relevance is by followers
      return descending((d) => d.totalFollowers);
  }
}

/** Each facet's value(s) of a document, if it has any. */
function facetValues(facet: Facet, d: InfluencerSearchDocument, query: TSearchQuery): string[] {
  switch (facet) {
    case 'niche':
      return d.niches;
    case 'platform':
      return d.platforms;
    case 'country':
      return [d.country];
    case 'language':
      return d.languages;
    case 'tier':
      return [d.tier];
    case 'audienceCountry':
      return Object.entries(d.audience.countries).filter(([, share]) => share >= 10).map(([country]) => country);
    case 'priceBand': {
      const price = modelPrice(d, query);
      const band = price === null ? undefined : PRICE_BANDS.find((b) => price >= b.min && (b.max === null || price < b.max));
      return band ? [band.value] : [];
    }
  }
}

export interface ModelResult {
  ids: string[];
  /** Per facet, value → count over the documents that pass every filter but the facet's own. */
  facets: Record<Facet, Map<string, number>>;
}

export function modelSearch(documents: readonly InfluencerSearchDocument[], query: TSearchQuery): ModelResult {
  const tests = filterTests(query);
  const matching = documents.filter((d) => tests.every(({ test }) => test(d)));
  const facets = Object.fromEntries(
    FACETS.map((facet) => {
      const counts = new Map<string, number>();
      for (const d of documents) {
        if (!tests.every((t) => t.facet === facet || t.test(d))) continue;
        for (const value of facetValues(facet, d, query)) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      return [facet, counts];
    }),
  ) as Record<Facet, Map<string, number>>;
  return { ids: [...matching].sort(compareFor(query)).map((d) => d.id), facets };
}

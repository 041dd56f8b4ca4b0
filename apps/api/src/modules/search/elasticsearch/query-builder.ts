import type { estypes } from '@elastic/elasticsearch';
import type { TSearchQuery } from '@reachbridge/contracts';
import { NICHES, PLATFORMS, TIERS, attachedVariant, normalizeText } from '@reachbridge/domain';
import { DEFAULT_LIMIT, EXACT_TOTAL_LIMIT, PRICE_BANDS, type FacetName, type InfluencerSearchDocument } from '../search.port.js';
import { decodeCursor, queryFingerprint } from './cursor.js';
import { TOP_AUDIENCE_COUNTRY_MIN_SHARE, audienceField, priceField, type AudienceDimension } from './index-definition.js';
import { audienceTargetFields, audienceTargets, nicheLabels } from './search-source.js';

type Query = estypes.QueryDslQueryContainer;
type Sort = estypes.SortCombinations;

/** The words of a free-text query: plain terms, `"quoted phrases"` and `-excluded` words or phrases. */
export interface ParsedText {
  terms: string[];
  phrases: string[];
  excluded: string[];
}

const TEXT_TOKEN = /(-?)(?:"([^"]*)"?|“([^”]*)”?|«([^»]*)»?)|(\S+)/gu;

/** Splits `q` into terms, phrases (", “…” or «…» quotes) and exclusions (a leading `-`). */
export function parseTextQuery(q: string | undefined): ParsedText {
  const parsed: ParsedText = { terms: [], phrases: [], excluded: [] };
  for (const match of (q ?? '').matchAll(TEXT_TOKEN)) {
    const [, minus, straight, curly, guillemets, word] = match;
    const quoted = straight ?? curly ?? guillemets;
    if (quoted !== undefined) {
      const phrase = quoted.trim();
      if (phrase) (minus ? parsed.excluded : parsed.phrases).push(phrase);
    } else if (word !== undefined) {
      if (word.startsWith('-')) {
        const excluded = word.replace(/^-+/, '');
        if (excluded) parsed.excluded.push(excluded);
      } else {
        parsed.terms.push(word);
      }
    }
  }
  return parsed;
}

/** Names and handles: fuzzy (typo-tolerant), boosted. */
const NAME_FIELDS = ['displayName^3', 'displayName.joined^3', 'handles.text^3'];
/** Everything else the text searches: English name, bio (Persian, joined, English), niche labels, glued spellings. */
const OTHER_FIELDS = ['displayName.en^3', 'bio', 'bio.joined', 'bio.en', 'niche_labels^2', 'niche_labels.joined^2', 'niche_labels.en^2', 'spelling_variants'];
/** Fields the last word may be a prefix of (typing in progress). */
const PREFIX_FIELDS = ['displayName', 'displayName.joined', 'handles.text', 'bio', 'bio.joined', 'niche_labels'];
const PHRASE_FIELDS = ['displayName^3', 'displayName.joined^3', 'handles.text^3', 'bio', 'bio.joined', 'bio.en'];
/** Where the glued-affix spelling of the query (`شبکه های` → `شبکههای`) is looked for. */
const ATTACHED_FIELDS = ['displayName^3', 'displayName.joined^3', 'bio', 'bio.joined', 'spelling_variants'];
const ALL_TEXT_FIELDS = [
  'displayName',
  'displayName.joined',
  'displayName.en',
  'handles.text',
  'bio',
  'bio.joined',
  'bio.en',
  'niche_labels',
  'niche_labels.en',
  'spelling_variants',
];

/** Score × (1 + 0.15 ln(1 + followers)): among equal matches the larger audience first (search-design §6.4). */
const POPULARITY_SCRIPT = "1 + 0.15 * Math.log(1 + doc['totalFollowers'].value)";

/** One term: in any field (AND over the term's tokens inside one field), fuzzy on names and handles. */
function termClause(term: string, prefix: boolean): Query {
  const should: Query[] = [
    { multi_match: { query: term, fields: NAME_FIELDS, fuzziness: 'AUTO', operator: 'and', zero_terms_query: 'all' } },
    { multi_match: { query: term, fields: OTHER_FIELDS, operator: 'and', zero_terms_query: 'all' } },
  ];
  if (prefix) should.push({ multi_match: { query: term, type: 'bool_prefix', fields: PREFIX_FIELDS, operator: 'and' } });
  return { bool: { should, minimum_should_match: 1 } };
}

/**
 * The scoring part of the query: every term and phrase must match somewhere; exclusions nowhere.
 * When gluing detached Persian affixes changes the words (`شبکه های` → `شبکههای`), the glued
 * spelling is an alternative to the word-by-word match.
 */
export function textClauses(text: ParsedText): { must: Query[]; mustNot: Query[] } {
  const must: Query[] = [];
  const terms = text.terms.map((term, index) => termClause(term, index === text.terms.length - 1 && [...term].length >= 2));
  const plain = normalizeText(text.terms.join(' '));
  const attached = attachedVariant(plain);
  if (terms.length > 0 && attached !== plain) {
    must.push({
      bool: { should: [{ bool: { must: terms } }, { multi_match: { query: attached, fields: ATTACHED_FIELDS, operator: 'and' } }], minimum_should_match: 1 },
    });
  } else {
    must.push(...terms);
  }
  for (const phrase of text.phrases) {
    must.push({ multi_match: { query: phrase, type: 'phrase', fields: PHRASE_FIELDS, zero_terms_query: 'all' } });
  }
  const mustNot: Query[] = text.excluded.map((word) => ({
    multi_match: { query: word, type: word.includes(' ') ? 'phrase' : 'best_fields', fields: ALL_TEXT_FIELDS, operator: 'and' },
  }));
  return { must, mustNot };
}

/**
 * One audience filter: any of its share thresholds (OR inside a filter, SPEC §5) — `IR:90` and
 * `AE:10` = at least 90 % in Iran or at least 10 % in the UAE.
 */
function shareClause(dimension: AudienceDimension, shares: { key: string; min: number }[] | undefined): Query | null {
  const ranges: Query[] = (shares ?? []).map((share) => ({ range: { [audienceField(dimension, share.key)]: { gte: share.min } } }));
  if (ranges.length <= 1) return ranges[0] ?? null;
  return { bool: { should: ranges, minimum_should_match: 1 } };
}

const termsClause = (field: string, values: readonly string[] | undefined): Query | null =>
  values && values.length > 0 ? { terms: { [field]: [...values] } } : null;

function rangeClause(field: string, gte: number | undefined, lte: number | undefined): Query | null {
  if (gte === undefined && lte === undefined) return null;
  const range: estypes.QueryDslNumberRangeQuery = {};
  if (gte !== undefined) range.gte = gte;
  if (lte !== undefined) range.lte = lte;
  return { range: { [field]: range } };
}

const present = (clauses: (Query | null)[]): Query[] => clauses.filter((clause): clause is Query => clause !== null);

/** The filters that have a facet of their own: applied as a post_filter, each ignored by its own facet. */
export function facetFilters(query: TSearchQuery): Record<FacetName, Query | null> {
  return {
    niche: termsClause('niches', query.niche),
    platform: termsClause('platforms', query.platform),
    country: termsClause('country', query.country),
    language: termsClause('languages', query.language),
    tier: termsClause('tier', query.tier),
    priceBand: query.priceMax === undefined ? null : { range: { [priceField(query.currency, query.deliverable)]: { lte: query.priceMax } } },
    audienceCountry: shareClause('countries', query.audienceCountry),
  };
}

/** The filters without a facet: they narrow hits and facet counts alike. */
export function baseFilters(query: TSearchQuery): Query[] {
  return present([
    termsClause('city', query.city),
    rangeClause('totalFollowers', query.followersMin, query.followersMax),
    rangeClause('engagementRate', query.engagementMin, query.engagementMax),
    rangeClause('growth30d', query.growthMin, undefined),
    shareClause('ages', query.audienceAge),
    shareClause('genders', query.audienceGender),
    shareClause('languages', query.audienceLanguage),
    rangeClause('qualityScore', query.qualityMin, undefined),
    query.verifiedOnly ? { term: { provenance: 'platform_verified' } } : null,
  ]);
}

/** Bucket counts per facet: enough for every value of the closed taxonomies. */
export const FACET_SIZES = { niche: NICHES.length, platform: PLATFORMS.length, country: 50, language: 50, tier: TIERS.length, audienceCountry: 20 } as const;

function facetAggregation(facet: FacetName, query: TSearchQuery): estypes.AggregationsAggregationContainer {
  switch (facet) {
    case 'niche':
      return { terms: { field: 'niches', size: FACET_SIZES.niche } };
    case 'platform':
      return { terms: { field: 'platforms', size: FACET_SIZES.platform } };
    case 'country':
      return { terms: { field: 'country', size: FACET_SIZES.country } };
    case 'language':
      return { terms: { field: 'languages', size: FACET_SIZES.language } };
    case 'tier':
      return { terms: { field: 'tier', size: FACET_SIZES.tier } };
    case 'audienceCountry':
      return { terms: { field: 'audience_top_countries', size: FACET_SIZES.audienceCountry } };
    case 'priceBand':
      return {
        range: {
          field: priceField(query.currency, query.deliverable),
          ranges: PRICE_BANDS.map((band) => (band.max === null ? { key: band.value, from: band.min } : { key: band.value, from: band.min, to: band.max })),
        },
      };
  }
}

/** Facet order in requests and responses. */
export const FACET_NAMES: FacetName[] = ['niche', 'platform', 'country', 'language', 'tier', 'priceBand', 'audienceCountry'];

/** Each facet counts over the hits filtered by every facet filter but its own (search-design §5.3). */
export function facetAggregations(query: TSearchQuery): Record<FacetName, estypes.AggregationsAggregationContainer> {
  const filters = facetFilters(query);
  const aggregations: Partial<Record<FacetName, estypes.AggregationsAggregationContainer>> = {};
  for (const facet of FACET_NAMES) {
    aggregations[facet] = {
      filter: { bool: { filter: present(FACET_NAMES.filter((other) => other !== facet).map((other) => filters[other])) } },
      aggs: { values: facetAggregation(facet, query) },
    };
  }
  return aggregations as Record<FacetName, estypes.AggregationsAggregationContainer>;
}

/** Sort value for documents that lack the sorted number: past every real value, so they come last. */
export const MISSING_SORT_VALUE = {
  /** Engagement is 0–100 % and sorted descending. */
  engagement: -1,
  /** Growth is at least −100 % and sorted descending. */
  growth: -1_000_000,
  /** Above MAX_AMOUNT_MINOR, sorted ascending. (Not Long.MAX_VALUE: it would not survive JSON in JS.) */
  price: 10_000_000_000_000,
  /** Returned by the cost script when there is no price or no targeted audience. */
  cost: Number.MAX_VALUE,
} as const;

/**
 * Cost per targeted thousand as a Painless sort script: operation for operation the domain's
 * `computeCostPerTargetedThousand` (shares summed inside a filter and capped at 100, filters
 * multiplied, rounded half up to hundredths), so sorted order and shown numbers agree, ties
 * included. `doc.containsKey` guards audience keys no document has (unmapped fields).
 */
export const COST_SCRIPT = [
  'String pf = params.priceField;',
  'if (!doc.containsKey(pf) || doc[pf].size() == 0) { return params.missing; }',
  'double share = 1.0;',
  'for (def group : params.audience) {',
  '  double matched = 0.0;',
  '  for (def f : group) { if (doc.containsKey(f) && doc[f].size() > 0) { matched += doc[f].value; } }',
  '  share *= Math.min(100.0, matched) / 100.0;',
  '}',
  "double reached = doc['totalFollowers'].value * (doc['qualityScore'].value / 100.0) * share;",
  'if (!(reached > 0.0)) { return params.missing; }',
  'return Math.round(((doc[pf].value * 1000.0) / reached) * 100.0) / 100.0;',
].join('\n');

/** The `id` tie-breaker, in the direction of the main sort (as the PostgreSQL engine breaks ties). */
const byId = (order: 'asc' | 'desc'): Sort => ({ id: { order } });

/** The sort keys (always ending with `id` so that `search_after` is stable). */
export function buildSort(query: TSearchQuery, hasText: boolean): Sort[] {
  const sort = query.sort ?? (hasText ? 'relevance' : 'followers');
  switch (sort) {
    case 'relevance':
      return hasText
        ? [{ _score: { order: 'desc' } }, { totalFollowers: { order: 'desc' } }, byId('desc')]
        : [{ totalFollowers: { order: 'desc' } }, byId('desc')];
    case 'followers':
      return [{ totalFollowers: { order: 'desc' } }, byId('desc')];
    case 'engagement':
      return [{ engagementRate: { order: 'desc', missing: MISSING_SORT_VALUE.engagement } }, byId('desc')];
    case 'growth':
      return [{ growth30d: { order: 'desc', missing: MISSING_SORT_VALUE.growth } }, byId('desc')];
    case 'quality':
      // Within a score, the larger audience first (as the PostgreSQL engine orders).
      return [{ qualityScore: { order: 'desc' } }, { totalFollowers: { order: 'desc' } }, byId('desc')];
    case 'price':
      return [{ [priceField(query.currency, query.deliverable)]: { order: 'asc', missing: MISSING_SORT_VALUE.price } }, byId('asc')];
    case 'costPerTargetedThousand':
      return [
        {
          _script: {
            type: 'number',
            order: 'asc',
            script: {
              lang: 'painless',
              source: COST_SCRIPT,
              params: {
                priceField: priceField(query.currency, query.deliverable),
                audience: audienceTargetFields(audienceTargets(query)),
                missing: MISSING_SORT_VALUE.cost,
              },
            },
          },
        },
        byId('asc'),
      ];
  }
}

/** Highlight name and bio (and their sub-fields, whose fragments are the original text) with «…». */
export const HIGHLIGHT: estypes.SearchHighlight = {
  pre_tags: ['«'],
  post_tags: ['»'],
  fields: {
    displayName: { number_of_fragments: 0 },
    'displayName.joined': { number_of_fragments: 0 },
    'displayName.en': { number_of_fragments: 0 },
    bio: { fragment_size: 160, number_of_fragments: 1 },
    'bio.joined': { fragment_size: 160, number_of_fragments: 1 },
    'bio.en': { fragment_size: 160, number_of_fragments: 1 },
  },
};

const hasScoringText = (text: ParsedText) => text.terms.length > 0 || text.phrases.length > 0;

/**
 * The search request (without `index`) for a parsed query: hits (query + post_filter), facets
 * (filtered aggregations), sort with `search_after`, exact totals up to `EXACT_TOTAL_LIMIT` and
 * highlights. Throws `InvalidCursorError` for a cursor that does not belong to this query.
 */
export function buildSearchRequest(query: TSearchQuery): estypes.SearchRequest {
  const text = parseTextQuery(query.q);
  const hasText = hasScoringText(text);
  const { must, mustNot } = textClauses(text);
  const bool: estypes.QueryDslBoolQuery = { filter: baseFilters(query) };
  if (must.length > 0) bool.must = must;
  if (mustNot.length > 0) bool.must_not = mustNot;
  const scored: Query = hasText
    ? {
        function_score: {
          query: { bool },
          functions: [{ script_score: { script: { source: POPULARITY_SCRIPT } } }],
          boost_mode: 'multiply',
        },
      }
    : { bool };

  const sort = buildSort(query, hasText);
  const request: estypes.SearchRequest = {
    size: query.limit ?? DEFAULT_LIMIT,
    track_total_hits: EXACT_TOTAL_LIMIT,
    query: scored,
    aggs: facetAggregations(query),
    sort,
  };
  const postFilters = present(Object.values(facetFilters(query)));
  if (postFilters.length > 0) request.post_filter = { bool: { filter: postFilters } };
  if (hasText) request.highlight = HIGHLIGHT;
  if (query.cursor !== undefined) request.search_after = decodeCursor(query.cursor, queryFingerprint(query), sort.length);
  return request;
}

/**
 * Typeahead (as the PostgreSQL engine's): every typed word must start a word of the name or a
 * handle part (edge n-gram sub-fields; no fuzziness); the most-followed first.
 */
export function buildSuggestRequest(words: string[], limit: number): estypes.SearchRequest {
  return {
    size: limit,
    track_total_hits: false,
    _source: ['id', 'slug', 'displayName', 'handles'],
    query: { bool: { filter: words.map((word) => ({ multi_match: { query: word, fields: ['displayName.ac', 'handles.ac'] } })) } },
    sort: [{ totalFollowers: { order: 'desc' } }, byId('desc')],
  };
}

/**
 * Look-alikes of `seed` (never the seed): at least one shared niche and platform and a follower
 * count within ×/÷ 3 (filters), ranked by text similarity (more_like_this with the seed's bio and
 * niche labels as the text), niche overlap, audience-country overlap (the seed's top countries) and same tier.
 */
export function buildSimilarRequest(seed: InfluencerSearchDocument, limit: number): estypes.SearchRequest {
  const topCountries = Object.entries(seed.audience.countries)
    .filter(([, share]) => share >= TOP_AUDIENCE_COUNTRY_MIN_SHARE)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([country]) => country);
  return {
    size: limit,
    track_total_hits: false,
    query: {
      bool: {
        filter: [
          { terms: { niches: [...seed.niches] } },
          { terms: { platforms: [...seed.platforms] } },
          { range: { totalFollowers: { gte: Math.floor(seed.totalFollowers / 3), lte: seed.totalFollowers * 3 } } },
        ],
        must_not: [{ ids: { values: [seed.id] } }],
        should: [
          {
            more_like_this: {
              fields: ['bio', 'bio.en', 'niche_labels', 'niche_labels.en'],
              like: [seed.bio, nicheLabels(seed.niches)].filter(Boolean),
              min_term_freq: 1,
              min_doc_freq: 1,
              max_query_terms: 30,
              minimum_should_match: '20%',
            },
          },
          { terms: { niches: [...seed.niches], boost: 2 } },
          ...topCountries.map((country): Query => ({ range: { [audienceField('countries', country)]: { gte: TOP_AUDIENCE_COUNTRY_MIN_SHARE, boost: 1 } } })),
          { term: { tier: { value: seed.tier, boost: 0.5 } } },
        ],
      },
    },
    sort: [{ _score: { order: 'desc' } }, byId('asc')],
  };
}

import type { estypes } from '@elastic/elasticsearch';
import type { TSearchQuery } from '@reachbridge/contracts';
import { DEFAULT_LIMIT, type FacetBucket, type FacetName, type SearchHitResult, type SearchResult, type Suggestion } from '../search.port.js';
import { encodeCursor, queryFingerprint, type SortValue } from './cursor.js';
import { FACET_NAMES } from './query-builder.js';
import { audienceTargets, cheapestRate, costPerTargetedThousand, documentFromSource, type AudienceTarget, type InfluencerSearchSource } from './search-source.js';

/** A terms or range bucket as Elasticsearch returns it (array or keyed form). */
interface ResponseBucket {
  key?: string | number;
  key_as_string?: string;
  doc_count: number;
  from?: number;
  to?: number;
}

/** The facet aggregations `buildSearchRequest` asks for: a filter bucket around the values. */
export type FacetAggregations = Partial<Record<FacetName, { doc_count: number; values?: { buckets: ResponseBucket[] | Record<string, ResponseBucket>; doc_count_error_upper_bound?: number; sum_other_doc_count?: number } }>>;

/** The response shape of `client.search` for our index and aggregations. */
export type InfluencerSearchResponse = estypes.SearchResponse<InfluencerSearchSource, FacetAggregations>;

/** Highlight sources in order of preference: the name, then the bio. */
const HIGHLIGHT_ORDER = ['displayName', 'displayName.joined', 'displayName.en', 'bio', 'bio.joined', 'bio.en'];

/** The first highlighted field's fragments, joined with an ellipsis. */
export function pickHighlight(highlight: Record<string, string[]> | undefined): string | null {
  if (!highlight) return null;
  for (const field of HIGHLIGHT_ORDER) {
    const fragments = highlight[field];
    if (fragments && fragments.length > 0) return fragments.join(' … ');
  }
  return null;
}

function bucketsOf(buckets: ResponseBucket[] | Record<string, ResponseBucket> | undefined): FacetBucket[] {
  if (!buckets) return [];
  const entries: [string, ResponseBucket][] = Array.isArray(buckets)
    ? buckets.map((bucket) => [String(bucket.key ?? bucket.key_as_string ?? ''), bucket])
    : Object.entries(buckets);
  return entries
    .filter(([value, bucket]) => value !== '' && bucket.doc_count > 0)
    .map(([value, bucket]) => ({ value, count: bucket.doc_count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Facets as `{ value, count }[]`, by count descending then value; empty buckets dropped. */
export function parseFacets(aggregations: FacetAggregations | undefined): Record<FacetName, FacetBucket[]> {
  return Object.fromEntries(FACET_NAMES.map((facet) => [facet, bucketsOf(aggregations?.[facet]?.values?.buckets)])) as Record<FacetName, FacetBucket[]>;
}

function requireSource(hit: estypes.SearchHit<InfluencerSearchSource>): InfluencerSearchSource {
  if (!hit._source) throw new Error(`Elasticsearch returned hit ${hit._id ?? '?'} without _source`);
  return hit._source;
}

/** One hit: the document, its highlight, the price the query is about and the cost per targeted thousand. */
export function parseHit(hit: estypes.SearchHit<InfluencerSearchSource>, query: Pick<TSearchQuery, 'currency' | 'deliverable'> | null, targets: AudienceTarget[]): SearchHitResult {
  const document = documentFromSource(requireSource(hit));
  const price = query ? cheapestRate(document, query.currency, query.deliverable) : null;
  return {
    document,
    highlight: pickHighlight(hit.highlight),
    price,
    costPerTargetedThousand: query ? costPerTargetedThousand(document, price, targets) : null,
  };
}

/** The search response for `query` → `SearchResult`; a next cursor only when a full page came back. */
export function parseSearchResponse(response: InfluencerSearchResponse, query: TSearchQuery): SearchResult {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const targets = audienceTargets(query);
  const hits = response.hits.hits;
  const total = response.hits.total;
  const last = hits[hits.length - 1];
  return {
    hits: hits.map((hit) => parseHit(hit, query, targets)),
    total: typeof total === 'number' ? total : (total?.value ?? hits.length),
    totalIsLowerBound: typeof total === 'object' && total.relation === 'gte',
    facets: parseFacets(response.aggregations),
    nextCursor: hits.length >= limit && last?.sort ? encodeCursor(last.sort as SortValue[], queryFingerprint(query)) : null,
  };
}

/** Look-alike hits: documents only (no query, so no price context and no highlight). */
export function parseSimilarResponse(response: InfluencerSearchResponse): SearchHitResult[] {
  return response.hits.hits.map((hit) => parseHit(hit, null, []));
}

/** Typeahead hits → influencer suggestions (value: the first handle, else the name). */
export function parseSuggestResponse(response: estypes.SearchResponse<Pick<InfluencerSearchSource, 'id' | 'displayName' | 'handles'>>): Suggestion[] {
  return response.hits.hits.flatMap((hit): Suggestion[] => {
    const source = hit._source;
    if (!source) return [];
    return [{ kind: 'influencer', value: source.handles?.[0] ?? source.displayName, label: source.displayName, id: source.id }];
  });
}

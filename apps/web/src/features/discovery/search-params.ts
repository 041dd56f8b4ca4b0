import { isApiError } from '../../lib/api-client';
import { SEARCH_SORTS, type CallOptionsQuery } from './search-types';

/**
 * The discovery query lives in the URL, with the API's own parameter names and formats
 * (`niche=food&niche=travel&audienceCountry=IR:30&priceMax=50000`), so a link reproduces the
 * search exactly and the server validates it. These helpers read and write it immutably.
 */

export const LIST_KEYS = ['niche', 'platform', 'country', 'city', 'language', 'tier'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export const SHARE_KEYS = ['audienceCountry', 'audienceAge', 'audienceGender', 'audienceLanguage'] as const;
export type ShareKey = (typeof SHARE_KEYS)[number];

export const NUMBER_KEYS = ['followersMin', 'followersMax', 'engagementMin', 'engagementMax', 'growthMin', 'priceMax', 'qualityMin'] as const;
export type NumberKey = (typeof NUMBER_KEYS)[number];

export const SCALAR_KEYS = ['q', ...NUMBER_KEYS, 'currency', 'deliverable', 'verifiedOnly', 'sort'] as const;
export type ScalarKey = (typeof SCALAR_KEYS)[number];

const MULTI_KEYS: readonly string[] = [...LIST_KEYS, ...SHARE_KEYS];
const QUERY_KEYS: readonly string[] = [...MULTI_KEYS, ...SCALAR_KEYS];

/** Default minimum shares when an audience filter is added (Modash's defaults: geo and language 20 %, age 30 %, gender 50 %). */
export const SHARE_DEFAULTS: Record<ShareKey, number> = { audienceCountry: 20, audienceAge: 30, audienceGender: 50, audienceLanguage: 20 };

export type SortKey = (typeof SEARCH_SORTS)[number];

export interface ShareFilter {
  key: string;
  min: number;
}

function splitValues(values: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    for (const part of value.split(',')) {
      const trimmed = part.trim();
      if (trimmed) seen.add(trimmed);
    }
  }
  return [...seen];
}

export function readList(params: URLSearchParams, key: ListKey): string[] {
  return splitValues(params.getAll(key));
}

/** `IR:30` → { key: 'IR', min: 30 }; malformed entries are left out here (the server reports them). */
export function readShares(params: URLSearchParams, key: ShareKey): ShareFilter[] {
  return splitValues(params.getAll(key)).flatMap((entry) => {
    const match = /^([^:]+):(\d{1,3}(?:\.\d+)?)$/.exec(entry);
    return match ? [{ key: match[1]!, min: Number(match[2]) }] : [];
  });
}

export function readScalar(params: URLSearchParams, key: ScalarKey): string | undefined {
  const value = params.get(key)?.trim();
  return value ? value : undefined;
}

function copy(params: URLSearchParams): URLSearchParams {
  return new URLSearchParams(params);
}

export function writeList(params: URLSearchParams, key: ListKey, values: readonly string[]): URLSearchParams {
  const next = copy(params);
  next.delete(key);
  for (const value of values) next.append(key, value);
  return next;
}

export function toggleListValue(params: URLSearchParams, key: ListKey, value: string): URLSearchParams {
  const current = readList(params, key);
  return writeList(params, key, current.includes(value) ? current.filter((item) => item !== value) : [...current, value]);
}

export function formatShare(filter: ShareFilter): string {
  return `${filter.key}:${Math.round(filter.min)}`;
}

export function writeShares(params: URLSearchParams, key: ShareKey, filters: readonly ShareFilter[]): URLSearchParams {
  const next = copy(params);
  next.delete(key);
  for (const filter of filters) next.append(key, formatShare(filter));
  return next;
}

export function writeScalar(params: URLSearchParams, key: ScalarKey, value: string | undefined): URLSearchParams {
  const next = copy(params);
  if (value === undefined || value.trim() === '') next.delete(key);
  else next.set(key, value.trim());
  return next;
}

/** Removes one query parameter entirely (e.g. the one the server said was not valid). */
export function removeParam(params: URLSearchParams, key: string): URLSearchParams {
  const next = copy(params);
  next.delete(key);
  return next;
}

/** Keeps the text query and the sort, drops every filter. */
export function clearFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  const q = readScalar(params, 'q');
  const sort = readScalar(params, 'sort');
  if (q) next.set('q', q);
  if (sort) next.set('sort', sort);
  return next;
}

/** How many filters narrow the search (not the text, sort or currency). */
export function activeFilterCount(params: URLSearchParams): number {
  let count = 0;
  for (const key of LIST_KEYS) count += readList(params, key).length;
  for (const key of SHARE_KEYS) count += readShares(params, key).length;
  for (const key of NUMBER_KEYS) if (readScalar(params, key) !== undefined) count += 1;
  if (readScalar(params, 'deliverable')) count += 1;
  if (readScalar(params, 'verifiedOnly') === 'true') count += 1;
  return count;
}

/** The sort the server applies: the chosen one, else relevance with a text query, else followers. */
export function effectiveSort(params: URLSearchParams): SortKey {
  const sort = readScalar(params, 'sort');
  if (sort && (SEARCH_SORTS as readonly string[]).includes(sort)) return sort as SortKey;
  return readScalar(params, 'q') ? 'relevance' : 'followers';
}

/**
 * The search request for these URL parameters: the known parameters, passed as they are (lists
 * split on commas), in a stable order. Unknown parameters are ignored.
 */
export function toApiQuery(params: URLSearchParams): CallOptionsQuery {
  const query: Record<string, string | string[]> = {};
  for (const key of [...QUERY_KEYS].sort()) {
    if (MULTI_KEYS.includes(key)) {
      const values = splitValues(params.getAll(key));
      if (values.length) query[key] = values;
    } else {
      const value = params.get(key)?.trim();
      if (value) query[key] = value;
    }
  }
  return query;
}

/** A stable string for the query (cache key): equal searches share results whatever the parameter order. */
export function canonicalQuery(params: URLSearchParams): string {
  return JSON.stringify(toApiQuery(params));
}

export interface PriceBand {
  value: string;
  /** Upper bound in major units; null for the open-ended top band. */
  max: number | null;
  count: number;
}

/** `0-100`, `100-500` … `10000+` → ordered bands with their upper bound. */
export function parsePriceBands(buckets: readonly { value: string; count: number }[]): PriceBand[] {
  return buckets
    .flatMap<{ value: string; min: number; max: number | null; count: number }>((bucket) => {
      const range = /^(\d+)-(\d+)$/.exec(bucket.value);
      if (range) return [{ value: bucket.value, min: Number(range[1]), max: Number(range[2]), count: bucket.count }];
      const open = /^(\d+)\+$/.exec(bucket.value);
      return open ? [{ value: bucket.value, min: Number(open[1]), max: null, count: bucket.count }] : [];
    })
    .sort((a, b) => a.min - b.min)
    .map(({ value, max, count }) => ({ value, max, count }));
}

/** Which query parameters a 400 answer names (`query.followersMin`, `query.audienceAge.0.key` → followersMin, audienceAge). */
export function invalidParams(error: unknown): { param: string; message: string }[] {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return [];
  const seen = new Map<string, string>();
  for (const detail of error.details) {
    const [part, param] = detail.path.split('.');
    if (part === 'query' && param && !seen.has(param)) seen.set(param, detail.message);
  }
  return [...seen].map(([param, message]) => ({ param, message }));
}

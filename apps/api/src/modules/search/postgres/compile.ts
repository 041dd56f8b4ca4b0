/** A search query as SQL: its filters (each facet's own kept apart), sort expression and cursor. */
import { createHash } from 'node:crypto';
import type { TSearchQuery } from '@reachbridge/contracts';
import { TIER_BOUNDS, normalizeText } from '@reachbridge/domain';
import { PRICE_BANDS, type FacetName } from '../search.port.js';
import { InvalidCursorError } from '../search.errors.js';
import { TOP_COUNTRY_SHARE } from './search-table.js';
import { namePrefixQuery, parseTextQuery, type PrefixExpansions } from './text-query.js';

/** The words of a profile's name and handles (a handle's parts split at `.`, `_` and `-`), as migration 1765152000000 indexes them. */
export const NAME_WORDS = `to_tsvector('simple'::regconfig, translate(s.name_norm, '._-', '   '))`;
/** Profiles with this many followers or more have their name words in a small index of their own (migration 1765238400000). */
export const PROMINENT_FOLLOWERS = 250_000;
/** The prominent profiles whose name words match a tsquery (an SQL expression), as their index answers it. */
export const prominentNamesMatch = (tsquery: string) => `s.total_followers >= ${PROMINENT_FOLLOWERS} AND ${NAME_WORDS} @@ to_tsquery('simple', ${tsquery})`;
/**
 * The typo fallback looks for a near miss of words this long only. A shorter one is near too many
 * names (with `word_similarity` ≥ 0.5, `alx` is near every word starting with `al`): it must start
 * a word of the name or a handle instead, and a text without a longer word has no fallback.
 */
export const FUZZY_MIN_LETTERS = 4;

/** Whether the text has a word long enough for the typo fallback. */
export const hasFuzzyWord = (plain: string) => plain.split(' ').some((word) => [...word].length >= FUZZY_MIN_LETTERS);

/** Collects positional parameters: `params.add(value)` returns its `$n`. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

type SortKey = NonNullable<TSearchQuery['sort']>;
export const NO_VALUE = 9e15;

/** The filters of a query as SQL, each facet's own filter kept apart so its counts can ignore it. */
export interface CompiledQuery {
  params: Params;
  /** Conditions every hit and every facet count must meet. */
  common: string[];
  /** Conditions that belong to one facet dimension. */
  facetFilters: Partial<Record<FacetName, string>>;
  /**
   * Facets filtered on exactly one value: that value's count is the number of matches (its own
   * filter selects it, every other filter applies to it).
   */
  soleSelections: Partial<Record<FacetName, string>>;
  text: ReturnType<typeof parseTextQuery> | null;
  tsqueryParam: string | null;
  /** Fuzzy mode: one parameter per word of the text, each a near miss on a name or handle. */
  fuzzyParams: string[] | null;
  /** Fuzzy mode: the fallback's matches, listed. */
  fuzzyIds: string[] | null;
  priceExpr: string;
  sort: SortKey;
  sortExpr: string;
  sortDirection: 'ASC' | 'DESC';
  sortType: string;
  /** For the cost sort on an indexed price key: a lower bound of the sort value that an index orders by. */
  costFloorExpr: string | null;
}

/** The quality sort's one number: quality × this + followers (see migration 1765065600000). */
const QUALITY_ORDER_SCALE = 100_000_000_000;

/** Price keys with price and cost-floor indexes (migration 1764806400000-search-performance). */
const INDEXED_PRICE_KEYS: readonly string[] = ['USD', 'USD:post'];

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

const AUDIENCE_COLUMNS = {
  audienceCountry: 'audience_countries',
  audienceAge: 'audience_ages',
  audienceGender: 'audience_genders',
  audienceLanguage: 'audience_languages',
} as const;

/** Every condition of a query: the common ones and each facet's own. */
export const conditionsOf = (compiled: CompiledQuery) => [...compiled.common, ...Object.values(compiled.facetFilters)];

/**
 * `fuzzy`: match names and handles by trigram instead of full text (the fallback for typos);
 * `fuzzyIds`: the fallback's matches, when they were few enough to list (see fuzzyMatches).
 */
export function compile(
  query: TSearchQuery,
  mode: 'text' | 'fuzzy' = 'text',
  fuzzyIds: string[] | null = null,
  expansions?: PrefixExpansions,
): CompiledQuery {
  const params = new Params();
  const common: string[] = [];
  const facetFilters: Partial<Record<FacetName, string>> = {};
  const text = query.q ? parseTextQuery(query.q, expansions) : null;
  let tsqueryParam: string | null = null;
  let fuzzyParams: string[] | null = null;
  // Full text (GIN); when that finds nothing, a near miss on a name or handle (trigram GIN).
  // Each parameter is added only where every statement uses it.
  if (text?.tsquery && mode === 'text') {
    tsqueryParam = params.add(text.tsquery);
    common.push(`s.document @@ to_tsquery('simple', ${tsqueryParam})`);
  } else if (text?.tsquery) {
    // Every word must be near a word of the name or handles (as Elasticsearch's fuzzy match on
    // names does per term): "fitness coach" does not match every "fitness" handle.
    const words = text.plain.split(' ').filter(Boolean);
    fuzzyParams = words.filter((word) => [...word].length >= FUZZY_MIN_LETTERS).map((word) => params.add(word));
    if (fuzzyIds) {
      // Listed already: read them by id. The words still rank them (relevance); every statement
      // names them so that PostgreSQL knows each parameter's type.
      common.push(`s.id = ANY(${params.add(fuzzyIds)}::uuid[])`, ...fuzzyParams.map((param) => `${param}::text IS NOT NULL`));
    } else {
      const short = words.filter((word) => [...word].length < FUZZY_MIN_LETTERS);
      common.push(...fuzzyParams.map((param) => `${param} <% s.name_norm`));
      if (short.length) common.push(`${NAME_WORDS} @@ to_tsquery('simple', ${params.add(namePrefixQuery(short))})`);
    }
  }
  if (text?.excluded) common.push(`NOT s.document @@ to_tsquery('simple', ${params.add(text.excluded)})`);

  if (query.niche?.length) facetFilters.niche = `s.niches && ${params.add(query.niche)}::text[]`;
  if (query.platform?.length) facetFilters.platform = `s.platforms && ${params.add(query.platform)}::text[]`;
  if (query.country?.length) facetFilters.country = `s.country = ANY(${params.add(query.country)}::bpchar[])`; // bpchar, like the column: a cast of the column to text would hide its statistics from the planner
  if (query.language?.length) facetFilters.language = `s.languages && ${params.add(query.language)}::text[]`;
  if (query.tier?.length) {
    // The tier is a function of the followers: the range they span lets the followers index find the rows.
    const low = Math.min(...query.tier.map((tier) => TIER_BOUNDS[tier].min));
    const highs = query.tier.map((tier) => TIER_BOUNDS[tier].max);
    const range = [`s.total_followers >= ${params.add(low)}`, ...(highs.includes(null) ? [] : [`s.total_followers < ${params.add(Math.max(...(highs as number[])))}`])];
    facetFilters.tier = `(s.tier = ANY(${params.add(query.tier)}::text[]) AND ${range.join(' AND ')})`;
  }
  const soleSelections: Partial<Record<FacetName, string>> = {};
  for (const name of ['niche', 'platform', 'country', 'language', 'tier'] as const) {
    const values: readonly string[] | undefined = query[name];
    if (values?.length === 1) soleSelections[name] = values[0];
  }
  if (query.city?.length) common.push(`fa_normalize(s.city) = ANY(${params.add(query.city.map(normalizeText))}::text[])`);
  if (query.followersMin !== undefined) common.push(`s.total_followers >= ${params.add(query.followersMin)}`);
  if (query.followersMax !== undefined) common.push(`s.total_followers <= ${params.add(query.followersMax)}`);
  if (query.engagementMin !== undefined) common.push(`s.engagement_rate >= ${params.add(query.engagementMin)}`);
  if (query.engagementMax !== undefined) common.push(`s.engagement_rate <= ${params.add(query.engagementMax)}`);
  if (query.growthMin !== undefined) common.push(`s.growth_30d >= ${params.add(query.growthMin)}`);
  if (query.qualityMin !== undefined) common.push(`s.quality_score >= ${params.add(query.qualityMin)}`);
  if (query.verifiedOnly) common.push(`s.provenance = 'platform_verified'`);

  // Audience filters: OR inside one filter (IR ≥ 30 % or AE ≥ 10 %), AND between filters. For the
  // cost per targeted thousand, a filter's matched share is the sum of its shares (at most 100 %).
  const shareFactors: string[] = [];
  for (const [key, column] of Object.entries(AUDIENCE_COLUMNS) as [keyof typeof AUDIENCE_COLUMNS, string][]) {
    const filters = query[key] ?? [];
    if (!filters.length) continue;
    const shares = filters.map((filter) => ({ share: `coalesce((s.${column}->>${params.add(filter.key)})::float8, 0)`, min: filter.min }));
    shareFactors.push(`least(100, ${shares.map(({ share }) => share).join(' + ')}) / 100`);
    let condition = `(${shares.map(({ share, min }) => `${share} >= ${params.add(min)}`).join(' OR ')})`;
    if (key === 'audienceCountry' && filters.every((filter) => filter.min >= TOP_COUNTRY_SHARE)) {
      // Implied by the shares (a country with ≥ 10 % is in audience_top_countries), but the GIN
      // index can find these rows, where the jsonb shares would be read row by row.
      condition = `(s.audience_top_countries && ${params.add(filters.map((filter) => filter.key))}::text[] AND ${condition})`;
    }
    if (key === 'audienceCountry') facetFilters.audienceCountry = condition;
    else common.push(condition);
  }

  const priceKey = query.deliverable ? `${query.currency}:${query.deliverable}` : query.currency;
  // A literal key (currency and deliverable are enums), not a parameter: the price and cost-floor
  // indexes (migration 1764806400000) are on these exact expressions.
  const priceExpr = `(s.prices->>${sqlString(priceKey)})::bigint`;
  if (query.priceMax !== undefined) facetFilters.priceBand = `${priceExpr} <= ${params.add(query.priceMax)}`;

  const sort: SortKey = query.sort ?? (text?.tsquery ? 'relevance' : 'followers');
  const relevance = tsqueryParam
    ? `ts_rank_cd(s.document, to_tsquery('simple', ${tsqueryParam}), 32)`
    : fuzzyParams?.length
      ? `(${fuzzyParams.map((param) => `word_similarity(${param}, s.name_norm)`).join(' + ')}) / ${fuzzyParams.length}`
      : null;
  const share = shareFactors.length ? shareFactors.join(' * ') : '1';
  // [expression, direction, SQL type of the cursor value]. Plain columns keep the (column, id) indexes usable.
  const sortExprs: Record<SortKey, [string, 'ASC' | 'DESC', string]> = {
    relevance: relevance
      ? [`(${relevance} + 0.02 * ln(1 + s.total_followers))::float8`, 'DESC', 'float8']
      : ['s.total_followers', 'DESC', 'bigint'],
    followers: ['s.total_followers', 'DESC', 'bigint'],
    engagement: ['coalesce(s.engagement_rate::float8, -1)', 'DESC', 'float8'],
    growth: ['coalesce(s.growth_30d::float8, -1000)', 'DESC', 'float8'],
    // Within a score, the larger audience first (migration 1765065600000 indexes this expression).
    quality: [`(s.quality_score::bigint * ${QUALITY_ORDER_SCALE}) + s.total_followers`, 'DESC', 'bigint'],
    price: [`coalesce(${priceExpr}::float8, ${NO_VALUE})`, 'ASC', 'float8'],
    costPerTargetedThousand: [
      `coalesce(round((${priceExpr}::float8 * 1000 / nullif(s.total_followers * s.quality_score / 100.0 * ${share}, 0))::numeric, 2)::float8, ${NO_VALUE})`,
      'ASC',
      'float8',
    ],
  };
  const [sortExpr, sortDirection, sortType] = sortExprs[sort];
  // Every audience share is at most 100 %, so the cost per targeted thousand is never below this floor.
  const costFloorExpr =
    sort === 'costPerTargetedThousand' && INDEXED_PRICE_KEYS.includes(priceKey)
      ? `coalesce(${priceExpr}::float8 * 1000 / nullif(s.total_followers * s.quality_score / 100.0, 0), ${NO_VALUE})`
      : null;
  return { params, common, facetFilters, soleSelections, text, tsqueryParam, fuzzyParams, fuzzyIds, priceExpr, sort, sortExpr, sortDirection, sortType, costFloorExpr };
}

/** The query minus paging: a cursor only continues the query it came from. */
export function queryHash(query: TSearchQuery): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 12);
}

/** The query minus paging and sort: what the total and the facets depend on. */
export function filterHash(query: TSearchQuery): string {
  const { cursor: _cursor, limit: _limit, sort: _sort, ...rest } = query;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url');
}

export function encodeCursor(value: number, id: string, hash: string): string {
  return Buffer.from(JSON.stringify([value, id, hash])).toString('base64url');
}

export function decodeCursor(cursor: string, hash: string): { value: number; id: string } {
  try {
    const [value, id, cursorHash] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof value === 'number' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) && cursorHash === hash) return { value, id };
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

/**
 * Each facet's value(s) of a base row `b`, and when it has none. Arrays are unnested in the target
 * list (one ProjectSet over the rows): a lateral unnest per row costs about twice as much.
 */
export const FACET_VALUES: Record<FacetName, { value: string; present?: string }> = {
  niche: { value: 'unnest(b.niches)' },
  platform: { value: 'unnest(b.platforms)' },
  country: { value: 'b.country' },
  language: { value: 'unnest(b.languages)' },
  tier: { value: 'b.tier' },
  priceBand: {
    value: `CASE ${PRICE_BANDS.map((band) =>
      band.max === null ? `WHEN b.price >= ${band.min} THEN '${band.value}'` : `WHEN b.price < ${band.max} THEN '${band.value}'`,
    ).join(' ')} END`,
    present: 'b.price IS NOT NULL',
  },
  audienceCountry: { value: 'unnest(b.audience_top_countries)' },
};
export const FACET_NAMES = Object.keys(FACET_VALUES) as FacetName[];
/** Whether a row passes each facet's own filter, as columns `f_<facet>`. */
export const facetFlags = (compiled: CompiledQuery) => FACET_NAMES.map((name) => `(${compiled.facetFilters[name] ?? 'TRUE'}) AS f_${name}`).join(', ');

import { createHash } from 'node:crypto';
import type { TSearchQuery } from '@reachbridge/contracts';
import { NICHES, NICHE_SEARCH_LABELS, normalizeText } from '@reachbridge/domain';
import type { DataSource } from 'typeorm';
import { costPerTargetedThousand, matchedPrice, priceIndex } from '../search-math.js';
import {
  DEFAULT_LIMIT,
  EXACT_TOTAL_LIMIT,
  PRICE_BANDS,
  type FacetBucket,
  type FacetName,
  type InfluencerSearchDocument,
  type SearchEngine,
  type SearchHitResult,
  type SearchResult,
  type Suggestion,
} from '../search.port.js';
import { InvalidCursorError } from '../search.errors.js';
import { joinedPairs, parseTextQuery } from './text-query.js';

/** Collects positional parameters: `params.add(value)` returns its `$n`. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

type SortKey = NonNullable<TSearchQuery['sort']>;
const NO_VALUE = 9e15;

interface SearchRow {
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

const COLUMNS = `s.id, s.version, s.slug, s.display_name, s.bio, s.handles, s.niches, s.platforms, s.country, s.city, s.languages,
  s.total_followers, s.tier, s.engagement_rate, s.growth_30d, s.quality_score, s.provenance, s.audience_countries,
  s.audience_ages, s.audience_genders, s.audience_languages, s.rates, s.updated_at`;

function toDocument(row: SearchRow): InfluencerSearchDocument {
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

/** The filters of a query as SQL, each facet's own filter kept apart so its counts can ignore it. */
interface CompiledQuery {
  params: Params;
  /** Conditions every hit and every facet count must meet. */
  common: string[];
  /** Conditions that belong to one facet dimension. */
  facetFilters: Partial<Record<FacetName, string>>;
  text: ReturnType<typeof parseTextQuery> | null;
  tsqueryParam: string | null;
  plainParam: string | null;
  priceExpr: string;
  sort: SortKey;
  sortExpr: string;
  sortDirection: 'ASC' | 'DESC';
  sortType: string;
}

const AUDIENCE_COLUMNS = {
  audienceCountry: 'audience_countries',
  audienceAge: 'audience_ages',
  audienceGender: 'audience_genders',
  audienceLanguage: 'audience_languages',
} as const;

/** `fuzzy`: match names and handles by trigram instead of full text (the fallback for typos). */
function compile(query: TSearchQuery, mode: 'text' | 'fuzzy' = 'text'): CompiledQuery {
  const params = new Params();
  const common: string[] = [];
  const facetFilters: Partial<Record<FacetName, string>> = {};
  const text = query.q ? parseTextQuery(query.q) : null;
  let tsqueryParam: string | null = null;
  let plainParam: string | null = null;
  // Full text (GIN); when that finds nothing, a near miss on a name or handle (trigram GIN).
  // Each parameter is added only where every statement uses it.
  if (text?.tsquery && mode === 'text') {
    tsqueryParam = params.add(text.tsquery);
    common.push(`s.document @@ to_tsquery('simple', ${tsqueryParam})`);
  } else if (text?.tsquery) {
    plainParam = params.add(text.plain);
    common.push(`${plainParam} <% s.name_norm`);
  }
  if (text?.excluded) common.push(`NOT s.document @@ to_tsquery('simple', ${params.add(text.excluded)})`);

  if (query.niche?.length) facetFilters.niche = `s.niches && ${params.add(query.niche)}::text[]`;
  if (query.platform?.length) facetFilters.platform = `s.platforms && ${params.add(query.platform)}::text[]`;
  if (query.country?.length) facetFilters.country = `s.country = ANY(${params.add(query.country)}::text[])`;
  if (query.language?.length) facetFilters.language = `s.languages && ${params.add(query.language)}::text[]`;
  if (query.tier?.length) facetFilters.tier = `s.tier = ANY(${params.add(query.tier)}::text[])`;
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
    const condition = `(${shares.map(({ share, min }) => `${share} >= ${params.add(min)}`).join(' OR ')})`;
    if (key === 'audienceCountry') facetFilters.audienceCountry = condition;
    else common.push(condition);
  }

  const priceKey = query.deliverable ? `${query.currency}:${query.deliverable}` : query.currency;
  const priceExpr = `(s.prices->>${params.add(priceKey)})::bigint`;
  if (query.priceMax !== undefined) facetFilters.priceBand = `${priceExpr} <= ${params.add(query.priceMax)}`;

  const sort: SortKey = query.sort ?? (text?.tsquery ? 'relevance' : 'followers');
  const relevance = tsqueryParam
    ? `ts_rank_cd(s.document, to_tsquery('simple', ${tsqueryParam}), 32)`
    : plainParam
      ? `word_similarity(${plainParam}, s.name_norm)`
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
    quality: ['s.quality_score', 'DESC', 'smallint'],
    price: [`coalesce(${priceExpr}::float8, ${NO_VALUE})`, 'ASC', 'float8'],
    costPerTargetedThousand: [
      `coalesce(round((${priceExpr}::float8 * 1000 / nullif(s.total_followers * s.quality_score / 100.0 * ${share}, 0))::numeric, 2)::float8, ${NO_VALUE})`,
      'ASC',
      'float8',
    ],
  };
  const [sortExpr, sortDirection, sortType] = sortExprs[sort];
  return { params, common, facetFilters, text, tsqueryParam, plainParam, priceExpr, sort, sortExpr, sortDirection, sortType };
}

/** The query minus paging: a cursor only continues the query it came from. */
function queryHash(query: TSearchQuery): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 12);
}

function encodeCursor(value: number, id: string, hash: string): string {
  return Buffer.from(JSON.stringify([value, id, hash])).toString('base64url');
}

function decodeCursor(cursor: string, hash: string): { value: number; id: string } {
  try {
    const [value, id, cursorHash] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof value === 'number' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) && cursorHash === hash) return { value, id };
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

const FACET_SQL: Record<FacetName, (priceExpr: string) => { from: string; value: string }> = {
  niche: () => ({ from: 'unnest(b.niches) AS v', value: 'v' }),
  platform: () => ({ from: 'unnest(b.platforms) AS v', value: 'v' }),
  country: () => ({ from: 'LATERAL (SELECT b.country AS v) x', value: 'v' }),
  language: () => ({ from: 'unnest(b.languages) AS v', value: 'v' }),
  tier: () => ({ from: 'LATERAL (SELECT b.tier AS v) x', value: 'v' }),
  priceBand: () => ({
    from: `LATERAL (SELECT CASE ${PRICE_BANDS.map((band) =>
      band.max === null ? `WHEN b.price >= ${band.min} THEN '${band.value}'` : `WHEN b.price < ${band.max} THEN '${band.value}'`,
    ).join(' ')} END AS v WHERE b.price IS NOT NULL) x`,
    value: 'v',
  }),
  audienceCountry: () => ({ from: 'unnest(b.audience_top_countries) AS v', value: 'v' }),
};
const FACET_NAMES = Object.keys(FACET_SQL) as FacetName[];
/** Rows a facet estimate looks at when the matches are too many to count exactly. */
const FACET_SAMPLE_ROWS = 25_000;

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
      .filter(([, share]) => share >= 10)
      .map(([country]) => country),
    rates: d.rates,
    prices: priceIndex(d.rates),
    joined_pairs: joinedPairs(normalizeText(`${d.displayName} ${d.bio}`).split(/[\s\p{P}\p{S}]+/u).filter(Boolean)).join(' '),
    updated_at: d.updatedAt,
  };
}

/**
 * The default engine: a denormalised table with a generated tsvector (Persian-normalised, split
 * and ZWNJ-joined forms), trigram matching on names and handles, keyset pagination and facets in
 * one SQL round trip.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async search(query: TSearchQuery): Promise<SearchResult> {
    const result = await this.searchIn(query, 'text');
    // Nothing in the text? Perhaps a typo in a name or handle.
    return result.total === 0 && query.q ? this.searchIn(query, 'fuzzy') : result;
  }

  private async searchIn(query: TSearchQuery, mode: 'text' | 'fuzzy'): Promise<SearchResult> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const hash = queryHash(query);
    const compiled = compile(query, mode);
    const after = query.cursor ? decodeCursor(query.cursor, hash) : null;

    // The count and facet statements take only the filter parameters; the hit statement adds paging ones.
    const filterValues = compiled.params.values.slice();
    const facets = this.countMatches(compiled, filterValues).then(async (matches) =>
      matches <= EXACT_TOTAL_LIMIT
        ? { ...(await this.countFacets(compiled, filterValues)), totalIsLowerBound: false }
        : // Past the limit: the total is a lower bound and facet counts are estimated from a sample.
          { ...(await this.countFacets(compiled, filterValues, await this.samplePercent())), total: EXACT_TOTAL_LIMIT, totalIsLowerBound: true },
    );
    const [hits, counted] = await Promise.all([this.findHits(compiled, limit, after), facets]);
    const page = hits.slice(0, limit);
    const last = page[page.length - 1];
    return {
      hits: page.map((row) => this.toHit(row, query)),
      total: counted.total,
      totalIsLowerBound: counted.totalIsLowerBound,
      facets: counted.buckets,
      nextCursor: hits.length > limit && last ? encodeCursor(Number(last.sort_value), last.id, hash) : null,
    };
  }

  private async findHits(compiled: CompiledQuery, limit: number, after: { value: number; id: string } | null): Promise<SearchRow[]> {
    const { params } = compiled;
    const where = [...compiled.common, ...Object.values(compiled.facetFilters)];
    if (after) {
      const op = compiled.sortDirection === 'DESC' ? '<' : '>';
      where.push(`(${compiled.sortExpr}, s.id) ${op} (${params.add(after.value)}::${compiled.sortType}, ${params.add(after.id)}::uuid)`);
    }
    const headline = compiled.tsqueryParam
      ? `ts_headline('simple', fa_normalize(h.bio), to_tsquery('simple', ${compiled.tsqueryParam}),
           'StartSel=«, StopSel=», MaxFragments=1, MaxWords=24, MinWords=8, FragmentDelimiter=" … "')`
      : 'NULL';
    const sql = `
      SELECT h.*, ${headline} AS highlight FROM (
        SELECT ${COLUMNS}, ${compiled.sortExpr} AS sort_value, ${compiled.priceExpr} AS matched_price
          FROM influencer_search s
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY ${compiled.sortExpr} ${compiled.sortDirection}, s.id ${compiled.sortDirection}
         LIMIT ${params.add(limit + 1)}
      ) h ORDER BY h.sort_value ${compiled.sortDirection}, h.id ${compiled.sortDirection}`;
    return this.dataSource.query(sql, params.values);
  }

  /**
   * Every facet counts over the filtered set with its own filter lifted (multi-select facets),
   * in one statement over a materialised base of the rows that pass the other filters.
   */
  /** Matches, counted up to one past the exact-total limit (the scan stops there). */
  private async countMatches(compiled: CompiledQuery, values: unknown[]): Promise<number> {
    const where = [...compiled.common, ...Object.values(compiled.facetFilters)];
    const [row] = await this.dataSource.query<[{ n: number }]>(
      // The price expression is selected so that every filter parameter is used by this statement too.
      `SELECT count(*)::int AS n FROM (SELECT ${compiled.priceExpr} FROM influencer_search s ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT ${EXACT_TOTAL_LIMIT + 1}) x`,
      values,
    );
    return row.n;
  }

  /** The share of the table (percent) that holds about FACET_SAMPLE_ROWS rows, from the planner's row estimate. */
  private async samplePercent(): Promise<number> {
    const [row] = await this.dataSource.query<[{ rows: number }]>(`SELECT greatest(reltuples, 1)::float8 AS rows FROM pg_class WHERE oid = 'influencer_search'::regclass`);
    return Math.min(100, Math.max(0.1, (FACET_SAMPLE_ROWS * 100) / row.rows));
  }

  /**
   * With `samplePercent`, counts run over a repeatable block sample of the table and are scaled
   * up: estimates, cheap on a million rows.
   */
  private async countFacets(
    compiled: CompiledQuery,
    values: unknown[],
    samplePercent?: number,
  ): Promise<{ total: number; buckets: Record<FacetName, FacetBucket[]> }> {
    const flags = FACET_NAMES.map((name) => `(${compiled.facetFilters[name] ?? 'TRUE'}) AS f_${name}`);
    const allFlags = FACET_NAMES.map((name) => `b.f_${name}`).join(' AND ');
    const parts = [`SELECT 'total' AS facet, NULL AS value, count(*)::int AS count FROM base b WHERE ${allFlags}`];
    for (const name of FACET_NAMES) {
      const others = FACET_NAMES.filter((other) => other !== name).map((other) => `b.f_${other}`).join(' AND ');
      const { from, value } = FACET_SQL[name](compiled.priceExpr);
      parts.push(
        `(SELECT '${name}' AS facet, ${value}::text AS value, count(*)::int AS count FROM base b, ${from}
           WHERE ${others} GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 30)`,
      );
    }
    const sql = `
      WITH base AS MATERIALIZED (
        SELECT s.niches, s.platforms, s.country, s.languages, s.tier, s.audience_top_countries,
               ${compiled.priceExpr} AS price, ${flags.join(', ')}
          FROM influencer_search s ${samplePercent === undefined || samplePercent >= 100 ? '' : `TABLESAMPLE SYSTEM (${samplePercent}) REPEATABLE (42)`}
         ${compiled.common.length ? `WHERE ${compiled.common.join(' AND ')}` : ''}
      )
      ${parts.join('\n UNION ALL ')}`;
    const rows: { facet: FacetName | 'total'; value: string | null; count: number }[] = await this.dataSource.query(sql, values);
    const buckets = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetBucket[]])) as Record<FacetName, FacetBucket[]>;
    const scale = samplePercent === undefined || samplePercent >= 100 ? 1 : 100 / samplePercent;
    let total = 0;
    for (const row of rows) {
      if (row.facet === 'total') total = Math.round(row.count * scale);
      else if (row.value !== null) buckets[row.facet].push({ value: row.value, count: Math.round(row.count * scale) });
    }
    return { total, buckets };
  }

  private toHit(row: SearchRow, query: TSearchQuery): SearchHitResult {
    const document = toDocument(row);
    const price = matchedPrice(document, query);
    return {
      document,
      highlight: row.highlight ?? null,
      price: price === null ? null : { amount: price, currency: query.currency },
      costPerTargetedThousand: costPerTargetedThousand(price, document, query),
    };
  }

  async suggest(text: string, limit: number): Promise<Suggestion[]> {
    const normalized = normalizeText(text);
    const niches = NICHES.filter(
      (niche) => niche.startsWith(normalized) || normalizeText(NICHE_SEARCH_LABELS[niche].fa).split(' ').some((word) => word.startsWith(normalized)),
    )
      .slice(0, 3)
      .map((niche): Suggestion => ({ kind: 'niche', value: niche, label: niche, id: null }));
    const rows: { id: string; display_name: string; handle: string | null }[] = await this.dataSource.query(
      `SELECT s.id, s.display_name, s.handles[1] AS handle
         FROM influencer_search s
        WHERE s.name_norm LIKE $1 || '%' OR s.name_norm LIKE '% ' || $1 || '%' OR s.name_norm % $1
        ORDER BY (s.name_norm LIKE $1 || '%') DESC, similarity(s.name_norm, $1) DESC, s.total_followers DESC
        LIMIT $2`,
      [normalized.replace(/[%_\\]/g, '\\$&'), limit],
    );
    return [
      ...niches,
      ...rows.map((row): Suggestion => ({ kind: 'influencer', value: row.handle ?? row.display_name, label: row.display_name, id: row.id })),
    ].slice(0, limit);
  }

  /** Look-alikes: shared niches and platforms, overlapping audience countries, within ×/÷3 of the followers. */
  async similar(id: string, limit: number): Promise<SearchHitResult[]> {
    const rows: SearchRow[] = await this.dataSource.query(
      `WITH seed AS (SELECT * FROM influencer_search WHERE id = $1)
       SELECT ${COLUMNS},
              (cardinality(ARRAY(SELECT unnest(s.niches) INTERSECT SELECT unnest(seed.niches)))
               + (SELECT coalesce(sum(least((s.audience_countries->>k)::float8, (seed.audience_countries->>k)::float8)), 0) / 100
                    FROM jsonb_object_keys(seed.audience_countries) k)
               - abs(ln(greatest(s.total_followers, 1)::float8 / greatest(seed.total_followers, 1))) / 3)::float8 AS sort_value
         FROM influencer_search s, seed
        WHERE s.id <> seed.id
          AND s.niches && seed.niches
          AND s.platforms && seed.platforms
          AND s.total_followers BETWEEN seed.total_followers / 3 AND seed.total_followers * 3
        ORDER BY sort_value DESC, s.id
        LIMIT $2`,
      [id, limit],
    );
    const query = { currency: 'USD' } as TSearchQuery;
    return rows.map((row) => this.toHit(row, query));
  }

  async upsert(documents: InfluencerSearchDocument[]): Promise<void> {
    if (!documents.length) return;
    const rows = documents.map(searchTableRow);
    await this.dataSource.query(
      `INSERT INTO influencer_search (id, version, slug, display_name, bio, handles, niche_labels, niches, platforms, country, city,
         languages, total_followers, tier, engagement_rate, growth_30d, quality_score, provenance, audience_countries,
         audience_ages, audience_genders, audience_languages, audience_top_countries, rates, prices, joined_pairs, updated_at)
       SELECT id, version, slug, display_name, bio, handles, niche_labels, niches, platforms, country, city, languages,
              total_followers, tier, engagement_rate, growth_30d, quality_score, provenance, audience_countries, audience_ages,
              audience_genders, audience_languages, audience_top_countries, rates, prices, joined_pairs, updated_at
         FROM jsonb_to_recordset($1::jsonb) AS d(
           id uuid, version bigint, slug text, display_name text, bio text, handles text[], niche_labels text, niches text[],
           platforms text[], country text, city text, languages text[], total_followers bigint, tier text, engagement_rate real,
           growth_30d real, quality_score smallint, provenance text, audience_countries jsonb, audience_ages jsonb,
           audience_genders jsonb, audience_languages jsonb, audience_top_countries text[], rates jsonb, prices jsonb,
           joined_pairs text, updated_at timestamptz)
       ON CONFLICT (id) DO UPDATE SET
         version = EXCLUDED.version, slug = EXCLUDED.slug, display_name = EXCLUDED.display_name, bio = EXCLUDED.bio,
         handles = EXCLUDED.handles, niche_labels = EXCLUDED.niche_labels, niches = EXCLUDED.niches,
         platforms = EXCLUDED.platforms, country = EXCLUDED.country, city = EXCLUDED.city, languages = EXCLUDED.languages,
         total_followers = EXCLUDED.total_followers, tier = EXCLUDED.tier, engagement_rate = EXCLUDED.engagement_rate,
         growth_30d = EXCLUDED.growth_30d, quality_score = EXCLUDED.quality_score, provenance = EXCLUDED.provenance,
         audience_countries = EXCLUDED.audience_countries, audience_ages = EXCLUDED.audience_ages,
         audience_genders = EXCLUDED.audience_genders, audience_languages = EXCLUDED.audience_languages,
         audience_top_countries = EXCLUDED.audience_top_countries, rates = EXCLUDED.rates, prices = EXCLUDED.prices,
         joined_pairs = EXCLUDED.joined_pairs, updated_at = EXCLUDED.updated_at
       WHERE influencer_search.version < EXCLUDED.version`,
      [JSON.stringify(rows)],
    );
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) await this.dataSource.query(`DELETE FROM influencer_search WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async health(): Promise<'up' | 'down'> {
    try {
      await this.dataSource.query('SELECT 1 FROM influencer_search LIMIT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}

import type { TSearchQuery } from '@reachbridge/contracts';
import { NICHES, NICHE_SEARCH_LABELS, normalizeText } from '@reachbridge/domain';
import type { DataSource } from 'typeorm';
import { costPerTargetedThousand, matchedPrice } from '../search-math.js';
import { searchWords } from '../search-words.js';
import {
  DEFAULT_LIMIT,
  EXACT_TOTAL_LIMIT,
  type FacetBucket,
  type FacetName,
  type InfluencerSearchDocument,
  type SearchEngine,
  type SearchHitResult,
  type SearchResult,
  type Suggestion,
} from '../search.port.js';
import {
  compile,
  conditionsOf,
  decodeCursor,
  encodeCursor,
  facetFlags,
  FACET_NAMES,
  FACET_VALUES,
  filterHash,
  hasFuzzyWord,
  NAME_WORDS,
  NO_VALUE,
  prominentNamesMatch,
  queryHash,
  type CompiledQuery,
} from './compile.js';
import { COLUMNS, searchTableRow, toDocument, type SearchRow } from './search-table.js';
import { namePrefixQuery, parseTextQuery, wordStartPatterns, type PrefixExpansions } from './text-query.js';

/** How many pages of rows by cost floor the cost bound is taken from. */
const COST_BOUND_PAGES = 10;

/**
 * Rows a facet estimate looks at (a repeatable block sample: always the same ~0.3 % of a million
 * rows, so those pages stay in shared buffers).
 */
const FACET_SAMPLE_ROWS = 3_000;
/** Facets are counted exactly when the rows they count over (the non-facet filters' matches) are estimated at most this many. */
const EXACT_FACET_BASE_LIMIT = 20_000;
/** Trigram-fallback matches counted exactly (with exact facets) up to this many. */
const FUZZY_EXACT_LIMIT = 2_000;
/** A sample estimate this far past EXACT_TOTAL_LIMIT is trusted without counting. */
const SKIP_COUNT_FACTOR = 2;
/**
 * Relevance ranks at most this many matches: the most-followed ones (followers are part of the
 * relevance score, and the followers index finds them without touching the other matches).
 */
const RELEVANCE_CANDIDATES = 300;
/** Matches the counting statement lists in sort order: one past the largest page (`limit` ≤ 100). */
const FIRST_PAGE_CANDIDATES = 101;
/**
 * How long totals, facets and listed matches are reused for the same query while the search
 * table's generation (migration 1764892800000) is unchanged. A write to the table ends the reuse
 * at once, or, with `maxStalenessMs`, once the reused result is that old.
 */
const REUSE_MS = 10 * 60_000;
const REUSED_ENTRIES = 1000;

/** Sets `key` as the most recently used entry of an insertion-ordered map, forgetting the oldest past REUSED_ENTRIES. */
function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REUSED_ENTRIES) map.delete(map.keys().next().value!);
}

/** With only one- or two-letter words, typeahead tests this many of the most-followed profiles (see suggestedProfiles). */
const SUGGEST_WALK = 1500;
/** Typeahead reads the full index only when a typed word has at least this many letters. */
const INDEXED_PREFIX = 3;
/**
 * Reading a profile to test its name costs about as much as collecting this many entries from the
 * name index (6.3 µs against 0.5 µs a match at a million profiles: 18,538 `علی` profiles read and
 * tested in 116 ms; the 72,261 entries starting with `tra` collected in 35 ms).
 */
const READ_COST_RATIO = 12;

/** Each facet lists at most this many values, the most frequent first. */
const FACET_BUCKETS = 30;

/**
 * Sampled facets beside an exact total. A facet filtered on one value counts exactly the matches
 * for that value, so its bucket says so instead of the sample's estimate (which could read 7,992
 * beside "6,770 influencers"); the other values stay estimates.
 */
function withSoleSelections(
  buckets: Record<FacetName, FacetBucket[]>,
  selections: Partial<Record<FacetName, string>>,
  total: number,
): Record<FacetName, FacetBucket[]> {
  const byCount = (a: FacetBucket, b: FacetBucket) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  const pinned = { ...buckets };
  for (const [facet, value] of Object.entries(selections) as [FacetName, string][]) {
    pinned[facet] = [{ value, count: total }, ...buckets[facet].filter((bucket) => bucket.value !== value)].sort(byCount).slice(0, FACET_BUCKETS);
  }
  return pinned;
}

/** At most this many dictionary words stand for one prefix (Elasticsearch's `max_expansions`). */
const MAX_EXPANSIONS = 50;
/**
 * A prefix is expanded only when its words are in at least this many profiles (counted per word):
 * a narrower prefix is cheap to match as a prefix, and stays exact (a word newer than the
 * dictionary, or in one profile only, is found while typing it).
 */
const EXPAND_PREFIXES_FROM = 5_000;
/** A prefix's expansion is looked up again after this long (the dictionary changes when rebuilt). */
const EXPANSION_REUSE_MS = 60_000;
/** `maintain` rebuilds the term dictionary when it is older than this and the table has changed. */
const TERMS_MAX_AGE_MS = 60 * 60_000;

interface Counted {
  total: number;
  totalIsLowerBound: boolean;
  facetsAreEstimates: boolean;
  buckets: Record<FacetName, FacetBucket[]>;
  /**
   * With an exact count, what the counting statement listed while it read the matches: for ranked
   * text the relevance candidates (the most-followed matches), for other sorts the first
   * FIRST_PAGE_CANDIDATES matches in the sort's order.
   */
  candidates?: string[];
}

export interface PostgresSearchOptions {
  /** Reuse totals, facets and listed matches this long while the table is unchanged (0: never; REUSE_MS). */
  reuseMs?: number;
  /**
   * Near real time: after a write, results computed before it are still reused until they are this
   * old (0, the default: a write shows in the next search). Under a steady stream of profile
   * writes, every write would otherwise make every query recount its matches. Hits are always
   * read from the table and filtered again, so a hit never shows stale values or a profile that
   * no longer matches; within the window a new match can be missing from the totals, the facets
   * and a listed first page.
   */
  maxStalenessMs?: number;
  /** FACET_SAMPLE_ROWS; tests lower it to reach the sampled path on a small table. */
  facetSampleRows?: number;
  /** EXACT_FACET_BASE_LIMIT. */
  exactFacetBaseLimit?: number;
  /** RELEVANCE_CANDIDATES. */
  relevanceCandidates?: number;
  /** EXPAND_PREFIXES_FROM; tests lower it to expand on a small table. */
  expandPrefixesFrom?: number;
  /** SUGGEST_WALK; tests lower it to reach the index on a small table. */
  suggestWalk?: number;
}

/**
 * The default engine: a denormalised table with a generated tsvector (Persian-normalised, split
 * and ZWNJ-joined forms), trigram matching on names and handles, keyset pagination, facets in SQL
 * (compile.ts builds the statements' conditions; search-table.ts maps the rows).
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  private readonly reuseMs: number;
  private readonly maxStalenessMs: number;
  private readonly facetSampleRows: number;
  private readonly exactFacetBaseLimit: number;
  private readonly relevanceCandidates: number;
  private readonly expandPrefixesFrom: number;
  private readonly suggestWalk: number;
  /** Counts (and the fallback's matches) and the table generation they were computed at, least recently used first. */
  private readonly reused = new Map<string, { at: number; generation: string; value: unknown }>();
  /** Typeahead answers, reused as counts are, kept apart so that typing never pushes counts out. */
  private readonly reusedSuggestions = new Map<string, { at: number; generation: string; value: unknown }>();
  /** The table's generation as last read, and when (see currentGeneration). */
  private knownGeneration: { at: number; generation: string } | null = null;
  /** Prefix expansions looked up in the term dictionary, least recently used first. */
  private readonly expansions = new Map<string, { at: number; words: string[] }>();
  private tableRows: { at: number; rows: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    options: PostgresSearchOptions = {},
  ) {
    this.reuseMs = options.reuseMs ?? REUSE_MS;
    this.maxStalenessMs = Math.min(options.maxStalenessMs ?? 0, this.reuseMs);
    this.facetSampleRows = options.facetSampleRows ?? FACET_SAMPLE_ROWS;
    this.exactFacetBaseLimit = options.exactFacetBaseLimit ?? EXACT_FACET_BASE_LIMIT;
    this.relevanceCandidates = options.relevanceCandidates ?? RELEVANCE_CANDIDATES;
    this.suggestWalk = options.suggestWalk ?? SUGGEST_WALK;
    this.expandPrefixesFrom = options.expandPrefixesFrom ?? EXPAND_PREFIXES_FROM;
  }

  async search(query: TSearchQuery): Promise<SearchResult> {
    const generation = this.generationOnce();
    const result = await this.searchIn(query, 'text', generation);
    // Nothing in the text? Perhaps a typo in a name or handle.
    return result.total === 0 && query.q && hasFuzzyWord(parseTextQuery(query.q).plain) ? this.searchIn(query, 'fuzzy', generation) : result;
  }

  private async searchIn(query: TSearchQuery, mode: 'text' | 'fuzzy', generation: () => Promise<string>): Promise<SearchResult> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const hash = queryHash(query);
    const filters = filterHash(query);
    const expansions = mode === 'text' && query.q ? await this.prefixExpansions(parseTextQuery(query.q).prefixes) : undefined;
    let compiled = compile(query, mode, null, expansions);
    if (mode === 'fuzzy') {
      // Trigram matching is the costly part of the fallback: find its matches once, then count,
      // facet and page over them by id.
      const ids = await this.reuse(generation, `fuzzy:${filters}`, () => this.fuzzyMatches(compiled));
      if (ids) compiled = compile(query, mode, ids);
    }
    const after = query.cursor ? decodeCursor(query.cursor, hash) : null;

    // The count and facet statements take only the filter parameters; the hit statement adds paging ones.
    const filterValues = compiled.params.values.slice();
    // The hits wait for the count: with few matches it has listed the first page already (see findHits).
    let counted = await this.reuse(generation, `count:${mode}:${compiled.sort}:${filters}`, () => this.count(compiled, filterValues));
    if (this.ranked(compiled) && !counted.candidates) {
      // Past EXACT_TOTAL_LIMIT matches nothing listed the relevance candidates: the followers
      // index finds them after a walk that tests each row's text, worth doing once, like a count.
      const candidates = await this.reuse(generation, `candidates:${filters}`, () => this.relevanceCandidateIds(compiled, filterValues));
      counted = { ...counted, candidates };
    }
    const hits = await this.findHits(compiled, limit, after, counted);
    const page = hits.slice(0, limit);
    const last = page[page.length - 1];
    return {
      hits: page.map((row) => this.toHit(row, query)),
      total: counted.total,
      totalIsLowerBound: counted.totalIsLowerBound,
      facetsAreEstimates: counted.facetsAreEstimates,
      facets: counted.buckets,
      nextCursor: hits.length > limit && last ? encodeCursor(Number(last.sort_value), last.id, hash) : null,
    };
  }

  /**
   * The term dictionary's words for each prefix (migration 1764979200000): at most MAX_EXPANSIONS,
   * the most frequent first; none when they are in fewer than `expandPrefixesFrom` profiles.
   */
  private async prefixExpansions(prefixes: string[]): Promise<PrefixExpansions | undefined> {
    if (!prefixes.length) return undefined;
    const now = Date.now();
    const result = new Map<string, string[]>();
    for (const prefix of prefixes) {
      const known = this.expansions.get(prefix);
      if (known && now - known.at < EXPANSION_REUSE_MS) result.set(prefix, known.words);
    }
    const missing = prefixes.filter((prefix) => !result.has(prefix));
    if (missing.length) {
      // Byte order: the words starting with a prefix lie between it and it followed by U+10FFFF.
      const rows = await this.dataSource.query<{ prefix: string; words: string[] }[]>(
        `SELECT p.prefix, CASE WHEN w.documents >= $2 THEN w.words ELSE '{}' END AS words
           FROM unnest($1::text[]) AS p(prefix)
           LEFT JOIN LATERAL (
             SELECT array_agg(t.term ORDER BY t.documents DESC, t.term) AS words, sum(t.documents) AS documents FROM (
               SELECT term, documents FROM search_terms
                WHERE term >= p.prefix COLLATE "C" AND term < (p.prefix || chr(1114111)) COLLATE "C"
                ORDER BY documents DESC, term LIMIT ${MAX_EXPANSIONS}) t
           ) w ON true`,
        [missing, this.expandPrefixesFrom],
      );
      for (const { prefix, words } of rows) {
        result.set(prefix, words);
        remember(this.expansions, prefix, { at: now, words });
      }
    }
    return result;
  }

  /**
   * Rebuilds the term dictionary from the search table: every word in at least two profiles, with
   * how many profiles it is in. One builder at a time (others return at once); searches keep
   * using the previous dictionary until it commits. Returns the number of words, or null when
   * another process was building it.
   */
  async rebuildTerms(): Promise<number | null> {
    const built = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = 0`);
      const [{ locked }] = await manager.query<[{ locked: boolean }]>(`SELECT pg_try_advisory_xact_lock(hashtext('search_terms')) AS locked`);
      if (!locked) return null;
      // The generation before reading the table: a write during the build leaves it looking stale.
      await manager.query(
        `INSERT INTO search_terms_state (singleton, built_at, generation)
         VALUES (true, now(), coalesce((SELECT generation FROM search_generation), 0))
         ON CONFLICT (singleton) DO UPDATE SET built_at = EXCLUDED.built_at, generation = EXCLUDED.generation`,
      );
      await manager.query(`DELETE FROM search_terms`);
      await manager.query(
        `INSERT INTO search_terms (term, documents)
         SELECT word, ndoc FROM ts_stat('SELECT document FROM influencer_search') WHERE ndoc >= 2`,
      );
      const [{ words }] = await manager.query<[{ words: number }]>(`SELECT count(*)::int AS words FROM search_terms`);
      return words;
    });
    // This process sees the new dictionary at once; others once their expansions are a minute old.
    this.expansions.clear();
    return built;
  }

  /** The worker's upkeep: rebuilds the term dictionary when there is none, or it is old and the table has changed. */
  async maintain(): Promise<void> {
    const [state] = await this.dataSource.query<{ stale: boolean }[]>(
      `SELECT t.generation IS DISTINCT FROM (SELECT generation FROM search_generation)
              AND t.built_at < now() - make_interval(secs => $1) AS stale
         FROM search_terms_state t`,
      [TERMS_MAX_AGE_MS / 1000],
    );
    if (!state || state.stale) await this.rebuildTerms();
  }

  /** The table's generation for one search: read when a reuse first needs it, and only once. */
  private generationOnce(): () => Promise<string> {
    let read: Promise<string> | undefined;
    return () => (read ??= this.currentGeneration());
  }

  /**
   * The search table's generation (migration 1764892800000). Results computed at the generation
   * read at time T are exact as of T; so within the staleness window the one last read serves
   * every search, and a steady stream of searches reads it once per window instead of once each
   * (a round trip to a server busy with searches costs far more than the trivial statement).
   */
  private async currentGeneration(): Promise<string> {
    const now = Date.now();
    const known = this.knownGeneration;
    if (known && now - known.at < this.maxStalenessMs) return known.generation;
    const [{ generation }] = await this.dataSource.query<[{ generation: string }]>(
      `SELECT coalesce((SELECT generation FROM search_generation), 0)::text AS generation`,
    );
    this.knownGeneration = { at: now, generation };
    return generation;
  }

  /**
   * A result computed for the current generation of the search table (and not too long ago), or
   * computed now. Any write to the table changes the generation, so a write shows in the next search, or
   * (with `maxStalenessMs`) in the first search once the result reused is that old.
   */
  private async reuse<T>(generation: () => Promise<string>, key: string, compute: () => Promise<T>, store = this.reused): Promise<T> {
    if (this.reuseMs <= 0) return compute();
    const cached = store.get(key);
    const age = cached ? Date.now() - cached.at : Infinity;
    if (cached && age < this.reuseMs && (age < this.maxStalenessMs || cached.generation === (await generation()))) {
      remember(store, key, cached);
      return cached.value as T;
    }
    store.delete(key);
    // The generation before reading the table: a write meanwhile leaves the result looking older than it is, never newer.
    const current = await generation();
    const at = Date.now();
    const value = await compute();
    remember(store, key, { at, generation: current, value });
    return value;
  }

  /** The fallback's matches (the non-facet filters), when there are at most FUZZY_EXACT_LIMIT. */
  private async fuzzyMatches(compiled: CompiledQuery): Promise<string[] | null> {
    // The facet flags are selected only so that every filter parameter is used by the statement.
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT s.id, ${facetFlags(compiled)} FROM influencer_search s WHERE ${compiled.common.join(' AND ')} LIMIT ${FUZZY_EXACT_LIMIT + 1}`,
      compiled.params.values,
    );
    return rows.length <= FUZZY_EXACT_LIMIT ? rows.map((row) => row.id) : null;
  }

  /**
   * The total and the facets, as cheaply as they can be honest:
   *
   * - A small table is counted exactly (past EXACT_TOTAL_LIMIT matches the total is a lower bound),
   *   and so are the listed matches of the trigram fallback.
   * - A large one is first estimated from a ~FACET_SAMPLE_ROWS block sample. Far past the limit,
   *   that is the answer (lower-bound total, estimated facets). Otherwise the matches are counted
   *   (up to the limit), and the facets are counted exactly only when the rows they range over
   *   are few; else they stay estimates (`facetsAreEstimates`).
   */
  private async count(compiled: CompiledQuery, values: unknown[]): Promise<Counted> {
    const rows = await this.searchTableRows();
    const samplePercent = (this.facetSampleRows * 100) / rows;
    if (samplePercent >= 50) {
      const [{ n: matches, candidates }, exact] = await Promise.all([this.countMatches(compiled, values), this.countFacets(compiled, values)]);
      return matches <= EXACT_TOTAL_LIMIT
        ? { total: exact.total, totalIsLowerBound: false, facetsAreEstimates: false, buckets: exact.buckets, candidates }
        : { total: EXACT_TOTAL_LIMIT, totalIsLowerBound: true, facetsAreEstimates: false, buckets: exact.buckets };
    }
    if (compiled.fuzzyIds) {
      // The trigram fallback runs only when the text matched nothing and usually matches few
      // rows, listed already: counting them beats testing word similarity on every sampled row.
      // (A common word in handles can match many: then the sample, as for text.)
      const [{ n: matches, candidates }, exact] = await Promise.all([this.countMatches(compiled, values), this.countFacets(compiled, values)]);
      return { total: matches, totalIsLowerBound: false, facetsAreEstimates: false, buckets: exact.buckets, candidates };
    }

    const sampled = await this.countFacets(compiled, values, samplePercent);
    const estimate: Counted = { total: EXACT_TOTAL_LIMIT, totalIsLowerBound: true, facetsAreEstimates: true, buckets: sampled.buckets };
    if (sampled.total > SKIP_COUNT_FACTOR * EXACT_TOTAL_LIMIT) return estimate;
    const { n: matches, candidates } = await this.countMatches(compiled, values);
    if (matches > EXACT_TOTAL_LIMIT) return estimate;
    if (sampled.base <= this.exactFacetBaseLimit) {
      const exact = await this.countFacets(compiled, values);
      return { total: matches, totalIsLowerBound: false, facetsAreEstimates: false, buckets: exact.buckets, candidates };
    }
    return { total: matches, totalIsLowerBound: false, facetsAreEstimates: true, buckets: withSoleSelections(sampled.buckets, compiled.soleSelections, matches), candidates };
  }

  /** The RELEVANCE_CANDIDATES most-followed matches, which relevance ranks (see findHits). */
  private async relevanceCandidateIds(compiled: CompiledQuery, values: unknown[]): Promise<string[]> {
    const where = conditionsOf(compiled);
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT s.id FROM influencer_search s WHERE ${where.join(' AND ')} ORDER BY s.total_followers DESC, s.id DESC LIMIT ${this.relevanceCandidates}`,
      values,
    );
    return rows.map((row) => row.id);
  }

  /** Text relevance: ranked among the most-followed RELEVANCE_CANDIDATES matches (see findHits). */
  private ranked(compiled: CompiledQuery): boolean {
    return compiled.sort === 'relevance' && compiled.tsqueryParam !== null;
  }

  private async findHits(compiled: CompiledQuery, limit: number, after: { value: number; id: string } | null, counted: Counted): Promise<SearchRow[]> {
    const { params } = compiled;
    const ranked = this.ranked(compiled);
    const candidates = counted.candidates ?? null;
    const filters = conditionsOf(compiled);
    const where = [...filters];
    if (after) {
      const op = compiled.sortDirection === 'DESC' ? '<' : '>';
      where.push(`(${compiled.sortExpr}, s.id) ${op} (${params.add(after.value)}::${compiled.sortType}, ${params.add(after.id)}::uuid)`);
    }
    const headline = compiled.tsqueryParam
      ? `ts_headline('simple', fa_normalize(h.bio), to_tsquery('simple', ${compiled.tsqueryParam}),
           'StartSel=«, StopSel=», MaxFragments=1, MaxWords=24, MinWords=8, FragmentDelimiter=" … "')`
      : 'NULL';
    // Ranking text relevance reads every match's tsvector; a broad word matches a sixth of the
    // table. Rank only the most-followed RELEVANCE_CANDIDATES matches instead (all of them when
    // there are fewer): a fixed set, so keyset pages over it stay consistent. With at most
    // EXACT_TOTAL_LIMIT matches the counting statement has listed them (it read those rows
    // anyway); with more, relevanceCandidateIds has (see searchIn). Other sorts take
    // their first page from the counting statement's list when it has one (every later page, and
    // every page past EXACT_TOTAL_LIMIT matches, is read from the table).
    //
    // The filters are repeated on listed ids: cheap on a few hundred rows, and every parameter
    // stays used; OFFSET 0 keeps the planner from also scanning the text index for them, which on
    // a broad prefix costs more than the whole page.
    const listed = (ids: string[]) =>
      `(SELECT * FROM (SELECT * FROM influencer_search s WHERE s.id = ANY(${params.add(ids)}::uuid[]) OFFSET 0) s ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}) s`;
    const firstPageListed = !ranked && !after && candidates !== null && (candidates.length > limit || candidates.length === counted.total);
    let from = (ranked || firstPageListed) && candidates ? listed(candidates) : 'influencer_search s';
    const conditions = from === 'influencer_search s' ? where : where.slice(filters.length);
    // With few matches (counted exactly), sorting them all is cheaper than walking the floor index
    // past the many rows that fail the filters.
    if (compiled.costFloorExpr && !firstPageListed && counted.totalIsLowerBound) {
      // The cost depends on the query's audience shares, so no index orders by it. But it is never
      // below its floor, which one does. Among the first rows by floor, the (limit+1)-th lowest
      // cost T bounds the page's worst cost, and only rows with floor ≤ T can beat it (+0.01 for
      // the cost's rounding to cents). Ten pages' worth of rows make T tight for little reading.
      const [bound] = await this.dataSource.query<{ t: number | null }[]>(
        `SELECT v::float8 AS t FROM (
           SELECT ${compiled.sortExpr} AS v FROM influencer_search s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY ${compiled.costFloorExpr}, s.id LIMIT ${(limit + 1) * COST_BOUND_PAGES}) x
          ORDER BY v OFFSET ${limit} LIMIT 1`,
        params.values.slice(),
      );
      if (bound?.t !== null && bound?.t !== undefined && bound.t < NO_VALUE) {
        // The rows under the bound come from the floor index alone (OFFSET 0 keeps the planner
        // from also ANDing in a GIN scan of a broad filter, e.g. 450,000 rows for IR ≥ 50 %);
        // the filters then apply to those few rows.
        from = `(SELECT * FROM influencer_search s WHERE ${compiled.costFloorExpr} <= ${params.add(bound.t + 0.01)}::float8 OFFSET 0) s`;
      }
    }
    const sql = `
      SELECT h.*, ${headline} AS highlight FROM (
        SELECT ${COLUMNS}, ${compiled.sortExpr} AS sort_value, ${compiled.priceExpr} AS matched_price
          FROM ${from}
         ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
         ORDER BY ${compiled.sortExpr} ${compiled.sortDirection}, s.id ${compiled.sortDirection}
         LIMIT ${params.add(limit + 1)}
      ) h ORDER BY h.sort_value ${compiled.sortDirection}, h.id ${compiled.sortDirection}`;
    return this.dataSource.query<SearchRow[]>(sql, params.values);
  }

  /**
   * Matches, counted up to one past the exact-total limit (the scan stops there). The same pass
   * lists candidates (see Counted): it reads those rows anyway.
   */
  private async countMatches(compiled: CompiledQuery, values: unknown[]): Promise<{ n: number; candidates?: string[] }> {
    const where = conditionsOf(compiled);
    const [order, direction, keep] = this.ranked(compiled)
      ? ['s.total_followers', 'DESC', this.relevanceCandidates]
      : [compiled.sortExpr, compiled.sortDirection, FIRST_PAGE_CANDIDATES];
    const matches = `SELECT s.id, ${order} AS v FROM influencer_search s ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT ${EXACT_TOTAL_LIMIT + 1}`;
    const rows = await this.dataSource.query<{ id: string; n: number }[]>(
      `SELECT x.id, count(*) OVER ()::int AS n FROM (${matches}) x ORDER BY x.v ${direction}, x.id ${direction} LIMIT ${keep}`,
      values,
    );
    const n = rows[0]?.n ?? 0;
    return n <= EXACT_TOTAL_LIMIT ? { n, candidates: rows.map((row) => row.id) } : { n };
  }

  /** The planner's row count of the search table (refreshed by ANALYZE and autovacuum), re-read every minute. */
  private async searchTableRows(): Promise<number> {
    if (this.tableRows && Date.now() - this.tableRows.at < 60_000) return this.tableRows.rows;
    const [row] = await this.dataSource.query<[{ rows: number }]>(`SELECT greatest(reltuples, 1)::float8 AS rows FROM pg_class WHERE oid = 'influencer_search'::regclass`);
    this.tableRows = { at: Date.now(), rows: row.rows };
    return row.rows;
  }

  /**
   * With `samplePercent`, counts run over a repeatable block sample of the table and are scaled
   * up: estimates, cheap on a million rows.
   */
  private async countFacets(
    compiled: CompiledQuery,
    values: unknown[],
    samplePercent?: number,
  ): Promise<{ total: number; base: number; buckets: Record<FacetName, FacetBucket[]> }> {
    const allFlags = FACET_NAMES.map((name) => `b.f_${name}`).join(' AND ');
    const parts = [
      `SELECT 'total' AS facet, NULL AS value, count(*)::int AS count FROM base b WHERE ${allFlags}`,
      `SELECT 'base' AS facet, NULL AS value, count(*)::int AS count FROM base b`,
    ];
    for (const name of FACET_NAMES) {
      const others = FACET_NAMES.filter((other) => other !== name).map((other) => `b.f_${other}`).join(' AND ');
      const { value, present } = FACET_VALUES[name];
      parts.push(
        `(SELECT '${name}' AS facet, v::text AS value, count(*)::int AS count
            FROM (SELECT ${value} AS v FROM base b WHERE ${[others, present].filter(Boolean).join(' AND ')}) f
           GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${FACET_BUCKETS})`,
      );
    }
    const sql = `
      WITH base AS MATERIALIZED (
        SELECT s.niches, s.platforms, s.country, s.languages, s.tier, s.audience_top_countries,
               ${compiled.priceExpr} AS price, ${facetFlags(compiled)}
          FROM influencer_search s ${samplePercent === undefined || samplePercent >= 100 ? '' : `TABLESAMPLE SYSTEM (${samplePercent}) REPEATABLE (42)`}
         ${compiled.common.length ? `WHERE ${compiled.common.join(' AND ')}` : ''}
      )
      ${parts.join('\n UNION ALL ')}`;
    const rows = await this.dataSource.query<{ facet: FacetName | 'total' | 'base'; value: string | null; count: number }[]>(sql, values);
    const buckets = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetBucket[]])) as Record<FacetName, FacetBucket[]>;
    const scale = samplePercent === undefined || samplePercent >= 100 ? 1 : 100 / samplePercent;
    let total = 0;
    let base = 0;
    for (const row of rows) {
      if (row.facet === 'total') total = Math.round(row.count * scale);
      else if (row.facet === 'base') base = Math.round(row.count * scale);
      else if (row.value !== null) buckets[row.facet].push({ value: row.value, count: Math.round(row.count * scale) });
    }
    return { total, base, buckets };
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
    const words = searchWords(text);
    // Reused like a count: many brands type the same first letters, and a common prefix costs the most.
    const rows = words.length
      ? await this.reuse(this.generationOnce(), `${limit}:${words.join(' ')}`, () => this.suggestedProfiles(words, limit), this.reusedSuggestions)
      : [];
    return [
      ...niches,
      ...rows.map((row): Suggestion => ({ kind: 'influencer', value: row.handle ?? row.display_name, label: row.display_name, id: row.id })),
    ].slice(0, limit);
  }

  /**
   * The most-followed profiles whose name or handles have a word for each typed prefix, in three
   * steps, each exact for the profiles it covers (they come first in followers order):
   * 1. The profiles with PROMINENT_FOLLOWERS or more, from their own small index (migration
   *    1765238400000), every word included: when enough of them match, they are the answer. A common
   *    word with a one-letter one (`علی ر`) takes 1–11 ms there at a million profiles.
   * 2. Otherwise, when a word has INDEXED_PREFIX letters or more, every profile, from the full index
   *    (migration 1765152000000): its matches of all the words or of the rarest (wordsToCollect),
   *    each then tested on every word.
   * 3. A one- or two-letter prefix spans too much of the full index (every word starting with `t`:
   *    122 ms to collect; the 17,761 matches of `sa`: 290 ms to read): with only such words, the
   *    first SUGGEST_WALK profiles by followers are tested one by one as well, and whichever of the
   *    two first groups is larger answers, even with fewer than asked.
   * Before a name is parsed, a regular expression tests that each word starts one of its words:
   * it spares most rows the parsing (324 against 116 ms for the 18,538 `علی` rows).
   */
  private async suggestedProfiles(words: string[], limit: number): Promise<{ id: string; display_name: string; handle: string | null }[]> {
    type Row = { id: string; display_name: string; handle: string | null };
    const answer = `SELECT s.id, s.display_name, s.handles[1] AS handle`;
    const columns = `s.id, s.display_name, s.handles, s.total_followers, s.name_norm`;
    const matching = `s.name_norm ~ ALL ($3::text[]) AND ${NAME_WORDS} @@ to_tsquery('simple', $1)`;
    const order = `ORDER BY s.total_followers DESC, s.id DESC LIMIT $2`;
    const params = [namePrefixQuery(words), limit, wordStartPatterns(words)];
    const prominent = await this.dataSource.query<Row[]>(
      `${answer} FROM influencer_search s WHERE ${prominentNamesMatch('$1')} ${order}`,
      params.slice(0, 2),
    );
    if (prominent.length >= limit) return prominent;
    if (words.some((word) => [...word].length >= INDEXED_PREFIX)) {
      return this.dataSource.query<Row[]>(
        `WITH matches AS MATERIALIZED (SELECT ${columns} FROM influencer_search s WHERE ${NAME_WORDS} @@ to_tsquery('simple', $4))
         ${answer} FROM matches s WHERE ${matching} ${order}`,
        [...params, namePrefixQuery(await this.wordsToCollect(words))],
      );
    }
    const first = await this.dataSource.query<Row[]>(
      `${answer} FROM (SELECT ${columns} FROM influencer_search s ORDER BY s.total_followers DESC, s.id DESC LIMIT ${this.suggestWalk}) s WHERE ${matching} ${order}`,
      params,
    );
    return first.length > prominent.length ? first : prominent;
  }

  /**
   * The words typeahead collects from the full index: all of them, or only the rarest, the others
   * tested on its matches, whichever reads less. How common each word of two letters or more is
   * comes from the prominent profiles' small index, a sample of the table (`علی`: 690 there, 18,538
   * in all; `رض`: 54 and 1,340). A one-letter word is never collected (every word starting with `t`).
   */
  private async wordsToCollect(words: string[]): Promise<string[]> {
    const counted = words.filter((word) => [...word].length >= 2);
    const counts = (
      await this.dataSource.query<{ n: number }[]>(
        `SELECT (SELECT count(*)::int FROM influencer_search s WHERE ${prominentNamesMatch('q.t')}) AS n
           FROM unnest($1::text[]) WITH ORDINALITY q(t, i) ORDER BY q.i`,
        [counted.map((word) => namePrefixQuery([word]))],
      )
    ).map((row) => row.n);
    const fewest = Math.min(...counts);
    const total = counts.reduce((sum, n) => sum + n, 0);
    return counted.length === words.length && total <= READ_COST_RATIO * fewest ? words : [counted[counts.indexOf(fewest)]!];
  }

  /** Look-alikes: shared niches and platforms, overlapping audience countries, within ×/÷3 of the followers. */
  async similar(id: string, limit: number): Promise<SearchHitResult[]> {
    const rows: SearchRow[] = await this.dataSource.query(
      `WITH seed AS (SELECT * FROM influencer_search WHERE id = $1)
       SELECT ${COLUMNS},
              (cardinality(ARRAY(SELECT unnest(s.niches) INTERSECT SELECT unnest(seed.niches)))
               -- least() skips NULLs: a country the candidate's audience lacks must count 0, not the seed's share.
               + (SELECT coalesce(sum(least(coalesce((s.audience_countries->>k)::float8, 0), (seed.audience_countries->>k)::float8)), 0) / 100
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

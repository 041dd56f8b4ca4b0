import { ZSearchQuery, type TSearchQuery } from '@reachbridge/contracts';
import { normalizeText } from '@reachbridge/domain';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../test/test-database.js';
import { seedInfluencers } from '../../seed/index.js';
import type { SearchHitResult } from '../search.port.js';
import { NAME_WORDS, PROMINENT_FOLLOWERS, prominentNamesMatch } from './compile.js';
import { PostgresSearchEngine } from './postgres-engine.js';

/**
 * The shortcuts the engine takes on a large catalogue (cost floor, candidate-limited relevance,
 * sampled facets), forced onto a small seeded one and checked against plain SQL.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = database.dataSource;
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  await seedInfluencers(pool, { count: 2000, seed: 23, searchOutbox: false });
  await dataSource.query('ANALYZE influencer_search');
}, 120_000);
afterAll(async () => database?.drop());

const parse = (query: string): TSearchQuery => {
  const params = new URLSearchParams(query);
  const object: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) object[key] = params.getAll(key).length === 1 ? params.get(key)! : params.getAll(key);
  return ZSearchQuery.parse(object);
};

/** Every hit of a query, page by page through the cursors. */
async function allPages(engine: PostgresSearchEngine, query: string): Promise<SearchHitResult[]> {
  const hits: SearchHitResult[] = [];
  let cursor: string | null = null;
  do {
    const page = await engine.search(parse(cursor ? `${query}&cursor=${cursor}` : query));
    hits.push(...page.hits);
    cursor = page.nextCursor;
  } while (cursor);
  return hits;
}

const ids = (hits: SearchHitResult[]) => hits.map((hit) => hit.document.id);

describe('PostgreSQL engine shortcuts', () => {
  it.each([
    ['audienceCountry=IR:30', `coalesce((s.audience_countries->>'IR')::float8, 0) >= 30`, `least(100, coalesce((s.audience_countries->>'IR')::float8, 0)) / 100`, 'USD'],
    [
      'audienceCountry=DE:5,TR:5&audienceGender=female:50&deliverable=post',
      `(coalesce((s.audience_countries->>'DE')::float8, 0) >= 5 OR coalesce((s.audience_countries->>'TR')::float8, 0) >= 5)
         AND coalesce((s.audience_genders->>'female')::float8, 0) >= 50`,
      `least(100, coalesce((s.audience_countries->>'DE')::float8, 0) + coalesce((s.audience_countries->>'TR')::float8, 0)) / 100
         * least(100, coalesce((s.audience_genders->>'female')::float8, 0)) / 100`,
      'USD:post',
    ],
  ])('sorts by cost per targeted thousand exactly, page after page, for %s (bounded by the cost floor)', async (filters, where, share, priceKey) => {
    const engine = new PostgresSearchEngine(dataSource);
    const hits = await allPages(engine, `${filters}&sort=costPerTargetedThousand&limit=37`);
    const expected: { id: string }[] = await dataSource.query(
      `SELECT s.id FROM influencer_search s WHERE ${where}
        ORDER BY coalesce(round(((s.prices->>'${priceKey}')::bigint::float8 * 1000
                   / nullif(s.total_followers * s.quality_score / 100.0 * ${share}, 0))::numeric, 2)::float8, 9e15), s.id`,
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(ids(hits)).toEqual(expected.map((row) => row.id));
  });

  it('ranks text relevance among the most-followed matches only, and pages through exactly those', async () => {
    const engine = new PostgresSearchEngine(dataSource, { relevanceCandidates: 50 });
    const [{ matches }] = await dataSource.query(`SELECT count(*)::int AS matches FROM influencer_search WHERE document @@ to_tsquery('simple', 'creator:*')`);
    expect(matches).toBeGreaterThan(50);
    const first = await engine.search(parse('q=creator'));
    expect(first.total).toBe(matches);
    const hits = await allPages(engine, 'q=creator&limit=15');
    const candidates: { id: string }[] = await dataSource.query(
      `SELECT id FROM influencer_search WHERE document @@ to_tsquery('simple', 'creator:*') ORDER BY total_followers DESC, id DESC LIMIT 50`,
    );
    expect(new Set(ids(hits))).toEqual(new Set(candidates.map((row) => row.id)));
    expect(hits).toHaveLength(50);
    // With room for every match, every match is ranked.
    expect(await allPages(new PostgresSearchEngine(dataSource, { relevanceCandidates: 10_000 }), 'q=creator&limit=100')).toHaveLength(matches);
  });

  it('past the exact-count limit, lists the relevance candidates once and pages through exactly those', async () => {
    const engine = new PostgresSearchEngine(dataSource, { relevanceCandidates: 50 });
    // As with more than 10,000 matches: the count is a lower bound and lists nothing.
    const internals = engine as unknown as { count: (...args: unknown[]) => Promise<object>; relevanceCandidateIds: () => Promise<string[]> };
    const count = internals.count.bind(engine);
    vi.spyOn(internals, 'count').mockImplementation(async (...args) => ({ ...(await count(...args)), total: 10_000, totalIsLowerBound: true, candidates: undefined }));
    const listing = vi.spyOn(internals, 'relevanceCandidateIds');
    const hits = await allPages(engine, 'q=creator&limit=15');
    const candidates: { id: string }[] = await dataSource.query(
      `SELECT id FROM influencer_search WHERE document @@ to_tsquery('simple', 'creator:*') ORDER BY total_followers DESC, id DESC LIMIT 50`,
    );
    expect(hits).toHaveLength(50);
    expect(new Set(ids(hits))).toEqual(new Set(candidates.map((row) => row.id)));
    expect(listing).toHaveBeenCalledTimes(1);
  });

  it('estimates facets from a sample when they range over many rows, but keeps the total exact, and says so', async () => {
    const exact = new PostgresSearchEngine(dataSource);
    const sampled = new PostgresSearchEngine(dataSource, { facetSampleRows: 400, exactFacetBaseLimit: 500, reuseMs: 0 });
    const query = parse('niche=travel&country=DE');
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM influencer_search WHERE niches && '{travel}' AND country = 'DE'`);

    const counted = await exact.search(query);
    expect(counted).toMatchObject({ total: n, totalIsLowerBound: false, facetsAreEstimates: false });
    const estimated = await sampled.search(query);
    expect(estimated).toMatchObject({ total: n, totalIsLowerBound: false, facetsAreEstimates: true });
    expect(ids(estimated.hits)).toEqual(ids(counted.hits));
    // The one value chosen in a facet counts exactly the matches, whatever the sample said.
    expect(estimated.facets.niche.find((bucket) => bucket.value === 'travel')?.count).toBe(n);
    expect(estimated.facets.country.find((bucket) => bucket.value === 'DE')?.count).toBe(n);
    for (const buckets of Object.values(estimated.facets)) {
      expect(buckets.map((bucket) => bucket.count)).toEqual(buckets.map((bucket) => bucket.count).sort((a, b) => b - a));
    }

    // A narrow base is still counted exactly on the sampled path.
    const narrowBase = new PostgresSearchEngine(dataSource, { facetSampleRows: 400, reuseMs: 0 });
    const narrow = await narrowBase.search(query);
    expect(narrow).toMatchObject({ total: n, facetsAreEstimates: false });
    expect(narrow.facets).toEqual(counted.facets);
  });

  it('counts the trigram fallback exactly on the sampled path', async () => {
    const [{ id, name }]: [{ id: string; name: string }] = await dataSource.query(
      `SELECT id, display_name AS name FROM influencer_search WHERE display_name ~ '^[A-Za-z]{4,} [A-Za-z]{5,}$' ORDER BY id LIMIT 1`,
    );
    const typo = parse(`q=${encodeURIComponent(`${name.slice(0, -1)}q`)}`);
    const exact = await new PostgresSearchEngine(dataSource).search(typo);
    const sampled = await new PostgresSearchEngine(dataSource, { facetSampleRows: 400, reuseMs: 0 }).search(typo);
    expect(ids(exact.hits)).toContain(id);
    expect(sampled).toMatchObject({ total: exact.total, totalIsLowerBound: false, facetsAreEstimates: false });
    expect(sampled.facets).toEqual(exact.facets);
  });

  it('reuses a count while the search table is unchanged, and counts again after any write to it', async () => {
    const engine = new PostgresSearchEngine(dataSource);
    const counting = vi.spyOn(engine as unknown as { count: () => Promise<unknown> }, 'count');
    const query = parse('niche=travel&sort=followers');
    const [{ id, n }]: [{ id: string; n: number }] = await dataSource.query(
      `SELECT (array_agg(id ORDER BY id))[1] AS id, count(*)::int AS n FROM influencer_search WHERE niches && '{travel}'`,
    );
    expect((await engine.search(query)).total).toBe(n);
    expect((await engine.search(query)).total).toBe(n);
    expect(counting).toHaveBeenCalledTimes(1);

    // A write elsewhere in the table (the trigger bumps the generation in the writing transaction)…
    await dataSource.query(`UPDATE influencer_search SET niches = array_remove(niches, 'travel') WHERE id = $1`, [id]);
    const after = await engine.search(query);
    expect(counting).toHaveBeenCalledTimes(2);
    expect(after.total).toBe(n - 1);
    expect(ids(after.hits)).not.toContain(id);
    await dataSource.query(`UPDATE influencer_search SET niches = niches || '{travel}' WHERE id = $1`, [id]);
    expect((await engine.search(query)).total).toBe(n);
  });

  it('reuses a typeahead answer while the search table is unchanged, and asks again after a write', async () => {
    const engine = new PostgresSearchEngine(dataSource);
    const asking = vi.spyOn(engine as unknown as { suggestedProfiles: () => Promise<unknown> }, 'suggestedProfiles');
    const [{ id, word, name, handles }]: [{ id: string; word: string; name: string; handles: string[] }] = await dataSource.query(
      `SELECT id, lower(split_part(display_name, ' ', 1)) AS word, display_name AS name, handles
         FROM influencer_search WHERE display_name ~ '^[A-Za-z]{4,} ' ORDER BY total_followers DESC LIMIT 1`,
    );
    const suggested = async () => (await engine.suggest(word, 8)).map((item) => item.id);
    expect(await suggested()).toContain(id);
    expect(await suggested()).toContain(id);
    expect(asking).toHaveBeenCalledTimes(1);
    expect(await engine.suggest(`${word} `, 8)).toHaveLength((await engine.suggest(word, 8)).length);
    expect(asking).toHaveBeenCalledTimes(1);

    await dataSource.query(`UPDATE influencer_search SET display_name = 'Renamed', handles = '{renamed}' WHERE id = $1`, [id]);
    try {
      expect(await suggested()).not.toContain(id);
      expect(asking).toHaveBeenCalledTimes(2);
    } finally {
      await dataSource.query(`UPDATE influencer_search SET display_name = $2, handles = $3 WHERE id = $1`, [id, name, handles]);
    }
  });

  it('with a staleness window, reuses a count across a write until it is that old; hits never show a profile that stopped matching', async () => {
    const engine = new PostgresSearchEngine(dataSource, { maxStalenessMs: 1000 });
    const counting = vi.spyOn(engine as unknown as { count: () => Promise<unknown> }, 'count');
    const sent = vi.spyOn(dataSource, 'query');
    const generationReads = () => sent.mock.calls.filter(([sql]) => sql.includes('FROM search_generation')).length;
    const query = parse('niche=travel&sort=followers');
    const before = await engine.search(query);
    const top = before.hits[0]!.document.id;
    // Within the window the generation read once serves every search (other queries included).
    await engine.search(parse('niche=food'));
    expect(generationReads()).toBe(1);

    await dataSource.query(`UPDATE influencer_search SET niches = array_remove(niches, 'travel') WHERE id = $1`, [top]);
    const within = await engine.search(query);
    expect(counting).toHaveBeenCalledTimes(2);
    expect(generationReads()).toBe(1);
    expect(within.total).toBe(before.total);
    expect(ids(within.hits)).not.toContain(top);
    expect(ids(within.hits).slice(0, before.hits.length - 1)).toEqual(ids(before.hits).slice(1));

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await engine.search(query);
    expect(counting).toHaveBeenCalledTimes(3);
    expect(generationReads()).toBe(2);
    expect(after.total).toBe(before.total - 1);
    sent.mockRestore();
  });

  it('takes the first page from the counting statement when it listed one, with the same hits as the table', async () => {
    const engine = new PostgresSearchEngine(dataSource);
    const orders = {
      followers: 'total_followers DESC, id DESC',
      engagement: 'coalesce(engagement_rate, -1) DESC, id DESC',
      quality: 'quality_score DESC, total_followers DESC, id DESC',
      price: `coalesce((prices->>'USD')::bigint, 9e15), id`,
    };
    for (const [sort, order] of Object.entries(orders)) {
      const expected: { id: string }[] = await dataSource.query(`SELECT id FROM influencer_search WHERE niches && '{food}' ORDER BY ${order}`);
      expect(expected.length).toBeGreaterThan(130);
      const first = await engine.search(parse(`niche=food&sort=${sort}&limit=30`));
      expect(ids(first.hits)).toEqual(expected.slice(0, 30).map((row) => row.id));
      // Pages after the listed first page come from the table, and join it seamlessly.
      expect(ids(await allPages(engine, `niche=food&sort=${sort}&limit=100`))).toEqual(expected.map((row) => row.id));
    }
  });

  it('takes a near miss of several words only when every word is near the name or a handle', async () => {
    const [{ id, name }]: [{ id: string; name: string }] = await dataSource.query(
      `SELECT id, display_name AS name FROM influencer_search WHERE display_name ~ '^[A-Za-z]{7,} [A-Za-z]{5,}$' ORDER BY id LIMIT 1`,
    );
    const [first, last] = name.split(' ') as [string, string];
    const engine = new PostgresSearchEngine(dataSource);
    const both = await engine.search(parse(`q=${encodeURIComponent(`${first.slice(0, -1)}x ${last.slice(0, -1)}x`)}`));
    expect(ids(both.hits)).toContain(id);
    // The whole text would be near the name (the first word's trigrams outnumber the second's).
    const oneWordOff = await engine.search(parse(`q=${encodeURIComponent(`${first} qz`)}`));
    expect(ids(oneWordOff.hits)).not.toContain(id);
    // A word of one to three letters is no typo to correct: it must start a word of the name or a handle.
    const withShortWord = await engine.search(parse(`q=${encodeURIComponent(`${first.slice(0, -1)}x ${last.slice(0, 2)}`)}`));
    expect(ids(withShortWord.hits)).toContain(id);
    expect(withShortWord.total).toBeLessThan((await engine.search(parse(`q=${encodeURIComponent(`${first.slice(0, -1)}x`)}`))).total + 1);
  });

  it('looks for no near miss of a text without a word of four letters (a three-letter word is near every name sharing two letters)', async () => {
    const engine = new PostgresSearchEngine(dataSource);
    const fallback = vi.spyOn(engine as unknown as { fuzzyMatches: () => Promise<unknown> }, 'fuzzyMatches');
    const [{ start }]: [{ start: string }] = await dataSource.query(
      `SELECT lower(substr(display_name, 1, 2)) AS start FROM influencer_search WHERE display_name ~ '^[A-Za-z]{4,} ' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const [{ near }]: [{ near: number }] = await dataSource.query(
      `SELECT count(*)::int AS near FROM influencer_search WHERE word_similarity($1, name_norm) >= 0.5`,
      [`${start}q`],
    );
    expect(near).toBeGreaterThan(10);
    const result = await engine.search(parse(`q=${start}q`));
    expect(result.total).toBe(0);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('suggests the most-followed profiles with a word of the name or a handle starting with each typed prefix, from the first profiles or from the index (not for one- or two-letter words alone)', async () => {
    const rows: { id: string; display_name: string; handles: string[]; followers: string }[] = await dataSource.query(
      `SELECT id, display_name, handles, total_followers AS followers FROM influencer_search`,
    );
    // Plain code over every profile: its name and handle words, and the most-followed matches.
    const wordsOf = (text: string) => normalizeText(text).split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
    const profiles = rows
      .map((row) => ({ ...row, words: wordsOf(`${row.display_name} ${row.handles.join(' ')}`) }))
      .sort((a, b) => Number(b.followers) - Number(a.followers) || (a.id < b.id ? 1 : -1));
    // With only one- or two-letter words, only the first profiles by followers are searched: the
    // first `walk`, or those with PROMINENT_FOLLOWERS or more when they are more.
    const prominent = profiles.filter((profile) => Number(profile.followers) >= PROMINENT_FOLLOWERS);
    const matchingOf = (typed: string, candidates: typeof profiles) => {
      const prefixes = wordsOf(typed);
      return candidates.filter((profile) => prefixes.every((prefix) => profile.words.some((word) => word.startsWith(prefix))));
    };
    const expected = (typed: string, limit: number, walk = profiles.length) => {
      const prefixes = wordsOf(typed);
      const matching = (candidates: typeof profiles) => matchingOf(typed, candidates).slice(0, limit);
      const first = matching(profiles.slice(0, Math.max(walk, prominent.length)));
      return (first.length >= limit || prefixes.every((prefix) => [...prefix].length < 3) ? first : matching(profiles)).map((profile) => profile.id);
    };
    // Prefixes from the data: the most common three-letter start of a handle's later word (a
    // niche, matched by a profile in a few), one that starts the words of two or three profiles,
    // a name and a handle part together, and a Persian name.
    const starts = new Map<string, number>();
    for (const profile of profiles) for (const start of new Set(wordsOf(profile.handles.join(' ')).slice(1).map((word) => word.slice(0, 3)))) starts.set(start, (starts.get(start) ?? 0) + 1);
    const common = [...starts].sort((a, b) => b[1] - a[1])[0]![0];
    const rare = [...starts].find(([start, n]) => n >= 2 && n <= 3 && /^[a-z]{3}$/.test(start) && expected(start, 100).length <= 3)![0];
    const twoWords = profiles.find((profile) => /^[A-Za-z]+ [A-Za-z]+$/.test(profile.display_name) && profile.handles[0]!.includes('.'))!;
    const persian = profiles.find((profile) => /^[\u0600-\u06FF]+ /.test(profile.display_name))!;
    const [firstName, handlePart] = [twoWords.display_name.split(' ')[0]!, twoWords.handles[0]!.split('.')[1]!];
    // A first name several profiles share, and one letter that starts another word of only some of them.
    const narrowed = profiles
      .flatMap((profile) => profile.words.slice(1).map((word) => `${profile.words[0]} ${word[0]}`))
      .find((text) => expected(text, 100).length < expected(text.split(' ')[0]!, 100).length && expected(text, 100).length > 0)!;
    // The most common three-letter start of a word among the prominent profiles: enough of them match.
    const prominentStarts = new Map<string, number>();
    for (const profile of prominent) for (const start of new Set(profile.words.map((word) => word.slice(0, 3)))) prominentStarts.set(start, (prominentStarts.get(start) ?? 0) + 1);
    const prominentStart = [...prominentStarts].sort((a, b) => b[1] - a[1])[0]![0];
    // Two letters that start a word of a few prominent profiles, and of more than asked in all.
    const twoLetters = [...new Set(profiles.flatMap((profile) => profile.words.map((word) => word.slice(0, 2))))].find((start) => {
      const few = matchingOf(start, prominent).length;
      return [...start].length === 2 && few > 0 && few < 8 && matchingOf(start, profiles).length > 8;
    })!;
    const typed = [common, rare, `${firstName} ${handlePart.slice(0, 4)}`, narrowed, twoLetters, common[0]!, prominentStart, persian.display_name.split(' ')[0]!, 'zzqx'];
    expect(expected(common, profiles.length).length).toBeGreaterThan(100);
    expect(expected(twoLetters, 8, 5).length).toBeLessThan(expected(twoLetters, 8).length);
    expect(prominent.length).toBeGreaterThan(20);
    expect(prominent.length).toBeLessThan(1500);
    expect(matchingOf(prominentStart, prominent).length).toBeGreaterThanOrEqual(8);
    expect(matchingOf(common[0]!, prominent).length).toBeGreaterThanOrEqual(8);

    for (const walk of [1500, 5]) {
      const engine = new PostgresSearchEngine(dataSource, { suggestWalk: walk });
      for (const text of typed) {
        const suggested = (await engine.suggest(text, 8)).filter((item) => item.kind === 'influencer').map((item) => item.id);
        expect(suggested, `${text} (walk ${walk})`).toEqual(expected(text, 8, walk).slice(0, suggested.length));
        expect(suggested.length, `${text} (walk ${walk})`).toBe(Math.min(8, expected(text, 8, walk).length));
      }
    }
  });

  it("asks typeahead's questions in the form its indexes answer (the migrations' expression, and the prominent profiles' threshold)", async () => {
    const plan = (where: string) =>
      dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        await manager.query('SET LOCAL enable_indexscan = off');
        const rows: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN SELECT s.id FROM influencer_search s WHERE ${where}`);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
    expect(await plan(`${NAME_WORDS} @@ to_tsquery('simple', 'sa:*')`)).toContain('influencer_search_name_words_idx');
    expect(await plan(prominentNamesMatch(`'sa:*'`))).toContain('influencer_search_prominent_name_words_idx');
  });

  it('finds tiers through the follower range they span, with the same hits as the tier column alone', async () => {
    const engine = new PostgresSearchEngine(dataSource);
    const hits = await allPages(engine, 'tier=micro,mid&country=IR&limit=100');
    const expected: { id: string }[] = await dataSource.query(
      `SELECT id FROM influencer_search WHERE tier IN ('micro', 'mid') AND country = 'IR' ORDER BY total_followers DESC, id DESC`,
    );
    expect(ids(hits)).toEqual(expected.map((row) => row.id));
  });
});

describe('prefix term dictionary', () => {
  afterAll(async () => {
    await dataSource.query('DELETE FROM search_terms');
    await dataSource.query('DELETE FROM search_terms_state');
  });

  const matchesOf = async (engine: PostgresSearchEngine, query: string) => new Set(ids(await allPages(engine, `${query}&sort=followers`)));

  it('expands a broad prefix into the words of two or more profiles, finding no more than the prefix match did; a rare prefix still matches', async () => {
    const engine = new PostgresSearchEngine(dataSource, { reuseMs: 0, expandPrefixesFrom: 20 });
    // Words everyone shares find exactly what the prefix found; any prefix finds a subset of it.
    const common = ['q=food', 'q=teh&niche=fashion', 'q=شبکه'];
    // A prefix of few words in few profiles (fewer than expandPrefixesFrom), whatever the seed drew.
    const [{ rarePrefix }] = await dataSource.query<[{ rarePrefix: string }]>(
      `SELECT left(word, 4) AS "rarePrefix" FROM ts_stat('SELECT document FROM influencer_search')
        GROUP BY 1 HAVING left(word, 4) ~ '^[a-z]{4}$' AND sum(ndoc) BETWEEN 2 AND 10 ORDER BY 1 LIMIT 1`,
    );
    const others = [`q=${rarePrefix}`, 'q=fitness co', 'q=be'];
    const before = await Promise.all([...common, ...others].map((query) => matchesOf(engine, query)));

    const words = await engine.rebuildTerms();
    const [{ fewest, total }] = await dataSource.query<[{ fewest: number; total: number }]>(
      `SELECT min(documents)::int AS fewest, count(*)::int AS total FROM search_terms`,
    );
    expect(words).toBe(total);
    expect(total).toBeGreaterThan(100);
    expect(fewest).toBe(2);

    const sent = vi.spyOn(dataSource, 'query');
    try {
      const after = await Promise.all([...common, ...others].map((query) => matchesOf(engine, query)));
      common.forEach((query, i) => expect([...after[i]!].sort(), query).toEqual([...before[i]!].sort()));
      others.forEach((query, i) => {
        const [was, is] = [before[common.length + i]!, after[common.length + i]!];
        expect(is.size, query).toBeGreaterThan(0);
        expect([...is].filter((id) => !was.has(id)), query).toEqual([]);
      });
      // Prefixes the dictionary knows went out as exact words; the others as prefix matches.
      const tsqueries = sent.mock.calls.flatMap(([, params]) => (params ?? []).filter((value: unknown): value is string => typeof value === 'string' && value.startsWith('(')));
      const [{ tehWords }] = await dataSource.query<[{ tehWords: string[] }]>(
        `SELECT array_agg(term ORDER BY documents DESC, term) AS "tehWords" FROM search_terms WHERE term LIKE 'teh%'`,
      );
      expect(tehWords).toContain('tehran');
      expect(tsqueries).toContain(`((${['teh', ...tehWords].map((word) => `'${word}'`).join(' | ')}))`);
      expect(tsqueries.filter((tsquery) => /'(food|teh)':\*/.test(tsquery))).toEqual([]);
      expect(tsqueries).toContain(`('${rarePrefix}':*)`);
    } finally {
      sent.mockRestore();
    }

    // Expanded too, a Persian word finds the same profiles whatever its ZWNJ or yeh.
    const spellings = await Promise.all(['بین‌المللی', 'بینالمللی', 'بین المللی', 'بين‌المللي'].map((q) => matchesOf(engine, `q=${q}`)));
    expect(spellings[0]!.size).toBeGreaterThan(0);
    for (const found of spellings) expect([...found].sort()).toEqual([...spellings[0]!].sort());

    // A word in one profile only is not in the dictionary; typing its start still finds it.
    const [{ word }] = await dataSource.query<[{ word: string }]>(
      `SELECT word FROM ts_stat('SELECT document FROM influencer_search') s
        WHERE ndoc = 1 AND length(word) >= 8 AND word ~ '^[a-z]+$'
          AND NOT EXISTS (SELECT 1 FROM search_terms t WHERE t.term LIKE left(s.word, 7) || '%')
        ORDER BY word LIMIT 1`,
    );
    const [{ id }] = await dataSource.query<[{ id: string }]>(`SELECT id FROM influencer_search WHERE document @@ to_tsquery('simple', $1)`, [`'${word}'`]);
    expect(ids((await engine.search(parse(`q=${word.slice(0, 7)}`))).hits)).toContain(id);

    // A prefix whose words are in few profiles is matched as a prefix, exactly.
    const narrow = new PostgresSearchEngine(dataSource, { reuseMs: 0, expandPrefixesFrom: 1_000_000 });
    const spy = vi.spyOn(dataSource, 'query');
    try {
      await narrow.search(parse('q=teh'));
      expect(spy.mock.calls.some(([, params]) => params?.includes(`('teh':*)`))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('is rebuilt by the upkeep when missing, or when old and the table has changed since', async () => {
    const engine = new PostgresSearchEngine(dataSource);
    const rebuilds = vi.spyOn(engine, 'rebuildTerms');
    await dataSource.query('DELETE FROM search_terms_state');
    await engine.maintain();
    expect(rebuilds).toHaveBeenCalledTimes(1);
    await engine.maintain();
    expect(rebuilds).toHaveBeenCalledTimes(1);

    await dataSource.query(`UPDATE search_terms_state SET built_at = now() - interval '2 hours'`);
    await engine.maintain(); // old, but the table has not changed
    expect(rebuilds).toHaveBeenCalledTimes(1);
    await dataSource.query(`UPDATE influencer_search SET growth_30d = growth_30d WHERE id = (SELECT min(id::text)::uuid FROM influencer_search)`);
    await engine.maintain();
    expect(rebuilds).toHaveBeenCalledTimes(2);
  });
});

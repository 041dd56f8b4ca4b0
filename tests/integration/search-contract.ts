import { FACETS, ZSearchQuery, type TSearchQuery } from '@reachbridge/contracts';
import { AGE_BUCKETS, GENDERS, NICHES, PLATFORMS, TIERS } from '@reachbridge/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfluencerSearchDocument, SearchEngine } from '../../apps/api/src/modules/search/index.js';
import { InfluencerGenerator } from '../../apps/api/src/modules/seed/influencer-generator.js';
import { seededSearchDocument } from '../../apps/api/src/modules/seed/index.js';
import { id, SEARCH_FIXTURES } from './search-fixtures.js';
import { modelCost, modelPrice, modelSearch } from './search-model.js';

export interface EngineUnderTest {
  engine: SearchEngine;
  /** Index the documents and make them visible to search. */
  load: (documents: InfluencerSearchDocument[]) => Promise<void>;
  teardown: () => Promise<void>;
}

/** Parses a query string the way the API does, so the suite speaks the API's language. */
const q = (params: Record<string, string | string[]> = {}): TSearchQuery => ZSearchQuery.parse(params);

/** The seeder's influencers (realistic, deterministic), every fifth one platform-verified. */
function generatedCorpus(size: number): InfluencerSearchDocument[] {
  const generator = new InfluencerGenerator(20261127);
  return Array.from({ length: size }, (_, i): InfluencerSearchDocument => {
    const document = seededSearchDocument(generator.generate(i), 1, '2026-11-01T00:00:00.000Z');
    return i % 5 === 0 ? { ...document, provenance: 'platform_verified' } : document;
  });
}

const distinct = <T extends string | number>(values: T[]) => [...new Set(values)].sort();

/**
 * Query strings without text: up to three filters with values the corpus has (so that they match
 * something), a currency, perhaps a deliverable, a sort and a page size.
 */
function queryStrings(corpus: InfluencerSearchDocument[]): fc.Arbitrary<Record<string, string>> {
  const some = (values: readonly string[]) => fc.subarray([...values], { minLength: 1, maxLength: 3 }).map((chosen) => chosen.join(','));
  const shares = (keys: readonly string[]) =>
    fc
      .array(fc.tuple(fc.constantFrom(...keys), fc.integer({ min: 1, max: 90 })), { minLength: 1, maxLength: 2 })
      .map((filters) => filters.map(([key, min]) => `${key}:${min}`).join(','));
  const languages = distinct(corpus.flatMap((d) => d.languages));
  const followers = fc.constantFrom(...distinct(corpus.map((d) => d.totalFollowers))).map(String);
  const tenths = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n / 10));
  const filters = {
    niche: some(NICHES),
    platform: some(PLATFORMS),
    country: some(distinct(corpus.map((d) => d.country))),
    city: some(distinct(corpus.flatMap((d) => (d.city ? [d.city] : [])))),
    language: some(languages),
    tier: some(TIERS),
    followersMin: followers,
    followersMax: followers,
    engagementMin: tenths(0, 80),
    engagementMax: tenths(0, 80),
    growthMin: tenths(-50, 100),
    audienceCountry: shares(distinct(corpus.flatMap((d) => Object.keys(d.audience.countries)))),
    audienceAge: shares(AGE_BUCKETS),
    audienceGender: shares(GENDERS),
    audienceLanguage: shares(languages),
    priceMax: fc.constantFrom(...distinct(corpus.flatMap((d) => d.rates.map((r) => r.amountMinor)))).map(String),
    qualityMin: fc.integer({ min: 0, max: 100 }).map(String),
    verifiedOnly: fc.constantFrom('true', 'false'),
  };
  return fc
    .record({
      chosen: fc.subarray(Object.keys(filters) as (keyof typeof filters)[], { maxLength: 3 }),
      values: fc.record(filters),
      // The corpus prices in USD only: EUR asks for prices nobody has.
      currency: fc.constantFrom('USD', 'USD', 'USD', 'EUR'),
      deliverable: fc.option(fc.constantFrom('post', 'story', 'reel', 'video'), { nil: undefined }),
      sort: fc.constantFrom('followers', 'engagement', 'growth', 'quality', 'price', 'costPerTargetedThousand'),
      limit: fc.integer({ min: 1, max: 40 }),
    })
    .map(({ chosen, values, currency, deliverable, sort, limit }) => ({
      ...Object.fromEntries(chosen.map((key) => [key, values[key]])),
      currency,
      ...(deliverable ? { deliverable } : {}),
      sort,
      limit: String(limit),
    }));
}

/**
 * The engine contract: the same fixtures and the same expected hits and facets for every engine.
 * Runs against PostgreSQL always, against Elasticsearch when ELASTICSEARCH_URL is set.
 */
export function runSearchEngineContract(name: string, setup: () => Promise<EngineUnderTest>) {
  describe(`search engine contract: ${name}`, () => {
    let subject: EngineUnderTest;
    const ids = async (params: Record<string, string | string[]>) => (await subject.engine.search(q(params))).hits.map((hit) => hit.document.id);
    const idSet = async (params: Record<string, string | string[]>) => new Set(await ids(params));

    beforeAll(async () => {
      subject = await setup();
      await subject.load(SEARCH_FIXTURES);
    });
    afterAll(async () => subject?.teardown());

    describe('text', () => {
      it.each(['شبکه‌های', 'شبکههای', 'شبکه های'])('finds every spelling of شبکه‌های when asked for %s', async (spelling) => {
        expect(await idSet({ q: spelling })).toEqual(new Set([id(1), id(2), id(3)]));
      });

      it('treats Arabic yeh and kaf as Persian ones', async () => {
        expect(await ids({ q: 'کیک یزدی' })).toEqual([id(4)]);
        expect(await ids({ q: 'كيك' })).toEqual([id(4)]);
      });

      it('matches English words in bios and names, case-insensitively, with the last word as a prefix', async () => {
        expect(await idSet({ q: 'FITNESS' })).toEqual(new Set([id(5)]));
        expect(await idSet({ q: 'alex car' })).toEqual(new Set([id(5)]));
      });

      it('finds a handle despite a typo', async () => {
        expect(await ids({ q: 'sarra' })).toContain(id(1));
      });

      it('searches niche names in both languages', async () => {
        expect(await idSet({ q: 'آشپزی' })).toEqual(await idSet({ niche: 'food' }));
      });

      it('honours "quoted phrases" and -exclusions', async () => {
        expect(await idSet({ q: '"food blogger"' })).toEqual(new Set([id(1)]));
        expect(await idSet({ q: 'travel -food' })).toEqual(new Set([id(7)]));
      });

      it('highlights the matched words', async () => {
        const [hit] = (await subject.engine.search(q({ q: 'fitness' }))).hits;
        expect(hit?.highlight?.toLowerCase()).toContain('«fitness»');
      });
    });

    describe('filters (AND between filters, OR inside one)', () => {
      it.each([
        [{ niche: 'food' }, [1, 4, 5, 6]],
        [{ niche: 'food,tech' }, [1, 2, 4, 5, 6]],
        [{ niche: 'food', platform: 'instagram' }, [1, 5, 6]],
        [{ country: 'IR', language: 'en' }, [1]],
        [{ city: 'tehran' }, [1]],
        [{ tier: 'micro' }, [1, 6]],
        [{ followersMin: '100000', followersMax: '700000' }, [2, 5, 7]],
        [{ engagementMin: '3', engagementMax: '5' }, [1, 6]],
        [{ growthMin: '50' }, [7]],
        [{ qualityMin: '85' }, [1, 4, 5, 6]],
        [{ verifiedOnly: 'true' }, [2, 5]],
        [{ audienceCountry: 'IR:70' }, [1, 2, 4]],
        [{ audienceCountry: ['IR:90', 'AE:10'] }, [3, 4, 7]],
        [{ audienceCountry: 'IR:60', audienceGender: 'female:80' }, [3]],
        [{ audienceGender: 'female:65' }, [1, 3, 4]],
        [{ audienceAge: '18-24:40' }, [1, 2, 3, 4, 5, 6, 7]],
        [{ audienceLanguage: 'en:50' }, [5, 7]],
        [{ priceMax: '50000' }, [1, 4]],
        [{ priceMax: '500000', deliverable: 'story' }, [3]],
        [{ priceMax: '40000', currency: 'EUR' }, [6]],
      ])('%o → %o', async (params, expected) => {
        expect(await idSet(params)).toEqual(new Set(expected.map(id)));
      });
    });

    describe('sorting and paging', () => {
      it('sorts by followers without a query, and by each metric on request', async () => {
        expect(await ids({})).toEqual([3, 7, 2, 5, 1, 6, 4].map(id));
        expect(await ids({ sort: 'engagement' })).toEqual([4, 6, 1, 5, 2, 3, 7].map(id));
        expect(await ids({ sort: 'quality' })).toEqual([1, 6, 4, 5, 2, 3, 7].map(id));
        expect(await ids({ sort: 'price', currency: 'USD' })).toEqual([4, 1, 7, 5, 2, 3, 6].map(id));
      });

      it('sorts by the cost of reaching a thousand real followers in the target audience', async () => {
        const result = await subject.engine.search(q({ sort: 'costPerTargetedThousand', audienceCountry: 'IR:1', niche: 'food,tech,fashion' }));
        const costs = result.hits.map((hit) => hit.costPerTargetedThousand);
        // Mina 400000/(1.2M×0.74×0.64) ≈ 704 < Yazd 5000/(8000×0.88×0.93) ≈ 764 < Reza ≈ 877 < Sara ≈ 1325; Lena has no USD price.
        expect(result.hits.map((hit) => hit.document.id)).toEqual([3, 4, 2, 1, 6].map(id));
        expect(costs[4]).toBeNull();
        // 45000 / (52000 × 0.92 × 0.71) × 1000 for Sara
        expect(costs[3]).toBeCloseTo((45_000 / (52_000 * 0.92 * 0.71)) * 1000, 1);
        expect(costs.slice(0, 4)).toEqual([...costs.slice(0, 4)].sort((a, b) => a! - b!));
      });

      it('pages with an opaque cursor, without gaps or repeats, and refuses a cursor from another query', async () => {
        const first = await subject.engine.search(q({ limit: '3' }));
        expect(first.hits).toHaveLength(3);
        expect(first.nextCursor).toEqual(expect.any(String));
        const second = await subject.engine.search(q({ limit: '3', cursor: first.nextCursor! }));
        const third = await subject.engine.search(q({ limit: '3', cursor: second.nextCursor! }));
        const all = [...first.hits, ...second.hits, ...third.hits].map((hit) => hit.document.id);
        expect(all).toEqual(await ids({}));
        expect(third.nextCursor).toBeNull();
        await expect(subject.engine.search(q({ limit: '3', niche: 'food', cursor: first.nextCursor! }))).rejects.toThrow();
      });
    });

    describe('ties in quality', () => {
      it('puts the larger audience first among equal scores, page after page', async () => {
        const sara = SEARCH_FIXTURES[0]!;
        const followers = { 80: 10_000, 81: 90_000, 82: 50_000 };
        const twins = Object.entries(followers).map(([n, count]): InfluencerSearchDocument => ({
          ...sara,
          id: id(Number(n)),
          slug: `tied-${n}`,
          displayName: `Tied ${n}`,
          handles: [`tied${n}`],
          totalFollowers: count,
          qualityScore: 99,
        }));
        await subject.load(twins);
        try {
          const expected = [81, 82, 80, 1, 6, 4, 5, 2, 3, 7].map(id);
          expect(await ids({ sort: 'quality' })).toEqual(expected);
          const paged: string[] = [];
          let cursor: string | null = null;
          do {
            const page = await subject.engine.search(q({ sort: 'quality', limit: '2', ...(cursor ? { cursor } : {}) }));
            paged.push(...page.hits.map((hit) => hit.document.id));
            cursor = page.nextCursor;
          } while (cursor);
          expect(paged).toEqual(expected);
        } finally {
          await subject.engine.remove(twins.map((twin) => twin.id));
          await subject.load([]);
        }
      });
    });

    describe('facets', () => {
      it('counts over the filtered set, each facet ignoring its own filter', async () => {
        const result = await subject.engine.search(q({ niche: 'food', country: 'IR' }));
        expect(result.total).toBe(2);
        const count = (facet: keyof typeof result.facets, value: string) => result.facets[facet].find((b) => b.value === value)?.count ?? 0;
        // niche facet ignores niche=food: all IR profiles by niche
        expect(count('niche', 'food')).toBe(2);
        expect(count('niche', 'tech')).toBe(1);
        expect(count('niche', 'fashion')).toBe(1);
        // country facet ignores country=IR: all food profiles by country
        expect(count('country', 'IR')).toBe(2);
        expect(count('country', 'US')).toBe(1);
        expect(count('country', 'DE')).toBe(1);
        expect(count('tier', 'micro')).toBe(1);
        expect(count('tier', 'nano')).toBe(1);
        expect(count('platform', 'telegram')).toBe(1);
        expect(count('priceBand', '0-100')).toBe(1);
        expect(count('priceBand', '100-500')).toBe(1);
        expect(count('audienceCountry', 'IR')).toBe(2);
      });
    });

    describe('suggest, similar and upkeep', () => {
      it('suggests influencers by name prefix and niches by name', async () => {
        const suggestions = await subject.engine.suggest('sar', 5);
        expect(suggestions.find((s) => s.kind === 'influencer')?.id).toBe(id(1));
        expect((await subject.engine.suggest('fash', 5)).some((s) => s.kind === 'niche' && s.value === 'fashion')).toBe(true);
      });

      it('suggests by a word of the name or any part of a handle, every typed word matching, the most-followed first', async () => {
        const sara = SEARCH_FIXTURES[0]!;
        const twin = (n: number, displayName: string, handle: string, totalFollowers: number): InfluencerSearchDocument => ({
          ...sara,
          id: id(n),
          slug: `typeahead-${n}`,
          displayName,
          handles: [handle],
          totalFollowers,
        });
        await subject.load([twin(92, 'Nadia Kowalski', 'nadia.kowalski_food', 9_000), twin(93, 'Omar Kowalski', 'omar.k', 70_000), twin(94, 'Kowalski Kitchen', 'kk-kitchen', 20_000)]);
        try {
          const influencers = async (text: string) => (await subject.engine.suggest(text, 8)).filter((s) => s.kind === 'influencer').map((s) => s.id);
          expect(await influencers('kowal')).toEqual([id(93), id(94), id(92)]);
          expect(await influencers('cooks')).toEqual([id(1)]);
          expect(await influencers('nadia foo')).toEqual([id(92)]);
          expect(await influencers('kitch')).toEqual([id(94)]);
          expect(await influencers('omar kitchen')).toEqual([]);
        } finally {
          await subject.engine.remove([id(92), id(93), id(94)]);
          await subject.load([]);
        }
      });

      it('finds look-alikes: shared niches and platforms, similar size', async () => {
        const similar = (await subject.engine.similar(id(1), 5)).map((hit) => hit.document.id);
        expect(similar).toContain(id(6));
        expect(similar).not.toContain(id(1));
        expect(similar).not.toContain(id(2));
      });

      it('ranks look-alikes whose audience lives where the seed\'s does above ones that only share niches and size', async () => {
        const sara = SEARCH_FIXTURES[0]!;
        const twin = (n: number, countries: Record<string, number>): InfluencerSearchDocument => ({
          ...sara,
          id: id(n),
          slug: `look-alike-${n}`,
          displayName: `Look-alike ${n}`,
          handles: [`look.alike${n}`],
          audience: { ...sara.audience, countries },
        });
        await subject.load([twin(90, { DE: 80, AT: 12 }), twin(91, { IR: 75, US: 5 })]);
        try {
          const similar = (await subject.engine.similar(id(1), 10)).map((hit) => hit.document.id);
          expect(similar).toContain(id(90));
          expect(similar.indexOf(id(91))).toBe(0);
        } finally {
          await subject.engine.remove([id(90), id(91)]);
          await subject.load([]);
        }
      });

      it('ignores an older version and removes documents', async () => {
        const sara = SEARCH_FIXTURES[0]!;
        await subject.load([{ ...sara, version: 0, displayName: 'Stale Name' }]);
        expect(await ids({ q: 'stale' })).toEqual([]);
        await subject.engine.remove([id(4)]);
        await subject.load([]);
        expect(await ids({ q: 'کیک' })).toEqual([]);
        expect(await subject.engine.health()).toBe('up');
      });
    });
  });

  describe(`search engine contract: ${name}, against a reference model on random queries`, () => {
    const corpus = generatedCorpus(300);
    const byId = new Map(corpus.map((d) => [d.id, d]));
    let subject: EngineUnderTest;

    beforeAll(async () => {
      subject = await setup();
      await subject.load(corpus);
    });
    afterAll(async () => subject?.teardown());

    it('finds exactly the matches, in the sort\'s order page after page, with their prices, costs and facet counts', async () => {
      await fc.assert(
        fc.asyncProperty(queryStrings(corpus), async (params) => {
          const parsed = ZSearchQuery.safeParse(params);
          fc.pre(parsed.success); // e.g. followersMin above followersMax: the API's 400, not the engine's business
          const query = parsed.data;
          const expected = modelSearch(corpus, query);

          const first = await subject.engine.search(query);
          const hits = [...first.hits];
          for (let page = first; page.nextCursor; ) {
            page = await subject.engine.search({ ...query, cursor: page.nextCursor });
            hits.push(...page.hits);
          }
          expect({ total: first.total, totalIsLowerBound: first.totalIsLowerBound }).toEqual({ total: expected.ids.length, totalIsLowerBound: false });
          expect(hits.map((hit) => hit.document.id)).toEqual(expected.ids);
          for (const hit of hits) {
            const document = byId.get(hit.document.id)!;
            expect(hit.price?.amount ?? null).toBe(modelPrice(document, query));
            expect(hit.costPerTargetedThousand).toBe(modelCost(document, query));
          }
          for (const facet of FACETS) {
            expect(expected.facets[facet].size, facet).toBeLessThanOrEqual(30); // every bucket is returned
            expect(new Map(first.facets[facet].map((bucket) => [bucket.value, bucket.count])), facet).toEqual(expected.facets[facet]);
          }
        }),
        { seed: 20261127, numRuns: 80 },
      );
    });
  });
}

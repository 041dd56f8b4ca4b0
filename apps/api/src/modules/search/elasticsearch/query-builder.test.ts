import { ZSearchQuery, type TSearchQuery } from '@reachbridge/contracts';
import { describe, expect, it } from 'vitest';
import { EXACT_TOTAL_LIMIT, PRICE_BANDS } from '../search.port.js';
import { InvalidCursorError, encodeCursor, queryFingerprint } from './cursor.js';
import {
  COST_SCRIPT,
  FACET_NAMES,
  HIGHLIGHT,
  MISSING_SORT_VALUE,
  buildSearchRequest,
  buildSimilarRequest,
  buildSort,
  buildSuggestRequest,
  parseTextQuery,
} from './query-builder.js';
import { sampleDocument } from './sample-documents.js';

/** A query as the API hands it over: parsed by the contract's schema. */
const parse = (input: Record<string, unknown>): TSearchQuery => ZSearchQuery.parse(input);

/** The request as the JSON the client sends, read structurally. */
const json = (input: Record<string, unknown>) => JSON.parse(JSON.stringify(buildSearchRequest(parse(input))));

const ID_ASC = { id: { order: 'asc' } };
const ID_DESC = { id: { order: 'desc' } };

describe('parseTextQuery', () => {
  it('splits terms, quoted phrases and exclusions', () => {
    expect(parseTextQuery('کیک "home cooking" -vegan tehran')).toEqual({ terms: ['کیک', 'tehran'], phrases: ['home cooking'], excluded: ['vegan'] });
  });

  it('understands curly quotes, guillemets, excluded phrases and an unclosed quote', () => {
    expect(parseTextQuery('“street food” «کیک خانگی» -"fast food" "open')).toEqual({
      terms: [],
      phrases: ['street food', 'کیک خانگی', 'open'],
      excluded: ['fast food'],
    });
  });

  it('ignores a lone dash, empty quotes and blank input', () => {
    expect(parseTextQuery(' - "" food ')).toEqual({ terms: ['food'], phrases: [], excluded: [] });
    expect(parseTextQuery(undefined)).toEqual({ terms: [], phrases: [], excluded: [] });
  });

  it('keeps ZWNJ words whole (the analyzers split and join them)', () => {
    expect(parseTextQuery('کتاب‌ها').terms).toEqual(['کتاب‌ها']);
  });
});

describe('buildSearchRequest: the default request', () => {
  it('is an unfiltered, followers-sorted page with exact totals and all facets', () => {
    const request = json({});
    expect(request).toMatchObject({
      size: 20,
      track_total_hits: EXACT_TOTAL_LIMIT,
      query: { bool: { filter: [] } },
      sort: [{ totalFollowers: { order: 'desc' } }, ID_DESC],
    });
    expect(request).not.toHaveProperty('post_filter');
    expect(request).not.toHaveProperty('highlight');
    expect(request).not.toHaveProperty('search_after');
    expect(Object.keys(request.aggs)).toEqual(FACET_NAMES);
    for (const facet of FACET_NAMES) expect(request.aggs[facet].filter).toEqual({ bool: { filter: [] } });
  });

  it('uses the query limit', () => {
    expect(json({ limit: '5' }).size).toBe(5);
  });
});

describe('buildSearchRequest: free text', () => {
  const request = json({ q: 'sara کیک "home cooking" -vegan' });
  const fn = request.query.function_score;

  it('wraps the text query in a popularity boost (score × (1 + 0.15 ln(1 + followers)))', () => {
    expect(fn.boost_mode).toBe('multiply');
    expect(fn.functions).toEqual([{ script_score: { script: { source: "1 + 0.15 * Math.log(1 + doc['totalFollowers'].value)" } } }]);
  });

  it('requires every term somewhere: fuzzy on names and handles, exact on bio, niche labels and glued spellings', () => {
    const [first] = fn.query.bool.must;
    expect(first).toEqual({
      bool: {
        minimum_should_match: 1,
        should: [
          {
            multi_match: {
              query: 'sara',
              fields: ['displayName^3', 'displayName.joined^3', 'handles.text^3'],
              fuzziness: 'AUTO',
              operator: 'and',
              zero_terms_query: 'all',
            },
          },
          {
            multi_match: {
              query: 'sara',
              fields: ['displayName.en^3', 'bio', 'bio.joined', 'bio.en', 'niche_labels^2', 'niche_labels.joined^2', 'niche_labels.en^2', 'spelling_variants'],
              operator: 'and',
              zero_terms_query: 'all',
            },
          },
        ],
      },
    });
  });

  it('lets the last term be a prefix (typing in progress)', () => {
    const last = fn.query.bool.must[1];
    expect(last.bool.should[0].multi_match.query).toBe('کیک');
    expect(last.bool.should[2]).toEqual({
      multi_match: {
        query: 'کیک',
        type: 'bool_prefix',
        fields: ['displayName', 'displayName.joined', 'handles.text', 'bio', 'bio.joined', 'niche_labels'],
        operator: 'and',
      },
    });
  });

  it('turns "quoted phrase" into a phrase match and -word into must_not', () => {
    expect(fn.query.bool.must[2]).toEqual({
      multi_match: {
        query: 'home cooking',
        type: 'phrase',
        fields: ['displayName^3', 'displayName.joined^3', 'handles.text^3', 'bio', 'bio.joined', 'bio.en'],
        zero_terms_query: 'all',
      },
    });
    expect(fn.query.bool.must_not).toEqual([
      {
        multi_match: {
          query: 'vegan',
          type: 'best_fields',
          fields: [
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
          ],
          operator: 'and',
        },
      },
    ]);
  });

  it('sorts by relevance, then followers, then id', () => {
    expect(request.sort).toEqual([{ _score: { order: 'desc' } }, { totalFollowers: { order: 'desc' } }, ID_DESC]);
  });

  it('highlights name and bio with « »', () => {
    expect(request.highlight).toEqual(JSON.parse(JSON.stringify(HIGHLIGHT)));
    expect(request.highlight).toMatchObject({ pre_tags: ['«'], post_tags: ['»'] });
    expect(Object.keys(request.highlight.fields)).toEqual(['displayName', 'displayName.joined', 'displayName.en', 'bio', 'bio.joined', 'bio.en']);
  });

  it('only excludes (no scoring, no highlight, followers order) when q has nothing but -words', () => {
    const onlyExcluded = json({ q: '-vegan' });
    expect(onlyExcluded.query.bool.must_not).toHaveLength(1);
    expect(onlyExcluded.query.bool).not.toHaveProperty('must');
    expect(onlyExcluded).not.toHaveProperty('highlight');
    expect(onlyExcluded.sort).toEqual([{ totalFollowers: { order: 'desc' } }, ID_DESC]);
  });

  it('offers the glued-affix spelling as an alternative to the words (شبکه های → شبکههای)', () => {
    const [either] = json({ q: 'شبکه های' }).query.function_score.query.bool.must;
    expect(either.bool.minimum_should_match).toBe(1);
    expect(either.bool.should[0].bool.must).toHaveLength(2);
    expect(either.bool.should[1]).toEqual({
      multi_match: { query: 'شبکههای', fields: ['displayName^3', 'displayName.joined^3', 'bio', 'bio.joined', 'spelling_variants'], operator: 'and' },
    });
  });

  it('adds no alternative when gluing changes nothing', () => {
    const must = json({ q: 'alex car' }).query.function_score.query.bool.must;
    expect(must).toHaveLength(2);
    expect(must[0].bool.should[0].multi_match.query).toBe('alex');
  });

  it('excludes a multi-word phrase as a phrase', () => {
    expect(json({ q: 'food -"fast food"' }).query.function_score.query.bool.must_not[0].multi_match).toMatchObject({ query: 'fast food', type: 'phrase' });
  });
});

describe('buildSearchRequest: filters without a facet go into the query', () => {
  const cases: [string, Record<string, unknown>, unknown][] = [
    ['city', { city: 'تهران,Shiraz' }, { terms: { city: ['تهران', 'Shiraz'] } }],
    ['followersMin/Max', { followersMin: '10000', followersMax: '50000' }, { range: { totalFollowers: { gte: 10_000, lte: 50_000 } } }],
    ['followersMin alone', { followersMin: '10000' }, { range: { totalFollowers: { gte: 10_000 } } }],
    ['engagementMin/Max', { engagementMin: '2.5', engagementMax: '9' }, { range: { engagementRate: { gte: 2.5, lte: 9 } } }],
    ['growthMin', { growthMin: '-5' }, { range: { growth30d: { gte: -5 } } }],
    ['audienceAge', { audienceAge: '18-24:40' }, { range: { 'audience.ages.18-24': { gte: 40 } } }],
    ['audienceGender', { audienceGender: 'female:60' }, { range: { 'audience.genders.female': { gte: 60 } } }],
    ['audienceLanguage', { audienceLanguage: 'fa:50' }, { range: { 'audience.languages.fa': { gte: 50 } } }],
    ['qualityMin', { qualityMin: '70' }, { range: { qualityScore: { gte: 70 } } }],
    ['verifiedOnly', { verifiedOnly: 'true' }, { term: { provenance: 'platform_verified' } }],
  ];

  it.each(cases)('%s', (_name, input, clause) => {
    const request = json(input);
    expect(request.query.bool.filter).toEqual([clause]);
    expect(request).not.toHaveProperty('post_filter');
    // They narrow every facet alike, so no facet filter mentions them.
    for (const facet of FACET_NAMES) expect(request.aggs[facet].filter).toEqual({ bool: { filter: [] } });
  });

  it('accepts any share threshold of one audience filter (OR inside a filter) and ANDs filters', () => {
    expect(json({ audienceLanguage: ['fa:50', 'ar:20'], audienceGender: 'female:60' }).query.bool.filter).toEqual([
      { range: { 'audience.genders.female': { gte: 60 } } },
      {
        bool: {
          should: [{ range: { 'audience.languages.fa': { gte: 50 } } }, { range: { 'audience.languages.ar': { gte: 20 } } }],
          minimum_should_match: 1,
        },
      },
    ]);
  });

  it('verifiedOnly=false filters nothing', () => {
    expect(json({ verifiedOnly: 'false' }).query.bool.filter).toEqual([]);
  });

  it('ANDs several filters', () => {
    expect(json({ qualityMin: '50', followersMin: '1000', city: 'Tabriz' }).query.bool.filter).toEqual([
      { terms: { city: ['Tabriz'] } },
      { range: { totalFollowers: { gte: 1000 } } },
      { range: { qualityScore: { gte: 50 } } },
    ]);
  });
});

describe('buildSearchRequest: facet filters go into post_filter and every facet but their own', () => {
  const cases: [string, Record<string, unknown>, unknown][] = [
    ['niche', { niche: 'food,travel' }, { terms: { niches: ['food', 'travel'] } }],
    ['platform', { platform: ['instagram', 'aparat'] }, { terms: { platforms: ['instagram', 'aparat'] } }],
    ['country', { country: 'IR' }, { terms: { country: ['IR'] } }],
    ['language', { language: 'fa' }, { terms: { languages: ['fa'] } }],
    ['tier', { tier: 'micro,mid' }, { terms: { tier: ['micro', 'mid'] } }],
    ['priceBand', { priceMax: '50000' }, { range: { 'price_min.USD': { lte: 50_000 } } }],
    ['audienceCountry', { audienceCountry: 'IR:30' }, { range: { 'audience.countries.IR': { gte: 30 } } }],
    [
      'audienceCountry (any threshold)',
      { audienceCountry: ['IR:90', 'AE:10'] },
      {
        bool: {
          should: [{ range: { 'audience.countries.IR': { gte: 90 } } }, { range: { 'audience.countries.AE': { gte: 10 } } }],
          minimum_should_match: 1,
        },
      },
    ],
  ];

  it.each(cases)('%s', (name, input, clause) => {
    const facet = name.split(' ')[0];
    const request = json(input);
    expect(request.query.bool.filter).toEqual([]);
    expect(request.post_filter).toEqual({ bool: { filter: [clause] } });
    for (const other of FACET_NAMES) {
      expect(request.aggs[other].filter).toEqual({ bool: { filter: other === facet ? [] : [clause] } });
    }
  });

  it('prices in the query currency and, when given, the deliverable', () => {
    expect(json({ priceMax: '90000', currency: 'EUR', deliverable: 'reel' }).post_filter).toEqual({
      bool: { filter: [{ range: { 'price_min.EUR_reel': { lte: 90_000 } } }] },
    });
  });

  it('with several facet filters, each facet drops only its own', () => {
    const request = json({ niche: 'food', platform: 'instagram', priceMax: '1000' });
    const niche = { terms: { niches: ['food'] } };
    const platform = { terms: { platforms: ['instagram'] } };
    const price = { range: { 'price_min.USD': { lte: 1000 } } };
    expect(request.post_filter).toEqual({ bool: { filter: [niche, platform, price] } });
    expect(request.aggs.niche.filter).toEqual({ bool: { filter: [platform, price] } });
    expect(request.aggs.platform.filter).toEqual({ bool: { filter: [niche, price] } });
    expect(request.aggs.priceBand.filter).toEqual({ bool: { filter: [niche, platform] } });
    expect(request.aggs.tier.filter).toEqual({ bool: { filter: [niche, platform, price] } });
  });
});

describe('buildSearchRequest: facet aggregations', () => {
  const aggs = json({ currency: 'GBP', deliverable: 'story' }).aggs;

  it.each([
    ['niche', 'niches', 20],
    ['platform', 'platforms', 7],
    ['country', 'country', 50],
    ['language', 'languages', 50],
    ['tier', 'tier', 5],
    ['audienceCountry', 'audience_top_countries', 20],
  ])('%s counts terms of %s', (facet, field, size) => {
    expect(aggs[facet].aggs).toEqual({ values: { terms: { field, size } } });
  });

  it('priceBand buckets the cheapest price in the query currency by PRICE_BANDS', () => {
    expect(aggs.priceBand.aggs).toEqual({
      values: {
        range: {
          field: 'price_min.GBP_story',
          ranges: [
            { key: '0-100', from: 0, to: 10_000 },
            { key: '100-500', from: 10_000, to: 50_000 },
            { key: '500-2000', from: 50_000, to: 200_000 },
            { key: '2000-10000', from: 200_000, to: 1_000_000 },
            { key: '10000+', from: 1_000_000 },
          ],
        },
      },
    });
    expect(aggs.priceBand.aggs.values.range.ranges).toHaveLength(PRICE_BANDS.length);
  });
});

describe('buildSort', () => {
  it.each([
    ['followers', [{ totalFollowers: { order: 'desc' } }, ID_DESC]],
    ['engagement', [{ engagementRate: { order: 'desc', missing: MISSING_SORT_VALUE.engagement } }, ID_DESC]],
    ['growth', [{ growth30d: { order: 'desc', missing: MISSING_SORT_VALUE.growth } }, ID_DESC]],
    ['quality', [{ qualityScore: { order: 'desc' } }, { totalFollowers: { order: 'desc' } }, ID_DESC]],
    ['price', [{ 'price_min.USD': { order: 'asc', missing: MISSING_SORT_VALUE.price } }, ID_ASC]],
  ] as const)('%s', (sort, expected) => {
    expect(json({ sort }).sort).toEqual(expected);
  });

  it('price follows the currency and deliverable', () => {
    expect(json({ sort: 'price', currency: 'AED', deliverable: 'post' }).sort[0]).toEqual({
      'price_min.AED_post': { order: 'asc', missing: MISSING_SORT_VALUE.price },
    });
  });

  it('relevance without text falls back to followers', () => {
    expect(json({ sort: 'relevance' }).sort).toEqual([{ totalFollowers: { order: 'desc' } }, ID_DESC]);
  });

  it('an explicit sort wins over relevance when there is text', () => {
    expect(json({ q: 'food', sort: 'quality' }).sort).toEqual([{ qualityScore: { order: 'desc' } }, { totalFollowers: { order: 'desc' } }, ID_DESC]);
  });

  it('costPerTargetedThousand is an ascending script sort over the matched audience shares', () => {
    const [script, id] = json({ sort: 'costPerTargetedThousand', audienceCountry: ['IR:30', 'AE:10'], audienceGender: 'female:50', deliverable: 'post' }).sort;
    expect(id).toEqual(ID_ASC);
    expect(script).toEqual({
      _script: {
        type: 'number',
        order: 'asc',
        script: {
          lang: 'painless',
          source: COST_SCRIPT,
          params: {
            priceField: 'price_min.USD_post',
            audience: [['audience.countries.IR', 'audience.countries.AE'], ['audience.genders.female']],
            missing: Number.MAX_VALUE,
          },
        },
      },
    });
  });

  it('the cost script puts documents without a price or target last, guards unmapped keys and rounds like the domain', () => {
    expect(COST_SCRIPT).toContain('return params.missing');
    expect(COST_SCRIPT).toContain('doc.containsKey(f)');
    expect(COST_SCRIPT).toContain('Math.round(((doc[pf].value * 1000.0) / reached) * 100.0) / 100.0');
    expect(buildSort(parse({ sort: 'costPerTargetedThousand' }), false)[0]).toMatchObject({ _script: { script: { params: { audience: [] } } } });
  });
});

describe('buildSearchRequest: cursors', () => {
  const query = parse({ q: 'food', niche: 'food' });
  const sortValues = [3.2, 52_000, '0f8fad5b-d9cb-469f-a165-70867728950e'];

  it('passes a cursor of the same query on as search_after', () => {
    const cursor = encodeCursor(sortValues, queryFingerprint(query));
    expect(buildSearchRequest({ ...query, cursor }).search_after).toEqual(sortValues);
  });

  it('accepts the cursor with a different page size', () => {
    const cursor = encodeCursor(sortValues, queryFingerprint(query));
    expect(buildSearchRequest({ ...query, cursor, limit: 50 }).search_after).toEqual(sortValues);
  });

  it('refuses a cursor replayed against another query', () => {
    const cursor = encodeCursor(sortValues, queryFingerprint(query));
    expect(() => buildSearchRequest({ ...query, niche: ['travel'], cursor })).toThrow(InvalidCursorError);
  });

  it('refuses garbage, tampering and a cursor for another sort', () => {
    const fingerprint = queryFingerprint(query);
    for (const cursor of ['not a cursor', 'eyJ2IjpbXX0', Buffer.from('{"v":{},"h":"x"}').toString('base64url'), encodeCursor([1, 'a'], fingerprint)]) {
      expect(() => buildSearchRequest({ ...query, cursor })).toThrow(InvalidCursorError);
    }
  });
});

describe('buildSearchRequest: a golden request', () => {
  it('matches the documented shape for a realistic brand query', () => {
    const request = json({
      q: 'آشپزی',
      niche: 'food',
      country: 'IR',
      followersMin: '10000',
      audienceCountry: 'IR:30',
      priceMax: '50000',
      verifiedOnly: 'true',
      limit: '10',
    });
    const niche = { terms: { niches: ['food'] } };
    const country = { terms: { country: ['IR'] } };
    const price = { range: { 'price_min.USD': { lte: 50_000 } } };
    const audience = { range: { 'audience.countries.IR': { gte: 30 } } };
    expect(request.size).toBe(10);
    expect(request.query.function_score.query.bool.filter).toEqual([{ range: { totalFollowers: { gte: 10_000 } } }, { term: { provenance: 'platform_verified' } }]);
    expect(request.query.function_score.query.bool.must).toHaveLength(1);
    expect(request.post_filter).toEqual({ bool: { filter: [niche, country, price, audience] } });
    expect(request.aggs.audienceCountry.filter).toEqual({ bool: { filter: [niche, country, price] } });
    expect(request.aggs.country.filter).toEqual({ bool: { filter: [niche, price, audience] } });
    expect(Object.keys(request).sort()).toEqual(['aggs', 'highlight', 'post_filter', 'query', 'size', 'sort', 'track_total_hits']);
  });
});

describe('buildSuggestRequest', () => {
  it('needs every word to start a word of the name or a handle part (edge n-grams, no fuzziness); the most-followed first', () => {
    expect(JSON.parse(JSON.stringify(buildSuggestRequest(['sarah', 'bed'], 8)))).toEqual({
      size: 8,
      track_total_hits: false,
      _source: ['id', 'slug', 'displayName', 'handles'],
      query: {
        bool: {
          filter: [
            { multi_match: { query: 'sarah', fields: ['displayName.ac', 'handles.ac'] } },
            { multi_match: { query: 'bed', fields: ['displayName.ac', 'handles.ac'] } },
          ],
        },
      },
      sort: [{ totalFollowers: { order: 'desc' } }, { id: { order: 'desc' } }],
    });
  });
});

describe('buildSimilarRequest', () => {
  const seed = sampleDocument();
  const request = JSON.parse(JSON.stringify(buildSimilarRequest(seed, 12)));

  it('filters to a shared niche and platform and ×/÷3 followers, excluding the seed', () => {
    expect(request.size).toBe(12);
    expect(request.query.bool.filter).toEqual([
      { terms: { niches: ['food', 'lifestyle'] } },
      { terms: { platforms: ['instagram', 'telegram'] } },
      { range: { totalFollowers: { gte: 17_333, lte: 156_000 } } },
    ]);
    expect(request.query.bool.must_not).toEqual([{ ids: { values: [seed.id] } }]);
    expect(request.sort).toEqual([{ _score: { order: 'desc' } }, ID_ASC]);
  });

  it('ranks by more_like_this on bio and niche labels, niche overlap, the seed’s top audience countries and tier', () => {
    const [mlt, niches, ir, us, tier] = request.query.bool.should;
    expect(mlt.more_like_this).toMatchObject({
      fields: ['bio', 'bio.en', 'niche_labels', 'niche_labels.en'],
      like: [seed.bio, 'food food cooking recipes غذا آشپزی lifestyle lifestyle سبک زندگی لایف استایل'],
    });
    expect(niches).toEqual({ terms: { niches: ['food', 'lifestyle'], boost: 2 } });
    expect(ir).toEqual({ range: { 'audience.countries.IR': { gte: 10, boost: 1 } } });
    expect(us).toEqual({ range: { 'audience.countries.US': { gte: 10, boost: 1 } } });
    expect(tier).toEqual({ term: { tier: { value: 'micro', boost: 0.5 } } });
  });

  it('ranks without audience clauses when the seed has no audience data', () => {
    const bare = buildSimilarRequest(sampleDocument({ audience: { countries: {}, ages: {}, genders: {}, languages: {} } }), 5);
    expect(JSON.stringify(bare.query)).not.toContain('audience.countries');
  });
});

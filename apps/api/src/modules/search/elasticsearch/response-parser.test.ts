import { ZSearchQuery, type TSearchQuery } from '@reachbridge/contracts';
import { describe, expect, it } from 'vitest';
import { decodeCursor, queryFingerprint } from './cursor.js';
import { buildSearchRequest } from './query-builder.js';
import { parseFacets, parseSearchResponse, parseSimilarResponse, parseSuggestResponse, pickHighlight } from './response-parser.js';
import { otherSampleDocument, sampleDocument, sampleSearchResponse } from './sample-documents.js';

const sara = sampleDocument();
const omid = otherSampleDocument();

const parse = (input: Record<string, unknown>): TSearchQuery => ZSearchQuery.parse(input);

describe('parseSearchResponse', () => {
  const query = parse({ q: 'کیک', limit: '2', audienceCountry: 'IR:30' });
  const result = parseSearchResponse(sampleSearchResponse(), query);

  it('returns the documents from _source, without the derived search fields', () => {
    expect(result.hits.map((hit) => hit.document)).toEqual([sara, omid]);
    expect(result.hits[0]!.document).not.toHaveProperty('price_min');
  });

  it('uses the name highlight when there is one, else the bio fragment', () => {
    expect(result.hits[0]!.highlight).toBe('آشپزی ایرانی و «کیک‌های» خانگی — Persian home cooking');
    expect(result.hits[1]!.highlight).toBeNull();
  });

  it('gives the matched price in the query currency and the cost per targeted thousand', () => {
    expect(result.hits[0]!.price).toEqual({ amount: 20_000, currency: 'USD' });
    expect(result.hits[0]!.costPerTargetedThousand).toBe(Math.round((20_000 / (52_000 * 0.88 * 0.625)) * 1000 * 100) / 100);
    expect(result.hits[1]!.price).toEqual({ amount: 250_000, currency: 'USD' });
    expect(result.hits[1]!.costPerTargetedThousand).toBe(Math.round((250_000 / (240_000 * 0.74 * 0.3)) * 1000 * 100) / 100);
  });

  it('prices for the deliverable and currency asked for (null when there is none)', () => {
    const eur = parseSearchResponse(sampleSearchResponse(), parse({ currency: 'TRY', deliverable: 'post' }));
    expect(eur.hits.map((hit) => hit.price)).toEqual([{ amount: 150_000, currency: 'TRY' }, null]);
    expect(eur.hits[1]!.costPerTargetedThousand).toBeNull();
  });

  it('reports an exact total', () => {
    expect(result.total).toBe(2);
    expect(result.totalIsLowerBound).toBe(false);
  });

  it('reports a lower bound past the exact-count limit', () => {
    const many = sampleSearchResponse();
    many.hits.total = { value: 10_000, relation: 'gte' };
    expect(parseSearchResponse(many, query)).toMatchObject({ total: 10_000, totalIsLowerBound: true });
  });

  it('sorts facet buckets by count, then value, and drops empty ones', () => {
    expect(result.facets).toEqual({
      niche: [{ value: 'food', count: 1 }, { value: 'lifestyle', count: 1 }, { value: 'tech', count: 1 }],
      platform: [{ value: 'instagram', count: 1 }, { value: 'telegram', count: 1 }, { value: 'x', count: 1 }, { value: 'youtube', count: 1 }],
      country: [{ value: 'IR', count: 2 }, { value: 'AE', count: 1 }],
      language: [{ value: 'en', count: 2 }, { value: 'fa', count: 2 }],
      tier: [{ value: 'micro', count: 1 }, { value: 'mid', count: 1 }],
      priceBand: [{ value: '100-500', count: 1 }, { value: '2000-10000', count: 1 }],
      audienceCountry: [{ value: 'IR', count: 2 }, { value: 'US', count: 2 }, { value: 'AE', count: 1 }],
    });
  });

  it('hands out a cursor after a full page: the last hit’s sort values, bound to the query', () => {
    expect(result.nextCursor).not.toBeNull();
    expect(decodeCursor(result.nextCursor!, queryFingerprint(query), 3)).toEqual([3.2, 240_000, omid.id]);
    expect(buildSearchRequest({ ...query, cursor: result.nextCursor! }).search_after).toEqual([3.2, 240_000, omid.id]);
  });

  it('hands out no cursor after a short page', () => {
    expect(parseSearchResponse(sampleSearchResponse(), parse({ q: 'کیک' })).nextCursor).toBeNull();
  });

  it('copes with a response without hits or aggregations', () => {
    const empty = sampleSearchResponse({ hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] } });
    delete empty.aggregations;
    expect(parseSearchResponse(empty, query)).toEqual({
      hits: [],
      total: 0,
      totalIsLowerBound: false,
      facets: { niche: [], platform: [], country: [], language: [], tier: [], priceBand: [], audienceCountry: [] },
      nextCursor: null,
    });
  });

  it('refuses a hit without _source', () => {
    const broken = sampleSearchResponse();
    delete broken.hits.hits[0]!._source;
    expect(() => parseSearchResponse(broken, query)).toThrow(/without _source/);
  });
});

describe('pickHighlight and parseFacets', () => {
  it('prefers name fragments and joins several fragments', () => {
    expect(pickHighlight({ bio: ['a «b»'], displayName: ['«سارا» احمدی'] })).toBe('«سارا» احمدی');
    expect(pickHighlight({ 'bio.en': ['«cooking» at home', 'more «cooking»'] })).toBe('«cooking» at home … more «cooking»');
    expect(pickHighlight(undefined)).toBeNull();
  });

  it('reads keyed range buckets too', () => {
    expect(parseFacets({ priceBand: { doc_count: 3, values: { buckets: { '0-100': { doc_count: 1 }, '10000+': { doc_count: 2 } } } } }).priceBand).toEqual([
      { value: '10000+', count: 2 },
      { value: '0-100', count: 1 },
    ]);
  });
});

describe('parseSimilarResponse and parseSuggestResponse', () => {
  it('returns look-alike documents without price context', () => {
    const response = sampleSearchResponse();
    delete response.hits.hits[0]!.highlight;
    expect(parseSimilarResponse(response)).toEqual([
      { document: sara, highlight: null, price: null, costPerTargetedThousand: null },
      { document: omid, highlight: null, price: null, costPerTargetedThousand: null },
    ]);
  });

  it('turns typeahead hits into influencer suggestions (value: first handle; label: name)', () => {
    const response = sampleSearchResponse();
    expect(parseSuggestResponse(response)).toEqual([
      { kind: 'influencer', value: 'sara.cooks', label: 'سارا احمدی', id: sara.id },
      { kind: 'influencer', value: 'omid_reviews', label: 'Omid Reviews', id: omid.id },
    ]);
  });
});

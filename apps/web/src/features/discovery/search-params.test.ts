import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import {
  activeFilterCount,
  canonicalQuery,
  clearFilters,
  effectiveSort,
  invalidParams,
  parsePriceBands,
  readList,
  readShares,
  toApiQuery,
  toggleListValue,
  writeScalar,
  writeShares,
} from './search-params';

const params = (text: string) => new URLSearchParams(text);

describe('discovery query in the URL', () => {
  it('reads lists repeated or comma-separated, without duplicates', () => {
    expect(readList(params('niche=food&niche=travel,food&niche='), 'niche')).toEqual(['food', 'travel']);
  });

  it('reads audience filters as key:min and skips malformed ones', () => {
    expect(readShares(params('audienceCountry=IR:30,DE:12.5&audienceCountry=oops&audienceCountry=US:'), 'audienceCountry')).toEqual([
      { key: 'IR', min: 30 },
      { key: 'DE', min: 12.5 },
    ]);
  });

  it('toggles list values and writes shares without touching other parameters', () => {
    const start = params('q=سفر&niche=food&sort=followers');
    const added = toggleListValue(start, 'niche', 'travel');
    expect(added.getAll('niche')).toEqual(['food', 'travel']);
    expect(toggleListValue(added, 'niche', 'food').getAll('niche')).toEqual(['travel']);
    const shared = writeShares(added, 'audienceAge', [{ key: '18-24', min: 40.4 }]);
    expect(shared.getAll('audienceAge')).toEqual(['18-24:40']);
    expect(shared.get('q')).toBe('سفر');
    expect(start.getAll('niche')).toEqual(['food']); // immutable
  });

  it('removes a scalar when it is set to nothing', () => {
    expect(writeScalar(params('priceMax=5000&q=x'), 'priceMax', undefined).toString()).toBe('q=x');
    expect(writeScalar(params(''), 'q', '  پیتزا  ').get('q')).toBe('پیتزا');
  });

  it('clears filters but keeps the text and the sort', () => {
    expect(clearFilters(params('q=food&sort=price&niche=food&priceMax=100&verifiedOnly=true')).toString()).toBe('q=food&sort=price');
  });

  it('counts the filters in force', () => {
    expect(activeFilterCount(params('q=x&niche=food,travel&audienceCountry=IR:30&priceMax=100&currency=EUR&verifiedOnly=true&sort=price'))).toBe(5);
  });

  it('sorts by relevance with a text query, by followers without, unless told otherwise', () => {
    expect(effectiveSort(params('q=food'))).toBe('relevance');
    expect(effectiveSort(params(''))).toBe('followers');
    expect(effectiveSort(params('sort=costPerTargetedThousand'))).toBe('costPerTargetedThousand');
    expect(effectiveSort(params('sort=nonsense'))).toBe('followers');
  });

  it('passes the known parameters to the API as they are, and ignores the rest', () => {
    expect(toApiQuery(params('niche=food,travel&followersMin=abc&utm_source=mail&q=%20x%20&audienceGender=female:60'))).toEqual({
      audienceGender: ['female:60'],
      followersMin: 'abc',
      niche: ['food', 'travel'],
      q: 'x',
    });
  });

  it('gives equal searches the same cache key whatever the order', () => {
    expect(canonicalQuery(params('niche=food&q=x&niche=travel'))).toBe(canonicalQuery(params('q=x&niche=food,travel')));
  });
});

describe('price bands', () => {
  it('orders the bands and reads their upper bound', () => {
    expect(
      parsePriceBands([
        { value: '500-2000', count: 3 },
        { value: '0-100', count: 10 },
        { value: '10000+', count: 1 },
        { value: 'weird', count: 9 },
      ]),
    ).toEqual([
      { value: '0-100', max: 100, count: 10 },
      { value: '500-2000', max: 2000, count: 3 },
      { value: '10000+', max: null, count: 1 },
    ]);
  });
});

describe('invalid parameters', () => {
  it('names each query parameter a 400 answer points at, once', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid.', [
      { path: 'query.followersMin', message: 'Invalid input: expected number, received NaN' },
      { path: 'query.audienceAge.0.key', message: 'Invalid option' },
      { path: 'query.audienceAge.1.key', message: 'Invalid option' },
      { path: 'body', message: 'x' },
    ]);
    expect(invalidParams(error).map((item) => item.param)).toEqual(['followersMin', 'audienceAge']);
    expect(invalidParams(new ApiError(500, 'INTERNAL_ERROR', 'boom'))).toEqual([]);
  });
});

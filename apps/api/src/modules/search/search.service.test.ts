import { ZSearchQuery } from '@reachbridge/contracts';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from './search.errors.js';
import type { SearchEngine, SearchResult } from './search.port.js';
import { SearchService } from './search.service.js';

const EMPTY: SearchResult = {
  hits: [],
  total: 0,
  totalIsLowerBound: false,
  facets: { niche: [], platform: [], country: [], language: [], tier: [], priceBand: [], audienceCountry: [] },
  nextCursor: null,
};

function engine(name: SearchEngine['name'], search: SearchEngine['search']): SearchEngine {
  const unused = () => Promise.reject(new Error('not used'));
  return { name, search, suggest: unused, similar: unused, upsert: unused, remove: unused, health: () => Promise.resolve('up') };
}

const logger = pino({ level: 'silent' });
const query = ZSearchQuery.parse({});
const never = () => new Promise<SearchResult>(() => undefined);

describe('SearchService fail-over', () => {
  it('answers from the fallback when the primary hangs, within the time budget', async () => {
    const service = new SearchService({ primary: engine('elasticsearch', never), fallback: engine('postgres', () => Promise.resolve(EMPTY)), timeoutMs: 50, logger });
    const started = performance.now();
    const response = await service.search(query);
    expect(response.engine).toBe('postgres');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('answers from the fallback when the primary fails', async () => {
    const service = new SearchService({
      primary: engine('elasticsearch', () => Promise.reject(new Error('connection refused'))),
      fallback: engine('postgres', () => Promise.resolve({ ...EMPTY, total: 3 })),
      timeoutMs: 1000,
      logger,
    });
    expect(await service.search(query)).toMatchObject({ engine: 'postgres', total: 3 });
  });

  it('gives a clear 503 when every engine fails, and a 400 for a foreign cursor', async () => {
    const failing = engine('postgres', () => Promise.reject(new Error('down')));
    await expect(new SearchService({ primary: engine('elasticsearch', never), fallback: failing, timeoutMs: 20, logger }).search(query)).rejects.toMatchObject({
      status: 503,
      code: 'SEARCH_UNAVAILABLE',
    });
    await expect(new SearchService({ primary: failing, timeoutMs: 20, logger }).search(query)).rejects.toMatchObject({ status: 503 });
    const badCursor = engine('postgres', () => Promise.reject(new InvalidCursorError()));
    await expect(new SearchService({ primary: badCursor, timeoutMs: 20, logger }).search(query)).rejects.toMatchObject({ status: 400, code: 'SEARCH_INVALID_CURSOR' });
  });
});

import type { TSearchQuery, TSearchResponse } from '@reachbridge/contracts';
import type { Logger } from '../../observability/logger.js';
import { InvalidCursorError, searchErrors } from './search.errors.js';
import { presentSearchHit } from './search.presenter.js';
import type { SearchEngine, SearchResult } from './search.port.js';

export interface SearchServiceOptions {
  primary: SearchEngine;
  /** Answers when the primary (Elasticsearch) fails or is too slow; absent when the primary is PostgreSQL. */
  fallback?: SearchEngine;
  timeoutMs: number;
  logger: Logger;
}

/**
 * Discovery use cases over the search port. A primary engine that errors or exceeds its time
 * budget is answered from the fallback; with no fallback the caller gets a clear 503, never a hang.
 */
export class SearchService {
  constructor(private readonly options: SearchServiceOptions) {}

  get engineName(): SearchEngine['name'] {
    return this.options.primary.name;
  }

  async search(query: TSearchQuery): Promise<TSearchResponse> {
    const started = performance.now();
    const { result, engine } = await this.withFallback((engine, signal) => engine.search(query, { signal }));
    return {
      hits: result.hits.map(presentSearchHit),
      total: result.total,
      totalIsLowerBound: result.totalIsLowerBound,
      facetsAreEstimates: result.facetsAreEstimates ?? false,
      facets: result.facets,
      nextCursor: result.nextCursor,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      engine,
    };
  }

  async suggest(text: string, limit: number) {
    return (await this.withFallback((engine) => engine.suggest(text, limit))).result;
  }

  async similar(id: string, limit: number) {
    return (await this.withFallback((engine) => engine.similar(id, limit))).result.map(presentSearchHit);
  }

  private async withFallback<T>(run: (engine: SearchEngine, signal: AbortSignal) => Promise<T>): Promise<{ result: T; engine: SearchEngine['name'] }> {
    const { primary, fallback, timeoutMs, logger } = this.options;
    try {
      return { result: await withTimeout(run(primary, AbortSignal.timeout(timeoutMs)), timeoutMs), engine: primary.name };
    } catch (error) {
      if (error instanceof InvalidCursorError) throw searchErrors.SEARCH_INVALID_CURSOR();
      if (!fallback) {
        logger.error({ err: error, engine: primary.name }, 'search engine failed');
        throw searchErrors.SEARCH_UNAVAILABLE();
      }
      logger.warn({ err: error, engine: primary.name }, 'search engine failed; answering from the fallback');
      try {
        return { result: await run(fallback, AbortSignal.timeout(timeoutMs * 4)), engine: fallback.name };
      } catch (fallbackError) {
        if (fallbackError instanceof InvalidCursorError) throw searchErrors.SEARCH_INVALID_CURSOR();
        logger.error({ err: fallbackError }, 'search fallback failed too');
        throw searchErrors.SEARCH_UNAVAILABLE();
      }
    }
  }
}

/** Rejects after `ms` even if the engine ignores its abort signal. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`search engine timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type { SearchResult };

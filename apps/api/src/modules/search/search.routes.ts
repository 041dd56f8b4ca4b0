import { discoveryContracts, type TSearchResponse } from '@reachbridge/contracts';
import { defineRoute } from '../../http/define-route.js';
import type { SearchService } from './search.service.js';

/** The engine's share of a search, for browser dev tools and load tests (W3C Server Timing). */
export const engineTiming = (result: Pick<TSearchResponse, 'engine' | 'tookMs'>) => `engine;desc="${result.engine}";dur=${result.tookMs}`;

export function searchRoutes(search: SearchService) {
  return [
    defineRoute({
      contract: discoveryContracts.search,
      auth: ['brand', 'admin'],
      handler: async ({ query, res }) => {
        const result = await search.search(query);
        res.setHeader('Server-Timing', engineTiming(result));
        return result;
      },
    }),
    defineRoute({
      contract: discoveryContracts.suggest,
      auth: ['brand', 'admin'],
      handler: async ({ query }) => ({ items: await search.suggest(query.q, query.limit ?? 8), nextCursor: null }),
    }),
    defineRoute({
      contract: discoveryContracts.similar,
      auth: ['brand', 'admin'],
      handler: async ({ params, query }) => ({ items: await search.similar(params.id, query.limit ?? 8), nextCursor: null }),
    }),
  ];
}

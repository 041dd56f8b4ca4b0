import type { DataSource } from 'typeorm';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../observability/logger.js';
import { PostgresSearchEngine } from './postgres/postgres-engine.js';
import { SearchSync } from './search-sync.js';
import { searchRoutes } from './search.routes.js';
import { SearchService } from './search.service.js';

export interface SearchModuleDeps {
  dataSource: DataSource;
  config: Pick<Config, 'search'>;
  logger: Logger;
}

/**
 * Discovery over the search port. PostgreSQL is the engine by default and the fallback when
 * Elasticsearch is configured; the outbox sync keeps every configured engine in step.
 */
export function createSearchModule({ dataSource, logger }: SearchModuleDeps) {
  const postgres = new PostgresSearchEngine(dataSource);
  const engines = [postgres];
  const service = new SearchService({ primary: postgres, timeoutMs: 10_000, logger });
  return {
    service,
    sync: new SearchSync(dataSource, engines, logger),
    routes: searchRoutes(service),
    engineName: service.engineName,
  };
}

export { SearchSync } from './search-sync.js';
export { PostgresSearchEngine } from './postgres/postgres-engine.js';
export type { SearchEngine, InfluencerSearchDocument } from './search.port.js';

import type { DataSource } from 'typeorm';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../observability/logger.js';
import { createElasticsearchEngine, type ElasticsearchEngine } from './elasticsearch/index.js';
import { PostgresSearchEngine, type PostgresSearchOptions } from './postgres/postgres-engine.js';
import { loadSearchDocuments } from './search-documents.js';
import { SearchSync } from './search-sync.js';
import { searchRoutes } from './search.routes.js';
import { SearchService } from './search.service.js';
import type { InfluencerSearchDocument, SearchEngine } from './search.port.js';

export interface SearchModuleDeps {
  dataSource: DataSource;
  config: Pick<Config, 'search'>;
  logger: Logger;
  /** The benchmark tunes the PostgreSQL engine (e.g. without reuse); its staleness window comes from the config. */
  postgresOptions?: Omit<PostgresSearchOptions, 'maxStalenessMs'>;
}

/**
 * Discovery over the search port. PostgreSQL is the engine by default; with ELASTICSEARCH_URL,
 * Elasticsearch answers and PostgreSQL stays in step as its fallback. The outbox sync writes to
 * every engine.
 */
export function createSearchModule({ dataSource, config, logger, postgresOptions }: SearchModuleDeps) {
  const postgres = new PostgresSearchEngine(dataSource, { ...postgresOptions, maxStalenessMs: config.search.maxStalenessMs });
  const elasticsearch: ElasticsearchEngine | undefined = config.search.elasticsearch
    ? createElasticsearchEngine(config.search.elasticsearch)
    : undefined;
  const engines: SearchEngine[] = elasticsearch ? [postgres, elasticsearch] : [postgres];
  const service = elasticsearch
    ? new SearchService({ primary: elasticsearch, fallback: postgres, timeoutMs: config.search.elasticsearch!.timeoutMs, logger })
    : new SearchService({ primary: postgres, timeoutMs: 10_000, logger });
  return {
    service,
    sync: new SearchSync(dataSource, engines, logger),
    routes: searchRoutes(service),
    engineName: service.engineName,
    elasticsearch,
    postgres,
    /** Engine states for /readyz: `postgres:up` or `elasticsearch:down,postgres:up`. */
    health: async () => (await Promise.all(engines.map(async (engine) => `${engine.name}:${await engine.health()}`))).reverse().join(','),
  };
}

/** Every searchable profile's document, in batches (for rebuilding an Elasticsearch index). */
export async function* allSearchDocuments(dataSource: DataSource, batchSize = 2000): AsyncGenerator<InfluencerSearchDocument[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: { id: string }[] = await dataSource.query(`SELECT id FROM influencer_profiles WHERE id > $1 ORDER BY id LIMIT $2`, [after, batchSize]);
    if (!rows.length) return;
    after = rows[rows.length - 1]!.id;
    const version = Date.now();
    const { documents } = await loadSearchDocuments(dataSource, rows.map((row) => row.id), new Map(rows.map((row) => [row.id, version])));
    if (documents.length) yield documents;
  }
}

export { SearchSync } from './search-sync.js';
export { engineTiming } from './search.routes.js';
export { SCHEMA_VERSION, indexSchemaVersion } from './elasticsearch/index.js';
export { PostgresSearchEngine } from './postgres/postgres-engine.js';
export { SEARCH_TABLE_COLUMNS, searchTableRow, type SearchTableRow } from './postgres/search-table.js';
export type { SearchEngine, InfluencerSearchDocument } from './search.port.js';

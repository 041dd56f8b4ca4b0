import 'reflect-metadata';
import { DataSource, type EntityManager } from 'typeorm';
import { migrations } from '@reachbridge/migrations';
import { entities } from './entities.js';

export type { EntityManager };

/** The one DataSource shape for the server, the worker, the CLI and the tests. */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    // gen_random_uuid() is built into PostgreSQL 13+; extensions are created by migrations.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'reachbridge',
    extra: {
      statement_timeout: 15_000,
      idle_in_transaction_session_timeout: 30_000,
      // Fuzzy name search (`<%`): one typo in a short name ("sarra" for "sara") scores ~0.57.
      // Search facets group tens of thousands of rows: keep that in memory, not on disk. No JIT:
      // compiling a plan costs more than these short statements save (search statements over a
      // million rows are estimated expensive enough to trigger it).
      options: '-c pg_trgm.word_similarity_threshold=0.5 -c work_mem=32MB -c jit=off',
    },
  });
}

/**
 * Statements that would bring the database in line with the entities. Empty when the migrations
 * describe the entities exactly — CI fails otherwise (`npm run cli -- db check-drift`).
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

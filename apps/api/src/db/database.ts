import type { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

export interface Database {
  readonly dataSource: DataSource;
  readonly embedded: EmbeddedDatabase | undefined;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL when it is unset. */
export async function openDatabase(
  config: Pick<Config, 'database'>,
  logger: Logger,
  options: { applicationName?: string; poolSize?: number } = {},
): Promise<Database> {
  const embedded =
    config.database.kind === 'embedded'
      ? await startEmbeddedPostgres({
          dataDir: config.database.dataDir,
          port: config.database.port,
          sharedBuffers: config.database.sharedBuffers,
          database: 'reachbridge',
          logger,
        })
      : undefined;
  const url = config.database.kind === 'external' ? config.database.url : embedded!.url;
  const dataSource = createDataSource(url, options);
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

export async function runMigrations(dataSource: DataSource, logger: Logger): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of applied) logger.info({ migration: migration.name }, 'applied migration');
}

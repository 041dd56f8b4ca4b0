import type { Server } from 'node:http';
import { createApp } from './app.js';
import { loadConfigOrExit } from './config/config.js';
import { openDatabase, runMigrations, type Database } from './db/database.js';
import { DEMO_LOGINS, seedDemoData } from './modules/demo/demo-accounts.js';
import { SCHEMA_VERSION, indexSchemaVersion } from './modules/search/index.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';

/** Process entry: config → database (embedded or external) → migrations → demo data → HTTP → graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const database: Database = await openDatabase(config, logger, { applicationName: 'reachbridge-api' });
  let server: Server | undefined;
  let stopBackground: () => Promise<void> = () => Promise.resolve();
  let shuttingDown = false;

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 20_000);
    forced.unref();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeAllConnections();
    await stopBackground();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await runMigrations(database.dataSource, logger);
    const shouldSeed = config.seedDemo && !config.isProduction;
    const seeded = shouldSeed ? await seedDemoData(database.dataSource, logger) : 'skipped';
    const { app, searchSync, elasticsearch, offers } = createApp({ config, logger, dataSource: database.dataSource, metrics: createMetrics() });
    // Elasticsearch being down never stops the start: search answers from PostgreSQL meanwhile.
    elasticsearch?.ensureIndex().then(
      (index) => {
        const built = indexSchemaVersion(index);
        if (built !== null && built < SCHEMA_VERSION) {
          logger.warn({ index, schemaVersion: built, expected: SCHEMA_VERSION }, 'the Elasticsearch index was built for an older mapping; run `npm run cli -- search reindex`');
        }
      },
      (error: unknown) => logger.warn({ err: error }, 'Elasticsearch index not ready; searching PostgreSQL until it is'),
    );
    // The worker's jobs run in-process: search indexing from the outbox, offer timers and money movements.
    const stopSync = searchSync.start();
    const stopTimers = offers.timers.start(config.jobs.intervalMs);
    stopBackground = async () => {
      await Promise.all([stopSync.stop(), stopTimers.stop()]);
    };
    server = app.listen(config.http.port, config.http.host);
    await new Promise<void>((resolve, reject) => {
      server!.once('listening', resolve);
      server!.once('error', reject);
    });
    const lines = [
      '',
      `  Reachbridge is running at ${config.http.publicUrl}`,
      `  API reference: ${config.http.publicUrl}/api/docs`,
      `  Database: ${config.database.kind === 'embedded' ? `embedded PostgreSQL (data in ${config.database.dataDir})` : 'external PostgreSQL (DATABASE_URL)'}`,
    ];
    if (shouldSeed) {
      lines.push(`  Demo logins${seeded === 'skipped' ? ' (seeded on first start)' : ''}:`);
      for (const login of DEMO_LOGINS) lines.push(`    ${login.role.padEnd(10)} ${login.email} / ${login.password}`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await database.close();
    process.exit(1);
  }
}

void main();

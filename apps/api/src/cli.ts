import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ZDisplayName, ZEmail, ZPassword } from '@reachbridge/contracts';
import type { z } from 'zod';
import { composeMoney } from './compose-money.js';
import { loadConfigOrExit } from './config/config.js';
import { pendingSchemaChanges } from './db/data-source.js';
import { openDatabase, runMigrations, type Database } from './db/database.js';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { allSearchDocuments, createSearchModule } from './modules/search/index.js';
import { AccountsService } from './modules/accounts/index.js';
import { parseImport, runImport } from './modules/import/profile-import.js';
import { InfluencersService } from './modules/influencers/index.js';
import { reconcile } from './modules/offers/index.js';
import { SEEDED_INFLUENCER_PASSWORD, seedInfluencers } from './modules/seed/index.js';
import { createLogger } from './observability/logger.js';

/** Operator commands; same configuration (environment) as the server. */
const config = loadConfigOrExit();
const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });

async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabase(config, logger, { applicationName: 'reachbridge-cli', poolSize: 4 });
  const interrupt = (signal: NodeJS.Signals) => {
    void database.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

const parseWith = (schema: z.ZodType<string>, name: string) => (value: string) => {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidArgumentError(`${name}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
};

const parsePositiveInt = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return parsed;
};

const program = new Command('reachbridge').description('Reachbridge operator commands').showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDatabase(async ({ dataSource }) => {
      await runMigrations(dataSource, logger);
      console.log('migrations: up to date');
    }),
  );

const db = program.command('db').description('database maintenance');
db.command('check-drift')
  .description('fail when the entities and the migrations disagree (run in CI)')
  .action(() =>
    withDatabase(async ({ dataSource }) => {
      await runMigrations(dataSource, logger);
      const changes = await pendingSchemaChanges(dataSource);
      if (changes.length === 0) {
        console.log('schema drift: none — the migrations match the entities');
        return;
      }
      console.error('schema drift: the entities need these changes, which no migration makes:');
      for (const change of changes) console.error(`  ${change};`);
      process.exitCode = 1;
    }),
  );

program
  .command('seed')
  .description('add deterministic, realistic demo influencers (approved and searchable)')
  .option('--influencers <count>', 'how many', parsePositiveInt, 1000)
  .option('--seed <seed>', 'random seed (same seed, same data)', parsePositiveInt, 42)
  .option('--no-parallel', 'bulk load on one connection (by default the search table gets a second one)')
  .action((options: { influencers: number; seed: number; parallel: boolean }) =>
    withDatabase(async ({ dataSource }) => {
      await runMigrations(dataSource, logger);
      const pool = (dataSource.driver as unknown as { master: Pool }).master;
      const [{ count }] = await dataSource.query<[{ count: number }]>(`SELECT count(*)::int AS count FROM influencer_profiles`);
      const started = Date.now();
      const totals = await seedInfluencers(pool, {
        count: options.influencers,
        seed: options.seed,
        offset: count,
        parallel: options.parallel,
        // The PostgreSQL search table is written by the seeder; only another engine needs the outbox.
        searchOutbox: Boolean(config.search.elasticsearch),
        onProgress: (done, total) => process.stdout.write(`\rseeded ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
      });
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `\nseeded ${totals.influencers} influencers, ${totals.accounts} social accounts, ${totals.rates} rates in ${seconds.toFixed(1)} s ` +
          `(${Math.round(totals.influencers / seconds)} profiles/s, ${totals.mode} load on ${totals.connections} connection${totals.connections > 1 ? 's' : ''}, ` +
          `search table included); they log in with ${SEEDED_INFLUENCER_PASSWORD}`,
      );
      await indexPending(dataSource, { rebuildTerms: true });
    }),
  );

/**
 * Drains the search outbox into every configured engine (PostgreSQL, and Elasticsearch when set);
 * after a bulk change, also rebuilds PostgreSQL's prefix term dictionary (else the worker does
 * within the hour).
 */
async function indexPending(dataSource: DataSource, options: { rebuildTerms?: boolean } = {}): Promise<void> {
  const started = Date.now();
  const search = createSearchModule({ dataSource, config, logger });
  const indexed = await search.sync.drainAll();
  await search.elasticsearch?.close();
  console.log(`indexed ${indexed} profiles for search in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (options.rebuildTerms) {
    const termsStarted = Date.now();
    const words = await search.postgres.rebuildTerms();
    const took = ((Date.now() - termsStarted) / 1000).toFixed(1);
    console.log(words === null ? 'prefix term dictionary: another process is rebuilding it' : `prefix term dictionary: ${words} words in ${took} s`);
  }
}

program
  .command('import')
  .description('import influencer profiles from CSV or JSON (agencies moving in): all rows or none')
  .argument('<file>', 'a .csv or .json file (format: docs/examples/agency-import.csv, or an array of profile bodies with an email)')
  .option('--approve', 'publish the profiles at once instead of queueing them for review', false)
  .action((file: string, options: { approve: boolean }) =>
    withDatabase(async ({ dataSource }) => {
      await runMigrations(dataSource, logger);
      const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
      const { entries, problems } = parseImport(await readFile(file, 'utf8'), format);
      const result = problems.length ? { imported: 0, problems } : await runImport(dataSource, new InfluencersService(dataSource), entries, options);
      if (result.problems.length) {
        console.error(`nothing imported: ${result.problems.length} problem(s) in ${file}`);
        for (const problem of result.problems) console.error(`  row ${problem.row}${problem.path ? ` (${problem.path})` : ''}: ${problem.message}`);
        process.exitCode = 1;
        return;
      }
      console.log(`imported ${result.imported} influencer profile(s) ${options.approve ? '(approved)' : '(waiting for review)'}`);
      await indexPending(dataSource);
    }),
  );

const search = program.command('search').description('the search index');
search
  .command('reindex')
  .description('rebuild the search index: Elasticsearch into a new index, then swap the alias (no downtime); PostgreSQL by requeueing every profile')
  .action(() =>
    withDatabase(async ({ dataSource }) => {
      await runMigrations(dataSource, logger);
      const { elasticsearch } = createSearchModule({ dataSource, config, logger });
      if (elasticsearch) {
        const started = Date.now();
        const result = await elasticsearch.reindex(allSearchDocuments(dataSource));
        await elasticsearch.close();
        console.log(`elasticsearch: ${JSON.stringify(result)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      await dataSource.query(`SELECT mark_search_dirty(id) FROM influencer_profiles`);
      await indexPending(dataSource, { rebuildTerms: true });
    }),
  );

const jobs = program.command('jobs').description('the worker’s jobs');
jobs
  .command('run-due')
  .description('run every due timer once (offer expiry, auto-approval, cancellation timeout, completion) and every due money movement')
  .action(() =>
    withDatabase(async ({ dataSource }) => {
      await runMigrations(dataSource, logger);
      const { offers } = composeMoney({ config, dataSource, logger, now: () => new Date() });
      console.log(JSON.stringify(await offers.timers.runDue()));
    }),
  );

const ledger = program.command('ledger').description('the money ledger');
ledger
  .command('reconcile')
  .description('compare the ledger and money movements with the payment provider; exit 1 on any difference')
  .action(() =>
    withDatabase(async ({ dataSource }) => {
      await runMigrations(dataSource, logger);
      const { payments } = composeMoney({ config, dataSource, logger, now: () => new Date() });
      const report = await reconcile(dataSource, payments.provider);
      for (const difference of report.differences) console.log(`difference: ${difference}`);
      console.log(`reconciled ${report.offersChecked} offer(s) with the ${payments.provider.kind} provider: ${report.differences.length} difference(s)`);
      if (report.differences.length > 0) process.exitCode = 1;
    }),
  );

const admin = program.command('admin').description('administrators');
admin
  .command('create')
  .description('create an admin account (admins cannot sign up)')
  .requiredOption('--email <email>', 'login email', parseWith(ZEmail, 'email'))
  .requiredOption('--password <password>', 'at least 10 characters', parseWith(ZPassword, 'password'))
  .option('--name <name>', 'display name', parseWith(ZDisplayName, 'name'), 'Administrator')
  .action((options: { email: string; password: string; name: string }) =>
    withDatabase(async ({ dataSource }) => {
      await runMigrations(dataSource, logger);
      const user = await new AccountsService(dataSource).createAccount({
        email: options.email,
        password: options.password,
        role: 'admin',
        displayName: options.name,
      });
      console.log(`admin created: ${user.email} (${user.id})`);
    }),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { setImmediate as nextTurn } from 'node:timers/promises';
import { computeQualityScore, tierFor } from '@reachbridge/domain';
import type { Pool, PoolClient } from 'pg';
import { hashPassword } from '../accounts/index.js';
import { SEARCH_TABLE_COLUMNS, searchTableRow, type InfluencerSearchDocument, type SearchTableRow } from '../search/index.js';
import { BoundedQueue } from './bounded-queue.js';
import { withBulkLoad } from './bulk-load.js';
import { columnKinds, copyNullable, copyRows, copyText, pgTextArray, rowEncoder } from './copy-text.js';
import { InfluencerGenerator, SEEDED_EMAIL_DOMAIN, type GeneratedInfluencer } from './influencer-generator.js';

/** Every seeded influencer logs in with this password (one argon2 hash shared by all: hashing a million would take hours). */
export const SEEDED_INFLUENCER_PASSWORD = 'demo-influencer-password';

/** From this many influencers into an empty catalogue, indexes and foreign keys are built once after the load. */
export const BULK_LOAD_THRESHOLD = 50_000;

export interface SeedOptions {
  count: number;
  /** Same seed, same data. */
  seed?: number;
  /** Index of the first generated influencer (to add more to an already seeded database). */
  offset?: number;
  /** Profiles per COPY (and per transaction outside bulk mode). */
  batchSize?: number;
  /**
   * Also queue every profile in the search outbox, for engines other than PostgreSQL
   * (Elasticsearch). The PostgreSQL search table is always written directly. Default true.
   */
  searchOutbox?: boolean;
  /** The smallest count that is bulk-loaded into an empty catalogue (BULK_LOAD_THRESHOLD). */
  bulkLoadFrom?: number;
  /**
   * Bulk mode only: load the search table over a second connection, in parallel with the other
   * tables, when the database allows it (see `openSearchLane`). Default true.
   */
  parallel?: boolean;
  /** The rows' timestamps (`created_at`, `metrics_as_of`, the snapshots' days …). Default: now. */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedTotals {
  influencers: number;
  accounts: number;
  rates: number;
  /** `bulk`: indexes and foreign keys rebuilt after the load (empty catalogue, large count). */
  mode: 'bulk' | 'batches';
  /** Connections that loaded at the same time: 2 when the search table had its own. */
  connections: 1 | 2;
}

/** The tables a seed writes, with the columns it writes (the search table's come from the search module). */
const COLUMNS = {
  users: ['id', 'email', 'password_hash', 'role', 'status', 'display_name', 'created_at', 'updated_at'],
  influencer_profiles: ['id', 'user_id', 'slug', 'display_name', 'bio', 'niches', 'country', 'city', 'languages', 'contact_preferences', 'review_status', 'submitted_at', 'approved_at', 'created_at', 'updated_at'],
  social_accounts: ['id', 'profile_id', 'platform', 'handle', 'url', 'followers', 'following', 'posts', 'avg_views', 'engagement_rate', 'growth_30d', 'audience', 'metrics_provenance', 'metrics_as_of', 'audience_provenance', 'audience_as_of', 'created_at', 'updated_at'],
  influencer_rates: ['profile_id', 'platform', 'deliverable', 'amount_minor', 'currency'],
  follower_snapshots: ['social_account_id', 'taken_on', 'followers'],
  influencer_search: SEARCH_TABLE_COLUMNS,
} as const satisfies Record<string, readonly string[]>;
type Table = keyof typeof COLUMNS;

/** In the order they are written (foreign keys point backwards). */
const ALL_TABLES: readonly Table[] = ['users', 'influencer_profiles', 'social_accounts', 'influencer_rates', 'follower_snapshots', 'influencer_search'];
/** Everything but the search table: the main connection's share when the search table has its own. */
const MAIN_TABLES: readonly Table[] = ALL_TABLES.filter((table) => table !== 'influencer_search');

const SEARCH_TRIGGERS = [
  ['influencer_profiles', 'influencer_profiles_search_dirty'],
  ['social_accounts', 'social_accounts_search_dirty'],
  ['influencer_rates', 'influencer_rates_search_dirty'],
] as const;

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;
/** Profiles generated between two turns of the event loop (keeps the COPY sockets fed). */
const GENERATION_SLICE = 250;
/** Encoded batches waiting per connection. */
const QUEUED_BATCHES = 2;

/**
 * The search document `loadSearchDocuments` would build from the rows we write (same main
 * account, totals, tier, quality score), so the seeder can fill `influencer_search` directly
 * instead of queueing a million profiles for the sync. A test keeps the two equal.
 */
export function seededSearchDocument(p: GeneratedInfluencer, version: number, updatedAt: string): InfluencerSearchDocument {
  // The sync orders a profile's accounts by followers, then id: the first is the main account.
  const accounts = [...p.accounts].sort((a, b) => b.followers - a.followers || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const main = accounts[0]!;
  const totalFollowers = accounts.reduce((sum, a) => sum + a.followers, 0);
  return {
    id: p.profileId,
    version,
    slug: p.slug,
    displayName: p.displayName,
    bio: p.bio,
    handles: accounts.map((a) => a.handle),
    niches: p.niches,
    platforms: [...new Set(accounts.map((a) => a.platform))],
    country: p.country,
    city: p.city,
    languages: p.languages,
    totalFollowers,
    tier: tierFor(totalFollowers),
    engagementRate: main.engagementRate,
    growth30d: main.growth30d,
    qualityScore: computeQualityScore({
      followers: main.followers,
      following: main.following,
      engagementRate: main.engagementRate,
      growth30d: main.growth30d,
    }).score,
    provenance: 'estimated',
    audience: main.audience,
    rates: p.rates.map((r) => ({ platform: r.platform, deliverable: r.deliverable, amountMinor: r.amountMinor, currency: r.currency })),
    updatedAt,
  };
}

/** One batch of generated influencers as COPY text, per table. */
interface EncodedBatch {
  influencers: number;
  accounts: number;
  rates: number;
  /** For the search outbox (only when it is wanted). */
  profileIds: string[];
  rows: Record<Table, string>;
}

interface EncodingContext {
  passwordHash: string;
  /** ISO timestamp of every row. */
  asOf: string;
  /** The last twelve month ends' days, newest first (follower snapshots). */
  days: string[];
  version: number;
  encodeSearchRow: (row: SearchTableRow) => string;
  keepProfileIds: boolean;
}

function encodeInfluencer(p: GeneratedInfluencer, ctx: EncodingContext, batch: EncodedBatch): void {
  const { asOf, days } = ctx;
  const rows = batch.rows;
  const name = copyText(p.displayName);
  rows.users += `${p.userId}\t${copyText(p.email)}\t${copyText(ctx.passwordHash)}\tinfluencer\tactive\t${name}\t${asOf}\t${asOf}\n`;
  rows.influencer_profiles +=
    `${p.profileId}\t${p.userId}\t${copyText(p.slug)}\t${name}\t${copyText(p.bio)}\t${copyText(pgTextArray(p.niches))}\t${copyText(p.country)}\t` +
    `${copyNullable(p.city)}\t${copyText(pgTextArray(p.languages))}\t{"viaPlatform":true}\tapproved\t${asOf}\t${asOf}\t${asOf}\t${asOf}\n`;
  for (const a of p.accounts) {
    rows.social_accounts +=
      `${a.id}\t${p.profileId}\t${a.platform}\t${copyText(a.handle)}\t${copyText(a.url)}\t${a.followers}\t${a.following}\t${a.posts}\t${a.avgViews}\t` +
      `${a.engagementRate}\t${a.growth30d}\t${copyText(JSON.stringify(a.audience))}\testimated\t${asOf}\testimated\t${asOf}\t${asOf}\t${asOf}\n`;
    const last = a.history.length - 1;
    for (let k = 0; k <= last; k += 1) rows.follower_snapshots += `${a.id}\t${days[last - k]!}\t${a.history[k]!}\n`;
  }
  for (const r of p.rates) rows.influencer_rates += `${p.profileId}\t${r.platform}\t${r.deliverable}\t${r.amountMinor}\t${r.currency}\n`;
  rows.influencer_search += ctx.encodeSearchRow(searchTableRow(seededSearchDocument(p, ctx.version, asOf)));
  batch.influencers += 1;
  batch.accounts += p.accounts.length;
  batch.rates += p.rates.length;
  if (ctx.keepProfileIds) batch.profileIds.push(p.profileId);
}

/**
 * The influencers `offset` … `offset + count - 1` in batches of COPY text. Generation is
 * sequential (one seeded generator, the same rows for the same seed and offset); it yields to the
 * event loop every GENERATION_SLICE profiles so the COPY streams keep flowing meanwhile.
 */
async function* encodedBatches(generator: InfluencerGenerator, range: { offset: number; count: number; batchSize: number }, ctx: EncodingContext): AsyncGenerator<EncodedBatch> {
  const { offset, count, batchSize } = range;
  for (let start = 0; start < count; start += batchSize) {
    const batch: EncodedBatch = {
      influencers: 0,
      accounts: 0,
      rates: 0,
      profileIds: [],
      rows: { users: '', influencer_profiles: '', social_accounts: '', influencer_rates: '', follower_snapshots: '', influencer_search: '' },
    };
    const end = Math.min(count, start + batchSize);
    for (let i = start; i < end; i += 1) {
      encodeInfluencer(generator.generate(offset + i), ctx, batch);
      if ((i - start) % GENERATION_SLICE === GENERATION_SLICE - 1) await nextTurn();
    }
    yield batch;
  }
}

async function writeTables(client: PoolClient, tables: readonly Table[], batch: EncodedBatch, frozen: ReadonlySet<Table> = new Set()): Promise<void> {
  for (const table of tables) await copyRows(client, table, COLUMNS[table], batch.rows[table], { freeze: frozen.has(table) });
}

/**
 * The tables a bulk load may empty with TRUNCATE (nothing outside them references them) so that
 * its COPY can write frozen rows; `influencer_profiles` (referenced by lists, offers …) and
 * `users` are loaded without.
 */
const TRUNCATABLE: readonly Table[] = ['social_accounts', 'influencer_rates', 'follower_snapshots', 'influencer_search'];

/**
 * TRUNCATEs `tables` when all of them are empty (in bulk mode they are: every row hangs off a
 * profile, and there are none) and returns them, so COPY may use FREEZE; returns none when one
 * has rows or TRUNCATE is not allowed (not the tables' owner), leaving everything as it was.
 */
async function truncateForFreeze(client: PoolClient, tables: readonly Table[]): Promise<Set<Table>> {
  await client.query('SAVEPOINT seed_truncate');
  try {
    await client.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    const { rows } = await client.query<{ used: boolean }>(`SELECT ${tables.map((table) => `EXISTS (SELECT 1 FROM ${table})`).join(' OR ')} AS used`);
    if (rows[0]!.used) {
      await client.query('ROLLBACK TO SAVEPOINT seed_truncate');
      return new Set();
    }
    await client.query(`TRUNCATE ${tables.join(', ')}`);
    await client.query('RELEASE SAVEPOINT seed_truncate');
    return new Set(tables);
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT seed_truncate');
    return new Set();
  }
}

async function markSearchDirty(client: PoolClient, batch: EncodedBatch): Promise<void> {
  await client.query(`SELECT mark_search_dirty(id) FROM unnest($1::uuid[]) AS id`, [batch.profileIds]);
}

/** Runs every promise to its end; rethrows the first failure (in the order given). */
async function settleAll(work: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(work);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Feeds every batch to every consumer (one per connection) through a small queue each, so
 * generation runs ahead of the slowest COPY by at most QUEUED_BATCHES batches. The first failure,
 * anywhere, stops the producer and the other consumers; `run` settles only once all have stopped
 * (no COPY is still running when the caller rolls back).
 */
function pipelineBatches(
  batches: AsyncIterable<EncodedBatch>,
  consumers: number,
  onBatchDone: (batch: EncodedBatch) => void,
): { run: (consume: (index: number, queue: AsyncIterable<EncodedBatch>) => Promise<void>) => Promise<void> } {
  const queues = Array.from({ length: consumers }, () => new BoundedQueue<EncodedBatch>(QUEUED_BATCHES));
  const failAll = (error: unknown) => {
    for (const queue of queues) queue.fail(error);
  };
  const produce = async () => {
    try {
      for await (const batch of batches) for (const queue of queues) await queue.push(batch);
      for (const queue of queues) queue.close();
    } catch (error) {
      failAll(error);
      throw error;
    }
  };
  // A batch counts as written once every consumer has written its share.
  const pending = new Map<EncodedBatch, number>();
  const done = (batch: EncodedBatch) => {
    const left = (pending.get(batch) ?? consumers) - 1;
    if (left > 0) {
      pending.set(batch, left);
    } else {
      pending.delete(batch);
      onBatchDone(batch);
    }
  };
  return {
    run: (consume) =>
      settleAll([
        produce(),
        ...queues.map((queue, index) =>
          consume(index, {
            async *[Symbol.asyncIterator]() {
              for await (const batch of queue) {
                yield batch;
                done(batch);
              }
            },
          }).catch((error: unknown) => {
            failAll(error);
            throw error;
          }),
        ),
      ]),
  };
}

const BULK_SETTINGS =
  // A seed can be redone: losing the last commits after a crash costs nothing here. The pool's
  // statement and idle timeouts are for requests; an index over ten million rows takes longer, and
  // one connection may wait for the other before committing.
  `SET LOCAL synchronous_commit = off; SET LOCAL maintenance_work_mem = '512MB'; ` +
  `SET LOCAL statement_timeout = 0; SET LOCAL idle_in_transaction_session_timeout = 0`;

/** A second connection for the search table, in its own transaction (see `openSearchLane`). */
interface SearchLane {
  client: PoolClient;
  /** The internal triggers that check the search table's foreign keys, switched off for the load. */
  checkTriggers: string[];
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A second connection for the search table, in its own transaction, or null when the load must
 * stay on one connection. The search table's foreign key to `influencer_profiles` cannot be
 * checked row by row from there (the profiles are the other transaction's, not yet committed),
 * and dropping the key would lock `influencer_profiles` against the main connection until commit.
 * So this transaction switches off only the key's check triggers on the search table (a
 * superuser's right: they are system triggers; its other triggers still fire) and `loadInTwo`
 * checks the key in bulk before anything commits. One connection when the pool has fewer than
 * two or the database refuses.
 */
async function openSearchLane(pool: Pool): Promise<SearchLane | null> {
  if ((pool.options.max ?? 10) < 2) return null;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ name: string }>(
      `SELECT t.tgname AS name FROM pg_trigger t JOIN pg_constraint c ON c.oid = t.tgconstraint
        WHERE t.tgrelid = 'influencer_search'::regclass AND t.tgisinternal AND c.contype = 'f' AND c.conrelid = t.tgrelid
        ORDER BY t.tgname`,
    );
    const checkTriggers = rows.map((row) => row.name);
    for (const trigger of checkTriggers) await client.query(`ALTER TABLE influencer_search DISABLE TRIGGER ${quoteIdent(trigger)}`);
    return { client, checkTriggers };
  } catch {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    return null;
  }
}

/** Rows and an order-independent digest of the ids of a table, as its own transaction sees them. */
async function idDigest(client: PoolClient, table: 'influencer_profiles' | 'influencer_search'): Promise<string> {
  const { rows } = await client.query<{ rows: string; digest: string }>(
    `SELECT count(*)::text AS rows, coalesce(sum(hashtextextended(id::text, 0)), 0)::text AS digest FROM ${table}`,
  );
  return `${rows[0]!.rows}:${rows[0]!.digest}`;
}

/**
 * Removes what a bulk load committed on the main connection when the search table's transaction
 * then failed to commit (the catalogue was empty before: every profile is a seeded one).
 */
async function removeSeededInfluencers(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL statement_timeout = 0`);
    for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    // Profiles, accounts, snapshots, rates and search rows go with their users (ON DELETE CASCADE).
    await client.query(`DELETE FROM users u USING influencer_profiles p WHERE p.user_id = u.id AND u.email LIKE $1`, [`%@${SEEDED_EMAIL_DOMAIN}`]);
    for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Writes approved, active influencers with COPY. Deterministic for a given seed and offset (ids
 * included); `now` fixes the timestamps too.
 *
 * - The PostgreSQL search table is filled from the generated data (one COPY per batch), not
 *   through the outbox: building a million documents back from the tables one batch at a time was
 *   most of the old seeding time.
 * - Generation and encoding run ahead of the database by a couple of batches, so Node works while
 *   PostgreSQL parses.
 * - Into an empty catalogue with at least BULK_LOAD_THRESHOLD influencers (bulk mode), the
 *   secondary indexes and foreign keys are dropped first and rebuilt once at the end (a sort per
 *   index instead of millions of random B-tree inserts, one join per foreign key instead of a
 *   lookup per row), and the tables analysed, all before commit. The tables nothing else
 *   references are truncated first (they are empty) and written with COPY FREEZE. The search table
 *   (its generated tsvector is most of PostgreSQL's work) is loaded over a second connection in
 *   its own transaction when the database allows it, so PostgreSQL uses two cores; both
 *   transactions commit together once everything, indexes included, is in place (`loadInTwo`).
 *   Otherwise one transaction does it all.
 * - Otherwise (the demo seed, adding to a seeded database) one transaction per batch.
 */
export async function seedInfluencers(pool: Pool, options: SeedOptions): Promise<SeedTotals> {
  const { count, seed = 42, offset = 0, batchSize = 5000, searchOutbox = true, bulkLoadFrom = BULK_LOAD_THRESHOLD, parallel = true, onProgress } = options;
  const now = options.now ?? new Date();
  const totals: SeedTotals = { influencers: 0, accounts: 0, rates: 0, mode: 'batches', connections: 1 };
  const onBatchDone = (batch: EncodedBatch) => {
    totals.influencers += batch.influencers;
    totals.accounts += batch.accounts;
    totals.rates += batch.rates;
    onProgress?.(totals.influencers, count);
  };

  const client = await pool.connect();
  try {
    // One version for the whole seed: versions only need to grow per document.
    const [{ version }] = (await client.query<{ version: string }>(`SELECT nextval('search_version_seq') AS version`)).rows as [{ version: string }];
    const ctx: EncodingContext = {
      passwordHash: await hashPassword(SEEDED_INFLUENCER_PASSWORD),
      asOf: now.toISOString(),
      days: Array.from({ length: 12 }, (_, monthsAgo) => new Date(now.getTime() - monthsAgo * MONTH_MS).toISOString().slice(0, 10)),
      version: Number(version),
      encodeSearchRow: rowEncoder<SearchTableRow>(SEARCH_TABLE_COLUMNS, await columnKinds(client, 'influencer_search', SEARCH_TABLE_COLUMNS)),
      keepProfileIds: searchOutbox,
    };
    const batches = encodedBatches(new InfluencerGenerator(seed + offset), { offset, count, batchSize }, ctx);

    const { rows } = await client.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM influencer_profiles) AS empty`);
    if (count >= bulkLoadFrom && rows[0]!.empty) {
      totals.mode = 'bulk';
      const searchLane = parallel ? await openSearchLane(pool) : null;
      if (searchLane) {
        totals.connections = 2;
        try {
          await loadInTwo(client, searchLane, batches, searchOutbox, onBatchDone);
        } catch (error) {
          // Not back into the pool: it may be half-way through something.
          searchLane.client.release(true);
          throw error;
        }
        searchLane.client.release();
      } else {
        await loadInOne(client, batches, searchOutbox, onBatchDone);
      }
      return totals;
    }

    const { run } = pipelineBatches(batches, 1, onBatchDone);
    await run(async (_, queue) => {
      for await (const batch of queue) {
        await client.query('BEGIN');
        try {
          // Per-row search triggers would queue every account and rate; the batch queues each profile once (or not at all).
          for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
          await writeTables(client, ALL_TABLES, batch);
          if (searchOutbox) await markSearchDirty(client, batch);
          for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    });
    return totals;
  } finally {
    client.release();
  }
}

/** Bulk mode on one connection: one transaction, every table. */
async function loadInOne(client: PoolClient, batches: AsyncIterable<EncodedBatch>, searchOutbox: boolean, onBatchDone: (batch: EncodedBatch) => void): Promise<void> {
  const { run } = pipelineBatches(batches, 1, onBatchDone);
  await client.query('BEGIN');
  try {
    await client.query(BULK_SETTINGS);
    const frozen = await truncateForFreeze(client, TRUNCATABLE);
    for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    await withBulkLoad(client, ALL_TABLES.filter((table) => table !== 'users'), () =>
      run(async (_, queue) => {
        for await (const batch of queue) {
          await writeTables(client, ALL_TABLES, batch, frozen);
          if (searchOutbox) await markSearchDirty(client, batch);
        }
      }),
    );
    for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    await analyze(client, ALL_TABLES);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * Bulk mode on two connections: `main` loads users, profiles, accounts, rates and snapshots, the
 * search lane (already in its transaction, see `openSearchLane`) the search table, at the same
 * time; each drops, rebuilds and analyses its own tables, so whichever finishes first analyses
 * while the other still works. Before either commits, the search rows' ids are checked against
 * the profiles' (count and digest: the foreign key the search transaction did not check row by
 * row); then both commit back to back. Any failure before that rolls both back. Should the search
 * transaction fail to commit after the main one did (a lost connection), the main one's rows are
 * deleted again.
 */
async function loadInTwo(
  main: PoolClient,
  { client: search, checkTriggers }: SearchLane,
  batches: AsyncIterable<EncodedBatch>,
  searchOutbox: boolean,
  onBatchDone: (batch: EncodedBatch) => void,
): Promise<void> {
  const { run } = pipelineBatches(batches, 2, onBatchDone);
  const digests: string[] = [];
  let mainCommitted = false;
  try {
    await main.query('BEGIN');
    await main.query(BULK_SETTINGS);
    await search.query(BULK_SETTINGS);
    const frozen = new Set([
      ...(await truncateForFreeze(main, TRUNCATABLE.filter((table) => table !== 'influencer_search'))),
      ...(await truncateForFreeze(search, ['influencer_search'])),
    ]);
    for (const [table, trigger] of SEARCH_TRIGGERS) await main.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    // Each connection drops and rebuilds its own tables' indexes: their locks never meet.
    await run(async (index, queue) => {
      if (index === 0) {
        await withBulkLoad(main, MAIN_TABLES.filter((table) => table !== 'users'), async () => {
          for await (const batch of queue) {
            await writeTables(main, MAIN_TABLES, batch, frozen);
            if (searchOutbox) await markSearchDirty(main, batch);
          }
        });
        for (const [table, trigger] of SEARCH_TRIGGERS) await main.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
        await analyze(main, MAIN_TABLES);
        digests[0] = await idDigest(main, 'influencer_profiles');
      } else {
        await withBulkLoad(
          search,
          ['influencer_search'],
          async () => {
            for await (const batch of queue) await writeTables(search, ['influencer_search'], batch, frozen);
          },
          { keepForeignKeys: true },
        );
        for (const trigger of checkTriggers) await search.query(`ALTER TABLE influencer_search ENABLE TRIGGER ${quoteIdent(trigger)}`);
        await analyze(search, ['influencer_search']);
        digests[1] = await idDigest(search, 'influencer_search');
      }
    });
    if (digests[0] !== digests[1]) {
      throw new Error(`seed: the search rows (${digests[1]}) do not match the profiles (${digests[0]}); nothing was committed`);
    }

    await main.query('COMMIT');
    mainCommitted = true;
    await search.query('COMMIT');
  } catch (error) {
    await Promise.all([mainCommitted ? undefined : main.query('ROLLBACK').catch(() => undefined), search.query('ROLLBACK').catch(() => undefined)]);
    if (mainCommitted) {
      await removeSeededInfluencers(main).catch((cleanupError: unknown) => {
        throw new AggregateError([error, cleanupError], 'seed: the search table failed to commit and the committed profiles could not be removed');
      });
    }
    throw error;
  }
}

/** Statistics for the planner, inside the loading transaction (ANALYZE samples the transaction's own new rows). */
async function analyze(client: PoolClient, tables: readonly Table[]): Promise<void> {
  await client.query(`ANALYZE ${tables.join(', ')}`);
}

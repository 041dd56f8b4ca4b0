import { once } from 'node:events';
import { computeQualityScore, tierFor } from '@reachbridge/domain';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '../accounts/index.js';
import { SEARCH_TABLE_COLUMNS, searchTableRow, type InfluencerSearchDocument } from '../search/index.js';
import { InfluencerGenerator, type GeneratedInfluencer } from './influencer-generator.js';
import { withBulkLoad } from './bulk-load.js';

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
  batchSize?: number;
  /**
   * Also queue every profile in the search outbox, for engines other than PostgreSQL
   * (Elasticsearch). The PostgreSQL search table is always written directly. Default true.
   */
  searchOutbox?: boolean;
  /** The smallest count that is bulk-loaded into an empty catalogue (BULK_LOAD_THRESHOLD). */
  bulkLoadFrom?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedTotals {
  influencers: number;
  accounts: number;
  rates: number;
  /** `bulk`: one transaction, indexes and foreign keys rebuilt after the load (empty catalogue, large count). */
  mode: 'bulk' | 'batches';
}

/** CSV field: quoted, with quotes doubled; NULL is an unquoted empty field. */
const csv = (value: string | number | null): string => (value === null ? '' : `"${String(value).replace(/"/g, '""')}"`);
const pgArray = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
const row = (values: (string | number | null)[]): string => `${values.map(csv).join(',')}\n`;

/** COPY one table's rows (CSV lines) and wait for the server to take them all. */
async function copyRows(client: PoolClient, table: string, columns: readonly string[], rows: string[]): Promise<void> {
  if (!rows.length) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  const done = once(stream, 'finish');
  // Large writes instead of one per row: the socket gets ~1 MB at a time.
  let chunk = '';
  for (const line of rows) {
    chunk += line;
    if (chunk.length >= 1 << 20) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await done;
}

const SEARCH_TRIGGERS = [
  ['influencer_profiles', 'influencer_profiles_search_dirty'],
  ['social_accounts', 'social_accounts_search_dirty'],
  ['influencer_rates', 'influencer_rates_search_dirty'],
] as const;

/** The tables a seed writes besides `users` (whose indexes other features need while we load). */
const LOADED_TABLES = ['influencer_profiles', 'social_accounts', 'influencer_rates', 'follower_snapshots', 'influencer_search'] as const;

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

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

/**
 * Writes approved, active influencers with COPY. Deterministic for a given seed (ids included).
 *
 * - The PostgreSQL search table is filled from the generated data in the same transaction (one
 *   COPY), not through the outbox: building a million documents back from the tables one batch at
 *   a time was most of the old seeding time.
 * - Into an empty catalogue with at least BULK_LOAD_THRESHOLD influencers, everything goes in one
 *   transaction with the secondary indexes and foreign keys dropped first and rebuilt once at the
 *   end (a sort per index instead of millions of random B-tree inserts, one join per foreign key
 *   instead of a lookup per row); the tables are analysed afterwards.
 * - Otherwise (the demo seed, adding to a seeded database) one transaction per batch, as before.
 */
export async function seedInfluencers(pool: Pool, options: SeedOptions): Promise<SeedTotals> {
  const { count, seed = 42, offset = 0, batchSize = 5000, searchOutbox = true, bulkLoadFrom = BULK_LOAD_THRESHOLD, onProgress } = options;
  const passwordHash = await hashPassword(SEEDED_INFLUENCER_PASSWORD);
  const generator = new InfluencerGenerator(seed + offset);
  const now = new Date();
  const asOf = now.toISOString();
  const days = Array.from({ length: 12 }, (_, monthsAgo) => new Date(now.getTime() - monthsAgo * MONTH_MS).toISOString().slice(0, 10));
  const totals: SeedTotals = { influencers: 0, accounts: 0, rates: 0, mode: 'batches' };

  const writeBatch = async (client: PoolClient, batch: GeneratedInfluencer[]): Promise<void> => {
    await copyRows(
      client,
      'users',
      ['id', 'email', 'password_hash', 'role', 'status', 'display_name', 'created_at', 'updated_at'],
      batch.map((p) => row([p.userId, p.email, passwordHash, 'influencer', 'active', p.displayName, asOf, asOf])),
    );
    await copyRows(
      client,
      'influencer_profiles',
      ['id', 'user_id', 'slug', 'display_name', 'bio', 'niches', 'country', 'city', 'languages', 'contact_preferences', 'review_status', 'submitted_at', 'approved_at', 'created_at', 'updated_at'],
      batch.map((p) =>
        row([p.profileId, p.userId, p.slug, p.displayName, p.bio, pgArray(p.niches), p.country, p.city, pgArray(p.languages), '{"viaPlatform":true}', 'approved', asOf, asOf, asOf, asOf]),
      ),
    );
    const accounts = batch.flatMap((p) => p.accounts.map((a) => ({ profileId: p.profileId, account: a })));
    await copyRows(
      client,
      'social_accounts',
      ['id', 'profile_id', 'platform', 'handle', 'url', 'followers', 'following', 'posts', 'avg_views', 'engagement_rate', 'growth_30d', 'audience', 'metrics_provenance', 'metrics_as_of', 'audience_provenance', 'audience_as_of', 'created_at', 'updated_at'],
      accounts.map(({ profileId, account: a }) =>
        row([a.id, profileId, a.platform, a.handle, a.url, a.followers, a.following, a.posts, a.avgViews, a.engagementRate, a.growth30d, JSON.stringify(a.audience), 'estimated', asOf, 'estimated', asOf, asOf, asOf]),
      ),
    );
    const rates = batch.flatMap((p) => p.rates.map((r) => ({ profileId: p.profileId, rate: r })));
    await copyRows(
      client,
      'influencer_rates',
      ['profile_id', 'platform', 'deliverable', 'amount_minor', 'currency'],
      rates.map(({ profileId, rate }) => row([profileId, rate.platform, rate.deliverable, rate.amountMinor, rate.currency])),
    );
    await copyRows(
      client,
      'follower_snapshots',
      ['social_account_id', 'taken_on', 'followers'],
      accounts.flatMap(({ account }) => account.history.map((followers, k) => row([account.id, days[account.history.length - 1 - k]!, followers]))),
    );
    // One version for the batch: versions only need to grow per document.
    const [{ version }] = (await client.query<{ version: string }>(`SELECT nextval('search_version_seq') AS version`)).rows as [{ version: string }];
    await copyRows(
      client,
      'influencer_search',
      SEARCH_TABLE_COLUMNS,
      batch.map((p) => {
        const doc = searchTableRow(seededSearchDocument(p, Number(version), asOf));
        return row(
          SEARCH_TABLE_COLUMNS.map((column) => {
            const value = doc[column];
            if (value === null || typeof value === 'string' || typeof value === 'number') return value;
            if (column === 'handles' || column === 'niches' || column === 'platforms' || column === 'languages' || column === 'audience_top_countries') {
              return pgArray(value as string[]);
            }
            return JSON.stringify(value);
          }),
        );
      }),
    );
    if (searchOutbox) await client.query(`SELECT mark_search_dirty(id) FROM unnest($1::uuid[]) AS id`, [batch.map((p) => p.profileId)]);
    totals.influencers += batch.length;
    totals.accounts += accounts.length;
    totals.rates += rates.length;
    onProgress?.(totals.influencers, count);
  };

  const generateBatch = (start: number): GeneratedInfluencer[] => {
    const batch: GeneratedInfluencer[] = [];
    for (let i = start; i < Math.min(count, start + batchSize); i += 1) batch.push(generator.generate(offset + i));
    return batch;
  };

  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM influencer_profiles) AS empty`);
    const bulk = count >= bulkLoadFrom && rows[0]!.empty;
    totals.mode = bulk ? 'bulk' : 'batches';
    if (bulk) {
      await client.query('BEGIN');
      try {
        // A seed can be redone: losing the last commits after a crash costs nothing here. The
        // pool's 15 s statement timeout is for requests; an index over ten million rows takes longer.
        await client.query(`SET LOCAL synchronous_commit = off`);
        await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
        await client.query(`SET LOCAL statement_timeout = 0`);
        await client.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
        for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
        await withBulkLoad(client, LOADED_TABLES, async () => {
          for (let start = 0; start < count; start += batchSize) await writeBatch(client, generateBatch(start));
        });
        for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      await client.query('BEGIN');
      await client.query(`SET LOCAL statement_timeout = 0`);
      await client.query(`ANALYZE users, ${LOADED_TABLES.join(', ')}`);
      await client.query('COMMIT');
      return totals;
    }
    for (let start = 0; start < count; start += batchSize) {
      const batch = generateBatch(start);
      await client.query('BEGIN');
      try {
        // Per-row search triggers would queue every account and rate; the batch queues each profile once (or not at all).
        for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
        await writeBatch(client, batch);
        for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return totals;
  } finally {
    client.release();
  }
}

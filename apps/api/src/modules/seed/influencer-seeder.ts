import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '../accounts/index.js';
import { InfluencerGenerator, type GeneratedInfluencer } from './influencer-generator.js';

/** Every seeded influencer logs in with this password (one argon2 hash shared by all: hashing a million would take hours). */
export const SEEDED_INFLUENCER_PASSWORD = 'demo-influencer-password';

export interface SeedOptions {
  count: number;
  /** Same seed, same data. */
  seed?: number;
  /** Index of the first generated influencer (to add more to an already seeded database). */
  offset?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** CSV field: quoted, with quotes doubled. */
const csv = (value: string | number | null): string => (value === null ? '' : `"${String(value).replace(/"/g, '""')}"`);
const pgArray = (values: string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
const row = (values: (string | number | null)[]): string => `${values.map(csv).join(',')}\n`;

async function copyRows(client: PoolClient, table: string, columns: string[], rows: string[]): Promise<void> {
  if (!rows.length) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  await pipeline(Readable.from(rows), stream);
}

const SEARCH_TRIGGERS = [
  ['influencer_profiles', 'influencer_profiles_search_dirty'],
  ['social_accounts', 'social_accounts_search_dirty'],
  ['influencer_rates', 'influencer_rates_search_dirty'],
] as const;

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Writes approved, active influencers with COPY, a batch per transaction: fast enough for a
 * million profiles in minutes. Deterministic for a given seed (ids included). Each profile is
 * queued once in the search outbox; the search sync indexes them.
 */
export async function seedInfluencers(pool: Pool, options: SeedOptions): Promise<{ influencers: number; accounts: number; rates: number }> {
  const { count, seed = 42, offset = 0, batchSize = 5000, onProgress } = options;
  const passwordHash = await hashPassword(SEEDED_INFLUENCER_PASSWORD);
  const generator = new InfluencerGenerator(seed + offset);
  const now = new Date();
  const asOf = now.toISOString();
  const day = (monthsAgo: number) => new Date(now.getTime() - monthsAgo * MONTH_MS).toISOString().slice(0, 10);
  const totals = { influencers: 0, accounts: 0, rates: 0 };

  for (let start = 0; start < count; start += batchSize) {
    const batch: GeneratedInfluencer[] = [];
    for (let i = start; i < Math.min(count, start + batchSize); i += 1) batch.push(generator.generate(offset + i));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Per-row search triggers would queue every account and rate; queue each profile once instead.
      for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
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
        accounts.flatMap(({ account }) => account.history.map((followers, k) => row([account.id, day(account.history.length - 1 - k), followers]))),
      );
      for (const [table, trigger] of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
      await client.query(`SELECT mark_search_dirty(id) FROM unnest($1::uuid[]) AS id`, [batch.map((p) => p.profileId)]);
      await client.query('COMMIT');
      totals.influencers += batch.length;
      totals.accounts += accounts.length;
      totals.rates += rates.length;
      onProgress?.(totals.influencers, count);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
  return totals;
}

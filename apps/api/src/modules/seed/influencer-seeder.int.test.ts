import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/test-app.js';
import { seedInfluencers } from './influencer-seeder.js';

const ctx = useTestApp();
const pool = () => (ctx.dataSource.driver as unknown as { master: Pool }).master;

/** The search rows without the version (the sync stamps its own), sets (rates, top countries) in a stable order. */
async function searchRows(): Promise<Record<string, unknown>[]> {
  const rows: (Record<string, unknown> & { rates: { platform: string; deliverable: string }[]; audience_top_countries: string[] })[] =
    await ctx.dataSource.query(`SELECT * FROM influencer_search ORDER BY id`);
  return rows.map(({ version: _version, rates, audience_top_countries, ...rest }) => ({
    ...rest,
    audience_top_countries: [...audience_top_countries].sort(),
    rates: [...rates].sort((a, b) => `${a.platform}:${a.deliverable}`.localeCompare(`${b.platform}:${b.deliverable}`)),
  }));
}

/** Every index and constraint of the tables a seed loads, as PostgreSQL describes them. */
async function schemaOfLoadedTables(): Promise<string[]> {
  const rows: { def: string }[] = await ctx.dataSource.query(
    `SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index
      WHERE indrelid::regclass::text IN ('influencer_profiles', 'social_accounts', 'influencer_rates', 'follower_snapshots', 'influencer_search')
     UNION ALL
     SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
      WHERE conrelid::regclass::text IN ('influencer_profiles', 'social_accounts', 'influencer_rates', 'follower_snapshots', 'influencer_search')
     UNION ALL
     SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
     ORDER BY 1`,
  );
  return rows.map((row) => row.def);
}

describe('seeder', () => {
  it('writes the same search rows the search sync builds from the tables', async () => {
    const totals = await seedInfluencers(pool(), { count: 60, seed: 11, batchSize: 25, searchOutbox: false });
    expect(totals).toMatchObject({ influencers: 60, mode: 'batches' });
    const [{ queued }] = await ctx.dataSource.query(`SELECT count(*)::int AS queued FROM search_outbox`);
    expect(queued).toBe(0);
    const seeded = await searchRows();
    expect(seeded).toHaveLength(60);

    await ctx.dataSource.query(`SELECT mark_search_dirty(id) FROM influencer_profiles`);
    expect(await ctx.indexPending()).toBe(60);
    expect(await searchRows()).toEqual(seeded);
  });

  it('queues every profile for other engines when asked', async () => {
    await seedInfluencers(pool(), { count: 12, seed: 3 });
    const [{ queued }] = await ctx.dataSource.query(`SELECT count(*)::int AS queued FROM search_outbox`);
    expect(queued).toBe(12);
  });

  it('bulk-loads an empty catalogue with the same data, indexes, constraints and triggers as batches', async () => {
    await seedInfluencers(pool(), { count: 40, seed: 5, batchSize: 15, searchOutbox: false });
    const batched = await searchRows();
    const schema = await schemaOfLoadedTables();
    const [counts] = await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM social_accounts)::int AS accounts, (SELECT count(*) FROM follower_snapshots)::int AS snapshots`,
    );
    await ctx.dataSource.query(`TRUNCATE users, influencer_profiles CASCADE`);

    const totals = await seedInfluencers(pool(), { count: 40, seed: 5, batchSize: 15, searchOutbox: false, bulkLoadFrom: 10 });
    expect(totals.mode).toBe('bulk');
    expect(await searchRows()).toEqual(batched.map((row) => ({ ...row, updated_at: expect.any(Date) as unknown })));
    expect(await schemaOfLoadedTables()).toEqual(schema);
    const [after] = await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM social_accounts)::int AS accounts, (SELECT count(*) FROM follower_snapshots)::int AS snapshots`,
    );
    expect(after).toEqual(counts);
    // The rebuilt foreign keys still hold: a snapshot of an unknown account is refused.
    await expect(
      ctx.dataSource.query(`INSERT INTO follower_snapshots (social_account_id, taken_on, followers) VALUES (gen_random_uuid(), '2026-01-01', 1)`),
    ).rejects.toThrow(/foreign key/);
  });
});

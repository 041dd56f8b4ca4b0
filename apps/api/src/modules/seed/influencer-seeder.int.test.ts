import type { Pool, PoolClient } from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/test-app.js';
import { seedInfluencers, type SeedOptions } from './influencer-seeder.js';

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

const LOADED = ['users', 'influencer_profiles', 'social_accounts', 'influencer_rates', 'follower_snapshots', 'influencer_search'] as const;

/**
 * A digest and a count of every row a seed wrote, table by table: the seeded users (without the
 * password hash: a new salt every run) and the other tables whole (without the values that come
 * from sequences or at random: the search rows' version, the rates' and snapshots' ids).
 */
async function seededRows(): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of LOADED) {
    const row =
      table === 'users'
        ? `to_jsonb(t) - 'password_hash'`
        : table === 'influencer_search'
          ? `to_jsonb(t) - 'version'`
          : table === 'influencer_rates' || table === 'follower_snapshots'
            ? `to_jsonb(t) - 'id'`
            : `to_jsonb(t)`;
    const where = table === 'users' ? `WHERE t.email LIKE '%@seed.reachbridge.local'` : '';
    const [{ digest }] = await ctx.dataSource.query(
      `SELECT count(*) || ':' || coalesce(md5(string_agg((${row})::text, E'\n' ORDER BY (${row})::text)), '') AS digest FROM ${table} t ${where}`,
    );
    digests[table] = digest;
  }
  return digests;
}

const emptyCatalogue = async () => {
  await ctx.dataSource.query(`TRUNCATE users, influencer_profiles CASCADE`);
  await ctx.dataSource.query(`TRUNCATE search_outbox`);
};

/** Triggers of the loaded tables that are switched off (none should be, after any seed). */
async function disabledTriggers(): Promise<number> {
  const [{ disabled }] = await ctx.dataSource.query(
    `SELECT count(*)::int AS disabled FROM pg_trigger WHERE tgrelid::regclass::text = ANY($1) AND tgenabled <> 'O'`,
    [LOADED],
  );
  return disabled;
}

/**
 * The pool, with every statement of every client it lends shown first to `intercept`, which may
 * answer instead of the database (return a promise) or let it through (return undefined). `seen`
 * is what that client ran before.
 */
function interceptedPool(intercept: (text: string, seen: string[], client: PoolClient) => Promise<unknown> | 'fail copy' | undefined): Pool {
  const original = pool();
  const wrapped = Object.create(original) as Pool;
  (wrapped as unknown as { connect: () => Promise<PoolClient> }).connect = async () => {
    const client = await original.connect();
    const seen: string[] = [];
    return new Proxy(client, {
      get(target, property) {
        if (property !== 'query') {
          const value = Reflect.get(target, property) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        }
        return (config: string | { text: string }, values?: unknown[]) => {
          const text = typeof config === 'string' ? config : config.text;
          const answer = intercept(text, seen, target);
          seen.push(text);
          if (answer === undefined) return (target.query as (...args: unknown[]) => unknown)(config, values);
          if (answer !== 'fail copy') return answer;
          // A COPY that breaks after its first piece of data reached the server.
          const stream = (target.query as (c: unknown) => NodeJS.WritableStream & { destroy(error: Error): void })(config);
          const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
          (stream as unknown as { write: (...args: unknown[]) => boolean }).write = (...args: unknown[]) => {
            const accepted = write(...args);
            stream.destroy(new Error(`injected failure in ${text.slice(0, 40)}`));
            return accepted;
          };
          return stream;
        };
      },
    });
  };
  return wrapped;
}

const injected = (text: string) => Promise.reject(new Error(`injected failure at ${text.slice(0, 40)}`));
const count = (seen: string[], prefix: string) => seen.filter((text) => text.startsWith(prefix)).length;
const isSearchLane = (seen: string[]) => seen.some((text) => text.startsWith('COPY influencer_search'));

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
    expect(totals).toMatchObject({ mode: 'bulk', connections: 2 });
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

  it('loads the same rows over two connections as over one, and as batches', async () => {
    const options: SeedOptions = { count: 40, seed: 9, batchSize: 15, searchOutbox: false, bulkLoadFrom: 10, now: new Date('2026-11-20T10:00:00Z') };
    const parallel = await seedInfluencers(pool(), options);
    expect(parallel).toMatchObject({ influencers: 40, mode: 'bulk', connections: 2 });
    const rows = await seededRows();
    expect(rows.influencer_profiles).toMatch(/^40:/);

    await emptyCatalogue();
    expect(await seedInfluencers(pool(), { ...options, parallel: false })).toMatchObject({ ...parallel, connections: 1 });
    expect(await seededRows()).toEqual(rows);

    await emptyCatalogue();
    expect(await seedInfluencers(pool(), { ...options, bulkLoadFrom: 1000 })).toMatchObject({ ...parallel, mode: 'batches', connections: 1 });
    expect(await seededRows()).toEqual(rows);
  });

  it('writes the tables nothing else references frozen (all-visible) in bulk mode, and the others as usual', async () => {
    await seedInfluencers(pool(), { count: 30, seed: 4, searchOutbox: false, bulkLoadFrom: 10 });
    const visibility = async () =>
      Object.fromEntries(
        (
          await ctx.dataSource.query(
            `SELECT relname, relpages > 0 AND relallvisible = relpages AS frozen FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'`,
            [LOADED],
          )
        ).map((row: { relname: string; frozen: boolean }) => [row.relname, row.frozen]),
      );
    expect(await visibility()).toMatchObject({ influencer_search: true, social_accounts: true, influencer_profiles: false, users: false });

    // Without the right to TRUNCATE, the same load, not frozen.
    await emptyCatalogue();
    const refusing = interceptedPool((text) => (text.startsWith('TRUNCATE') ? injected(text) : undefined));
    expect(await seedInfluencers(refusing, { count: 30, seed: 4, searchOutbox: false, bulkLoadFrom: 10 })).toMatchObject({ influencers: 30, connections: 2 });
    expect(await visibility()).toMatchObject({ influencer_search: false, social_accounts: false });
  });

  it('analyses the loaded tables in bulk mode', async () => {
    await seedInfluencers(pool(), { count: 30, seed: 4, searchOutbox: false, bulkLoadFrom: 10 });
    const tables: { table: string; tuples: number; stats: number }[] = await ctx.dataSource.query(
      `SELECT c.relname AS table, c.reltuples::int AS tuples, (SELECT count(*)::int FROM pg_stats s WHERE s.tablename = c.relname) AS stats
         FROM pg_class c WHERE c.relname = ANY($1) AND c.relkind = 'r' ORDER BY 1`,
      [LOADED.filter((table) => table !== 'users')],
    );
    expect(tables).toHaveLength(5);
    for (const table of tables) {
      expect(table.tuples).toBeGreaterThanOrEqual(30);
      expect(table.stats).toBeGreaterThan(0);
    }
  });

  describe('a failed bulk load leaves nothing behind', () => {
    const failures: [string, Parameters<typeof interceptedPool>[0]][] = [
      ['a COPY on the main connection', (text, seen) => (text.startsWith('COPY social_accounts') && count(seen, 'COPY social_accounts') === 1 ? 'fail copy' : undefined)],
      ['a COPY on the search connection', (text, seen) => (text.startsWith('COPY influencer_search') && count(seen, 'COPY influencer_search') === 1 ? 'fail copy' : undefined)],
      ['an index rebuild on the search connection', (text) => (text.startsWith('CREATE INDEX influencer_search_name_trgm_idx') ? injected(text) : undefined)],
      // The search rows no longer match the profiles: caught before anything commits.
      [
        'a search row gone missing',
        (text, seen, client) =>
          text.startsWith('SELECT count(*)::text AS rows') && isSearchLane(seen)
            ? client.query(`DELETE FROM influencer_search WHERE id = (SELECT id FROM influencer_search ORDER BY id LIMIT 1)`).then(() => client.query(text))
            : undefined,
      ],
      // The main transaction has committed: its rows are deleted again.
      ['the search connection’s commit', (text, seen) => (text === 'COMMIT' && isSearchLane(seen) ? injected(text) : undefined)],
    ];

    it.each(failures)('%s', async (_, intercept) => {
      const schema = await schemaOfLoadedTables();
      const before = await seededRows();
      const options: SeedOptions = { count: 40, seed: 5, batchSize: 15, bulkLoadFrom: 10 };

      await expect(seedInfluencers(interceptedPool(intercept), options)).rejects.toThrow(/injected failure|do not match/);

      expect(await seededRows()).toEqual(before);
      expect(await schemaOfLoadedTables()).toEqual(schema);
      expect(await disabledTriggers()).toBe(0);
      const [{ open }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      expect(open).toBe(0);
      // And the next seed goes through.
      expect(await seedInfluencers(pool(), options)).toMatchObject({ influencers: 40, mode: 'bulk', connections: 2 });
    });
  });

  it('loads on one connection when the database refuses the search connection its switch', async () => {
    const refusing = interceptedPool((text) => (text.startsWith('ALTER TABLE influencer_search DISABLE TRIGGER') ? injected(text) : undefined));
    const totals = await seedInfluencers(refusing, { count: 40, seed: 5, batchSize: 15, searchOutbox: false, bulkLoadFrom: 10 });
    expect(totals).toMatchObject({ influencers: 40, mode: 'bulk', connections: 1 });
    expect(await disabledTriggers()).toBe(0);
  });
});

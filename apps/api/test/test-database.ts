import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createDataSource } from '../src/db/data-source.js';
import { TEMPLATE_DATABASE, withDatabase } from './global-setup.js';

/** A fresh, migrated database for one test file, cloned from the template. */
export async function createTestDatabase(): Promise<{ dataSource: DataSource; url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const dataSource = createDataSource(url, { poolSize: 5, applicationName: 'reachbridge-test' });
  await dataSource.initialize();
  return {
    dataSource,
    url,
    drop: async () => {
      await dataSource.destroy();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Empties every table but the migrations record, so each test starts from nothing. */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  const rows: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  );
  if (rows.length === 0) return;
  // audit_log refuses TRUNCATE unless the transaction allows it (migration 1764633600000); only this harness does.
  await dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('reachbridge.allow_audit_truncate', 'on', true)`);
    await manager.query(`TRUNCATE ${rows.map((row) => `"${row.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  });
}

/** Row counts of every table: "nothing was written" is asserted as "no count changed". */
export async function countRows(dataSource: DataSource): Promise<Record<string, number>> {
  const rows: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of rows) {
    const [{ count }] = await dataSource.query<[{ count: number }]>(`SELECT count(*)::int AS count FROM "${tablename}"`);
    counts[tablename] = count;
  }
  return counts;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.js';

// eslint-disable-next-line no-restricted-properties -- test harness setting, not app configuration
const external = Boolean(process.env.TEST_DATABASE_ADMIN_URL);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe.skipIf(external)('the embedded PostgreSQL', () => {
  it('runs pg_prewarm’s autoprewarm, so that a restart loads the blocks that were cached back in the background', async () => {
    const [{ libraries, autoprewarm }]: [{ libraries: string; autoprewarm: string }] = await database.dataSource.query(
      `SELECT current_setting('shared_preload_libraries') AS libraries, current_setting('pg_prewarm.autoprewarm') AS autoprewarm`,
    );
    expect(libraries.split(',').map((library) => library.trim())).toContain('pg_prewarm');
    expect(autoprewarm).toBe('on');
  });
});

import type { DataSource } from 'typeorm';
import { PostgresSearchEngine, type InfluencerSearchDocument } from '../../apps/api/src/modules/search/index.js';
import { createTestDatabase } from '../../apps/api/test/test-database.js';
import { runSearchEngineContract } from './search-contract.js';

/** influencer_search rows reference profiles: give each fixture a minimal user and profile. */
async function insertOwners(dataSource: DataSource, documents: InfluencerSearchDocument[]) {
  for (const d of documents) {
    await dataSource.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, role, status, display_name)
         VALUES ($2, 'x', 'influencer', 'active', $3) ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id)
       INSERT INTO influencer_profiles (id, user_id, slug, display_name, bio, niches, country, languages, contact_preferences, review_status)
       SELECT $1, u.id, $4, $3, '', '{}', 'IR', '{}', '{}', 'approved' FROM u
       ON CONFLICT (id) DO NOTHING`,
      [d.id, `${d.slug}@fixtures.test`, d.displayName, d.slug],
    );
  }
  await dataSource.query('DELETE FROM search_outbox');
}

runSearchEngineContract('postgres', async () => {
  const database = await createTestDatabase();
  const engine = new PostgresSearchEngine(database.dataSource);
  return {
    engine,
    load: async (documents) => {
      await insertOwners(database.dataSource, documents);
      await engine.upsert(documents);
    },
    teardown: database.drop,
  };
});

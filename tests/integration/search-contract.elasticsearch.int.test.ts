import { randomUUID } from 'node:crypto';
import { describe } from 'vitest';
import { createElasticsearchEngine } from '../../apps/api/src/modules/search/elasticsearch/index.js';
import { runSearchEngineContract } from './search-contract.js';

/**
 * The live Elasticsearch leg of the engine contract: runs when ELASTICSEARCH_URL points at an
 * ES 8 or 9 cluster (on loopback: tests may not leave the machine), skipped otherwise. Each run
 * works in its own uniquely prefixed index and deletes it afterwards.
 */
// eslint-disable-next-line no-restricted-properties -- test harness setting, not app configuration
const ELASTICSEARCH_URL = process.env.ELASTICSEARCH_URL;

describe.skipIf(!ELASTICSEARCH_URL)('Elasticsearch engine (needs ELASTICSEARCH_URL)', () => {
  runSearchEngineContract('elasticsearch', async () => {
    const engine = createElasticsearchEngine(
      { url: ELASTICSEARCH_URL!, indexPrefix: `contract-${randomUUID().slice(0, 8)}`, timeoutMs: 10_000 },
      { replicas: 0 },
    );
    await engine.ensureIndex();
    return {
      engine,
      load: async (documents) => {
        await engine.upsert(documents);
        await engine.refresh();
      },
      teardown: async () => {
        await engine.dropIndices();
        await engine.close();
      },
    };
  });
});

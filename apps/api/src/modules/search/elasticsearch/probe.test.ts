import Mock from '@elastic/elasticsearch-mock';
import { Client, errors } from '@elastic/elasticsearch';
import { expect, it } from 'vitest';

it('probe', async () => {
  const mock = new Mock();
  const seen: unknown[] = [];
  mock.add({ method: 'POST', path: '/:index/_search' }, (params) => { seen.push(params); return { hits: { total: { value: 0, relation: 'eq' }, hits: [] } }; });
  mock.add({ method: 'POST', path: '/_bulk' }, (params) => { seen.push(params); return { errors: false, items: [] }; });
  mock.add({ method: 'HEAD', path: '/' }, () => new errors.ResponseError({ body: { error: 'x' }, statusCode: 503, warnings: null, meta: {} as never }));
  const client = new Client({ node: 'http://localhost:9200', Connection: mock.getConnection() });
  await client.search({ index: 'a', query: { match_all: {} } });
  await client.bulk({ operations: [{ index: { _index: 'a', _id: '1', version: 3, version_type: 'external' } }, { x: 1 }] });
  console.log(JSON.stringify(seen, null, 1));
  console.log(await client.ping().catch((e: unknown) => String(e)));
  expect(1).toBe(1);
});

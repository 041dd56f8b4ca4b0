import { Client, errors } from '@elastic/elasticsearch';
import MockModule from '@elastic/elasticsearch-mock';
import { ZSearchQuery, type TSearchQuery } from '@reachbridge/contracts';
import { describe, expect, it } from 'vitest';
import type { InfluencerSearchDocument } from '../search.port.js';
import { InvalidCursorError, encodeCursor } from './cursor.js';
import { ElasticsearchBulkError, ElasticsearchEngine, createElasticsearchEngine } from './elasticsearch-engine.js';
import { SCHEMA_VERSION, indexMappings, indexSettings, liveIndexSettings } from './index-definition.js';
import { buildSearchRequest, buildSimilarRequest, buildSuggestRequest } from './query-builder.js';
import { otherSampleDocument, sampleDocument, sampleSearchResponse } from './sample-documents.js';
import { toSearchSource } from './search-source.js';

// The mock is CommonJS typed with `export default`: at runtime the default import is the class.
const Mock = MockModule as unknown as typeof MockModule.default;

/** A request as the mock connection saw it (NDJSON bodies arrive as arrays). */
interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
  querystring: Record<string, string>;
}

type Responder = (request: SeenRequest) => unknown;

const ALIAS = 'rb-influencers';
const NOW = new Date('2026-03-01T10:00:00.000Z');
const NEW_INDEX = `${ALIAS}-v${SCHEMA_VERSION}-20260301100000000`;
const OLD_INDEX = `${ALIAS}-v1-20260101000000000`;

/** An Elasticsearch error response, as the mock returns it. */
function esError(statusCode: number, type: string): errors.ResponseError {
  return new errors.ResponseError({ body: { error: { type, reason: `${type} reason` }, status: statusCode }, statusCode, headers: {}, warnings: null, meta: {} as never });
}

/**
 * A fake cluster at the HTTP layer: every request is recorded, and answered by the first route whose
 * `METHOD path` matches (a 404 `mock_not_found` otherwise).
 */
function fakeCluster(routes: Record<string, Responder> = {}) {
  const mock = new Mock();
  const requests: SeenRequest[] = [];
  const table = Object.entries(routes).map(([key, responder]) => {
    const [method, path] = key.split(' ') as [string, string];
    return { method, pattern: new RegExp(`^${path.replace(/:[a-z]+/g, '[^/]+')}$`), responder };
  });
  mock.add({ method: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'], path: '*' }, (params) => {
    const request = params as unknown as SeenRequest;
    requests.push(request);
    const route = table.find((entry) => entry.method === request.method && entry.pattern.test(request.path));
    return (route ? route.responder(request) : esError(404, 'mock_not_found')) as Record<string, unknown>;
  });
  const client = new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 });
  const engine = new ElasticsearchEngine({ client, alias: ALIAS, now: () => NOW });
  const calls = () => requests.map((request) => `${request.method} ${request.path}`);
  return { engine, requests, calls };
}

const parse = (input: Record<string, unknown>): TSearchQuery => ZSearchQuery.parse(input);
/** What the client sends for a request object: its JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const indexItem = (id: string, status = 201, error?: { type: string; reason: string }) => ({
  index: { _index: NEW_INDEX, _id: id, _version: 7, status, ...(error ? { error } : { result: 'created' }) },
});
const bulkResponse = (items: unknown[]) => ({ took: 3, errors: items.some((item) => JSON.stringify(item).includes('"error"')), items });

describe('ElasticsearchEngine.search', () => {
  it('POSTs the built request to the alias and parses the response', async () => {
    const query = parse({ q: 'کیک', niche: 'food', limit: '2' });
    const { engine, requests } = fakeCluster({ 'POST /:index/_search': () => sampleSearchResponse() });
    const result = await engine.search(query);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: `/${ALIAS}/_search` });
    expect(requests[0]!.body).toEqual(asJson(buildSearchRequest(query)));
    expect(result.hits.map((hit) => hit.document.id)).toEqual([sampleDocument().id, otherSampleDocument().id]);
    expect(result.total).toBe(2);
    expect(result.facets.country).toEqual([{ value: 'IR', count: 2 }, { value: 'AE', count: 1 }]);
    expect(result.nextCursor).toEqual(expect.any(String));
  });

  it('sends the next page with search_after from the cursor', async () => {
    const query = parse({ q: 'کیک', limit: '2' });
    const { engine, requests } = fakeCluster({ 'POST /:index/_search': () => sampleSearchResponse() });
    const first = await engine.search(query);
    await engine.search({ ...query, cursor: first.nextCursor! });
    expect((requests[1]!.body as { search_after: unknown }).search_after).toEqual([3.2, 240_000, otherSampleDocument().id]);
  });

  it('refuses a foreign cursor without asking Elasticsearch', async () => {
    const { engine, requests } = fakeCluster();
    const cursor = encodeCursor([1, 'x'], 'another-query');
    await expect(engine.search(parse({ cursor }))).rejects.toBeInstanceOf(InvalidCursorError);
    expect(requests).toHaveLength(0);
  });

  it('passes the abort signal to the client', async () => {
    const { engine, requests } = fakeCluster({ 'POST /:index/_search': () => sampleSearchResponse() });
    const controller = new AbortController();
    controller.abort();
    await expect(engine.search(parse({}), { signal: controller.signal })).rejects.toBeInstanceOf(errors.RequestAbortedError);
    expect(requests).toHaveLength(0);
  });

  it('lets a cluster error through (the service falls back or answers 503)', async () => {
    const { engine } = fakeCluster({ 'POST /:index/_search': () => esError(503, 'search_phase_execution_exception') });
    await expect(engine.search(parse({}))).rejects.toMatchObject({ statusCode: 503 });
  });
});

describe('ElasticsearchEngine.upsert', () => {
  const docs = [sampleDocument(), otherSampleDocument()];

  it('bulk-indexes each document under its id with its version as an external version', async () => {
    const { engine, requests } = fakeCluster({ 'POST /_bulk': () => bulkResponse(docs.map((doc) => indexItem(doc.id))) });
    await engine.upsert(docs);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/_bulk' });
    expect(requests[0]!.body).toEqual(
      asJson([
        { index: { _index: ALIAS, _id: docs[0]!.id, version: 7, version_type: 'external' } },
        toSearchSource(docs[0]!),
        { index: { _index: ALIAS, _id: docs[1]!.id, version: 3, version_type: 'external' } },
        toSearchSource(docs[1]!),
      ]),
    );
  });

  it('treats a version conflict (409: the indexed document is newer) as success', async () => {
    const { engine } = fakeCluster({
      'POST /_bulk': () =>
        bulkResponse([
          indexItem(docs[0]!.id, 409, { type: 'version_conflict_engine_exception', reason: '[x]: version conflict, current version [9] is higher than or equal to the one provided [7]' }),
          indexItem(docs[1]!.id),
        ]),
    });
    await expect(engine.upsert(docs)).resolves.toBeUndefined();
  });

  it('throws with the ids of the documents that failed otherwise', async () => {
    const { engine } = fakeCluster({
      'POST /_bulk': () =>
        bulkResponse([
          indexItem(docs[0]!.id, 400, { type: 'strict_dynamic_mapping_exception', reason: 'mapping set to strict, dynamic introduction of [x] within [_doc] is not allowed' }),
          indexItem(docs[1]!.id, 429, { type: 'es_rejected_execution_exception', reason: 'rejected execution' }),
        ]),
    });
    const error = await engine.upsert(docs).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ElasticsearchBulkError);
    expect((error as ElasticsearchBulkError).ids).toEqual([docs[0]!.id, docs[1]!.id]);
    expect((error as ElasticsearchBulkError).failures.map((failure) => failure.status)).toEqual([400, 429]);
    expect((error as Error).message).toContain(docs[0]!.id);
  });

  it('sends nothing for an empty list', async () => {
    const { engine, requests } = fakeCluster();
    await engine.upsert([]);
    await engine.remove([]);
    expect(requests).toHaveLength(0);
  });
});

describe('ElasticsearchEngine.remove', () => {
  it('bulk-deletes by id and accepts ids that are not indexed (404)', async () => {
    const { engine, requests } = fakeCluster({
      'POST /_bulk': () =>
        bulkResponse([
          { delete: { _index: NEW_INDEX, _id: 'a', _version: 2, result: 'deleted', status: 200 } },
          { delete: { _index: NEW_INDEX, _id: 'b', _version: 1, result: 'not_found', status: 404 } },
        ]),
    });
    await engine.remove(['a', 'b']);
    expect(requests[0]!.body).toEqual([{ delete: { _index: ALIAS, _id: 'a' } }, { delete: { _index: ALIAS, _id: 'b' } }]);
  });

  it('throws on other failures', async () => {
    const { engine } = fakeCluster({
      'POST /_bulk': () => bulkResponse([{ delete: { _index: NEW_INDEX, _id: 'a', status: 503, error: { type: 'unavailable_shards_exception', reason: 'primary shard is not active' } } }]),
    });
    await expect(engine.remove(['a'])).rejects.toThrow(/could not delete 1 document\(s\): a/);
  });
});

describe('ElasticsearchEngine.health', () => {
  it('is up when the cluster answers the ping', async () => {
    const { engine, calls } = fakeCluster({ 'HEAD /': () => '' });
    await expect(engine.health()).resolves.toBe('up');
    expect(calls()).toEqual(['HEAD /']);
  });

  it('is down when the ping fails, and never throws', async () => {
    await expect(fakeCluster({ 'HEAD /': () => esError(503, 'cluster_block_exception') }).engine.health()).resolves.toBe('down');
    await expect(fakeCluster({ 'HEAD /': () => new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200') }).engine.health()).resolves.toBe('down');
  });
});

describe('ElasticsearchEngine.suggest', () => {
  it('offers matching niches first, then influencers by name or handle', async () => {
    const { engine, requests } = fakeCluster({ 'POST /:index/_search': () => sampleSearchResponse() });
    const items = await engine.suggest('  Fo ', 3);
    expect(requests[0]!.body).toEqual(asJson(buildSuggestRequest(['fo'], 3)));
    expect(items).toEqual([
      { kind: 'niche', value: 'food', label: 'food', id: null },
      { kind: 'influencer', value: 'sara.cooks', label: 'سارا احمدی', id: sampleDocument().id },
      { kind: 'influencer', value: 'omid_reviews', label: 'Omid Reviews', id: otherSampleDocument().id },
    ]);
  });

  it('finds niches by their Persian label, normalised (at most three)', async () => {
    const { engine } = fakeCluster({ 'POST /:index/_search': () => ({ ...sampleSearchResponse(), hits: { total: { value: 0, relation: 'eq' }, hits: [] } }) });
    await expect(engine.suggest('آشپ', 5)).resolves.toEqual([{ kind: 'niche', value: 'food', label: 'food', id: null }]);
    expect((await engine.suggest('f', 10)).map((item) => item.value)).toEqual(['fashion', 'fitness', 'food']);
  });

  it('sends each typed word, split as handles are (at . _ -), normalised', async () => {
    const { engine, requests } = fakeCluster({ 'POST /:index/_search': () => sampleSearchResponse() });
    await engine.suggest('@Sarah.Bed  ك', 8);
    expect(requests[0]!.body).toEqual(asJson(buildSuggestRequest(['sarah', 'bed', 'ک'], 8)));
  });

  it('asks nothing for blank text', async () => {
    const { engine, requests } = fakeCluster();
    await expect(engine.suggest('   ', 5)).resolves.toEqual([]);
    expect(requests).toHaveLength(0);
  });
});

describe('ElasticsearchEngine.similar', () => {
  it('fetches the seed, then searches look-alikes excluding it', async () => {
    const seed = sampleDocument();
    const { engine, requests, calls } = fakeCluster({
      'GET /:index/_doc/:id': () => ({ _index: NEW_INDEX, _id: seed.id, _version: 7, found: true, _source: toSearchSource(seed) }),
      'POST /:index/_search': () => {
        const response = sampleSearchResponse();
        response.hits.hits = response.hits.hits.slice(1);
        return response;
      },
    });
    const hits = await engine.similar(seed.id, 6);
    expect(calls()).toEqual([`GET /${ALIAS}/_doc/${seed.id}`, `POST /${ALIAS}/_search`]);
    expect(requests[1]!.body).toEqual(asJson(buildSimilarRequest(seed, 6)));
    expect(hits.map((hit) => hit.document.id)).toEqual([otherSampleDocument().id]);
  });

  it('is empty for an influencer that is not indexed', async () => {
    const { engine, calls } = fakeCluster({ 'GET /:index/_doc/:id': () => esError(404, 'not_found') });
    await expect(engine.similar('missing', 6)).resolves.toEqual([]);
    expect(calls()).toEqual([`GET /${ALIAS}/_doc/missing`]);
  });
});

describe('index lifecycle', () => {
  it('ensureIndex creates a versioned index behind the alias on first start', async () => {
    const { engine, requests, calls } = fakeCluster({
      'GET /_alias/:name': () => esError(404, 'aliases_not_found_exception'),
      'PUT /:index': () => ({ acknowledged: true, shards_acknowledged: true, index: NEW_INDEX }),
      'POST /_aliases': () => ({ acknowledged: true }),
    });
    await expect(engine.ensureIndex()).resolves.toBe(NEW_INDEX);
    expect(calls()).toEqual([`GET /_alias/${ALIAS}`, `PUT /${NEW_INDEX}`, 'POST /_aliases']);
    expect(requests[1]!.body).toEqual(asJson({ settings: indexSettings({ replicas: 1 }), mappings: indexMappings }));
    expect(requests[2]!.body).toEqual({ actions: [{ add: { index: NEW_INDEX, alias: ALIAS } }] });
  });

  it('ensureIndex leaves an existing alias alone', async () => {
    const { engine, calls } = fakeCluster({ 'GET /_alias/:name': () => ({ [OLD_INDEX]: { aliases: { [ALIAS]: {} } } }) });
    await expect(engine.ensureIndex()).resolves.toBe(OLD_INDEX);
    expect(calls()).toEqual([`GET /_alias/${ALIAS}`]);
  });

  it('refresh and dropIndices act on the alias and the indices behind it', async () => {
    const { engine, calls } = fakeCluster({
      'GET /:index/_refresh': () => ({ _shards: { total: 1, successful: 1, failed: 0 } }),
      'GET /_alias/:name': () => ({ [OLD_INDEX]: { aliases: { [ALIAS]: {} } } }),
      'DELETE /:index': () => ({ acknowledged: true }),
    });
    await engine.refresh();
    await engine.dropIndices();
    expect(calls()).toEqual([`GET /${ALIAS}/_refresh`, `GET /_alias/${ALIAS}`, `DELETE /${OLD_INDEX}`]);
  });
});

describe('ElasticsearchEngine.reindex', () => {
  async function* batches(...lists: InfluencerSearchDocument[][]): AsyncIterable<InfluencerSearchDocument[]> {
    for (const list of lists) yield await Promise.resolve(list);
  }

  const cluster = (overrides: Record<string, Responder> = {}) =>
    fakeCluster({
      'PUT /:index/_settings': () => ({ acknowledged: true }),
      'PUT /:index': () => ({ acknowledged: true, shards_acknowledged: true, index: NEW_INDEX }),
      'POST /_bulk': (request) => bulkResponse((request.body as { index?: { _id: string } }[]).flatMap((line) => (line.index ? [indexItem(line.index._id)] : []))),
      'GET /:index/_refresh': () => ({ _shards: { total: 1, successful: 1, failed: 0 } }),
      'GET /_alias/:name': () => ({ [OLD_INDEX]: { aliases: { [ALIAS]: {} } } }),
      'POST /_aliases': () => ({ acknowledged: true }),
      'DELETE /:index': () => ({ acknowledged: true }),
      ...overrides,
    });

  it('builds a new index, loads it, restores live settings, refreshes, swaps the alias atomically and deletes the old index', async () => {
    const { engine, requests, calls } = cluster();
    const result = await engine.reindex(batches([sampleDocument()], [otherSampleDocument()]));
    expect(result).toEqual({ index: NEW_INDEX, previous: [OLD_INDEX], count: 2 });
    expect(calls()).toEqual([
      `PUT /${NEW_INDEX}`,
      'POST /_bulk',
      'POST /_bulk',
      `PUT /${NEW_INDEX}/_settings`,
      `GET /${NEW_INDEX}/_refresh`,
      `GET /_alias/${ALIAS}`,
      'POST /_aliases',
      `DELETE /${OLD_INDEX}`,
    ]);
    expect(requests[0]!.body).toEqual(asJson({ settings: indexSettings({ replicas: 1, bulkLoad: true }), mappings: indexMappings }));
    expect(requests[1]!.body).toEqual(asJson([{ index: { _index: NEW_INDEX, _id: sampleDocument().id, version: 7, version_type: 'external' } }, toSearchSource(sampleDocument())]));
    expect(requests[3]!.body).toEqual(asJson(liveIndexSettings(1)));
    expect(requests[6]!.body).toEqual({
      actions: [{ remove: { index: OLD_INDEX, alias: ALIAS } }, { add: { index: NEW_INDEX, alias: ALIAS } }],
    });
  });

  it('works the first time, with no alias yet', async () => {
    const { engine, calls, requests } = cluster({ 'GET /_alias/:name': () => esError(404, 'aliases_not_found_exception') });
    await expect(engine.reindex(batches([sampleDocument()]))).resolves.toEqual({ index: NEW_INDEX, previous: [], count: 1 });
    expect(calls()).not.toContain(`DELETE /${OLD_INDEX}`);
    expect(requests.at(-1)!.body).toEqual({ actions: [{ add: { index: NEW_INDEX, alias: ALIAS } }] });
  });

  it('writes live changes to the old and the new index while loading', async () => {
    const { engine, requests } = cluster();
    const changed = sampleDocument({ version: 8, bio: 'updated' });
    async function* withLiveWrite(): AsyncIterable<InfluencerSearchDocument[]> {
      yield [sampleDocument()];
      await engine.upsert([changed]);
      yield [otherSampleDocument()];
    }
    await engine.reindex(withLiveWrite());
    const liveWrite = requests[2]!.body as unknown[];
    expect(liveWrite).toEqual(
      asJson([
        { index: { _index: ALIAS, _id: changed.id, version: 8, version_type: 'external' } },
        toSearchSource(changed),
        { index: { _index: NEW_INDEX, _id: changed.id, version: 8, version_type: 'external' } },
        toSearchSource(changed),
      ]),
    );
    // After the swap, writes go through the alias only.
    await engine.upsert([changed]);
    expect((requests.at(-1)!.body as unknown[]).length).toBe(2);
  });

  it('deletes the half-built index and leaves the alias alone when loading fails', async () => {
    const { engine, calls } = cluster({
      'POST /_bulk': () => bulkResponse([indexItem(sampleDocument().id, 400, { type: 'mapper_parsing_exception', reason: 'failed to parse' })]),
    });
    await expect(engine.reindex(batches([sampleDocument()]))).rejects.toBeInstanceOf(ElasticsearchBulkError);
    expect(calls()).toEqual([`PUT /${NEW_INDEX}`, 'POST /_bulk', `DELETE /${NEW_INDEX}`]);
    expect(calls()).not.toContain('POST /_aliases');
  });
});

describe('createElasticsearchEngine', () => {
  it('builds a client for the settings and reads through <prefix>-influencers', async () => {
    const mock = new Mock();
    const paths: string[] = [];
    mock.add({ method: 'POST', path: '/:index/_search' }, (params) => {
      paths.push(params.path as string);
      return sampleSearchResponse();
    });
    const engine = createElasticsearchEngine({ url: 'http://localhost:9200', indexPrefix: 'acme', timeoutMs: 1500 }, { clientOptions: { Connection: mock.getConnection() } });
    expect(engine.name).toBe('elasticsearch');
    expect(engine.alias).toBe('acme-influencers');
    await engine.search(parse({}));
    expect(paths).toEqual(['/acme-influencers/_search']);
  });
});

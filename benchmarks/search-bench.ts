/**
 * npm run bench:search -- [--profiles N] [--concurrency C] [--duration S] [--data-dir DIR] [--write]
 *
 * Seeds N influencers into a benchmark database (embedded PostgreSQL in DIR, default
 * .data/bench; DATABASE_URL if set), then fires the committed query mix (search-queries.json,
 * facets included — every search computes them) at concurrency C for S seconds in these phases:
 * straight at the search engine; at the engine without reusing counts (totals and facets); at the
 * engine while profiles are written ten times a second, first with every write shown in the next
 * search, then with the production default's staleness window (SEARCH_MAX_STALENESS_MS); at the
 * engine's typeahead, every prefix of the words in typeahead-words.json (reused, then not); then
 * through the HTTP API as a logged-in brand (the client in its own process): at concurrency C, one
 * request at a time (at most 10 s), and at concurrency C through a server whose engine reuses
 * nothing; last, the floor under the API: the same search service over bare node:http and over
 * Express with one route and no middleware. Reports p50/p95/p99 latency, throughput and the API's
 * overhead over the engine; --write appends the table to docs/benchmarks.md.
 */
import { appendFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Pool } from 'pg';
import { createSearchModule, PostgresSearchEngine, SearchSync } from '../apps/api/src/modules/search/index.js';
import { seedInfluencers } from '../apps/api/src/modules/seed/index.js';
import { brandSession, openBench, searchQueryOf, serveApi, serveSearchOnly } from './bench-api.js';
import { runHttpLoad } from './http-load.js';
import { load, percentile, type LoadOptions, type Run } from './load.js';

const { values: args } = parseArgs({
  options: {
    profiles: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '8' },
    duration: { type: 'string', default: '30' },
    'data-dir': { type: 'string', default: '.data/bench' },
    write: { type: 'boolean', default: false },
  },
});
const profiles = Number(args.profiles);
const concurrency = Number(args.concurrency);
const loadOptions: LoadOptions = { concurrency, durationMs: Number(args.duration) * 1000 };
const ROOT = path.resolve(import.meta.dirname, '..');
const WRITES_PER_SECOND = 10;


/** Runs a load phase and measures this process's CPU time (user + system) per request. */
async function withCpu<R extends Run>(phase: () => Promise<R>): Promise<R & { cpuMsPerRequest: number }> {
  const before = process.cpuUsage();
  const run = await phase();
  const { user, system } = process.cpuUsage(before);
  return { ...run, cpuMsPerRequest: (user + system) / 1000 / Math.max(1, run.latencies.length + run.errors) };
}

function summarise(name: string, run: Run) {
  return {
    name,
    requests: run.latencies.length,
    errors: run.errors,
    throughput: run.latencies.length / run.seconds,
    p50: percentile(run.latencies, 50),
    p95: percentile(run.latencies, 95),
    p99: percentile(run.latencies, 99),
  };
}

async function main() {
  const { config, logger, dataSource, close } = await openBench(args['data-dir']);
  try {
    const [{ count }] = await dataSource.query<[{ count: number }]>(`SELECT count(*)::int AS count FROM influencer_profiles`);
    if (count < profiles) {
      const started = Date.now();
      const pool = (dataSource.driver as unknown as { master: Pool }).master;
      await seedInfluencers(pool, { count: profiles - count, offset: count, searchOutbox: false, onProgress: (done, total) => process.stdout.write(`\rseeding ${done}/${total}`) });
      console.log(`\nseeded ${profiles - count} profiles (search table included) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const engine = new PostgresSearchEngine(dataSource);
    const indexStarted = Date.now();
    const indexed = await new SearchSync(dataSource, [engine], logger).drainAll(5000);
    if (indexed) console.log(`indexed ${indexed} profiles in ${((Date.now() - indexStarted) / 1000).toFixed(0)} s`);
    await dataSource.query('ANALYZE influencer_search');
    // The prefix term dictionary, as the worker keeps it (built when missing or old and stale).
    const termsStarted = Date.now();
    await engine.maintain();
    const [{ words }] = await dataSource.query<[{ words: number }]>(`SELECT count(*)::int AS words FROM search_terms`);
    console.log(`prefix term dictionary: ${words} words (${((Date.now() - termsStarted) / 1000).toFixed(1)} s)`);
    // Measure a warm server: the search table and its indexes in PostgreSQL's buffer cache (a
    // server that has been answering searches for a while has them there; a sequential scan would
    // not put them there, it reads through a small ring of buffers).
    await dataSource.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    const [{ pages }] = await dataSource.query<[{ pages: number }]>(
      `SELECT sum(pg_prewarm(c.oid))::int AS pages FROM pg_class c
        WHERE c.oid = 'influencer_search'::regclass OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'influencer_search'::regclass)`,
    );
    const [{ buffers }] = await dataSource.query<[{ buffers: string }]>(`SELECT current_setting('shared_buffers') AS buffers`);
    console.log(`prewarmed ${pages} pages of influencer_search and its indexes (shared_buffers ${buffers})`);
    const [{ searchable }] = await dataSource.query<[{ searchable: number }]>(`SELECT count(*)::int AS searchable FROM influencer_search`);

    const loadAverage = os.loadavg().map((n) => n.toFixed(2)).join(', ');
    const queries = JSON.parse(await readFile(path.join(import.meta.dirname, 'search-queries.json'), 'utf8')) as string[];
    const parsed = new Map(queries.map((q) => [q, searchQueryOf(q)]));

    // Warm up the cache with one pass, then measure the engine on its own, set up as the HTTP
    // server's is (the production default's staleness window), so that the two differ by HTTP only.
    const production = new PostgresSearchEngine(dataSource, { maxStalenessMs: config.search.maxStalenessMs });
    for (const q of queries) await production.search(parsed.get(q)!).catch(() => undefined);
    const engineRun = await withCpu(() => load(queries, loadOptions, async (q) => void (await production.search(parsed.get(q)!))));
    // The same without reusing totals and facets: what each query costs when it is new (or the table just changed).
    const uncached = new PostgresSearchEngine(dataSource, { reuseMs: 0 });
    const uncachedRun = await load(queries, loadOptions, async (q) => void (await uncached.search(parsed.get(q)!)));
    // A live marketplace writes to the search table all the time (profile edits, follower
    // updates). The same mix while profiles change WRITES_PER_SECOND times a second: with every
    // write shown in the next search, and with the production default's staleness window.
    const writeIds = (await dataSource.query<{ id: string }[]>(`SELECT id FROM influencer_search TABLESAMPLE SYSTEM (0.1) LIMIT 1000`)).map((row) => row.id);
    const whileWriting = async (phase: () => Promise<Run>) => {
      let writes = 0;
      const writer = setInterval(() => {
        const id = writeIds[writes++ % writeIds.length];
        void dataSource.query(`UPDATE influencer_search SET growth_30d = growth_30d WHERE id = $1`, [id]);
      }, 1000 / WRITES_PER_SECOND);
      try {
        return await phase();
      } finally {
        clearInterval(writer);
      }
    };
    for (const q of queries) await engine.search(parsed.get(q)!).catch(() => undefined);
    const writtenExactRun = await whileWriting(() => load(queries, loadOptions, async (q) => void (await engine.search(parsed.get(q)!))));
    const writtenStaleRun = await whileWriting(() => load(queries, loadOptions, async (q) => void (await production.search(parsed.get(q)!))));
    // Typeahead: the committed words typed letter by letter, every prefix asked (the search box asks after each pause).
    const typeaheadWords = JSON.parse(await readFile(path.join(import.meta.dirname, 'typeahead-words.json'), 'utf8')) as string[];
    const typed = typeaheadWords.flatMap((word) => [...word].map((_, i) => [...word].slice(0, i + 1).join('').trim())).filter(Boolean);
    const typeaheadRun = await load(typed, loadOptions, async (text) => void (await production.suggest(text, 8)));
    const newTypeaheadRun = await load(typed, loadOptions, async (text) => void (await uncached.suggest(text, 8)));

    // The same mix through HTTP as a logged-in brand. Every server answers each query of the mix
    // once before it is measured, as the engine above was warmed.
    const api = await serveApi({ config, logger, dataSource });
    const headers = await brandSession(dataSource, api.base);
    const searchPaths = queries.map((q) => `/api/influencers/search?${q}`);
    const warm = async (base: string) => {
      for (const searchPath of searchPaths) await (await fetch(`${base}${searchPath}`, { headers })).arrayBuffer();
    };
    const httpRun = async (options: LoadOptions, base = api.base) => {
      await warm(base);
      return withCpu(() => runHttpLoad({ base, headers, paths: searchPaths, options }));
    };
    const apiRun = await httpRun(loadOptions);
    // One request at a time: the API's own cost per request, without queueing for the cores.
    const serialRun = await httpRun({ concurrency: 1, durationMs: Math.min(10_000, loadOptions.durationMs) });
    api.close();
    // The same through a server whose engine reuses nothing: the API's overhead when the engine does a new query's work.
    const fresh = await serveApi({ config, logger, dataSource, search: { postgresOptions: { reuseMs: 0 } } });
    const uncachedApiRun = await httpRun(loadOptions, fresh.base);
    fresh.close();
    // The floor under the API on this machine: the same search service (set up as the API's) over
    // bare node:http, and over Express with that one route and no middleware.
    const { service } = createSearchModule({ dataSource, config, logger });
    const floorRun = async (framework: 'node' | 'express') => {
      const server = await serveSearchOnly(service, framework);
      try {
        return await httpRun(loadOptions, server.base);
      } finally {
        server.close();
      }
    };
    const nodeFloorRun = await floorRun('node');
    const expressFloorRun = await floorRun('express');

    const rows = [
      summarise('engine (in-process)', engineRun),
      summarise('HTTP API', apiRun),
      summarise('engine, counts not reused', uncachedRun),
      summarise(`engine, ${WRITES_PER_SECOND} writes/s, each shown in the next search`, writtenExactRun),
      summarise(`engine, ${WRITES_PER_SECOND} writes/s, counts up to ${config.search.maxStalenessMs / 1000} s old (production default)`, writtenStaleRun),
      summarise('HTTP API, one request at a time', serialRun),
      summarise('HTTP API, counts not reused', uncachedApiRun),
      summarise('HTTP, the search service over bare node:http (no framework, no middleware)', nodeFloorRun),
      summarise('HTTP, the search service over Express (one route, no middleware)', expressFloorRun),
      summarise(`engine, typeahead: every prefix of ${typeaheadWords.length} words (benchmarks/typeahead-words.json), answers reused`, typeaheadRun),
      summarise('engine, typeahead, nothing reused', newTypeaheadRun),
    ];
    // The API's overhead, two ways: per request (the client's time against the engine's time
    // inside the same requests, `tookMs`: same queries, same load), and run against run.
    const engineInApi = percentile(apiRun.engineLatencies, 50);
    const overhead = rows[1]!.p50 / engineInApi;
    const runOverhead = rows[1]!.p50 / rows[0]!.p50;
    const serialEngine = percentile(serialRun.engineLatencies, 50);
    const uncachedEngineInApi = percentile(uncachedApiRun.engineLatencies, 50);
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const table = [
      `### Search, ${searchable.toLocaleString('en')} profiles, concurrency ${concurrency}, ${args.duration} s per phase (${new Date().toISOString().slice(0, 10)})`,
      '',
      `Machine: ${machine}. Engine: PostgreSQL (${config.database.kind}). Command: \`npm run bench:search -- --profiles ${profiles} --concurrency ${concurrency} --duration ${args.duration}\`. Query mix: \`benchmarks/search-queries.json\` (${queries.length} queries, facets included).`,
      '',
      'Errors are requests that failed, e.g. on the 15 s statement timeout; latencies count successful requests only. ' +
        'The engine and HTTP rows reuse totals and facets per filter set while the search table is unchanged (no writes during those runs), ' +
        `both set up as a production server is (counts up to ${config.search.maxStalenessMs / 1000} s old, so the table's generation is read once per window, not per search); ` +
        '"not reused" recomputes them for every request; the two "writes" rows write to the table during the run ' +
        `(the HTTP server runs with the production default, counts up to ${config.search.maxStalenessMs / 1000} s old).`,
      '',
      '| path | requests | errors | req/s | p50 ms | p95 ms | p99 ms |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.name} | ${r.requests} | ${r.errors} | ${r.throughput.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`),
      '',
      `API overhead at p50: ${overhead.toFixed(2)}× the engine's time inside the same HTTP requests (${rows[1]!.p50.toFixed(1)} ms against the engine's ${engineInApi.toFixed(1)} ms, \`tookMs\`); ` +
        `${runOverhead.toFixed(2)}× the engine run on its own (a different load: no HTTP work beside it). Load average at the start: ${loadAverage}. ` +
        `CPU of the server process (Node) per request: ${engineRun.cpuMsPerRequest.toFixed(2)} ms in the engine run, ${apiRun.cpuMsPerRequest.toFixed(2)} ms through HTTP; the HTTP client, in its own process on the same cores, used ${apiRun.clientCpuMsPerRequest.toFixed(2)} ms per request. ` +
        `One request at a time, the API took ${rows[5]!.p50.toFixed(1)} ms at p50 against the engine's ${serialEngine.toFixed(1)} ms inside it (${(rows[5]!.p50 / serialEngine).toFixed(2)}×). ` +
        `Without reuse, the API took ${rows[6]!.p50.toFixed(1)} ms at p50 against the engine's ${uncachedEngineInApi.toFixed(1)} ms inside the same requests (${(rows[6]!.p50 / uncachedEngineInApi).toFixed(2)}×), ` +
        `and ${(rows[6]!.p50 / rows[2]!.p50).toFixed(2)}× the engine without reuse run on its own. ` +
        `The floor under the API, run against the engine run: bare node:http ${(rows[7]!.p50 / rows[0]!.p50).toFixed(2)}× (CPU of the server process ${nodeFloorRun.cpuMsPerRequest.toFixed(2)} ms per request), ` +
        `Express with no middleware ${(rows[8]!.p50 / rows[0]!.p50).toFixed(2)}× (${expressFloorRun.cpuMsPerRequest.toFixed(2)} ms); against the engine's time inside their own requests ` +
        `${(rows[7]!.p50 / percentile(nodeFloorRun.engineLatencies, 50)).toFixed(2)}× and ${(rows[8]!.p50 / percentile(expressFloorRun.engineLatencies, 50)).toFixed(2)}×.`,
      '',
      `Typeahead without reuse, the slowest prefixes under that load (median ms): ${[...newTypeaheadRun.byQuery]
        .map(([text, times]) => [text, percentile([...times].sort((a, b) => a - b), 50)] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([text, ms]) => `\`${text}\` ${ms.toFixed(1)}`)
        .join(', ')}.`,
      '',
      'Per query, engine (in-process) and engine without reused counts, under the same load: median ms (runs).',
      '',
      '| query | engine p50 | no reuse p50 |',
      '|---|---:|---:|',
      ...queries.map((q) => {
        const median = (run: Run) => {
          const all = [...(run.byQuery.get(q) ?? [])].sort((a, b) => a - b);
          return all.length ? `${percentile(all, 50).toFixed(0)} (${all.length})` : '–';
        };
        return `| \`${q || '(no filters)'}\` | ${median(engineRun)} | ${median(uncachedRun)} |`;
      }),
      '',
    ].join('\n');
    console.log(`\n${table}`);
    if (args.write) await appendFile(path.join(ROOT, 'docs/benchmarks.md'), `\n${table}`);
  } finally {
    await close();
  }
}

await main();

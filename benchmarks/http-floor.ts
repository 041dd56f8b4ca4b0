/**
 * npm run bench:http-floor -- [--data-dir DIR] [--duration S] [--write]
 *
 * What one request costs at each layer, one request at a time (nothing queues for the cores), the
 * client in its own process as in bench:search: a bare node:http server answering a search's JSON
 * body; a PostgreSQL round trip (`SELECT 1`, in-process); the API's `/healthz` (Express and its
 * middleware, no session, no database); a path under /api that no route answers, as a logged-in
 * brand (adds the session statement and passport, no handler); and the search mix with counts
 * reused (the engine's own time read from Server-Timing). Run it on bench:search's database (same
 * --data-dir) to search a million profiles. --write appends the table to docs/benchmarks.md.
 */
import { appendFile, readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brandSession, openBench, serveApi } from './bench-api.js';
import { runHttpLoad } from './http-load.js';
import { percentile, type Run } from './load.js';

const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/bench' },
    duration: { type: 'string', default: '5' },
    write: { type: 'boolean', default: false },
  },
});
const options = { concurrency: 1, durationMs: Number(args.duration) * 1000 };
const median = (sorted: number[]) => percentile(sorted, 50);

async function main() {
  const { config, logger, dataSource, close } = await openBench(args['data-dir']);
  try {
    const api = await serveApi({ config, logger, dataSource });
    const headers = await brandSession(dataSource, api.base);
    const queries = JSON.parse(await readFile(path.join(import.meta.dirname, 'search-queries.json'), 'utf8')) as string[];
    const searchPaths = queries.map((q) => `/api/influencers/search?${q}`);
    // Warm the engine's reuse, as a server that has been answering these searches has it.
    await runHttpLoad({ base: api.base, headers, paths: searchPaths, options: { concurrency: 1, durationMs: 2000 } });

    // The same bytes a search answers, from a server with no framework at all.
    const body = await (await fetch(`${api.base}${searchPaths[0]}`, { headers })).text();
    const bare = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareRun = await runHttpLoad({ base: `http://127.0.0.1:${(bare.address() as { port: number }).port}`, headers: {}, paths: ['/'], options });
    bare.close();

    const roundTrips: number[] = [];
    for (const deadline = performance.now() + options.durationMs; performance.now() < deadline; ) {
      const started = performance.now();
      await dataSource.query('SELECT 1');
      roundTrips.push(performance.now() - started);
    }
    roundTrips.sort((a, b) => a - b);

    const health = await runHttpLoad({ base: api.base, headers: {}, paths: ['/healthz'], options });
    // A path no route answers: the session (one statement), passport and an error body, no handler.
    const session = await runHttpLoad({ base: api.base, headers, paths: ['/api/no-such-route'], status: 404, options });
    const search = await runHttpLoad({ base: api.base, headers, paths: searchPaths, options });
    api.close();

    const [{ profiles }] = await dataSource.query<[{ profiles: number }]>(`SELECT count(*)::int AS profiles FROM influencer_search`);
    const engine = median(search.engineLatencies);
    const row = (name: string, run: Pick<Run, 'latencies'>, note: string) => `| ${name} | ${run.latencies.length} | ${median(run.latencies).toFixed(2)} | ${note} |`;
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const table = [
      `### One request at a time, layer by layer (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
      '',
      `Machine: ${machine}. Command: \`npm run bench:http-floor -- --duration ${args.duration}\` on ${profiles.toLocaleString('en')} searchable profiles; ` +
        `the client in its own process over keep-alive; load average at the end ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}.`,
      '',
      '| request | requests | p50 ms | what it adds |',
      '|---|---:|---:|---|',
      row(`node:http, no framework, the ${(Buffer.byteLength(body) / 1024).toFixed(0)} kB body of a search`, bareRun, 'the HTTP round trip itself'),
      row('PostgreSQL round trip (`SELECT 1`, no HTTP)', { latencies: roundTrips }, 'one statement'),
      row('API `GET /healthz`', health, 'Express and its middleware, no session'),
      row('API, logged in, a path with no route (404)', session, 'the session and its account (one statement), passport; an error body instead of a handler'),
      row('API search mix, counts reused', search, `the search; the engine's own time inside it: ${engine.toFixed(2)} ms p50`),
      '',
      `For the API to take at most 1.3× the engine's time, everything but the engine would have to fit in ` +
        `${(0.3 * engine).toFixed(2)} ms; the authenticated request alone takes ${median(session.latencies).toFixed(2)} ms.`,
      '',
    ].join('\n');
    console.log(`\n${table}`);
    if (args.write) await appendFile(path.resolve(import.meta.dirname, '../docs/benchmarks.md'), `\n${table}`);
  } finally {
    await close();
  }
}

await main();

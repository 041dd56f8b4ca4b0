/** What the benchmarks share: the server's settings, the API on a local port, and a logged-in brand. */
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { ZSearchQuery, type TSearchQuery, type TSearchResponse } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';
import { createApp, type AppDeps } from '../apps/api/src/app.js';
import { parseConfig, type Config } from '../apps/api/src/config/config.js';
import { openDatabase, runMigrations } from '../apps/api/src/db/database.js';
import { AccountsService } from '../apps/api/src/modules/accounts/index.js';
import { createLogger, type Logger } from '../apps/api/src/observability/logger.js';
import { createMetrics } from '../apps/api/src/observability/metrics.js';
import { engineTiming } from '../apps/api/src/modules/search/index.js';
import type { SearchService } from '../apps/api/src/modules/search/search.service.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Production settings (as a deployment runs), the database in `dataDir`, quiet logs. */
function benchConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return parseConfig(
    // eslint-disable-next-line no-restricted-properties -- the benchmark takes the same settings as the server
    { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'false', NODE_ENV: 'production', ALLOW_DEFAULT_SESSION_SECRET: 'true', ALLOW_SIMULATED_PAYMENTS: 'true', TRUST_PROXY: 'true', PORT: '0', ...env },
    ROOT,
  );
}

/** The benchmark's database (embedded in `dataDir`, or DATABASE_URL), migrated, with the settings and logger that go with it. */
export async function openBench(dataDir: string, env: Record<string, string> = {}): Promise<{ config: Config; logger: Logger; dataSource: DataSource; close: () => Promise<void> }> {
  const config = benchConfig(dataDir, env);
  const logger = createLogger({ logLevel: 'warn' });
  const database = await openDatabase(config, logger, { poolSize: 20 });
  await runMigrations(database.dataSource, logger);
  return { config, logger, dataSource: database.dataSource, close: () => database.close() };
}

/** Production mode sets Secure cookies: requests say they came through a TLS proxy, as a deployment's would. */
export const PROXIED = { 'x-forwarded-proto': 'https' } as const;

const listen = async (server: http.Server): Promise<{ base: string; close: () => void }> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => void server.close() };
};

/** The API on a free loopback port, without background timers. */
export async function serveApi(deps: Omit<AppDeps, 'metrics' | 'backgroundTimers'>): Promise<{ base: string; close: () => void }> {
  const { app } = createApp({ ...deps, metrics: createMetrics(), backgroundTimers: false });
  return listen(http.createServer(app));
}

/** A search's query string (`niche=food&tier=micro`) as the API's contract reads it. */
export function searchQueryOf(queryString: string): TSearchQuery {
  const params = new URLSearchParams(queryString);
  const object: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    object[key] = all.length === 1 ? all[0]! : all;
  }
  return ZSearchQuery.parse(object);
}

/**
 * The floor under the API: the same search service answering GET /api/influencers/search with the
 * same JSON and Server-Timing header, from bare node:http (`node`) or from Express with that one
 * route and no middleware (`express`) — no session, passport, logging, headers or router table.
 */
export function serveSearchOnly(search: SearchService, framework: 'node' | 'express'): Promise<{ base: string; close: () => void }> {
  const answer = (url: string | undefined, respond: (result: TSearchResponse, timing: string) => void, res: http.ServerResponse) => {
    search.search(searchQueryOf(url?.split('?')[1] ?? '')).then(
      (result) => respond(result, engineTiming(result)),
      (error: unknown) => void res.writeHead(500).end(String(error)),
    );
  };
  if (framework === 'node') {
    return listen(
      http.createServer((req, res) =>
        answer(req.url, (result, timing) => {
          const body = JSON.stringify(result);
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'server-timing': timing }).end(body);
        }, res),
      ),
    );
  }
  const app = express();
  app.set('etag', false);
  app.get('/api/influencers/search', (req, res) => answer(req.originalUrl, (result, timing) => void res.set('server-timing', timing).json(result), res));
  return listen(http.createServer(app));
}

/** A new active brand, logged in: the headers its requests carry (session cookie, proxy). */
export async function brandSession(dataSource: DataSource, base: string): Promise<Record<string, string>> {
  const email = `bench-brand-${Date.now()}@bench.local`;
  const password = 'bench-brand-password';
  await new AccountsService(dataSource).createAccount({ email, password, role: 'brand', displayName: 'Bench Brand' }, { status: 'active' });
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...PROXIED },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`the bench brand could not log in: HTTP ${login.status}`);
  return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, ...PROXIED };
}

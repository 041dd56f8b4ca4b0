/** What the benchmarks share: the server's settings, the API on a local port, and a logged-in brand. */
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createApp, type AppDeps } from '../apps/api/src/app.js';
import { parseConfig, type Config } from '../apps/api/src/config/config.js';
import { openDatabase, runMigrations } from '../apps/api/src/db/database.js';
import { AccountsService } from '../apps/api/src/modules/accounts/index.js';
import { createLogger, type Logger } from '../apps/api/src/observability/logger.js';
import { createMetrics } from '../apps/api/src/observability/metrics.js';

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

/** The API on a free loopback port, without background timers. */
export async function serveApi(deps: Omit<AppDeps, 'metrics' | 'backgroundTimers'>): Promise<{ base: string; close: () => void }> {
  const { app } = createApp({ ...deps, metrics: createMetrics(), backgroundTimers: false });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => void server.close() };
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

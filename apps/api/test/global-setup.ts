import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { createLogger } from '../src/observability/logger.js';

export const TEMPLATE_DATABASE = 'reachbridge_template';
const ROOT = path.resolve(import.meta.dirname, '../../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One real PostgreSQL for the whole run, in a throw-away directory: the embedded cluster by
 * default, or TEST_DATABASE_ADMIN_URL (a server where we may create databases). Migrations are
 * applied once to a template database; every test file clones it (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const logger = createLogger({ logLevel: 'warn' });
  // eslint-disable-next-line no-restricted-properties -- test harness setting, not app configuration
  const externalAdminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  let adminUrl: string;
  let stop = async () => {};
  if (externalAdminUrl) {
    adminUrl = externalAdminUrl;
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reachbridge-test-'));
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'postgres'),
      port: await freePort(),
      database: 'postgres',
      logger,
    });
    adminUrl = embedded.adminUrl;
    stop = async () => {
      await embedded.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  // Migrate the template with the real CLI, in its own process: global setup runs outside the test
  // projects' module resolution, so it does not import the workspace packages itself.
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', path.join(ROOT, 'apps/api/src/cli.ts'), 'migrate'],
    {
      cwd: ROOT,
      // eslint-disable-next-line no-restricted-properties -- the child gets the test database, nothing else changes
      env: { ...process.env, DATABASE_URL: withDatabase(adminUrl, TEMPLATE_DATABASE), TSX_TSCONFIG_PATH: 'apps/api/tsconfig.json', LOG_LEVEL: 'warn' },
    },
  );

  project.provide('databaseAdminUrl', adminUrl);
  return stop;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
  }
}

import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { createApp } from '../../../apps/api/src/app.js';
import { createLogger } from '../../../apps/api/src/observability/logger.js';
import { createMetrics } from '../../../apps/api/src/observability/metrics.js';
import { createTestDatabase } from '../../../apps/api/test/test-database.js';
import { testConfig, type TestEnv } from '../../../apps/api/test/test-app.js';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));

export interface TestServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly baseUrl: string;
  readonly dataSource: DataSource;
  /** Drains the search outbox, as the background worker would (the test app runs no timers). */
  indexPending(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The real app (API + built web client, with its production CSP) on a fresh database cloned from
 * the migrated template, listening on a free loopback port.
 */
export async function startTestServer(env: TestEnv = {}): Promise<TestServer> {
  if (!existsSync(path.join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error(`The web client is not built (${WEB_DIST_DIR}); the e2e globalSetup should have built it`);
  }
  const database = await createTestDatabase();
  const config = testConfig({ WEB_DIST_DIR, ...env });
  const { app, searchSync } = createApp({
    config,
    logger: createLogger(config),
    dataSource: database.dataSource,
    metrics: createMetrics(),
    backgroundTimers: false,
  });

  const server: Server = app.listen(0, '127.0.0.1');
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataSource: database.dataSource,
    indexPending: () => searchSync.drainAll(),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await database.drop();
    },
  };
}

import type { Express } from 'express';
import supertest from 'supertest';
import type { DataSource } from 'typeorm';
import { afterAll, beforeEach } from 'vitest';
import { createApp } from '../src/app.js';
import { parseConfig, type Config } from '../src/config/config.js';
import { createLogger } from '../src/observability/logger.js';
import { createMetrics } from '../src/observability/metrics.js';
import { createTestDatabase, truncateAll } from './test-database.js';

export type TestEnv = Record<string, string>;

export function testConfig(env: TestEnv = {}): Config {
  return parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env });
}

export interface TestContext {
  readonly app: Express;
  /** Offers, money and timers, for tests that drive the worker by hand. */
  readonly offers: ReturnType<typeof createApp>['offers'];
  readonly dataSource: DataSource;
  readonly routes: ReturnType<typeof createApp>['routes'];
  /** Drains the search outbox, as the worker would. */
  readonly indexPending: () => Promise<number>;
}

/**
 * Per test file: a cloned database and an app on it; per test: all tables emptied.
 * Use inside a `describe` or at the top of a test file.
 */
export interface TestAppOptions {
  /** The offers' clock (deadlines, timers). */
  now?: () => Date;
  /** Another payment provider than the simulated one, built on the test database. */
  payments?: (dataSource: DataSource) => NonNullable<Parameters<typeof createApp>[0]['payments']>;
}

export function useTestApp(env: TestEnv = {}, options: TestAppOptions = {}): TestContext {
  const context = {} as {
    app: Express;
    dataSource: DataSource;
    routes: TestContext['routes'];
    searchSync: ReturnType<typeof createApp>['searchSync'];
    offers: TestContext['offers'];
    drop: () => Promise<void>;
  };
  const ready = (async () => {
    const database = await createTestDatabase();
    const config = testConfig(env);
    const { app, routes, searchSync, offers } = createApp({
      config,
      logger: createLogger(config),
      dataSource: database.dataSource,
      metrics: createMetrics(),
      backgroundTimers: false,
      ...(options.now ? { now: options.now } : {}),
      ...(options.payments ? { payments: options.payments(database.dataSource) } : {}),
    });
    Object.assign(context, { app, routes, searchSync, offers, dataSource: database.dataSource, drop: database.drop });
  })();

  beforeEach(async () => {
    await ready;
    await truncateAll(context.dataSource);
  });
  afterAll(async () => {
    await ready;
    await context.drop();
  });

  return {
    get app() {
      return context.app;
    },
    get dataSource() {
      return context.dataSource;
    },
    get routes() {
      return context.routes;
    },
    get offers() {
      return context.offers;
    },
    indexPending: () => context.searchSync.drainAll(),
  };
}

/**
 * A browser-like client: keeps the session cookie and sends the CSRF token it was given on every
 * state-changing request, as the web client does.
 */
export class TestClient {
  readonly agent: ReturnType<typeof supertest.agent>;
  csrfToken = '';

  constructor(app: Express) {
    this.agent = supertest.agent(app);
  }

  async refreshSession() {
    const response = await this.agent.get('/api/auth/session').expect(200);
    this.csrfToken = response.body.csrfToken as string;
    return response;
  }

  private remember(response: supertest.Response) {
    const token = (response.body as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string') this.csrfToken = token;
    return response;
  }

  async post(path: string, body?: unknown) {
    const request = this.agent.post(path).set('x-csrf-token', this.csrfToken);
    return this.remember(await (body === undefined ? request : request.send(body as object)));
  }

  async put(path: string, body: unknown) {
    return this.remember(await this.agent.put(path).set('x-csrf-token', this.csrfToken).send(body as object));
  }

  async delete(path: string) {
    return this.remember(await this.agent.delete(path).set('x-csrf-token', this.csrfToken));
  }

  get(path: string) {
    return this.agent.get(path);
  }

  async register(input: { email: string; password: string; role: 'brand' | 'influencer'; displayName: string }) {
    await this.refreshSession();
    return this.post('/api/auth/register', input);
  }

  async login(email: string, password: string) {
    await this.refreshSession();
    return this.post('/api/auth/login', { email, password });
  }
}

import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { ConfigError, defaultSharedBuffers, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('gives a laptop an embedded database on port 3000', () => {
    const config = parseConfig({}, '/srv/app');
    expect(config.http.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: '/srv/app/.data/postgres', port: 54329, sharedBuffers: defaultSharedBuffers(os.totalmem()) });
    expect(config.seedDemo).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
  });

  it("sizes the embedded PostgreSQL's buffer cache at a quarter of the memory, within 128 MB – 4 GB, unless told", () => {
    expect(defaultSharedBuffers(24 * 2 ** 30)).toBe('4096MB');
    expect(defaultSharedBuffers(8 * 2 ** 30)).toBe('2048MB');
    expect(defaultSharedBuffers(256 * 2 ** 20)).toBe('128MB');
    expect(parseConfig({ EMBEDDED_PG_SHARED_BUFFERS: '1GB' }).database).toMatchObject({ kind: 'embedded', sharedBuffers: '1GB' });
  });

  it('lets production search count without a profile write for up to 10 s, development and tests not at all, unless told', () => {
    const production = { NODE_ENV: 'production', ALLOW_DEFAULT_SESSION_SECRET: 'true', ALLOW_SIMULATED_PAYMENTS: 'true' } as const;
    expect(parseConfig(production).search.maxStalenessMs).toBe(10_000);
    expect(parseConfig({}).search.maxStalenessMs).toBe(0);
    expect(parseConfig({ NODE_ENV: 'test' }).search.maxStalenessMs).toBe(0);
    expect(parseConfig({ ...production, SEARCH_MAX_STALENESS_MS: '0' }).search.maxStalenessMs).toBe(0);
    expect(parseConfig({ SEARCH_MAX_STALENESS_MS: '2500' }).search.maxStalenessMs).toBe(2500);
  });

  it('switches to an external database by DATABASE_URL alone', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/rb' });
    expect(config.database).toEqual({ kind: 'external', url: 'postgres://u:p@db:5432/rb' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ EMBEDDED_PG_SHARED_BUFFERS: '1 GB; DROP' }, 'EMBEDDED_PG_SHARED_BUFFERS'],
    [{ SEARCH_MAX_STALENESS_MS: '-1' }, 'SEARCH_MAX_STALENESS_MS'],
  ])('names the variable of a bad value (%o)', (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('refuses the default session secret in production unless explicitly allowed', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(parseConfig({ NODE_ENV: 'production', ALLOW_DEFAULT_SESSION_SECRET: 'true', ALLOW_SIMULATED_PAYMENTS: 'true' }).session.secureCookie).toBe(true);
  });

  it('uses simulated payments without Stripe keys, refuses them in production unless explicitly allowed, and needs both webhook secrets with a key', () => {
    expect(parseConfig({}).payments).toMatchObject({ provider: 'simulated', stripe: undefined, platformFeeBps: 1500 });
    const production = { NODE_ENV: 'production', ALLOW_DEFAULT_SESSION_SECRET: 'true' };
    expect(() => parseConfig(production)).toThrow(/STRIPE_SECRET_KEY/);
    expect(parseConfig({ ...production, ALLOW_SIMULATED_PAYMENTS: 'true' }).payments.provider).toBe('simulated');
    expect(() => parseConfig({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    const stripe = parseConfig({
      ...production,
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_a',
      STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_b',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
    }).payments;
    expect(stripe).toMatchObject({ provider: 'stripe', stripe: { secretKey: 'sk_live_abc', webhookSecret: 'whsec_a', connectWebhookSecret: 'whsec_b' } });
    expect(stripe.stripe?.apiBase?.port).toBe('12111');
    expect(() => parseConfig({ STRIPE_SECRET_KEY: 'pk_test_abc' })).toThrow(/STRIPE_SECRET_KEY:/);
    expect(parseConfig({ STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: '' }).payments.provider).toBe('simulated');
    expect(() => parseConfig({ PLATFORM_FEE_BPS: '6000' })).toThrow(/PLATFORM_FEE_BPS:/);
  });
});

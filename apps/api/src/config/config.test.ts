import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('gives a laptop an embedded database on port 3000', () => {
    const config = parseConfig({}, '/srv/app');
    expect(config.http.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: '/srv/app/.data/postgres', port: 54329 });
    expect(config.seedDemo).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
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
  ])('names the variable of a bad value (%o)', (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('refuses the default session secret in production unless explicitly allowed', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(parseConfig({ NODE_ENV: 'production', ALLOW_DEFAULT_SESSION_SECRET: 'true' }).session.secureCookie).toBe(true);
  });
});

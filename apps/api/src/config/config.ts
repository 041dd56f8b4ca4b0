import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The embedded PostgreSQL's buffer cache: a quarter of the machine's memory (PostgreSQL's own
 * guidance), at least 128 MB and at most 4 GB. Search at a million profiles reads a ~2.7 GB table
 * and its indexes; pages outside shared buffers are copied from the OS cache on every visit.
 */
export function defaultSharedBuffers(totalMemoryBytes: number): string {
  const megabytes = Math.floor(totalMemoryBytes / 4 / 2 ** 20);
  return `${Math.min(4096, Math.max(128, megabytes))}MB`;
}

const DEFAULT_SESSION_SECRET = 'reachbridge-development-session-secret-change-me';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .url()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  EMBEDDED_PG_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9][0-9]*(MB|GB)$/, 'a size such as 512MB or 2GB')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEFAULT_SESSION_SECRET),
  ALLOW_DEFAULT_SESSION_SECRET: booleanString.default(false),
  SEED_DEMO: booleanString.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().min(1).optional(),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(100),
  LOGIN_BLOCK_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  TRUST_PROXY: booleanString.default(false),
  /** How long after a profile write search may still count without it (see PostgresSearchEngine); default 10 s in production, 0 otherwise. */
  SEARCH_MAX_STALENESS_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  ELASTICSEARCH_URL: z.url().optional(),
  ELASTICSEARCH_INDEX_PREFIX: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ and - only').default('reachbridge'),
  ELASTICSEARCH_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1500),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key (sk_test_…, sk_live_…)').optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe publishable key (pk_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /** Point the Stripe SDK somewhere else (tests: a local fake). */
  STRIPE_API_BASE: z.url().optional(),
  ALLOW_SIMULATED_PAYMENTS: booleanString.default(false),
  PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(5000).default(1500),
  CLAWBACK_WINDOW_HOURS: z.coerce.number().int().min(0).max(90 * 24).default(7 * 24),
  JOBS_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
});

export type Config = ReturnType<typeof parseConfig>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once into a nested, frozen object. Nothing else in the code base reads
 * `process.env`; everything that needs a setting is handed this object.
 */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()) {
  // An empty variable means "not set" (compose files pass `${VAR:-}` through as "").
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && e.SESSION_SECRET === DEFAULT_SESSION_SECRET && !e.ALLOW_DEFAULT_SESSION_SECRET) {
    throw new ConfigError([
      'SESSION_SECRET: must be set in production (or set ALLOW_DEFAULT_SESSION_SECRET=true to accept the public default)',
    ]);
  }
  if (isProduction && !e.STRIPE_SECRET_KEY && !e.ALLOW_SIMULATED_PAYMENTS) {
    throw new ConfigError([
      'STRIPE_SECRET_KEY: must be set in production (or set ALLOW_SIMULATED_PAYMENTS=true to run with test money only)',
    ]);
  }
  if (e.STRIPE_SECRET_KEY && (!e.STRIPE_WEBHOOK_SECRET || !e.STRIPE_CONNECT_WEBHOOK_SECRET)) {
    throw new ConfigError(['STRIPE_WEBHOOK_SECRET, STRIPE_CONNECT_WEBHOOK_SECRET: both must be set with STRIPE_SECRET_KEY']);
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const config = {
    env: e.NODE_ENV,
    isProduction,
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
      trustProxy: e.TRUST_PROXY,
      webDistDir: e.WEB_DIST_DIR ? path.resolve(cwd, e.WEB_DIST_DIR) : undefined,
    },
    database: e.DATABASE_URL
      ? ({ kind: 'external', url: e.DATABASE_URL } as const)
      : ({
          kind: 'embedded',
          dataDir: path.join(dataDir, 'postgres'),
          port: e.EMBEDDED_PG_PORT,
          sharedBuffers: e.EMBEDDED_PG_SHARED_BUFFERS ?? defaultSharedBuffers(os.totalmem()),
        } as const),
    session: {
      secret: e.SESSION_SECRET,
      secureCookie: isProduction,
      maxAgeMs: 14 * 24 * 60 * 60 * 1000,
    },
    loginThrottle: {
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      blockSeconds: e.LOGIN_BLOCK_SECONDS,
    },
    search: {
      engine: e.ELASTICSEARCH_URL ? ('elasticsearch' as const) : ('postgres' as const),
      maxStalenessMs: e.SEARCH_MAX_STALENESS_MS ?? (isProduction ? 10_000 : 0),
      elasticsearch: e.ELASTICSEARCH_URL
        ? { url: e.ELASTICSEARCH_URL, indexPrefix: e.ELASTICSEARCH_INDEX_PREFIX, timeoutMs: e.ELASTICSEARCH_TIMEOUT_MS }
        : undefined,
    },
    payments: {
      provider: e.STRIPE_SECRET_KEY ? ('stripe' as const) : ('simulated' as const),
      stripe: e.STRIPE_SECRET_KEY
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            publishableKey: e.STRIPE_PUBLISHABLE_KEY ?? null,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET!,
            connectWebhookSecret: e.STRIPE_CONNECT_WEBHOOK_SECRET!,
            apiBase: e.STRIPE_API_BASE ? new URL(e.STRIPE_API_BASE) : undefined,
          }
        : undefined,
      platformFeeBps: e.PLATFORM_FEE_BPS,
      clawbackWindowHours: e.CLAWBACK_WINDOW_HOURS,
    },
    jobs: { intervalMs: e.JOBS_INTERVAL_MS },
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The one place that reads the process environment. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}

/** For process entries: a bad setting ends the process with a message naming it (exit 78, EX_CONFIG). */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}

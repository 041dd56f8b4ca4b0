import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../config/config.js';
import { authErrors } from './auth.errors.js';

const TABLE = 'login_throttle';

/**
 * Counts failed logins per account (email) and per client IP in PostgreSQL, so limits hold across
 * restarts and instances. Past the limit a login is refused with 429 and `Retry-After` before the
 * password is even checked; a successful login clears the account's count.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  constructor(pool: Pool, settings: Config['loginThrottle'], options: { pruneExpired: boolean }) {
    const common = {
      storeClient: pool,
      tableName: TABLE,
      tableCreated: true, // created by a migration
      clearExpiredByTimeout: options.pruneExpired,
    };
    this.byAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_account',
      points: settings.maxFailuresPerAccount,
      duration: settings.blockSeconds,
      blockDuration: settings.blockSeconds,
    });
    this.byIp = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_ip',
      points: settings.maxFailuresPerIp,
      duration: 60 * 60,
      blockDuration: settings.blockSeconds,
    });
  }

  /** Throws 429 when either the account or the IP is over its limit. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, client] = await Promise.all([this.byAccount.get(email), this.byIp.get(ip)]);
    const retryAfterMs = Math.max(
      blockedFor(account, this.byAccount.points),
      blockedFor(client, this.byIp.points),
    );
    if (retryAfterMs > 0) {
      throw authErrors.RATE_LIMITED({ headers: { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) } });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([consumeQuietly(this.byAccount, email), consumeQuietly(this.byIp, ip)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }
}

function blockedFor(state: RateLimiterRes | null, points: number): number {
  return state && state.consumedPoints >= points ? state.msBeforeNext : 0;
}

/** `consume` rejects with a RateLimiterRes once the limit is passed; that is expected here. */
async function consumeQuietly(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

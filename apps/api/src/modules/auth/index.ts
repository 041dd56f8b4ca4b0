import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import type { Config } from '../../config/config.js';
import type { Metrics } from '../../observability/metrics.js';
import type { AccountsService } from '../accounts/index.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { ApiTokensService } from './api-tokens.service.js';
import { authRoutes } from './auth.routes.js';
import { LoginThrottle } from './login-throttle.js';
import { createPassport } from './passport.js';
import { createSessionMiddleware, csrfProtection } from './session.js';

export const authEntities = [ApiTokenEntity];

export interface AuthModuleDeps {
  dataSource: DataSource;
  pool: Pool;
  config: Pick<Config, 'session' | 'loginThrottle'>;
  accounts: AccountsService;
  metrics: Metrics;
  /** Background timers (expired session and throttle pruning); off in tests. */
  pruneExpired: boolean;
}

/** Sessions, passport (local + bearer), CSRF, login throttling and the /api/auth routes. */
export function createAuthModule({ dataSource, pool, config, accounts, metrics, pruneExpired }: AuthModuleDeps) {
  const tokens = new ApiTokensService(dataSource, accounts);
  const throttle = new LoginThrottle(pool, config.loginThrottle, { pruneExpired });
  const passport = createPassport({
    accounts,
    tokens,
    throttle,
    onLoginAttempt: (outcome) => metrics.loginAttempts.inc({ outcome }),
  });
  const middleware: RequestHandler[] = [
    createSessionMiddleware(pool, config.session, { pruneExpired }),
    ...passport.middleware,
    csrfProtection,
  ];
  return {
    middleware,
    routes: authRoutes({ accounts, tokens, logInWithPassword: passport.logInWithPassword }),
  };
}

export { SESSION_COOKIE } from './session.js';

import connectPgSimple from 'connect-pg-simple';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import type { Pool } from 'pg';
import { csrfSync } from 'csrf-sync';
import type { Config } from '../../config/config.js';
import { httpErrors } from '../../http/app-error.js';

export const SESSION_COOKIE = 'rb.sid';
const SESSION_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE.replace('.', '\\.')}=`);

/** How often an unchanged session's expiry is pushed back in the database (at most once per interval per session). */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;
/** Sessions remembered as recently touched, per process; the oldest are forgotten first. */
const TOUCH_MEMORY = 10_000;

/** Sessions live in PostgreSQL (`sessions`), behind an HttpOnly, SameSite=Lax cookie (Secure in production). */
export function createSessionMiddleware(
  pool: Pool,
  settings: Config['session'],
  options: { pruneExpired: boolean },
): RequestHandler {
  const PgStore = connectPgSimple(session);
  /**
   * express-session touches the store on every request to slide the 14-day expiry: an UPDATE per
   * request. Once every few minutes per session is plenty for a two-week idle limit.
   */
  class ThrottledTouchStore extends PgStore {
    private readonly touchedAt = new Map<string, number>();

    override touch(sid: string, data: session.SessionData, callback?: () => void): void {
      const now = Date.now();
      const last = this.touchedAt.get(sid);
      if (last !== undefined && now - last < TOUCH_INTERVAL_MS) {
        callback?.();
        return;
      }
      this.touchedAt.delete(sid);
      this.touchedAt.set(sid, now);
      if (this.touchedAt.size > TOUCH_MEMORY) this.touchedAt.delete(this.touchedAt.keys().next().value!);
      super.touch(sid, data, callback);
    }
  }
  return session({
    name: SESSION_COOKIE,
    secret: settings.secret,
    resave: false,
    saveUninitialized: false,
    store: new ThrottledTouchStore({
      pool,
      tableName: 'sessions',
      createTableIfMissing: false, // created by a migration
      pruneSessionInterval: options.pruneExpired ? 15 * 60 : false,
    }),
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: settings.secureCookie,
      maxAge: settings.maxAgeMs,
    },
  });
}

const { generateToken, isRequestValid } = csrfSync({
  size: 32,
  getTokenFromRequest: (req) => {
    const header = req.headers['x-csrf-token'];
    return typeof header === 'string' ? header : undefined;
  },
});

export function csrfTokenFor(req: Request, options: { fresh?: boolean } = {}): string {
  return generateToken(req, options.fresh ?? false);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SPEC §3: a state-changing request that comes with a session cookie must carry `x-csrf-token`
 * equal to the session's token. Bearer-token requests carry no ambient credentials and are exempt.
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  const hasSessionCookie = SESSION_COOKIE_PATTERN.test(req.headers.cookie ?? '');
  if (SAFE_METHODS.has(req.method) || req.user?.via === 'token' || !hasSessionCookie) {
    next();
    return;
  }
  next(isRequestValid(req) ? undefined : httpErrors.CSRF_TOKEN_INVALID());
};

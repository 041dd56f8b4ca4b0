import connectPgSimple from 'connect-pg-simple';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import type { Pool } from 'pg';
import { csrfSync } from 'csrf-sync';
import type { AccountStatus, Role } from '@reachbridge/domain';
import type { Config } from '../../config/config.js';
import { httpErrors } from '../../http/app-error.js';

export const SESSION_COOKIE = 'rb.sid';
const SESSION_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE.replace('.', '\\.')}=`);

/** How often an unchanged session's expiry is pushed back in the database (at most once per interval per session). */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;
/** Sessions remembered as recently touched, per process; the oldest are forgotten first. */
const TOUCH_MEMORY = 10_000;

/** The account a session belongs to, as read together with the session. */
export interface SessionAccount {
  id: string;
  role: Role;
  status: AccountStatus;
}

const SESSION_ACCOUNT = Symbol('reachbridge.sessionAccount');
type WithSessionAccount = { [SESSION_ACCOUNT]?: SessionAccount | null };

/**
 * The session and its account in one statement: every authenticated request needs both, and a
 * second round trip for the account doubled the database work of a cheap request. The account id
 * is the one passport stored (`passport.user`); anything else there joins no account.
 */
const SESSION_WITH_ACCOUNT = `
  SELECT s.sess, u.id, u.role, u.status
    FROM sessions s
    LEFT JOIN users u
      ON u.id = CASE WHEN s.sess #>> '{passport,user}' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                     THEN (s.sess #>> '{passport,user}')::uuid END
   WHERE s.sid = $1 AND s.expire >= to_timestamp($2)`;

/**
 * The account read with this request's session, if it is the one passport asks for: `null` when
 * the session names an account that no longer exists, `undefined` when nothing was read for `id`.
 */
export function sessionAccountFor(req: Request, id: string): SessionAccount | null | undefined {
  const account = (req as WithSessionAccount)[SESSION_ACCOUNT];
  if (account === undefined) return undefined;
  return account === null || account.id === id ? account : undefined;
}

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
  class SessionStore extends PgStore {
    private readonly touchedAt = new Map<string, number>();

    /**
     * Reads the account along with the session (connect-pg-simple's own get reads the session
     * only). Its expired-session pruning timer starts on the first set or touch instead.
     */
    override get(sid: string, callback: (error: unknown, session?: session.SessionData | null) => void): void {
      pool
        .query<{ sess: session.SessionData; id: string | null; role: Role; status: AccountStatus }>({
          name: 'session-with-account',
          text: SESSION_WITH_ACCOUNT,
          values: [sid, Math.ceil(Date.now() / 1000)],
        })
        .then(({ rows: [row] }) => {
          if (!row) return callback(null, null);
          const sess = row.sess as session.SessionData & WithSessionAccount;
          sess[SESSION_ACCOUNT] = row.id === null ? null : { id: row.id, role: row.role, status: row.status };
          callback(null, sess);
        }, callback);
    }

    /** Moves the account read with the session onto the request, where deserializeUser finds it. */
    override createSession(req: Request, data: session.SessionData & WithSessionAccount) {
      (req as WithSessionAccount)[SESSION_ACCOUNT] = data[SESSION_ACCOUNT];
      delete data[SESSION_ACCOUNT];
      return super.createSession(req, data);
    }

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
    store: new SessionStore({
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

import type { Request, RequestHandler } from 'express';
import { Passport } from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { Strategy as LocalStrategy } from 'passport-local';
import { canLogIn } from '@reachbridge/domain';
import type { AccountsService } from '../accounts/index.js';
import type { Actor } from '../../http/actor.js';
import type { ApiTokensService } from './api-tokens.service.js';
import { authErrors } from './auth.errors.js';
import type { LoginThrottle } from './login-throttle.js';
import { sessionAccountFor, type SessionAccount } from './session.js';

export interface PassportDeps {
  accounts: AccountsService;
  tokens: ApiTokensService;
  throttle: LoginThrottle;
  onLoginAttempt: (outcome: 'ok' | 'invalid' | 'suspended' | 'throttled') => void;
}

/**
 * One passport instance per app (not the global singleton): local strategy for login, bearer
 * strategy for API tokens, sessions carrying the user id only. The user is re-read on every
 * request (with the session, in one statement), so a suspension takes effect on existing sessions
 * at once.
 */
export function createPassport({ accounts, tokens, throttle, onLoginAttempt }: PassportDeps) {
  const passport = new Passport();

  passport.use(
    new LocalStrategy(
      { usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: true },
      (req: Request, email: string, password: string, done: (error: unknown, user?: Actor | false) => void) => {
        const ip = req.ip ?? 'unknown';
        const key = email.trim().toLowerCase();
        void (async () => {
          try {
            await throttle.assertAllowed(key, ip);
          } catch (error) {
            onLoginAttempt('throttled');
            throw error;
          }
          const check = await accounts.checkCredentials(email, password);
          onLoginAttempt(check.outcome);
          if (check.outcome === 'invalid') {
            await throttle.recordFailure(key, ip);
            throw authErrors.AUTH_INVALID_CREDENTIALS();
          }
          if (check.outcome === 'suspended') throw authErrors.AUTH_ACCOUNT_SUSPENDED();
          await throttle.recordSuccess(key);
          const { user } = check;
          return { id: user.id, role: user.role, status: user.status, via: 'session' } satisfies Actor;
        })().then(
          (actor) => done(null, actor),
          (error: unknown) => done(error),
        );
      },
    ),
  );

  passport.use(
    new BearerStrategy((token, done) => {
      tokens.authenticate(token).then(
        (actor) => done(null, actor ?? false),
        (error: unknown) => done(error),
      );
    }),
  );

  passport.serializeUser<string>((user, done) => done(null, user.id));
  const sessionActor = (user: SessionAccount | null): Actor | false =>
    user && canLogIn(user.status) ? { id: user.id, role: user.role, status: user.status, via: 'session' } : false;
  // The session store reads the account with the session; a session loaded another way (or a
  // session naming another account) reads it here.
  passport.deserializeUser<string>((req: Request, id: string, done: (error: unknown, user?: Actor | false) => void) => {
    const preloaded = sessionAccountFor(req, id);
    if (preloaded !== undefined) {
      done(null, sessionActor(preloaded));
      return;
    }
    accounts.findById(id).then(
      (user) => done(null, sessionActor(user)),
      (error: unknown) => done(error),
    );
  });

  /** Authorization: Bearer … → req.user, no session. A bad token is a 401, never a silent anonymous request. */
  const bearer: RequestHandler = (req, res, next) => {
    if (!/^Bearer\s/i.test(req.headers.authorization ?? '')) {
      next();
      return;
    }
    const authenticate = passport.authenticate('bearer', { session: false }, (error: unknown, actor: Actor | false) => {
      if (error) return next(error);
      if (!actor) return next(authErrors.UNAUTHENTICATED());
      req.user = actor;
      next();
    }) as RequestHandler;
    authenticate(req, res, next);
  };

  /** Runs the local strategy on an already validated body and starts a fresh session (new id). */
  const logInWithPassword = (req: Request): Promise<Actor> =>
    new Promise((resolve, reject) => {
      const authenticate = passport.authenticate('local', (error: Error | null, actor: Actor | false) => {
        if (error) return reject(error);
        if (!actor) return reject(authErrors.AUTH_INVALID_CREDENTIALS());
        logIn(req, actor).then(() => resolve(actor), reject);
      }) as RequestHandler;
      authenticate(req, req.res!, (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
    });

  return {
    middleware: [passport.initialize(), passport.session(), bearer] as RequestHandler[],
    logInWithPassword,
  };
}

/** Starts a session for the actor; passport regenerates the session id (no fixation). */
export function logIn(req: Request, actor: Actor): Promise<void> {
  return new Promise((resolve, reject) => req.logIn(actor, (error: Error | null) => (error ? reject(error) : resolve())));
}

export function logOut(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.logOut((error: Error | null) => (error ? reject(error) : resolve())));
}

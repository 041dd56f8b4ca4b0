import { authContracts } from '@reachbridge/contracts';
import { presentUser, type AccountsService } from '../accounts/index.js';
import { defineRoute } from '../../http/define-route.js';
import { httpErrors } from '../../http/app-error.js';
import type { Actor } from '../../http/actor.js';
import type { ApiTokensService } from './api-tokens.service.js';
import { presentApiToken } from './auth.presenter.js';
import { logIn, logOut } from './passport.js';
import { csrfTokenFor } from './session.js';

export interface AuthRoutesDeps {
  accounts: AccountsService;
  tokens: ApiTokensService;
  logInWithPassword: (req: Parameters<typeof logIn>[0]) => Promise<Actor>;
}

export function authRoutes({ accounts, tokens, logInWithPassword }: AuthRoutesDeps) {
  const currentUser = async (actor: Actor) => {
    const user = await accounts.findById(actor.id);
    if (!user) throw httpErrors.UNAUTHENTICATED();
    return user;
  };

  return [
    defineRoute({
      contract: authContracts.register,
      auth: 'public',
      handler: async ({ body, req }) => {
        const user = await accounts.createAccount(body);
        await logIn(req, { id: user.id, role: user.role, status: user.status, via: 'session' });
        return { user: presentUser(user), csrfToken: csrfTokenFor(req, { fresh: true }) };
      },
    }),
    defineRoute({
      contract: authContracts.login,
      auth: 'public',
      handler: async ({ req }) => {
        const actor = await logInWithPassword(req);
        return { user: presentUser(await currentUser(actor)), csrfToken: csrfTokenFor(req, { fresh: true }) };
      },
    }),
    defineRoute({
      contract: authContracts.logout,
      auth: 'user',
      handler: async ({ req }) => {
        await logOut(req);
      },
    }),
    defineRoute({
      contract: authContracts.session,
      auth: 'public',
      handler: async ({ actor, req }) => {
        const user = actor ? await accounts.findById(actor.id) : null;
        return { user: user ? presentUser(user) : null, csrfToken: csrfTokenFor(req) };
      },
    }),
    defineRoute({
      contract: authContracts.listTokens,
      auth: 'user',
      handler: async ({ actor }) => ({ items: (await tokens.list(actor)).map(presentApiToken), nextCursor: null }),
    }),
    defineRoute({
      contract: authContracts.createToken,
      auth: 'user',
      handler: async ({ actor, body }) => {
        const { entity, token } = await tokens.create(actor, body.name);
        return { ...presentApiToken(entity), token };
      },
    }),
    defineRoute({
      contract: authContracts.revokeToken,
      auth: 'user',
      handler: async ({ actor, params }) => {
        await tokens.revoke(actor, params.id);
      },
    }),
  ];
}

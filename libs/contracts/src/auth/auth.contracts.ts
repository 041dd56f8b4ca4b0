import { z } from 'zod';
import { ACCOUNT_STATUSES, ROLES, SELF_SERVICE_ROLES } from '@reachbridge/domain';
import { defineContract } from '../common/route.js';
import { ZDisplayName, ZEmail, ZId, ZIdParams, ZPassword, ZTimestamp } from '../common/primitives.js';

export const ZUser = z
  .object({
    id: ZId,
    email: z.string(),
    role: z.enum(ROLES),
    status: z.enum(ACCOUNT_STATUSES),
    displayName: z.string(),
    createdAt: ZTimestamp,
  })
  .meta({ id: 'User' });
export type TUser = z.infer<typeof ZUser>;

export const ZRegisterRequest = z
  .strictObject({
    email: ZEmail,
    password: ZPassword,
    role: z.enum(SELF_SERVICE_ROLES),
    displayName: ZDisplayName,
  })
  .meta({ id: 'RegisterRequest' });
export type TRegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZLoginRequest = z
  .strictObject({
    email: ZEmail,
    // Not ZPassword: an old or wrong password must get "invalid credentials", not a length error.
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'LoginRequest' });
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZAuthResponse = z.object({ user: ZUser, csrfToken: z.string() }).meta({ id: 'AuthResponse' });
export type TAuthResponse = z.infer<typeof ZAuthResponse>;

export const ZSessionResponse = z
  .object({ user: ZUser.nullable(), csrfToken: z.string() })
  .meta({ id: 'SessionResponse' });
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export const ZCreateApiTokenRequest = z
  .strictObject({ name: z.string().trim().min(1).max(80) })
  .meta({ id: 'CreateApiTokenRequest' });
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

export const ZApiToken = z
  .object({
    id: ZId,
    name: z.string(),
    /** The first characters of the token, to tell tokens apart; never enough to use it. */
    prefix: z.string(),
    createdAt: ZTimestamp,
    lastUsedAt: ZTimestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreatedApiToken = ZApiToken.extend({
  /** The secret, shown once: only its hash is stored. */
  token: z.string(),
}).meta({ id: 'CreatedApiToken' });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;

export const ZApiTokenList = z.object({ items: z.array(ZApiToken), nextCursor: z.null() }).meta({ id: 'ApiTokenList' });
export type TApiTokenList = z.infer<typeof ZApiTokenList>;

const tags = ['auth'] as const;

export const authContracts = {
  register: defineContract({
    method: 'post',
    path: '/api/auth/register',
    summary: 'Create a brand or influencer account and log in',
    tags,
    body: ZRegisterRequest,
    response: ZAuthResponse,
    status: 201,
  }),
  login: defineContract({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in with email and password',
    tags,
    body: ZLoginRequest,
    response: ZAuthResponse,
    status: 200,
  }),
  logout: defineContract({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End the current session',
    tags,
    response: null,
    status: 204,
  }),
  session: defineContract({
    method: 'get',
    path: '/api/auth/session',
    summary: 'The current user (or null) and the CSRF token for state-changing requests',
    tags,
    response: ZSessionResponse,
    status: 200,
  }),
  listTokens: defineContract({
    method: 'get',
    path: '/api/auth/tokens',
    summary: 'Personal API tokens of the current user (active ones)',
    tags,
    response: ZApiTokenList,
    status: 200,
  }),
  createToken: defineContract({
    method: 'post',
    path: '/api/auth/tokens',
    summary: 'Create a personal API token (the secret is shown once)',
    tags,
    body: ZCreateApiTokenRequest,
    response: ZCreatedApiToken,
    status: 201,
  }),
  revokeToken: defineContract({
    method: 'delete',
    path: '/api/auth/tokens/:id',
    summary: 'Revoke a personal API token',
    tags,
    params: ZIdParams,
    response: null,
    status: 204,
  }),
};

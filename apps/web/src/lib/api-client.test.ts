import { authContracts } from '@reachbridge/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError, buildPath, buildQueryString, createApiClient } from './api-client';

const USER = {
  id: '0b6f3c2e-8a51-4c38-9d1e-5a2f8f0e7c11',
  email: 'sara@example.com',
  role: 'influencer',
  status: 'pending_review',
  displayName: 'Sara',
  createdAt: '2026-01-05T10:00:00.000Z',
} as const;
const TOKEN_ID = '6f1d2a4b-3c5e-4f70-8a9b-0c1d2e3f4a5b';

interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Reply = { status: number; body?: unknown };

/** A fetch stub: answers from a queue of replies and records every request. */
function stubFetch(...replies: Reply[]) {
  const requests: Recorded[] = [];
  const queue = [...replies];
  const fetchStub: typeof fetch = (input, init) => {
    requests.push({
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init?.credentials,
    });
    const reply = queue.shift();
    if (!reply) return Promise.reject(new Error('no reply queued'));
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    return Promise.resolve(
      new Response(text, { status: reply.status, headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' } }),
    );
  };
  return { fetch: fetchStub, requests };
}

const session = (csrfToken: string, user: typeof USER | null = null): Reply => ({ status: 200, body: { user, csrfToken } });
const csrfInvalid: Reply = {
  status: 403,
  body: { error: { code: 'CSRF_TOKEN_INVALID', message: 'Invalid CSRF token', requestId: 'req-403' } },
};

describe('buildPath / buildQueryString', () => {
  it('substitutes and encodes path parameters', () => {
    expect(buildPath('/api/lists/:id/items/:influencerId', { id: 'a b', influencerId: 'x/y' })).toBe('/api/lists/a%20b/items/x%2Fy');
  });

  it('refuses a path with a missing parameter', () => {
    expect(() => buildPath('/api/auth/tokens/:id', {})).toThrow(/Missing path parameter "id"/);
  });

  it('serialises queries, repeating arrays and skipping empty values', () => {
    expect(buildQueryString({ q: 'food & travel', niche: ['food', 'travel'], page: 2, cursor: undefined })).toBe(
      '?q=food+%26+travel&niche=food&niche=travel&page=2',
    );
    expect(buildQueryString({})).toBe('');
    expect(() => buildQueryString({ filter: { nested: true } })).toThrow(/Query parameter "filter"/);
    expect(buildQueryString(undefined)).toBe('');
  });
});

describe('createApiClient', () => {
  it('sends GET requests with the session cookie and without a CSRF header, and parses the answer', async () => {
    const stub = stubFetch(session('t1', USER));
    const client = createApiClient({ fetch: stub.fetch });

    const result = await client.callApi(authContracts.session);

    expect(result).toEqual({ user: USER, csrfToken: 't1' });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({ url: '/api/auth/session', method: 'GET', credentials: 'same-origin' });
    expect(stub.requests[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(client.getCsrfToken()).toBe('t1');
  });

  it('reads the session first when a state-changing request has no token yet, then sends JSON with the token', async () => {
    const stub = stubFetch(session('t1'), { status: 200, body: { user: USER, csrfToken: 't2' } });
    const client = createApiClient({ fetch: stub.fetch, baseUrl: 'http://app.test' });

    const result = await client.callApi(authContracts.login, { body: { email: USER.email, password: 'secret' } });

    expect(result.user.displayName).toBe('Sara');
    expect(stub.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://app.test/api/auth/session',
      'POST http://app.test/api/auth/login',
    ]);
    expect(stub.requests[1]?.headers).toMatchObject({ 'x-csrf-token': 't1', 'content-type': 'application/json' });
    expect(stub.requests[1]?.body).toEqual({ email: USER.email, password: 'secret' });
    // Login hands out a fresh token: it is the one used from now on.
    expect(client.getCsrfToken()).toBe('t2');
  });

  it('substitutes params and answers undefined for 204', async () => {
    const stub = stubFetch(session('t1'), { status: 204 });
    const client = createApiClient({ fetch: stub.fetch });
    await client.callApi(authContracts.session);

    const result = await client.callApi(authContracts.revokeToken, { params: { id: TOKEN_ID } });

    expect(result).toBeUndefined();
    expect(stub.requests[1]).toMatchObject({ method: 'DELETE', url: `/api/auth/tokens/${TOKEN_ID}` });
    expect(stub.requests[1]?.headers['x-csrf-token']).toBe('t1');
    expect(stub.requests[1]?.headers['content-type']).toBeUndefined();
  });

  it('re-reads the session and retries once when the CSRF token was refused', async () => {
    const stub = stubFetch(session('stale'), csrfInvalid, session('fresh'), { status: 204 });
    const client = createApiClient({ fetch: stub.fetch });
    await client.callApi(authContracts.session);

    await client.callApi(authContracts.logout);

    expect(stub.requests.map((r) => `${r.method} ${r.url} ${r.headers['x-csrf-token'] ?? '-'}`)).toEqual([
      'GET /api/auth/session -',
      'POST /api/auth/logout stale',
      'GET /api/auth/session -',
      'POST /api/auth/logout fresh',
    ]);
  });

  it('gives up after one retry', async () => {
    const stub = stubFetch(session('a'), csrfInvalid, session('b'), csrfInvalid);
    const client = createApiClient({ fetch: stub.fetch });
    await client.callApi(authContracts.session);

    await expect(client.callApi(authContracts.logout)).rejects.toMatchObject({ status: 403, code: 'CSRF_TOKEN_INVALID' });
    expect(stub.requests).toHaveLength(4);
  });

  it('does not retry other errors and exposes the envelope as a typed ApiError', async () => {
    const stub = stubFetch(session('t1'), {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid request',
          details: [{ path: 'password', message: 'Too small' }],
          requestId: 'req-400',
        },
      },
    });
    const client = createApiClient({ fetch: stub.fetch });
    await client.callApi(authContracts.session);

    const error = await client
      .callApi(authContracts.register, { body: { email: 'a@b.co', password: 'short', role: 'brand', displayName: 'A' } })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid request',
      details: [{ path: 'password', message: 'Too small' }],
      requestId: 'req-400',
    });
    expect(stub.requests).toHaveLength(2);
  });

  it('keeps an unknown error code and its message (a newer server)', async () => {
    const stub = stubFetch({ status: 409, body: { error: { code: 'OFFER_GONE', message: 'That offer is gone', requestId: 'r' } } });
    const client = createApiClient({ fetch: stub.fetch });

    await expect(client.callApi(authContracts.listTokens)).rejects.toMatchObject({
      status: 409,
      code: 'OFFER_GONE',
      message: 'That offer is gone',
      requestId: 'r',
    });
  });

  it('reports an answer without an envelope, or in the wrong shape, as UNEXPECTED_RESPONSE', async () => {
    const stub = stubFetch({ status: 502, body: 'Bad gateway' }, { status: 200, body: { items: 'nope' } });
    const client = createApiClient({ fetch: stub.fetch });

    await expect(client.callApi(authContracts.listTokens)).rejects.toMatchObject({ status: 502, code: 'UNEXPECTED_RESPONSE' });
    await expect(client.callApi(authContracts.listTokens)).rejects.toMatchObject({
      status: 200,
      code: 'UNEXPECTED_RESPONSE',
      requestId: 'req-1',
    });
  });

  it('reports a failed connection as NETWORK_ERROR', async () => {
    const client = createApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });

    await expect(client.callApi(authContracts.session)).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('forgets the token on request', async () => {
    const stub = stubFetch(session('t1'));
    const client = createApiClient({ fetch: stub.fetch });
    await client.callApi(authContracts.session);

    client.clearCsrfToken();

    expect(client.getCsrfToken()).toBeNull();
  });
});

describe('types', () => {
  it('derives required options and the response type from the contract', () => {
    const client = createApiClient({ fetch: () => Promise.reject(new Error('not called')) });
    // Compile-time checks only: the calls are never awaited.
    const typeChecks = () => [
      // @ts-expect-error params are required for a path with :id
      client.callApi(authContracts.revokeToken),
      // @ts-expect-error a body is required for login
      client.callApi(authContracts.login),
      // @ts-expect-error the body must match ZLoginRequest
      client.callApi(authContracts.login, { body: { email: 'a@b.co' } }),
      // @ts-expect-error no body on a GET contract
      client.callApi(authContracts.session, { body: { x: 1 } }),
      client.callApi(authContracts.session).then((s) => s.user?.role satisfies 'brand' | 'influencer' | 'admin' | undefined),
      client.callApi(authContracts.createToken, { body: { name: 'ci' } }).then((t) => t.token satisfies string),
    ];
    expect(typeof typeChecks).toBe('function');
  });
});

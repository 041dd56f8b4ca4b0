import type { Express } from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { ROUTE_META, type MarkedHandler } from './define-route.js';
import { buildUser, DEFAULT_PASSWORD } from '../../test/factories.js';
import { TestClient, useTestApp } from '../../test/test-app.js';
import { countRows } from '../../test/test-database.js';

const ctx = useTestApp();

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: MarkedHandler }[] };
}

/** Every route Express will dispatch to, read from the live router — not from our own table. */
function walkRoutes(app: Express) {
  const stack = (app as unknown as { router: { stack: (Layer & { handle: { stack?: Layer[] } })[] } }).router.stack;
  const layers = stack.flatMap((layer) => (layer.route ? [layer] : (layer.handle.stack ?? [])));
  return layers
    .filter((layer): layer is Required<Layer> => Boolean(layer.route))
    .map(({ route }) => ({
      path: route.path,
      methods: Object.keys(route.methods),
      declarations: route.stack.map((entry) => entry.handle[ROUTE_META]),
    }));
}

describe('route table', () => {
  it('has an auth declaration on every route Express serves', () => {
    const routes = walkRoutes(ctx.app);
    expect(routes.length).toBeGreaterThanOrEqual(ctx.routes.length);
    for (const route of routes) {
      for (const declaration of route.declarations) {
        expect(declaration, `${route.methods.join(',')} ${route.path} has no auth declaration`).toBeDefined();
        expect(['public', 'user'].includes(declaration!.auth as string) || Array.isArray(declaration!.auth)).toBe(true);
      }
    }
  });

  it('refuses anonymous callers on every non-public route', async () => {
    const protectedRoutes = ctx.routes.filter((route) => route.auth !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(0);
    for (const { contract } of protectedRoutes) {
      const path = contract.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await supertest(ctx.app)[contract.method](path).set('content-type', 'application/json').send('{}');
      expect(response.status, `${contract.method} ${contract.path}`).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('bad input gets a clear 4xx and writes nothing', () => {
  const valid = { email: 'new@example.test', password: 'long enough password', role: 'brand', displayName: 'New Brand' };

  it.each([
    ['malformed JSON', '{"email": "x@example.test", ', 400, 'MALFORMED_JSON', undefined],
    ['an unknown field', { ...valid, isAdmin: true }, 400, 'VALIDATION_FAILED', 'isAdmin'],
    ['a wrong type', { ...valid, displayName: 42 }, 400, 'VALIDATION_FAILED', 'displayName'],
    ['an over-long string', { ...valid, displayName: 'x'.repeat(81) }, 400, 'VALIDATION_FAILED', 'displayName'],
    ['a missing field', { email: valid.email, password: valid.password, role: 'brand' }, 400, 'VALIDATION_FAILED', 'displayName'],
    ['a bad email', { ...valid, email: 'not-an-email' }, 400, 'VALIDATION_FAILED', 'email'],
    ['a short password', { ...valid, password: 'short' }, 400, 'VALIDATION_FAILED', 'password'],
    ['an array body', [valid], 400, 'VALIDATION_FAILED', ''],
  ])('%s', async (_name, body, status, code, path) => {
    const client = new TestClient(ctx.app);
    await client.refreshSession();
    const before = await countRows(ctx.dataSource);
    const request = client.agent.post('/api/auth/register').set('x-csrf-token', client.csrfToken).set('content-type', 'application/json');
    const response = await request.send(typeof body === 'string' ? body : JSON.stringify(body));
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ code, requestId: expect.any(String), message: expect.any(String) });
    if (path !== undefined) expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await countRows(ctx.dataSource)).toEqual(before);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const client = new TestClient(ctx.app);
    await client.refreshSession();
    const response = await client.agent.post('/api/auth/register').set('x-csrf-token', client.csrfToken).type('form').send(valid);
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await countRows(ctx.dataSource)).users).toBe(0);
  });

  it('refuses a body over 100 kB with 413', async () => {
    const response = await supertest(ctx.app).post('/api/auth/register').send({ ...valid, displayName: 'x'.repeat(200_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects a malformed id in the path', async () => {
    const { email } = await buildUser(ctx.dataSource);
    const client = new TestClient(ctx.app);
    await client.login(email, DEFAULT_PASSWORD);
    const response = await client.delete('/api/auth/tokens/not-a-uuid');
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].path).toBe('params.id');
  });

  it('rejects query parameters a route does not take', async () => {
    const response = await supertest(ctx.app).get('/api/auth/session?debug=1');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers unknown API paths with the error envelope', async () => {
    const response = await supertest(ctx.app).get('/api/nope');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('operations endpoints', () => {
  it('reports liveness and readiness', async () => {
    expect((await supertest(ctx.app).get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await supertest(ctx.app).get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'up', migrations: 'applied', search: 'postgres:up' } });
  });

  it('exposes Prometheus metrics including request durations by route', async () => {
    await supertest(ctx.app).get('/healthz');
    const metrics = await supertest(ctx.app).get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    expect(metrics.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
  });

  it('echoes a safe incoming request id and makes one up otherwise', async () => {
    const echoed = await supertest(ctx.app).get('/api/nope').set('x-request-id', 'trace-123');
    expect(echoed.headers['x-request-id']).toBe('trace-123');
    expect(echoed.body.error.requestId).toBe('trace-123');
    const generated = await supertest(ctx.app).get('/api/nope').set('x-request-id', '<script>');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a strict Content-Security-Policy and the usual hardening headers', async () => {
    const response = await supertest(ctx.app).get('/healthz');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // Simulated payments: no third-party origin at all.
    expect(csp).not.toContain('stripe.com');
    expect(csp).toContain("frame-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('tells browsers and proxies to keep no copy of an API answer', async () => {
    for (const path of ['/api/openapi.json', '/api/nope', '/api/me']) {
      const response = await supertest(ctx.app).get(path);
      expect(response.headers['cache-control'], path).toBe('no-store');
      expect(response.headers.etag, path).toBeUndefined();
    }
    // The reference page's static assets may be cached.
    const docs = await supertest(ctx.app).get('/api/docs/').expect(200);
    expect(docs.headers['cache-control']).not.toBe('no-store');
  });

  it('serves the OpenAPI 3.1 document generated from the contracts, with every route', async () => {
    const { body } = await supertest(ctx.app).get('/api/openapi.json').expect(200);
    expect(body.openapi).toBe('3.1.0');
    for (const { contract } of ctx.routes) {
      const path = contract.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(body.paths[path]?.[contract.method], `${contract.method} ${path}`).toBeDefined();
    }
    const register = body.paths['/api/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/RegisterRequest');
    expect(body.components.schemas.RegisterRequest.additionalProperties).toBe(false);
  });

  it('serves a readable API reference page', async () => {
    const page = await supertest(ctx.app).get('/api/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
  });
});

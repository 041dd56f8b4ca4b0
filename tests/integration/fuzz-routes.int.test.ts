/**
 * SPEC §9 bad input, for every route in the live table: random and malformed path parameters,
 * query strings and bodies (wrong types, huge strings, unknown fields, negative and fractional
 * numbers, odd unicode, prototype-pollution keys, broken JSON, wrong content types), sent by an
 * authorised caller of the right role. Each case malforms at least one part, so the only right
 * answer is a 4xx — never a 5xx, never a 2xx — and no table gains or loses a row.
 * Deterministic: a fixed seed per route; a failure prints the seed and path to replay it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../apps/api/src/http/define-route.js';
import { TestClient, useTestApp } from '../../apps/api/test/test-app.js';
import { countRows } from '../../apps/api/test/test-database.js';
import { account, allowedRoles, routeKey, walkRoutes, type Account, type Role } from './authorization-support.js';

const ctx = useTestApp();

const NUM_RUNS = 30;
const SEED = 20261127;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];
const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u202eevil',
  '\uFEFF',
  '💥🔥',
  'ی\u200cک',
  'ي ك',
  'e\u0301',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%00',
  '%E0%A4%A',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  'null',
  'true',
  '__proto__',
  '2026-02-30T25:61:00Z',
);
const hugeString = fc.integer({ min: 2_000, max: 60_000 }).map((length) => 'x'.repeat(length));
const weirdString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 }), oddStrings, hugeString);
const weirdNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, -0.5, 0.5, 1.5, -100, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
);
/** JSON text (not objects): `__proto__` survives as an own key only through JSON.parse. */
const weirdJson: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    weirdString.map((value) => JSON.stringify(value)),
    weirdNumber.map((value) => JSON.stringify(value)),
    fc.constantFrom('null', 'true', 'false'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...POLLUTION_KEYS)), tie('value')), { maxLength: 4 })
      .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`),
  ),
})).value;

/** The keys of a request schema, when it is an object schema (bodies and queries are). */
function schemaKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

const objectText = (entries: [string, string][]) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

/** A body that no route may accept. */
function malformedBody(route: RegisteredRoute): fc.Arbitrary<{ text: string; contentType: string }> {
  const keys = schemaKeys(route.contract.body);
  const json = (text: fc.Arbitrary<string>) => text.map((value) => ({ text: value, contentType: 'application/json' }));
  const knownWithWeirdValues = fc.subarray(keys).chain((chosen) => fc.tuple(...chosen.map((key) => weirdJson.map((value): [string, string] => [key, value]))));
  // An unknown field (or a prototype-pollution key) is always there: strict schemas must refuse it.
  const intruder = fc.tuple(fc.oneof(fc.constantFrom(...POLLUTION_KEYS, 'isAdmin', 'role', 'status', 'id'), fc.string({ minLength: 1, maxLength: 10 }).map((key) => `x_${key}`)), weirdJson);
  return fc.oneof(
    json(fc.tuple(knownWithWeirdValues, intruder).map(([known, extra]) => objectText([...known, extra]))),
    json(fc.oneof(weirdString.map((value) => JSON.stringify(value)), weirdNumber.map((value) => JSON.stringify(value)), fc.constantFrom('null', 'true', '[]', '[{}]', '"{}"'))),
    json(fc.constantFrom('{', '{"a":', "{'a':1}", '{"a":1,}', 'nul', '{"a":1}}', '\u0000', '{"a":"\\u12"}')),
    json(fc.integer({ min: 101_000, max: 140_000 }).map((length) => JSON.stringify({ big: 'x'.repeat(length) }))),
    fc.constantFrom({ text: '{"name":"x"}', contentType: 'text/plain' }, { text: 'a=1', contentType: 'application/x-www-form-urlencoded' }),
  );
}

/** A body for a route that takes none: anything non-empty. */
const unexpectedBody = fc
  .tuple(fc.string({ minLength: 1, maxLength: 10 }), weirdJson)
  .map(([key, value]) => ({ text: objectText([[key, value]]), contentType: 'application/json' }));

/** A query string with an unknown key (and maybe known keys with odd values). */
function malformedQuery(route: RegisteredRoute): fc.Arbitrary<string> {
  const keys = schemaKeys(route.contract.query);
  const pair = (key: fc.Arbitrary<string>) =>
    fc.tuple(key, fc.oneof(weirdString, weirdNumber.map(String))).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const known = keys.length ? fc.array(pair(fc.constantFrom(...keys)), { maxLength: 3 }) : fc.constant([]);
  const unknown = pair(fc.oneof(fc.constantFrom('__proto__', 'constructor[prototype]', 'a[b]'), fc.string({ minLength: 1, maxLength: 8 }).map((k) => `zz_${k}`)));
  return fc.tuple(known, unknown, fc.constantFrom('', '&%E0%A4%A=1', '&=', '&&')).map(([k, u, raw]) => [...k, u].join('&') + raw);
}

// Not empty, `.` or `..`: those change which route the path is (`/api/lists/` is the list of lists), not the parameter.
const notUuid = weirdString.filter((value) => !UUID.test(value) && value.length < 4000 && !['', '.', '..'].includes(value));

interface Case {
  params: Record<string, string>;
  query: string;
  body: { text: string; contentType: string } | null;
}

function cases(route: RegisteredRoute): fc.Arbitrary<Case> {
  const names = [...route.contract.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
  const takesBody = route.contract.method !== 'get' && route.contract.method !== 'delete';
  const parts = [...(names.length ? ['params'] : []), 'query', ...(takesBody ? ['body'] : [])];
  return fc.subarray(parts, { minLength: 1 }).chain((bad) =>
    fc.record({
      params: fc.tuple(...names.map((name) => (bad.includes('params') ? notUuid : fc.uuid()).map((value): [string, string] => [name, value]))).map((pairs) => Object.fromEntries(pairs)),
      query: bad.includes('query') ? malformedQuery(route) : fc.constant(''),
      body: bad.includes('body')
        ? route.contract.body
          ? malformedBody(route)
          : unexpectedBody
        : fc.constant(takesBody && route.contract.body ? { text: '{}', contentType: 'application/json' } : null),
    }),
  );
}

describe('fuzzing every route', () => {
  it('answers malformed input with a 4xx and writes nothing', { timeout: 600_000 }, async () => {
    const callers = new Map<Role, Account>();
    for (const role of ['brand', 'influencer', 'admin'] as const) callers.set(role, await account(ctx, role));
    const failures: string[] = [];
    for (const [index, route] of ctx.routes.entries()) {
      const key = routeKey(route.contract.method, route.contract.path);
      const caller = callers.get(allowedRoles(route)[0]!)!;
      const before = await countRows(ctx.dataSource);
      const seed = SEED + index;
      const result = await fc.check(
        fc.asyncProperty(cases(route), async ({ params, query, body }) => {
          const path = route.contract.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
          const url = query ? `${path}?${query}` : path;
          let request = caller.client.agent[route.contract.method](url).set('x-csrf-token', caller.client.csrfToken);
          if (body) request = request.set('content-type', body.contentType).send(body.text);
          const response = await request;
          if (response.status < 400 || response.status >= 500) throw new Error(`${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
        }),
        { seed, numRuns: NUM_RUNS, endOnFailure: true },
      );
      if (result.failed) failures.push(`${key} (seed ${seed}, path ${result.counterexamplePath}): ${String(result.errorInstance).slice(0, 400)} for ${JSON.stringify(result.counterexample).slice(0, 400)}`);
      const after = await countRows(ctx.dataSource);
      if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${key} changed row counts: ${JSON.stringify(Object.entries(after).filter(([table, count]) => before[table] !== count))}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers random input to the raw endpoints (webhooks, tracked links) with a 4xx and writes nothing', { timeout: 300_000 }, async () => {
    const contractKeys = new Set(ctx.routes.map((route) => routeKey(route.contract.method, route.contract.path)));
    // Raw endpoints that take input: POST bodies or path parameters (not the docs, metrics or the web client's files).
    const raw = walkRoutes(ctx.app)
      .map((route) => route.key)
      .filter((key) => !contractKeys.has(key) && (key.startsWith('POST ') || /\/:[A-Za-z]+/.test(key)));
    expect(raw.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const [index, key] of raw.entries()) {
      const [method, path] = key.split(' ') as [string, string];
      const before = await countRows(ctx.dataSource);
      const seed = SEED + 1000 + index;
      const result = await fc.check(
        fc.asyncProperty(notUuid, weirdJson, async (param, body) => {
          const url = path.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(param));
          const agent = new TestClient(ctx.app).agent;
          const response = method === 'POST' ? await agent.post(url).set('content-type', 'application/json').set('stripe-signature', `t=1,v1=${encodeURIComponent(param).slice(0, 64)}`).send(body) : await agent.get(url);
          if (response.status < 400 || response.status >= 500) throw new Error(`${response.status} ${response.text.slice(0, 200)}`);
        }),
        { seed, numRuns: NUM_RUNS, endOnFailure: true },
      );
      if (result.failed) failures.push(`${key} (seed ${seed}): ${String(result.errorInstance).slice(0, 300)} for ${JSON.stringify(result.counterexample).slice(0, 300)}`);
      const after = await countRows(ctx.dataSource);
      if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${key} changed row counts`);
    }
    expect(failures).toEqual([]);
  });
});

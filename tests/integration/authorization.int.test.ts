/**
 * SPEC §9 authorization proof, generated from the live route table: every route refuses an
 * anonymous caller (401), every role it does not declare (403), an account that is not active yet
 * where the route needs one (403), and — on routes that act on an owned object — a caller of the
 * right role on someone else's object (404 or 403), while the owner gets through.
 *
 * Every route needs an entry in SCENARIOS (keyed `METHOD /path`); a new route without one fails
 * the first test, so nothing escapes the proof silently.
 */
import { describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../apps/api/src/http/define-route.js';
import { useTestApp, type TestContext } from '../../apps/api/test/test-app.js';
import { account, allowedRoles, fillPath, ROLES, routeKey, send, walkRoutes, type Account, type Role } from './authorization-support.js';

const ctx = useTestApp();

interface Call {
  path: string;
  body?: unknown;
  /** Who owns the object: the control call, made as them, must get past authorization. */
  owner: Account;
}

type Scenario =
  | { kind: 'public'; why: string }
  | { kind: 'unowned'; why: string }
  | { kind: 'owned'; foreign: Partial<Record<Role, (world: World) => Promise<Call>>> }
  /** A collection scoped to the caller: someone else's object (`id`) is never in it, the owner's own is. */
  | { kind: 'collection'; why: string; foreign: Partial<Record<Role, (world: World) => Promise<{ id: string; owner: Account }>>> };

/** Objects owned by a fixed set of owners; strangers of each role try to reach them. Built lazily, per test. */
class World {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(private readonly ctx: TestContext) {}

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as Promise<T>;
  }

  owner(role: Role): Promise<Account> {
    return this.once(`owner:${role}`, () => account(this.ctx, role));
  }

  stranger(role: Role): Promise<Account> {
    return this.once(`stranger:${role}`, () => account(this.ctx, role));
  }

  /** An influencer whose profile is not approved: only they (and admins) may see it. */
  draftInfluencer(): Promise<Account> {
    return this.once('draft', () => account(this.ctx, 'influencer', { approved: false, status: 'pending_review' }));
  }

  async list(): Promise<{ id: string; owner: Account }> {
    const owner = await this.owner('brand');
    const { influencer } = await this.parties();
    const created = await owner.client.post('/api/lists', { name: `List ${Math.random().toString(36).slice(2)}` });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await owner.client.post(`/api/lists/${created.body.id}/items`, { influencerId: influencer.profileId });
    return { id: created.body.id as string, owner };
  }

  async savedSearch(): Promise<{ id: string; owner: Account }> {
    const owner = await this.owner('brand');
    const created = await owner.client.post('/api/saved-searches', { name: `S ${Math.random()}`, query: 'q=food' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: created.body.id as string, owner };
  }

  async campaign(): Promise<{ id: string; owner: Account }> {
    const owner = await this.owner('brand');
    const created = await owner.client.post('/api/campaigns', { name: 'Spring launch', goal: 'awareness' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: created.body.id as string, owner };
  }

  async token(): Promise<{ id: string; owner: Account }> {
    const owner = await this.owner('brand');
    const created = await owner.client.post('/api/auth/tokens', { name: `t-${Math.random()}` });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: created.body.id as string, owner };
  }

  parties(): Promise<{ brand: Account; influencer: Account }> {
    return this.once('parties', async () => ({ brand: await this.owner('brand'), influencer: await this.owner('influencer') }));
  }

  /** A fresh offer from the owner brand to the owner influencer. */
  async offer(): Promise<{ id: string; brand: Account; influencer: Account }> {
    const { brand, influencer } = await this.parties();
    const created = await brand.client.post('/api/offers', {
      influencerId: influencer.profileId,
      deliverables: [{ platform: 'instagram', type: 'post' }],
      price: { amount: 50000, currency: 'USD' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: created.body.id as string, brand, influencer };
  }
}

const pub = (why: string): Scenario => ({ kind: 'public', why });
const unowned = (why: string): Scenario => ({ kind: 'unowned', why });
const owned = (foreign: Partial<Record<Role, (world: World) => Promise<Call>>>): Scenario => ({ kind: 'owned', foreign });

const collection = (why: string, foreign: Partial<Record<Role, (world: World) => Promise<{ id: string; owner: Account }>>>): Scenario => ({
  kind: 'collection',
  why,
  foreign,
});

const ownList = (suffix = '', body?: unknown) => async (world: World) => {
  const { id, owner } = await world.list();
  const { influencer } = await world.parties();
  return { path: `/api/lists/${id}${suffix.replace(':influencerId', influencer.profileId ?? '')}`, body, owner };
};
/** An offer action tried by a brand and/or an influencer who are not its parties. */
const offerCall = (suffix: string, roles: readonly ('brand' | 'influencer')[], body?: unknown): Scenario =>
  owned(
    Object.fromEntries(
      roles.map((role) => [
        role,
        async (world: World): Promise<Call> => {
          const offer = await world.offer();
          return { path: `/api/offers/${offer.id}${suffix}`, body, owner: offer[role] };
        },
      ]),
    ),
  );

const ADMIN_ANY = 'admins act on any account or object; there is no owner to be';
const OWN = "acts on the caller's own account only (no id in the path)";

/** Every route and how its authorization is proven. A new route needs a line here. */
const SCENARIOS: Record<string, Scenario> = {
  // operations and the web
  'GET /healthz': pub('liveness probe'),
  'GET /readyz': pub('readiness probe'),
  'GET /metrics': pub('Prometheus scrape'),
  'GET /api/openapi.json': pub('API description'),
  'GET /api/docs': pub('API reference page'),
  'GET /{*path}': pub('the web client (index.html)'),
  'GET /r/:code': pub('tracked link redirect, clicked by anyone'),
  'POST /api/webhooks/stripe': pub('called by Stripe; authenticated by its signature'),
  'POST /api/webhooks/stripe-connect': pub('called by Stripe; authenticated by its signature'),
  // auth
  'POST /api/auth/register': pub('sign-up'),
  'POST /api/auth/login': pub('log-in'),
  'GET /api/auth/session': pub('answers { user: null } to anonymous callers'),
  'POST /api/auth/logout': unowned(OWN),
  'GET /api/auth/tokens': collection("the caller's own tokens", { brand: (world) => world.token() }),
  'POST /api/auth/tokens': unowned(OWN),
  'DELETE /api/auth/tokens/:id': owned({
    brand: async (world) => {
      const { id, owner } = await world.token();
      return { path: `/api/auth/tokens/${id}`, owner };
    },
  }),
  // profiles
  'GET /api/me/influencer-profile': unowned(OWN),
  'PUT /api/me/influencer-profile': unowned(OWN),
  'POST /api/me/influencer-profile/submit': unowned(OWN),
  'POST /api/me/influencer-profile/score-review': unowned(OWN),
  'GET /api/me/brand-profile': unowned(OWN),
  'PUT /api/me/brand-profile': unowned(OWN),
  'GET /api/me/account-review': unowned(OWN),
  // discovery: a profile that is not approved is hidden from brands and from other influencers
  'GET /api/influencers/search': unowned('searches approved profiles only'),
  'GET /api/influencers/suggest': unowned('suggests approved profiles only'),
  'GET /api/influencers/:id': owned({
    brand: async (world) => {
      const draft = await world.draftInfluencer();
      return { path: `/api/influencers/${draft.profileId}`, owner: draft };
    },
    influencer: async (world) => {
      const draft = await world.draftInfluencer();
      return { path: `/api/influencers/${draft.profileId}`, owner: draft };
    },
  }),
  // Answers from the search index (approved profiles only): a hidden or unknown id gets the same empty list, so nothing leaks.
  'GET /api/influencers/:id/similar': unowned('reads the search index of approved profiles only; a hidden id answers like an unknown one'),
  // Brands and admins read any profile's record (the route's own rule, even for a profile not approved yet); an influencer only their own.
  'GET /api/influencers/:id/reputation': owned({
    influencer: async (world) => {
      const draft = await world.draftInfluencer();
      return { path: `/api/influencers/${draft.profileId}/reputation`, owner: draft };
    },
  }),
  // lists and saved searches
  'GET /api/lists': collection("the caller's own lists", { brand: (world) => world.list() }),
  'POST /api/lists': unowned('creates a list owned by the caller'),
  'GET /api/lists/:id': owned({ brand: ownList() }),
  'PATCH /api/lists/:id': owned({ brand: ownList('', { name: 'Renamed' }) }),
  'DELETE /api/lists/:id': owned({ brand: ownList() }),
  'GET /api/lists/:id/export.csv': owned({ brand: ownList('/export.csv') }),
  'POST /api/lists/:id/import': owned({
    brand: async (world) => {
      const call = await ownList('/import')(world);
      const { influencer } = await world.parties();
      return { ...call, body: { csv: `influencer\n${influencer.profileId}` } };
    },
  }),
  'POST /api/lists/:id/items': owned({
    brand: async (world) => {
      const call = await ownList('/items')(world);
      const { influencer } = await world.parties();
      return { ...call, body: { influencerId: influencer.profileId } };
    },
  }),
  'PATCH /api/lists/:id/items/:influencerId': owned({ brand: ownList('/items/:influencerId', { status: 'contacted' }) }),
  'DELETE /api/lists/:id/items/:influencerId': owned({ brand: ownList('/items/:influencerId') }),
  'GET /api/saved-searches': collection("the caller's own saved searches", { brand: (world) => world.savedSearch() }),
  'POST /api/saved-searches': unowned('creates one owned by the caller'),
  'DELETE /api/saved-searches/:id': owned({
    brand: async (world) => {
      const { id, owner } = await world.savedSearch();
      return { path: `/api/saved-searches/${id}`, owner };
    },
  }),
  // campaigns
  'GET /api/campaigns': collection("the caller's own campaigns", { brand: (world) => world.campaign() }),
  'POST /api/campaigns': unowned('creates one owned by the caller'),
  'GET /api/campaigns/:id': owned({
    brand: async (world) => {
      const { id, owner } = await world.campaign();
      return { path: `/api/campaigns/${id}`, owner };
    },
  }),
  'PATCH /api/campaigns/:id': owned({
    brand: async (world) => {
      const { id, owner } = await world.campaign();
      return { path: `/api/campaigns/${id}`, body: { name: 'Renamed' }, owner };
    },
  }),
  // offers: only the offer's brand and influencer (and admins) reach it
  'GET /api/offers': collection("the caller's own offers", {
    brand: async (world) => {
      const offer = await world.offer();
      return { id: offer.id, owner: offer.brand };
    },
    influencer: async (world) => {
      const offer = await world.offer();
      return { id: offer.id, owner: offer.influencer };
    },
  }),
  'POST /api/offers': unowned('creates an offer sent by the caller'),
  'GET /api/offers/:id': offerCall('', ['brand', 'influencer']),
  'POST /api/offers/:id/accept': offerCall('/accept', ['influencer']),
  'POST /api/offers/:id/decline': offerCall('/decline', ['influencer'], {}),
  'POST /api/offers/:id/withdraw': offerCall('/withdraw', ['brand'], {}),
  'POST /api/offers/:id/counter': offerCall('/counter', ['influencer'], { price: { amount: 60000, currency: 'USD' } }),
  'POST /api/offers/:id/counter/accept': offerCall('/counter/accept', ['brand']),
  'POST /api/offers/:id/counter/reject': offerCall('/counter/reject', ['brand'], {}),
  'POST /api/offers/:id/submissions': offerCall('/submissions', ['influencer'], { url: 'https://instagram.com/p/abc' }),
  'POST /api/offers/:id/approve': offerCall('/approve', ['brand']),
  'POST /api/offers/:id/request-revision': offerCall('/request-revision', ['brand'], { feedback: 'More light, please' }),
  'POST /api/offers/:id/cancel': offerCall('/cancel', ['brand', 'influencer'], { reason: 'Plans changed' }),
  'POST /api/offers/:id/cancel/accept': offerCall('/cancel/accept', ['brand', 'influencer']),
  'POST /api/offers/:id/cancel/reject': offerCall('/cancel/reject', ['brand', 'influencer'], {}),
  'POST /api/offers/:id/disputes': offerCall('/disputes', ['brand', 'influencer'], { reason: 'Not delivered' }),
  'POST /api/offers/:id/disputes/statement': offerCall('/disputes/statement', ['brand', 'influencer'], { statement: 'We delivered on time' }),
  'POST /api/offers/:id/messages': offerCall('/messages', ['brand', 'influencer'], { body: 'Hello' }),
  // payments
  'GET /api/payments/config': unowned('the payment provider settings the browser needs (a publishable key), the same for everyone'),
  'GET /api/payments/balance': unowned(OWN),
  'GET /api/payments/history': unowned(OWN),
  'GET /api/payments/connect': unowned(OWN),
  'POST /api/payments/connect/onboarding': unowned(OWN),
  // admin
  'GET /api/admin/review-queue': unowned(ADMIN_ANY),
  'POST /api/admin/accounts/:userId/approve': unowned(ADMIN_ANY),
  'POST /api/admin/accounts/:userId/reject': unowned(ADMIN_ANY),
  'POST /api/admin/accounts/:userId/request-changes': unowned(ADMIN_ANY),
  'POST /api/admin/accounts/:userId/suspend': unowned(ADMIN_ANY),
  'POST /api/admin/accounts/:userId/reinstate': unowned(ADMIN_ANY),
  'POST /api/admin/social-accounts/:id/verify': unowned(ADMIN_ANY),
  'GET /api/admin/audit-log': unowned(ADMIN_ANY),
  'GET /api/admin/disputes': unowned(ADMIN_ANY),
  'POST /api/admin/disputes/:id/resolve': unowned(ADMIN_ANY),
  'GET /api/admin/ledger/offers/:id': unowned(ADMIN_ANY),
  'GET /api/admin/dashboard': unowned(ADMIN_ANY),
};

const contractRoutes = (): RegisteredRoute[] => ctx.routes;
const keyOf = (route: RegisteredRoute) => routeKey(route.contract.method, route.contract.path);

describe('authorization, from the route table', () => {
  it('has a scenario for every route Express serves, and public ones are declared public', () => {
    const served = walkRoutes(ctx.app);
    expect(served.length).toBeGreaterThanOrEqual(contractRoutes().length);
    const missing = served.filter((route) => !SCENARIOS[route.key]).map((route) => route.key);
    expect(missing, 'routes without an authorization scenario: add them to SCENARIOS').toEqual([]);
    for (const route of served) {
      const scenario = SCENARIOS[route.key]!;
      const declared = route.declarations.map((declaration) => declaration?.auth);
      if (scenario.kind === 'public') expect(declared, route.key).toEqual(declared.map(() => 'public'));
      else expect(declared, `${route.key} is public but its scenario says it is not`).not.toContain('public');
    }
  });

  it('refuses anonymous callers (401), wrong roles (403) and accounts not yet active where it matters (403)', async () => {
    const callers = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await account(ctx, role)] as const))) as Record<Role, Account>;
    const pending = Object.fromEntries(
      await Promise.all((['brand', 'influencer'] as const).map(async (role) => [role, await account(ctx, role, { status: 'pending_review' })] as const)),
    ) as Record<'brand' | 'influencer', Account>;
    const failures: string[] = [];
    for (const route of contractRoutes()) {
      if (route.auth === 'public') continue;
      const key = keyOf(route);
      const method = route.contract.method;
      const url = fillPath(route.contract.path);
      const anonymous = await send(ctx, null, method, url, undefined, Boolean(route.contract.body));
      if (anonymous.status !== 401 || anonymous.body.error?.code !== 'UNAUTHENTICATED') failures.push(`${key} anonymous → ${anonymous.status}`);
      for (const role of ROLES.filter((candidate) => !allowedRoles(route).includes(candidate))) {
        const response = await send(ctx, callers[role].client, method, url, undefined, Boolean(route.contract.body));
        if (response.status !== 403 || response.body.error?.code !== 'FORBIDDEN') failures.push(`${key} as ${role} → ${response.status}`);
      }
      if (route.activeOnly) {
        for (const role of (['brand', 'influencer'] as const).filter((candidate) => allowedRoles(route).includes(candidate))) {
          const response = await send(ctx, pending[role].client, method, url, undefined, Boolean(route.contract.body));
          if (response.status !== 403 || response.body.error?.code !== 'ACCOUNT_NOT_ACTIVE') failures.push(`${key} as pending ${role} → ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses the right role on someone else's object (404/403), and lets the owner through", async () => {
    const world = new World(ctx);
    const failures: string[] = [];
    let checked = 0;
    for (const route of contractRoutes()) {
      const scenario = SCENARIOS[keyOf(route)];
      if (scenario?.kind !== 'owned') continue;
      const method = route.contract.method;
      const hasBody = Boolean(route.contract.body);
      for (const [role, make] of Object.entries(scenario.foreign) as [Role, (world: World) => Promise<Call>][]) {
        const call = await make(world);
        const stranger = await world.stranger(role);
        const refused = await send(ctx, stranger.client, method, call.path, call.body, hasBody);
        if (![403, 404].includes(refused.status) || refused.body.error?.code === 'FORBIDDEN' && !allowedRoles(route).includes(role)) {
          failures.push(`${keyOf(route)} as another ${role} → ${refused.status} ${JSON.stringify(refused.body.error ?? {})}`);
        }
        const control = await send(ctx, call.owner.client, method, call.path, call.body, hasBody);
        if ([401, 404].includes(control.status) || control.body?.error?.code === 'VALIDATION_FAILED' || control.body?.error?.code === 'FORBIDDEN') {
          failures.push(`${keyOf(route)} control as the owner (${call.owner.role}) → ${control.status} ${JSON.stringify(control.body?.error ?? {})}`);
        }
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it("leaves other owners' objects out of every collection scoped to the caller", async () => {
    const world = new World(ctx);
    const failures: string[] = [];
    for (const route of contractRoutes()) {
      const scenario = SCENARIOS[keyOf(route)];
      if (scenario?.kind !== 'collection') continue;
      for (const [role, make] of Object.entries(scenario.foreign) as [Role, (world: World) => Promise<{ id: string; owner: Account }>][]) {
        const { id, owner } = await make(world);
        const stranger = await world.stranger(role);
        const theirs = await send(ctx, stranger.client, route.contract.method, route.contract.path, undefined, false);
        if (theirs.status !== 200 || JSON.stringify(theirs.body).includes(id)) failures.push(`${keyOf(route)} as another ${role} → ${theirs.status}, lists ${id}`);
        const own = await send(ctx, owner.client, route.contract.method, route.contract.path, undefined, false);
        if (own.status !== 200 || !JSON.stringify(own.body).includes(id)) failures.push(`${keyOf(route)} control: the owner's list lacks ${id}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

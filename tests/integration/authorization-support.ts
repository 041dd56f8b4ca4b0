import type { Express } from 'express';
import type { RegisteredRoute } from '../../apps/api/src/http/define-route.js';
import { ROUTE_META, type MarkedHandler } from '../../apps/api/src/http/define-route.js';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { TestClient, type TestContext } from '../../apps/api/test/test-app.js';

export type Role = 'brand' | 'influencer' | 'admin';
export const ROLES: readonly Role[] = ['brand', 'influencer', 'admin'];
export const NIL_ID = '00000000-0000-4000-8000-000000000000';

/** `METHOD /path`, the scenario tables' key. */
export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: MarkedHandler }[] };
  handle: { stack?: Layer[] };
}

/** Every route Express serves, from the live router (contract routes and raw ones such as webhooks and /r/:code). */
export function walkRoutes(app: Express): { key: string; declarations: (RegisteredRoute | undefined)[] }[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const layers = stack.flatMap((layer) => (layer.route ? [layer] : (layer.handle.stack ?? [])));
  return layers.flatMap(({ route }) =>
    route ? Object.keys(route.methods).map((method) => ({ key: routeKey(method, route.path), declarations: route.stack.map((entry) => entry.handle[ROUTE_META]) })) : [],
  );
}

/** Who may call a route, as declared. */
export function allowedRoles(route: RegisteredRoute): readonly Role[] {
  if (route.auth === 'public' || route.auth === 'user') return ROLES;
  return route.auth;
}

/** The route's path with every parameter filled. */
export function fillPath(path: string, value: (name: string) => string = () => NIL_ID): string {
  return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(value(name)));
}

export interface Account {
  client: TestClient;
  userId: string;
  email: string;
  role: Role;
  /** Influencers: their (approved unless asked otherwise) profile. */
  profileId?: string;
  socialAccountId?: string;
}

let handles = 0;

/** A logged-in account; influencers get a profile (approved unless `approved: false`). */
export async function account(ctx: TestContext, role: Role, options: { status?: 'active' | 'pending_review'; approved?: boolean } = {}): Promise<Account> {
  const { user, email } = await buildUser(ctx.dataSource, { role, status: options.status ?? 'active' });
  const client = new TestClient(ctx.app);
  const login = await client.login(email, DEFAULT_PASSWORD);
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  if (role !== 'influencer') return { client, userId: user.id, email, role };
  handles += 1;
  const handle = `creator.${handles}.${user.id.slice(0, 6)}`;
  const saved = await client.put('/api/me/influencer-profile', {
    displayName: `Creator ${handles}`,
    niches: ['food'],
    country: 'IR',
    languages: ['fa'],
    socialAccounts: [{ platform: 'instagram', handle, url: `https://instagram.com/${handle}`, followers: 20000, following: 300, engagementRate: 3 }],
    rates: [{ platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } }],
  });
  if (saved.status !== 200) throw new Error(`profile failed: ${JSON.stringify(saved.body)}`);
  const profile = saved.body as { id: string; socialAccounts: { id: string }[] };
  if (options.approved !== false) {
    await ctx.dataSource.query(`UPDATE influencer_profiles SET review_status = 'approved', approved_at = now() WHERE id = $1`, [profile.id]);
  }
  return { client, userId: user.id, email, role, profileId: profile.id, socialAccountId: profile.socialAccounts[0]!.id };
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Sends as `client` (cookie and CSRF token), or anonymously; a route with a body contract always gets a JSON body. */
export function send(ctx: TestContext, client: TestClient | null, method: HttpMethod, url: string, body: unknown, hasBodyContract: boolean) {
  let request = (client ?? new TestClient(ctx.app)).agent[method](url);
  if (client) request = request.set('x-csrf-token', client.csrfToken);
  if (body !== undefined) return request.set('content-type', 'application/json').send(typeof body === 'string' ? body : JSON.stringify(body));
  return hasBodyContract ? request.set('content-type', 'application/json').send('{}') : request;
}

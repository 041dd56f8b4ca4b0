import type { TInfluencerProfile, TInfluencerProfileInput } from '@reachbridge/contracts';
import { expect } from 'vitest';
import type { TestServer } from './server.js';

/**
 * Talks to the API the way the web client does (session cookie + CSRF token), from Node: enough
 * to set up data through the public routes before a browser test.
 */
export class ApiSession {
  private cookie = '';
  private csrfToken = '';

  constructor(private readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    if (!this.csrfToken && method !== 'GET') await this.request('GET', '/api/auth/session');
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrfToken }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length) this.cookie = setCookie.map((line) => line.split(';')[0]).join('; ');
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : undefined) as T;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed && typeof parsed.csrfToken === 'string') this.csrfToken = parsed.csrfToken;
    return { status: response.status, body: parsed };
  }
}

export interface SeededInfluencer {
  id: string;
  email: string;
  profile: TInfluencerProfile;
}

let counter = 0;

/**
 * An approved, searchable influencer: registers through the API, saves the profile, optionally
 * backfills follower history, then activates the account and approves the profile in SQL (the
 * admin vetting screen does not exist yet) and drains the search outbox so it is in the index.
 */
export async function seedApprovedInfluencer(
  server: TestServer,
  input: TInfluencerProfileInput,
  options: { history?: { daysAgo: number; followers: number }[] } = {},
): Promise<SeededInfluencer> {
  counter += 1;
  const email = `seed-influencer-${Date.now().toString(36)}-${counter}@example.com`;
  const api = new ApiSession(server.baseUrl);
  const registered = await api.request('POST', '/api/auth/register', { email, password: 'correct-horse-battery', role: 'influencer', displayName: input.displayName });
  expect(registered.status).toBe(201);
  const saved = await api.request<TInfluencerProfile>('PUT', '/api/me/influencer-profile', input);
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const profile = saved.body;

  for (const point of options.history ?? []) {
    for (const account of profile.socialAccounts) {
      await server.dataSource.query(
        `INSERT INTO follower_snapshots (social_account_id, taken_on, followers) VALUES ($1, current_date - $2::int, $3)
         ON CONFLICT (social_account_id, taken_on) DO UPDATE SET followers = EXCLUDED.followers`,
        [account.id, point.daysAgo, Math.round(point.followers * (account.followers / Math.max(1, profile.totalFollowers)))],
      );
    }
  }
  // What an admin's vetting does: the account becomes active and the profile approved (search shows only both).
  await server.dataSource.query(`UPDATE users SET status = 'active' WHERE id = $1`, [profile.userId]);
  await server.dataSource.query(`UPDATE influencer_profiles SET review_status = 'approved' WHERE id = $1`, [profile.id]);
  await server.indexPending();
  return { id: profile.id, email, profile };
}

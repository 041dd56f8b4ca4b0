import type { Pool } from 'pg';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../../test/factories.js';
import { TestClient, useTestApp } from '../../../test/test-app.js';
import { createLogger } from '../../observability/logger.js';
import { seedInfluencers } from '../seed/index.js';
import { PostgresSearchEngine } from './postgres/postgres-engine.js';
import { SearchSync } from './search-sync.js';

const ctx = useTestApp();

const profileBody = (overrides: Record<string, unknown> = {}) => ({
  displayName: 'سارا احمدی',
  bio: 'بلاگر آشپزی در شبکه‌های اجتماعی',
  niches: ['food'],
  country: 'IR',
  city: 'Tehran',
  languages: ['fa'],
  socialAccounts: [
    {
      platform: 'instagram',
      handle: 'sara.cooks',
      url: 'https://instagram.com/sara.cooks',
      followers: 52000,
      following: 400,
      engagementRate: 3.4,
      growth30d: 2,
      audience: { countries: { IR: 80 } },
    },
  ],
  rates: [{ platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } }],
  ...overrides,
});

async function loggedIn(role: 'brand' | 'influencer' | 'admin') {
  const { user, email } = await buildUser(ctx.dataSource, { role, status: 'active' });
  const client = new TestClient(ctx.app);
  await client.login(email, DEFAULT_PASSWORD);
  return { client, user };
}

async function influencerWithProfile(approved: boolean, overrides: Record<string, unknown> = {}) {
  const { client, user } = await loggedIn('influencer');
  const profile = (await client.put('/api/me/influencer-profile', profileBody(overrides))).body as { id: string };
  if (approved) await ctx.dataSource.query(`UPDATE influencer_profiles SET review_status = 'approved' WHERE id = $1`, [profile.id]);
  await ctx.indexPending();
  return { client, user, profileId: profile.id };
}

describe('GET /api/influencers/search', () => {
  it('finds approved profiles only, kept in step through the outbox, whatever the Persian spelling', async () => {
    const approved = await influencerWithProfile(true);
    await influencerWithProfile(false, { displayName: 'Draft Person', socialAccounts: [{ ...profileBody().socialAccounts[0], handle: 'draft.person' }] });
    const { client: brand } = await loggedIn('brand');

    for (const q of ['شبکه‌های', 'شبکههای', 'شبکه های', 'سارا']) {
      const response = await brand.get(`/api/influencers/search?q=${encodeURIComponent(q)}`).expect(200);
      expect(response.body.hits.map((hit: { id: string }) => hit.id), q).toEqual([approved.profileId]);
    }
    const all = await brand.get('/api/influencers/search').expect(200);
    expect(all.body).toMatchObject({ total: 1, totalIsLowerBound: false, engine: 'postgres', nextCursor: null });
    expect(all.body.hits[0]).toMatchObject({ displayName: 'سارا احمدی', tier: 'micro', price: { amount: 45000, currency: 'USD' } });
    expect(all.body.facets.niche).toEqual([{ value: 'food', count: 1 }]);
    // The engine's time is also a Server-Timing entry, the same figure as tookMs.
    expect(all.headers['server-timing']).toBe(`engine;desc="postgres";dur=${all.body.tookMs}`);

    // An edit reaches search after the next drain; a suspension removes the profile.
    await approved.client.put('/api/me/influencer-profile', profileBody({ niches: ['travel'] }));
    await ctx.indexPending();
    expect((await brand.get('/api/influencers/search?niche=travel')).body.total).toBe(1);
    await ctx.dataSource.query(`UPDATE users SET status = 'suspended' WHERE id = $1`, [approved.user.id]);
    await ctx.indexPending();
    expect((await brand.get('/api/influencers/search')).body.total).toBe(0);
  });

  it('is for brands and admins: anonymous callers get 401, influencers 403', async () => {
    expect((await supertest(ctx.app).get('/api/influencers/search')).status).toBe(401);
    const { client: influencer } = await loggedIn('influencer');
    expect((await influencer.get('/api/influencers/search')).status).toBe(403);
    const { client: admin } = await loggedIn('admin');
    expect((await admin.get('/api/influencers/search')).status).toBe(200);
  });

  it.each([
    ['followersMin=many', 'query.followersMin'],
    ['limit=101', 'query.limit'],
    ['niche=cooking', 'query.niche.0'],
    ['audienceCountry=IR', 'query.audienceCountry.0'],
    ['audienceCountry=IR:130', 'query.audienceCountry.0.min'],
    ['sort=cheapest', 'query.sort'],
    ['followersMin=10&followersMax=5', 'query.followersMax'],
    ['currency=XYZ', 'query.currency'],
    ['unknown=1', 'query.unknown'],
  ])('refuses %s with 400 naming %s', async (queryString, path) => {
    const { client: brand } = await loggedIn('brand');
    const response = await brand.get(`/api/influencers/search?${queryString}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses a forged or foreign cursor with 400', async () => {
    const { client: brand } = await loggedIn('brand');
    const forged = await brand.get('/api/influencers/search?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('SEARCH_INVALID_CURSOR');
  });
});

describe('profile page, suggest and similar', () => {
  it('shows an approved profile to brands with follower history; hides drafts from everyone but the owner and admins', async () => {
    const approved = await influencerWithProfile(true);
    const draft = await influencerWithProfile(false, { socialAccounts: [{ ...profileBody().socialAccounts[0], handle: 'other.one' }] });
    const { client: brand } = await loggedIn('brand');

    const page = await brand.get(`/api/influencers/${approved.profileId}`).expect(200);
    expect(page.body).toMatchObject({ id: approved.profileId, displayName: 'سارا احمدی', reviewStatus: 'approved' });
    expect(page.body).not.toHaveProperty('userId');
    expect(page.body.followerHistory).toEqual([expect.objectContaining({ followers: 52000 })]);

    expect((await brand.get(`/api/influencers/${draft.profileId}`)).status).toBe(404);
    expect((await approved.client.get(`/api/influencers/${draft.profileId}`)).status).toBe(404);
    expect((await draft.client.get(`/api/influencers/${draft.profileId}`)).status).toBe(200);
    const { client: admin } = await loggedIn('admin');
    expect((await admin.get(`/api/influencers/${draft.profileId}`)).status).toBe(200);
    expect((await brand.get('/api/influencers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('suggests names and niches as you type, and lists look-alikes', async () => {
    const first = await influencerWithProfile(true);
    const second = await influencerWithProfile(true, {
      displayName: 'Nima Cooks',
      socialAccounts: [{ ...profileBody().socialAccounts[0], handle: 'nima.cooks', followers: 40000 }],
    });
    const { client: brand } = await loggedIn('brand');
    const suggest = await brand.get('/api/influencers/suggest?q=nim').expect(200);
    expect(suggest.body.items[0]).toMatchObject({ kind: 'influencer', id: second.profileId, label: 'Nima Cooks' });
    const similar = await brand.get(`/api/influencers/${first.profileId}/similar`).expect(200);
    expect(similar.body.items.map((item: { id: string }) => item.id)).toEqual([second.profileId]);
  });
});

describe('reconciliation', () => {
  it('re-queues the profiles the search table disagrees with, and then finds nothing more to do', async () => {
    const missing = await influencerWithProfile(true);
    const stale = await influencerWithProfile(true, { socialAccounts: [{ ...profileBody().socialAccounts[0], handle: 'stale.one' }] });
    const sync = new SearchSync(ctx.dataSource, [new PostgresSearchEngine(ctx.dataSource)], createLogger({ logLevel: 'silent' }));
    expect(await sync.reconcile()).toBe(0);

    // Drift that went around the outbox: a search row gone (as after a bulk load killed between
    // its commits), and a suspension whose outbox row was lost.
    await ctx.dataSource.query(`DELETE FROM influencer_search WHERE id = $1`, [missing.profileId]);
    await ctx.dataSource.query(`UPDATE users SET status = 'suspended' WHERE id = $1`, [stale.user.id]);
    await ctx.dataSource.query(`DELETE FROM search_outbox`);

    expect(await sync.reconcile()).toBe(2);
    await sync.drainAll();
    const rows: { id: string }[] = await ctx.dataSource.query(`SELECT id FROM influencer_search`);
    expect(rows.map((row) => row.id)).toEqual([missing.profileId]);
    expect(await sync.reconcile()).toBe(0);

    // A write the outbox holds for the next drain is on its way, not drift (nor is its queue entry reset).
    const pending = await influencerWithProfile(false);
    await ctx.dataSource.query(`UPDATE influencer_profiles SET review_status = 'approved' WHERE id = $1`, [pending.profileId]);
    await ctx.dataSource.query(`UPDATE search_outbox SET attempts = 3 WHERE profile_id = $1`, [pending.profileId]);
    expect(await sync.reconcile()).toBe(0);
    expect(await ctx.dataSource.query(`SELECT attempts FROM search_outbox WHERE profile_id = $1`, [pending.profileId])).toEqual([{ attempts: 3 }]);
  });
});

describe('past 10,000 matches', () => {
  it('says the total is a lower bound and estimates the facets from a sample', async () => {
    const pool = (ctx.dataSource.driver as unknown as { master: Pool }).master;
    await seedInfluencers(pool, { count: 10_200, seed: 7 });
    await ctx.indexPending();
    await ctx.dataSource.query('ANALYZE influencer_search');
    const { client: brand } = await loggedIn('brand');

    const all = await brand.get('/api/influencers/search').expect(200);
    expect(all.body).toMatchObject({ total: 10_000, totalIsLowerBound: true });
    const estimatedNiches = all.body.facets.niche.reduce((sum: number, bucket: { count: number }) => sum + bucket.count, 0);
    const [{ exact }] = await ctx.dataSource.query(`SELECT count(*)::int AS exact FROM influencer_search, unnest(niches)`);
    expect(Math.abs(estimatedNiches - exact) / exact).toBeLessThan(0.25);

    const narrow = await brand.get('/api/influencers/search?country=DE&tier=macro').expect(200);
    expect(narrow.body.totalIsLowerBound).toBe(false);
    const [{ n }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM influencer_search WHERE country = 'DE' AND tier = 'macro'`);
    expect(narrow.body.total).toBe(n);
  }, 120_000);
});

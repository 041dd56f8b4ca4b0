import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../../test/factories.js';
import { TestClient, useTestApp } from '../../../test/test-app.js';
import { countRows } from '../../../test/test-database.js';

const ctx = useTestApp();

/** SPEC §10's example body, verbatim. */
const specExample = {
  displayName: 'Sara Ahmadi',
  bio: 'بلاگر آشپزی و سفر — food & travel',
  niches: ['food', 'travel'],
  country: 'IR',
  city: 'Tehran',
  languages: ['fa', 'en'],
  socialAccounts: [
    {
      platform: 'instagram',
      handle: 'sara.cooks',
      url: 'https://instagram.com/sara.cooks',
      followers: 52000,
      following: 410,
      posts: 820,
      avgViews: 18000,
      engagementRate: 3.4,
      growth30d: 2.1,
      audience: {
        countries: { IR: 71, DE: 8, US: 6 },
        ages: { '18-24': 34, '25-34': 41 },
        genders: { female: 68, male: 32 },
        languages: { fa: 88, en: 12 },
      },
    },
  ],
  rates: [{ platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } }],
};

async function influencerClient(status: 'active' | 'pending_review' = 'pending_review') {
  const { email } = await buildUser(ctx.dataSource, { role: 'influencer', status });
  const client = new TestClient(ctx.app);
  await client.login(email, DEFAULT_PASSWORD);
  return client;
}

describe('PUT /api/me/influencer-profile', () => {
  it("takes the SPEC's example body and returns the profile with tier, quality score and provenance", async () => {
    const client = await influencerClient();
    const response = await client.put('/api/me/influencer-profile', specExample);
    expect(response.status).toBe(200);
    const profile = response.body;
    expect(profile).toMatchObject({
      displayName: 'Sara Ahmadi',
      slug: 'sara-ahmadi',
      niches: ['food', 'travel'],
      reviewStatus: 'draft',
      totalFollowers: 52000,
      tier: 'micro',
      rates: specExample.rates,
    });
    const [account] = profile.socialAccounts;
    expect(account).toMatchObject({ platform: 'instagram', handle: 'sara.cooks', followers: 52000, engagementRate: 3.4, tier: 'micro' });
    expect(account.audience.countries).toEqual({ IR: 71, DE: 8, US: 6 });
    expect(account.provenance.metrics.source).toBe('self_reported');
    expect(account.provenance.audience.source).toBe('self_reported');
    expect(profile.qualityScore.score).toBeGreaterThanOrEqual(0);
    expect(profile.qualityScore.score).toBeLessThanOrEqual(100);
    const componentPoints = profile.qualityScore.components.reduce((sum: number, c: { points: number }) => sum + c.points, 0);
    expect(Math.round(componentPoints)).toBe(profile.qualityScore.score);

    expect((await client.get('/api/me/influencer-profile').expect(200)).body).toEqual(profile);
    const [snapshot] = await ctx.dataSource.query('SELECT followers FROM follower_snapshots');
    expect(Number(snapshot.followers)).toBe(52000);
  });

  it('replaces accounts and rates, keeping provenance of numbers that did not change', async () => {
    const client = await influencerClient();
    await client.put('/api/me/influencer-profile', specExample);
    await ctx.dataSource.query(`UPDATE social_accounts SET metrics_provenance = 'platform_verified'`);

    const bioOnly = await client.put('/api/me/influencer-profile', { ...specExample, bio: 'new bio' });
    expect(bioOnly.body.socialAccounts[0].provenance.metrics.source).toBe('platform_verified');

    const moreFollowers = {
      ...specExample,
      socialAccounts: [
        { ...specExample.socialAccounts[0]!, followers: 60000 },
        { platform: 'youtube', handle: '@SaraCooks', url: 'https://youtube.com/@saracooks', followers: 9000 },
      ],
      rates: [],
    };
    const edited = await client.put('/api/me/influencer-profile', moreFollowers);
    expect(edited.status).toBe(200);
    expect(edited.body.socialAccounts.map((a: { handle: string }) => a.handle)).toEqual(['sara.cooks', 'saracooks']);
    expect(edited.body.socialAccounts[0].provenance.metrics.source).toBe('self_reported');
    expect(edited.body.rates).toEqual([]);
    expect(edited.body.totalFollowers).toBe(69000);
    expect((await countRows(ctx.dataSource)).social_accounts).toBe(2);
  });

  it.each([
    ['no niche', { ...specExample, niches: [] }, 'niches'],
    ['six niches', { ...specExample, niches: ['food', 'travel', 'tech', 'art', 'music', 'pets'] }, 'niches'],
    ['an unknown niche', { ...specExample, niches: ['cooking'] }, 'niches.0'],
    ['a lower-case country', { ...specExample, country: 'ir' }, 'country'],
    ['a negative follower count', { ...specExample, socialAccounts: [{ ...specExample.socialAccounts[0]!, followers: -1 }] }, 'socialAccounts.0.followers'],
    ['a fractional price', { ...specExample, rates: [{ ...specExample.rates[0]!, price: { amount: 10.5, currency: 'USD' } }] }, 'rates.0.price.amount'],
    ['an unknown currency', { ...specExample, rates: [{ ...specExample.rates[0]!, price: { amount: 100, currency: 'XYZ' } }] }, 'rates.0.price.currency'],
    ['audience shares over 100%', { ...specExample, socialAccounts: [{ ...specExample.socialAccounts[0]!, audience: { genders: { female: 80, male: 40 } } }] }, 'socialAccounts.0.audience.genders'],
    ['an unknown platform', { ...specExample, socialAccounts: [{ ...specExample.socialAccounts[0]!, platform: 'myspace' }] }, 'socialAccounts.0.platform'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_name, body, path) => {
    const client = await influencerClient();
    const before = await countRows(ctx.dataSource);
    const response = await client.put('/api/me/influencer-profile', body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await countRows(ctx.dataSource)).toEqual(before);
  });

  it('is for influencers only', async () => {
    const { email } = await buildUser(ctx.dataSource, { role: 'brand' });
    const brand = new TestClient(ctx.app);
    await brand.login(email, DEFAULT_PASSWORD);
    expect((await brand.put('/api/me/influencer-profile', specExample)).status).toBe(403);
    expect((await brand.get('/api/me/influencer-profile')).status).toBe(403);
  });
});

describe('submitting for review', () => {
  it('moves a draft to submitted once, and answers 404 before a profile exists', async () => {
    const client = await influencerClient();
    expect((await client.post('/api/me/influencer-profile/submit')).status).toBe(404);
    await client.put('/api/me/influencer-profile', specExample);
    const submitted = await client.post('/api/me/influencer-profile/submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.reviewStatus).toBe('submitted');
    expect(submitted.body.submittedAt).toEqual(expect.any(String));
    const again = await client.post('/api/me/influencer-profile/submit');
    expect(again.body.submittedAt).toBe(submitted.body.submittedAt);
  });

  it('refuses to resubmit an approved profile', async () => {
    const client = await influencerClient();
    await client.put('/api/me/influencer-profile', specExample);
    await ctx.dataSource.query(`UPDATE influencer_profiles SET review_status = 'approved'`);
    const response = await client.post('/api/me/influencer-profile/submit');
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('PROFILE_ALREADY_APPROVED');
  });
});

describe('brand profile', () => {
  it('creates and replaces the brand profile; influencers cannot', async () => {
    const { email } = await buildUser(ctx.dataSource, { role: 'brand' });
    const brand = new TestClient(ctx.app);
    await brand.login(email, DEFAULT_PASSWORD);
    expect((await brand.get('/api/me/brand-profile')).status).toBe(404);
    const saved = await brand.put('/api/me/brand-profile', { name: 'Nova Coffee', website: 'https://nova.example', industry: 'Food & drink', country: 'IR' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Nova Coffee', website: 'https://nova.example', country: 'IR' });
    const replaced = await brand.put('/api/me/brand-profile', { name: 'Nova Coffee Co.' });
    expect(replaced.body).toMatchObject({ id: saved.body.id, name: 'Nova Coffee Co.', website: null });
    expect((await brand.put('/api/me/brand-profile', { name: 'x', website: 'javascript:alert(1)' })).status).toBe(400);

    const influencer = await influencerClient();
    expect((await influencer.get('/api/me/brand-profile')).status).toBe(403);
  });
});

import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../../test/factories.js';
import { TestClient, useTestApp } from '../../../test/test-app.js';
import { countRows } from '../../../test/test-database.js';

const ctx = useTestApp();

async function loggedIn(role: 'brand' | 'influencer' | 'admin', options: { status?: 'active' | 'pending_review'; email?: string } = {}) {
  const { user, email } = await buildUser(ctx.dataSource, { role, ...options });
  const client = new TestClient(ctx.app);
  await client.login(email, DEFAULT_PASSWORD);
  return { client, user };
}

async function influencer(handle: string, options: { email?: string; submit?: boolean } = {}) {
  const { client, user } = await loggedIn('influencer', { ...(options.email ? { email: options.email } : {}) });
  const { body } = await client.put('/api/me/influencer-profile', {
    displayName: `Creator ${handle}`,
    niches: ['food'],
    country: 'IR',
    languages: ['fa'],
    socialAccounts: [{ platform: 'instagram', handle, url: `https://instagram.com/${handle}`, followers: 20000, following: 300, engagementRate: 3.1 }],
  });
  if (options.submit !== false) expect((await client.post('/api/me/influencer-profile/submit')).status).toBe(200);
  return { client, user, profile: body as { id: string; socialAccounts: { id: string }[] } };
}

async function auditRows() {
  return ctx.dataSource.query<{ actor_id: string | null; actor_role: string; action: string; target_type: string; target_id: string; reason: string | null }[]>(
    `SELECT actor_id, actor_role, action, target_type, target_id, reason FROM audit_log ORDER BY occurred_at, id`,
  );
}

const at = (iso: string, userId: string) => ctx.dataSource.query(`UPDATE users SET created_at = $2 WHERE id = $1`, [userId, iso]);

describe('vetting queue', () => {
  it('lists waiting accounts oldest first with the signals, and pages with a cursor', async () => {
    const { client: admin } = await loggedIn('admin');
    const brand = await loggedIn('brand', { email: 'owner@acme.io' });
    await brand.client.put('/api/me/brand-profile', { name: 'Acme' });
    await loggedIn('brand', { email: 'second@acme.io', status: 'active' });
    await loggedIn('brand', { email: 'someone@gmail.com' });
    const sara = await influencer('sara.cooks', { email: 'sara@gmail.com' });
    const copycat = await influencer('Sara.Cooks', { email: 'copy@gmail.com', submit: false });
    // Backdate: brand, then sara (submitted), then the gmail brand; copycat's draft account last.
    await at('2026-01-01T00:00:00Z', brand.user.id);
    await ctx.dataSource.query(`UPDATE influencer_profiles SET submitted_at = '2026-01-02T00:00:00Z' WHERE id = $1`, [sara.profile.id]);
    await at('2026-01-01T12:00:00Z', sara.user.id);
    await ctx.dataSource.query(`UPDATE users SET created_at = '2026-01-03T00:00:00Z' WHERE email = 'someone@gmail.com'`);
    await at('2026-01-04T00:00:00Z', copycat.user.id);
    await ctx.dataSource.query(
      `INSERT INTO follower_snapshots (social_account_id, taken_on, followers) VALUES ($1, current_date - 30, 15000)`,
      [sara.profile.socialAccounts[0]!.id],
    );

    const first = await admin.get('/api/admin/review-queue?limit=2').expect(200);
    expect(first.body.items.map((item: { user: { email: string } }) => item.user.email)).toEqual(['owner@acme.io', sara.user.email]);
    const [acme, saraItem] = first.body.items;
    expect(acme.reasons).toEqual(['account_pending']);
    expect(acme.brand).toEqual(expect.objectContaining({ name: 'Acme' }));
    expect(acme.duplicates).toEqual([
      { kind: 'email_domain', value: 'acme.io', account: expect.objectContaining({ email: 'second@acme.io', role: 'brand', status: 'active' }) },
    ]);
    // Sara's account waits for her profile: she waits since she submitted it.
    expect(saraItem.waitingSince).toBe('2026-01-02T00:00:00.000Z');
    expect(saraItem.reasons).toEqual(['profile_submitted']);
    expect(saraItem.influencer.qualityScore.components.length).toBeGreaterThan(0);
    expect(saraItem.influencer.socialAccounts[0].provenance.metrics.source).toBe('self_reported');
    expect(saraItem.influencer.followerHistory.map((point: { followers: number }) => point.followers)).toEqual([15000, 20000]);
    // Same platform and handle, whatever the case; gmail.com is not a signal.
    expect(saraItem.duplicates).toEqual([
      { kind: 'handle', value: 'instagram:sara.cooks', account: expect.objectContaining({ id: copycat.user.id, role: 'influencer' }) },
    ]);

    const second = await admin.get(`/api/admin/review-queue?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items.map((item: { user: { email: string } }) => item.user.email)).toEqual(['someone@gmail.com', copycat.user.email]);
    expect(second.body.items[0].duplicates).toEqual([]);
    expect(second.body.nextCursor).toBeNull();

    const bad = await admin.get('/api/admin/review-queue?cursor=garbage');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.cursor');
  });
});

describe('vetting decisions', () => {
  it('approves an influencer: active, approved, searchable, audited; a second approve is a 409', async () => {
    const { client: admin, user: adminUser } = await loggedIn('admin');
    const sara = await influencer('sara.approve');
    const approved = await admin.post(`/api/admin/accounts/${sara.user.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual(
      expect.objectContaining({
        user: expect.objectContaining({ id: sara.user.id, status: 'active' }),
        profileReviewStatus: 'approved',
        lastDecision: expect.objectContaining({ decision: 'approved', reason: null }),
      }),
    );
    await ctx.indexPending();
    const { client: brand } = await loggedIn('brand', { status: 'active' });
    const search = await brand.get('/api/influencers/search?q=sara.approve').expect(200);
    expect(search.body.hits.map((hit: { id: string }) => hit.id)).toEqual([sara.profile.id]);

    const again = await admin.post(`/api/admin/accounts/${sara.user.id}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ACCOUNT_NOT_UNDER_REVIEW');
    const missing = await admin.post('/api/admin/accounts/00000000-0000-4000-8000-000000000000/approve');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ACCOUNT_NOT_FOUND');
    expect((await admin.post(`/api/admin/accounts/${adminUser.id}/approve`)).body.error.code).toBe('ACCOUNT_NOT_REVIEWABLE');
    expect((await admin.get('/api/admin/review-queue')).body.items).toEqual([]);

    // Suspended, she leaves search (the users trigger feeds the outbox); reinstated, she is back.
    await admin.post(`/api/admin/accounts/${sara.user.id}/suspend`, {});
    await ctx.indexPending();
    expect((await brand.get('/api/influencers/search?q=sara.approve')).body.hits).toEqual([]);
    expect((await admin.post(`/api/admin/accounts/${sara.user.id}/reinstate`)).body.user.status).toBe('active');
    await ctx.indexPending();
    expect((await brand.get('/api/influencers/search?q=sara.approve')).body.hits.map((hit: { id: string }) => hit.id)).toEqual([sara.profile.id]);

    expect((await auditRows()).slice(0, 1)).toEqual([
      { actor_id: adminUser.id, actor_role: 'admin', action: 'account.approve', target_type: 'account', target_id: sara.user.id, reason: null },
    ]);
  });

  it('rejects with a reason the influencer sees, and requests changes; reasons are required', async () => {
    const { client: admin } = await loggedIn('admin');
    const omid = await influencer('omid.reject');
    const before = await countRows(ctx.dataSource);
    const noReason = await admin.post(`/api/admin/accounts/${omid.user.id}/reject`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    expect(await countRows(ctx.dataSource)).toEqual(before);

    const rejected = await admin.post(`/api/admin/accounts/${omid.user.id}/reject`, { reason: 'The follower numbers do not match the account.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.profileReviewStatus).toBe('rejected');
    const own = await omid.client.get('/api/me/influencer-profile').expect(200);
    expect(own.body).toEqual(expect.objectContaining({ reviewStatus: 'rejected', reviewNote: 'The follower numbers do not match the account.' }));
    const review = await omid.client.get('/api/me/account-review').expect(200);
    expect(review.body.lastDecision).toEqual(expect.objectContaining({ decision: 'rejected', reason: 'The follower numbers do not match the account.' }));
    expect((await admin.post(`/api/admin/accounts/${omid.user.id}/reject`, { reason: 'again' })).status).toBe(409);

    // Edited and resubmitted: back in the queue; then changes requested.
    expect((await omid.client.post('/api/me/influencer-profile/submit')).status).toBe(200);
    const changes = await admin.post(`/api/admin/accounts/${omid.user.id}/request-changes`, { reason: 'Add your audience countries.' });
    expect(changes.body.profileReviewStatus).toBe('changes_requested');
    expect((await omid.client.get('/api/me/influencer-profile')).body.reviewNote).toBe('Add your audience countries.');
    expect((await auditRows()).map((row) => [row.action, row.reason])).toEqual([
      ['account.reject', 'The follower numbers do not match the account.'],
      ['account.request_changes', 'Add your audience countries.'],
    ]);
  });

  it('suspends a brand (login refused, sessions end) and reinstates it to its former status', async () => {
    const { client: admin } = await loggedIn('admin');
    const brand = await loggedIn('brand', { status: 'active' });
    expect((await brand.client.get('/api/me/account-review')).status).toBe(200);

    const suspended = await admin.post(`/api/admin/accounts/${brand.user.id}/suspend`, { reason: 'Chargebacks' });
    expect(suspended.body.user.status).toBe('suspended');
    expect((await brand.client.get('/api/me/account-review')).status).toBe(401);
    expect((await brand.client.get('/api/auth/session')).body.user).toBeNull();
    const login = await new TestClient(ctx.app).login(brand.user.email, DEFAULT_PASSWORD);
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('AUTH_ACCOUNT_SUSPENDED');
    expect((await admin.post(`/api/admin/accounts/${brand.user.id}/suspend`, {})).body.error.code).toBe('ACCOUNT_ALREADY_SUSPENDED');
    expect((await admin.post(`/api/admin/accounts/${brand.user.id}/approve`)).status).toBe(409);

    const reinstated = await admin.post(`/api/admin/accounts/${brand.user.id}/reinstate`);
    expect(reinstated.body.user.status).toBe('active');
    expect((await admin.post(`/api/admin/accounts/${brand.user.id}/reinstate`)).body.error.code).toBe('ACCOUNT_NOT_SUSPENDED');
    expect((await new TestClient(ctx.app).login(brand.user.email, DEFAULT_PASSWORD)).status).toBe(200);
    expect((await auditRows()).map((row) => [row.action, row.reason])).toEqual([
      ['account.suspend', 'Chargebacks'],
      ['account.reinstate', null],
    ]);
  });

  it('verifies a social account: its metrics become platform_verified', async () => {
    const { client: admin } = await loggedIn('admin');
    const sara = await influencer('sara.verify');
    const accountId = sara.profile.socialAccounts[0]!.id;
    const verified = await admin.post(`/api/admin/social-accounts/${accountId}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body.provenance.metrics.source).toBe('platform_verified');
    expect((await sara.client.get('/api/me/influencer-profile')).body.socialAccounts[0].provenance.metrics.source).toBe('platform_verified');
    expect((await admin.post(`/api/admin/social-accounts/${accountId}/verify`)).body.error.code).toBe('SOCIAL_ACCOUNT_ALREADY_VERIFIED');
    expect((await admin.post('/api/admin/social-accounts/00000000-0000-4000-8000-000000000000/verify')).status).toBe(404);
    expect((await auditRows()).map((row) => [row.action, row.target_type, row.target_id])).toEqual([['social_account.verify', 'social_account', accountId]]);
  });

  it('puts an influencer who asks for a score review into the queue, flagged, once', async () => {
    const { client: admin } = await loggedIn('admin');
    const sara = await influencer('sara.score');
    await admin.post(`/api/admin/accounts/${sara.user.id}/approve`);
    expect((await admin.get('/api/admin/review-queue')).body.items).toEqual([]);

    const asked = await sara.client.post('/api/me/influencer-profile/score-review', { message: 'My engagement is higher since March.' });
    expect(asked.status).toBe(201);
    expect(asked.body.message).toBe('My engagement is higher since March.');
    expect((await sara.client.post('/api/me/influencer-profile/score-review', { message: 'again' })).body.error.code).toBe('SCORE_REVIEW_ALREADY_REQUESTED');
    const queue = await admin.get('/api/admin/review-queue').expect(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ reasons: ['score_review'], scoreReview: expect.objectContaining({ message: 'My engagement is higher since March.' }) }),
    ]);
    expect((await admin.post(`/api/admin/accounts/${sara.user.id}/approve`)).status).toBe(200);
    expect((await admin.get('/api/admin/review-queue')).body.items).toEqual([]);

    const { client: noProfile } = await loggedIn('influencer');
    expect((await noProfile.post('/api/me/influencer-profile/score-review', { message: 'hi' })).body.error.code).toBe('INFLUENCER_PROFILE_NOT_FOUND');
  });
});

import { expect } from 'vitest';
import { DEMO_INFLUENCER_PROFILE } from '../src/modules/demo/demo-accounts.js';
import { LedgerRepository } from '../src/modules/ledger/index.js';
import { buildUser, DEFAULT_PASSWORD } from './factories.js';
import { TestClient, type TestContext } from './test-app.js';

/** A clock tests move by hand: offers' deadlines and the worker's timers read it. */
export function manualClock(start = new Date('2026-12-01T09:00:00Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advanceHours(hours: number) {
      current += hours * 3_600_000;
    },
  };
}

/** SPEC §10's example profile, as the demo influencer has it. */
export const PROFILE = DEMO_INFLUENCER_PROFILE;

export const OFFER = {
  deliverables: [{ platform: 'instagram', type: 'post', quantity: 1, dueDate: '2026-12-20', requirements: 'Show the product in use', disclosureTag: '#ad' }],
  price: { amount: 50000, currency: 'USD' },
  message: 'Would love to work with you',
};

export async function loggedIn(ctx: TestContext, role: 'brand' | 'influencer' | 'admin', status: 'active' | 'pending_review' = 'active') {
  const { user, email } = await buildUser(ctx.dataSource, { role, status });
  const client = new TestClient(ctx.app);
  await client.login(email, DEFAULT_PASSWORD);
  return { client, user };
}

/** An active brand and an active influencer with an approved profile; `payouts` connects the influencer's payout account. */
export async function offerParties(ctx: TestContext, options: { payouts?: boolean } = {}) {
  const brand = await loggedIn(ctx, 'brand');
  const influencer = await loggedIn(ctx, 'influencer');
  const profile = (await influencer.client.put('/api/me/influencer-profile', PROFILE)).body as { id: string };
  await ctx.dataSource.query(`UPDATE influencer_profiles SET review_status = 'approved' WHERE id = $1`, [profile.id]);
  if (options.payouts ?? true) expect((await influencer.client.post('/api/payments/connect/onboarding')).status).toBe(200);
  return { brand: brand.client, brandUser: brand.user, influencer: influencer.client, influencerUser: influencer.user, profileId: profile.id };
}

export async function sendOffer(brand: TestClient, influencerId: string, overrides: Record<string, unknown> = {}) {
  const response = await brand.post('/api/offers', { ...OFFER, influencerId, ...overrides });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; status: string; version: number };
}

/** The ledger's own invariants: balanced transactions, cached balances = entries, no held money on finished offers. */
export async function expectLedgerConsistent(ctx: TestContext) {
  expect(await new LedgerRepository().invariantViolations(ctx.dataSource.manager)).toEqual([]);
}

export async function balance(ctx: TestContext, code: string, currency = 'USD'): Promise<number> {
  return new LedgerRepository().balance(ctx.dataSource.manager, code, currency);
}

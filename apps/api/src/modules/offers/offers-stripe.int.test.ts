import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeStripe } from '../../../test/fake-stripe/index.js';
import { balance, expectLedgerConsistent, manualClock, offerParties, sendOffer } from '../../../test/offer-fixtures.js';
import { useTestApp } from '../../../test/test-app.js';
import { LedgerAccounts } from '../ledger/index.js';
import { createStripeWebhookVerifier } from '../payments/index.js';

/**
 * The whole lifecycle with the real Stripe adapter and SDK against the stateful fake Stripe, with
 * webhooks signed like Stripe's and delivered duplicated and out of order.
 */
const PLATFORM_SECRET = 'whsec_platform_test_secret';
const CONNECT_SECRET = 'whsec_connect_test_secret';
const clock = manualClock();
const fake = await startFakeStripe({ now: clock.now });
// Configured as Stripe (the key is the fake's; the provider itself is injected, pointed at the fake).
const ctx = useTestApp({ STRIPE_SECRET_KEY: 'sk_test_fakestripe', STRIPE_WEBHOOK_SECRET: PLATFORM_SECRET, STRIPE_CONNECT_WEBHOOK_SECRET: CONNECT_SECRET }, {
  now: clock.now,
  payments: () => ({
    provider: fake.provider({ maxNetworkRetries: 0 }),
    webhookVerifier: createStripeWebhookVerifier({ platformSecret: PLATFORM_SECRET, connectSecret: CONNECT_SECRET }),
  }),
});

let server: Server | undefined;
async function baseUrl(): Promise<string> {
  server ??= ctx.app.listen(0, '127.0.0.1');
  if (!server.listening) await new Promise((resolve) => server!.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
async function deliverAll(options: { shuffle?: number; duplicate?: number } = {}) {
  const url = await baseUrl();
  const platform = await fake.deliver({ url: `${url}/api/webhooks/stripe`, secret: PLATFORM_SECRET, events: fake.eventsFor('platform'), ...options });
  const connect = await fake.deliver({ url: `${url}/api/webhooks/stripe-connect`, secret: CONNECT_SECRET, events: fake.eventsFor('connect'), ...options });
  return [...platform, ...connect];
}

afterEach(async () => {
  await expectLedgerConsistent(ctx);
});
afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await fake.close();
});

describe('offers on Stripe Connect (fake Stripe, real SDK)', () => {
  it('runs the whole lifecycle; duplicated, shuffled webhooks end in the same state; one transfer with source_transaction', async () => {
    const parties = await offerParties(ctx, { payouts: false });

    // Payout onboarding: an Express-style account and an Account Link; active once Stripe says so.
    const onboarding = (await parties.influencer.post('/api/payments/connect/onboarding')).body;
    expect(onboarding).toMatchObject({ provider: 'stripe', testMoney: false, status: 'onboarding_required' });
    expect(onboarding.onboardingUrl).toMatch(/^https?:\/\//);
    const [{ account_id: accountId }] = await ctx.dataSource.query<[{ account_id: string }]>(`SELECT account_id FROM payout_accounts`);
    fake.activateAccount(accountId);

    // The hold waits for the brand's card (Payment Element) and the webhook.
    const offer = await sendOffer(parties.brand, parties.profileId);
    expect(offer).toMatchObject({ status: 'pending_payment', payment: { provider: 'stripe', testMoney: false, holdStatus: 'requires_payment_method' } });
    expect((offer as unknown as { payment: { clientSecret: string } }).payment.clientSecret).toMatch(/_secret_/);
    expect((await parties.influencer.get(`/api/offers/${offer.id}`)).body.payment.clientSecret).toBeNull();
    const [{ hold_id: holdId }] = await ctx.dataSource.query<[{ hold_id: string }]>(`SELECT hold_id FROM offers WHERE id = $1`, [offer.id]);
    fake.confirm(holdId);
    const deliveries = await deliverAll({ shuffle: 7, duplicate: 3 });
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    expect((await parties.brand.get(`/api/offers/${offer.id}`)).body.status).toBe('sent');
    expect((await parties.influencer.get('/api/payments/connect')).body.status).toBe('ready');

    expect((await parties.influencer.post(`/api/offers/${offer.id}/accept`)).body).toMatchObject({ status: 'in_progress', payment: { held: 50000 } });
    await parties.influencer.post(`/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/abc' });
    expect((await parties.brand.post(`/api/offers/${offer.id}/approve`)).body).toMatchObject({ status: 'released', payment: { fee: 7500, payout: 42500 } });

    // Every event again, shuffled differently and four times over: nothing moves, nothing is paid twice.
    await deliverAll({ shuffle: 11, duplicate: 4 });
    const final = (await parties.brand.get(`/api/offers/${offer.id}`)).body;
    expect(final.status).toBe('released');
    const transfers = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/transfers');
    expect(transfers).toHaveLength(1);
    expect(transfers[0]!.params).toMatchObject({ amount: '42500', currency: 'usd', destination: accountId, transfer_group: `offer_${offer.id}`, metadata: { offer_id: offer.id } });
    expect(transfers[0]!.params.source_transaction).toMatch(/^ch_/);
    expect(transfers[0]!.headers['idempotency-key']).toBe(`offer:${offer.id}:transfer`);
    expect(await balance(ctx, LedgerAccounts.connectTransfers)).toBe(42500);
    const [{ count }] = await ctx.dataSource.query<[{ count: number }]>(`SELECT count(*)::int AS count FROM provider_events WHERE processed_at IS NOT NULL`);
    expect(count).toBe(fake.events.length);
  });

  it('lets the browser load Stripe.js and its frames (Payment Element), and nothing else from outside', async () => {
    const csp = (await fetch(`${await baseUrl()}/healthz`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' https://js.stripe.com");
    expect(csp).toContain('frame-src https://js.stripe.com https://hooks.stripe.com');
    expect(csp).toContain("connect-src 'self' https://api.stripe.com");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('refuses unsigned, tampered and wrong-endpoint webhooks with 400, and changes nothing', async () => {
    const url = await baseUrl();
    const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1', object: 'payment_intent' } } });
    const unsigned = await fetch(`${url}/api/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(400);
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const { signTestWebhook } = await import('../../../test/fake-stripe/index.js');
    const wrongSecret = await fetch(`${url}/api/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signTestWebhook(body, CONNECT_SECRET) },
      body,
    });
    expect(wrongSecret.status).toBe(400);
    const tampered = await fetch(`${url}/api/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signTestWebhook(body, PLATFORM_SECRET) },
      body: body.replace('pi_1', 'pi_2'),
    });
    expect(tampered.status).toBe(400);
    expect(await ctx.dataSource.query(`SELECT id FROM provider_events`)).toEqual([]);
  });

  it('a crash after Stripe created the transfer heals on retry with the same key: one transfer', async () => {
    const parties = await offerParties(ctx, { payouts: false });
    await parties.influencer.post('/api/payments/connect/onboarding');
    const [{ account_id: accountId }] = await ctx.dataSource.query<[{ account_id: string }]>(`SELECT account_id FROM payout_accounts`);
    fake.activateAccount(accountId);
    await ctx.offers.webhooks.receive({ id: `evt_${accountId}`, type: 'account.updated', endpoint: 'connect', account: accountId, livemode: false, created: clock.now(), objectId: accountId, objectType: 'account', offerId: null, payload: {} });
    const offer = await sendOffer(parties.brand, parties.profileId);
    const [{ hold_id: holdId }] = await ctx.dataSource.query<[{ hold_id: string }]>(`SELECT hold_id FROM offers WHERE id = $1`, [offer.id]);
    fake.confirm(holdId);
    await ctx.offers.webhooks.receive({ id: `evt_${holdId}`, type: 'payment_intent.amount_capturable_updated', endpoint: 'platform', account: null, livemode: false, created: clock.now(), objectId: holdId, objectType: 'payment_intent', offerId: offer.id, payload: {} });
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    await parties.influencer.post(`/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/abc' });

    fake.failNext((request) => request.method === 'POST' && request.path === '/v1/transfers', { kind: 'timeout_after_success' });
    const approved = (await parties.brand.post(`/api/offers/${offer.id}/approve`)).body;
    expect(approved.status).toBe('approved');
    expect(approved.payment.movements).toContainEqual(expect.objectContaining({ kind: 'transfer', status: 'pending' }));
    const transfersOfOffer = () => fake.requests.filter((r) => r.path === '/v1/transfers' && r.params.transfer_group === `offer_${offer.id}`);
    const before = transfersOfOffer().length;

    clock.advanceHours(1);
    await ctx.offers.timers.runDue();
    expect((await parties.brand.get(`/api/offers/${offer.id}`)).body.status).toBe('released');
    const transferCalls = transfersOfOffer();
    expect(transferCalls.length).toBe(before + 1);
    expect(new Set(transferCalls.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`offer:${offer.id}:transfer`]));
    expect([...fake.state.transfers.values()].filter((t) => t.transfer_group === `offer_${offer.id}`)).toHaveLength(1);
  });

  it('an authorisation that lapses before the influencer answers expires the offer (webhook, re-read from Stripe)', async () => {
    const parties = await offerParties(ctx, { payouts: false });
    const offer = await sendOffer(parties.brand, parties.profileId);
    const [{ hold_id: holdId }] = await ctx.dataSource.query<[{ hold_id: string }]>(`SELECT hold_id FROM offers WHERE id = $1`, [offer.id]);
    fake.confirm(holdId);
    await deliverAll({ shuffle: 3 });
    expect((await parties.brand.get(`/api/offers/${offer.id}`)).body.status).toBe('sent');
    fake.expireAuthorisation(holdId);
    await deliverAll({ shuffle: 5, duplicate: 2 });
    expect((await parties.brand.get(`/api/offers/${offer.id}`)).body).toMatchObject({ status: 'expired', payment: { holdStatus: 'canceled', held: 0 } });
    expect((await parties.influencer.post(`/api/offers/${offer.id}/accept`)).status).toBe(409);
  });

  it('declining after Stripe already cancelled the lapsed hold still ends with the hold voided, not a failed movement', async () => {
    const parties = await offerParties(ctx, { payouts: false });
    const offer = await sendOffer(parties.brand, parties.profileId);
    const [{ hold_id: holdId }] = await ctx.dataSource.query<[{ hold_id: string }]>(`SELECT hold_id FROM offers WHERE id = $1`, [offer.id]);
    fake.confirm(holdId);
    await deliverAll({ shuffle: 1 });
    fake.expireAuthorisation(holdId); // its webhook is not delivered yet
    const declined = (await parties.influencer.post(`/api/offers/${offer.id}/decline`, {})).body;
    expect(declined.status).toBe('declined');
    expect(declined.payment.movements).toContainEqual(expect.objectContaining({ kind: 'void', status: 'succeeded' }));
  });

  /** An active payout account and a sent offer whose card hold Stripe has authorised. */
  async function sentOfferOnStripe() {
    const parties = await offerParties(ctx, { payouts: false });
    await parties.influencer.post('/api/payments/connect/onboarding');
    const [{ account_id: accountId }] = await ctx.dataSource.query<[{ account_id: string }]>(`SELECT account_id FROM payout_accounts WHERE user_id = $1`, [
      parties.influencerUser.id,
    ]);
    fake.activateAccount(accountId);
    const offer = await sendOffer(parties.brand, parties.profileId);
    const [{ hold_id: holdId }] = await ctx.dataSource.query<[{ hold_id: string }]>(`SELECT hold_id FROM offers WHERE id = $1`, [offer.id]);
    fake.confirm(holdId);
    await deliverAll({ shuffle: 13 });
    expect((await parties.brand.get(`/api/offers/${offer.id}`)).body.status).toBe('sent');
    return { ...parties, offer };
  }

  it('cancellation refunds through Stripe; a refund that waits for funds is booked when Stripe says it succeeded', async () => {
    const { brand, influencer, brandUser, offer } = await sentOfferOnStripe();
    fake.holdFundsAsPending();
    await influencer.post(`/api/offers/${offer.id}/accept`);
    await brand.post(`/api/offers/${offer.id}/cancel`, { reason: 'Campaign moved' });
    const refunded = (await influencer.post(`/api/offers/${offer.id}/cancel/accept`)).body;
    expect(refunded).toMatchObject({ status: 'refunded', payment: { held: 0, refunded: 50000 } });
    expect(refunded.payment.movements).toContainEqual(expect.objectContaining({ kind: 'refund', status: 'pending' }));
    // Decided, not yet paid back: the money waits in the brand's refundable account.
    expect(await balance(ctx, LedgerAccounts.brandRefundable(brandUser.id))).toBe(50000);

    fake.makeFundsAvailable();
    await deliverAll({ shuffle: 17, duplicate: 2 });
    const settled = (await brand.get(`/api/offers/${offer.id}`)).body;
    expect(settled.payment.movements).toContainEqual(expect.objectContaining({ kind: 'refund', status: 'succeeded' }));
    expect(await balance(ctx, LedgerAccounts.brandRefundable(brandUser.id))).toBe(0);
    const refunds = [...fake.state.refunds.values()].filter((r) => r.metadata.offer_id === offer.id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 50000, status: 'succeeded' });
  });

  it('concurrent approvals on Stripe create exactly one transfer', async () => {
    const { brand, influencer, offer } = await sentOfferOnStripe();
    fake.makeFundsAvailable();
    await influencer.post(`/api/offers/${offer.id}/accept`);
    await influencer.post(`/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/abc' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => brand.post(`/api/offers/${offer.id}/approve`)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect([...fake.state.transfers.values()].filter((t) => t.transfer_group === `offer_${offer.id}`)).toHaveLength(1);
    expect((await brand.get(`/api/offers/${offer.id}`)).body.status).toBe('released');
  });
});

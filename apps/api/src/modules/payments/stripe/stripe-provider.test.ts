import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe, type RecordedRequest } from '../../../../test/fake-stripe/index.js';
import { PaymentProviderError } from '../payment-provider.port.js';
import { STRIPE_API_VERSION, type StripePaymentProvider } from './stripe-provider.js';

/**
 * Wire tests (payments-escrow.md §7 cases 14, 16, 21, 22): the real SDK, through our adapter,
 * against the in-process fake Stripe — what goes on the wire, how answers and failures map.
 */
let fake: FakeStripe;
let stripe: StripePaymentProvider;

beforeEach(async () => {
  fake = await startFakeStripe();
  // No SDK retries: every failure the fake injects reaches the adapter.
  stripe = fake.provider({ maxNetworkRetries: 0 });
});
afterEach(async () => {
  await fake.close();
});

const USD = (amount: number) => ({ amount, currency: 'USD' });

function lastRequest(method: string, path: string): RecordedRequest {
  const request = fake.requests.findLast((r) => r.method === method && r.path === path);
  if (!request) throw new Error(`no ${method} ${path} request`);
  return request;
}

async function capturedHold(offerId = '42', amount = 100_000) {
  const hold = await stripe.createHold({ offerId, money: USD(amount), description: `Offer ${offerId}`, idempotencyKey: `offer:${offerId}:pi:v1` });
  fake.confirm(hold.id);
  return stripe.captureHold({ holdId: hold.id, idempotencyKey: `offer:${offerId}:capture` });
}

async function activeAccount(userId = 'u1') {
  const account = await stripe.createPayoutAccount({ userId, email: `${userId}@example.test`, country: 'US', idempotencyKey: `user:${userId}:connect-account` });
  fake.activateAccount(account.id);
  return account.id;
}

function transferInput(chargeId: string, destination: string, overrides: Partial<Parameters<StripePaymentProvider['transfer']>[0]> = {}) {
  return {
    money: USD(85_000),
    destinationAccountId: destination,
    sourceChargeId: chargeId,
    transferGroup: 'offer_42',
    idempotencyKey: 'offer:42:transfer:7',
    metadata: { offer_id: '42', movement_id: '7' },
    ...overrides,
  };
}

async function expectProviderError(promise: Promise<unknown>, kind: 'retryable' | 'definitive', code: string | null) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PaymentProviderError);
  expect(error).toMatchObject({ kind, code });
  return error as PaymentProviderError;
}

describe('holds', () => {
  it('createHold sends a manual-capture card PaymentIntent tagged with the offer, under our idempotency key', async () => {
    const hold = await stripe.createHold({ offerId: '42', money: USD(100_000), description: 'Offer 42', idempotencyKey: 'offer:42:pi:v1' });

    const request = lastRequest('POST', '/v1/payment_intents');
    expect(request.params).toMatchObject({
      amount: '100000',
      currency: 'usd',
      capture_method: 'manual',
      allowed_payment_method_types: ['card'],
      transfer_group: 'offer_42',
      metadata: { offer_id: '42' },
      description: 'Offer 42',
    });
    expect(request.idempotencyKey).toBe('offer:42:pi:v1');
    expect(request.headers['stripe-version']).toBe(STRIPE_API_VERSION);
    expect(request.stripeAccount).toBeNull();
    expect(hold).toMatchObject({ status: 'requires_payment_method', amount: 100_000, currency: 'USD', chargeId: null, captureBefore: null });
    expect(hold.id).toMatch(/^pi_/);
    expect(hold.clientSecret).toMatch(new RegExp(`^${hold.id}_secret_`));
  });

  it('a confirmed hold is capturable until capture_before; capture gives the charge that funds the release', async () => {
    const hold = await stripe.createHold({ offerId: '42', money: USD(100_000), description: 'Offer 42', idempotencyKey: 'offer:42:pi:v1' });
    fake.confirm(hold.id);

    const held = await stripe.retrieveHold(hold.id);
    expect(held).toMatchObject({ status: 'requires_capture', clientSecret: null, chargeId: null });
    expect(held.captureBefore!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(lastRequest('GET', `/v1/payment_intents/${hold.id}`).params).toMatchObject({ expand: ['latest_charge'] });

    const captured = await stripe.captureHold({ holdId: hold.id, idempotencyKey: 'offer:42:capture' });
    expect(captured.status).toBe('succeeded');
    expect(captured.chargeId).toMatch(/^ch_/);
    expect(lastRequest('POST', `/v1/payment_intents/${hold.id}/capture`).idempotencyKey).toBe('offer:42:capture');
  });

  it('cancelHold voids an uncaptured hold with the reason; a captured one cannot be cancelled', async () => {
    const hold = await stripe.createHold({ offerId: '43', money: USD(5_000), description: 'Offer 43', idempotencyKey: 'offer:43:pi:v1' });
    fake.confirm(hold.id);
    const canceled = await stripe.cancelHold({ holdId: hold.id, reason: 'abandoned', idempotencyKey: 'offer:43:void' });
    expect(canceled.status).toBe('canceled');
    expect(lastRequest('POST', `/v1/payment_intents/${hold.id}/cancel`).params).toMatchObject({ cancellation_reason: 'abandoned' });

    const captured = await capturedHold('44', 5_000);
    await expectProviderError(
      stripe.cancelHold({ holdId: captured.id, reason: 'requested_by_customer', idempotencyKey: 'offer:44:void' }),
      'definitive',
      'payment_intent_unexpected_state',
    );
  });

  it('capturing a hold the card never confirmed is a definitive invalid request', async () => {
    const hold = await stripe.createHold({ offerId: '45', money: USD(5_000), description: 'Offer 45', idempotencyKey: 'offer:45:pi:v1' });
    await expectProviderError(stripe.captureHold({ holdId: hold.id, idempotencyKey: 'offer:45:capture' }), 'definitive', 'payment_intent_unexpected_state');
  });
});

describe('transfers (case 21)', () => {
  it('sends source_transaction, transfer_group, destination and metadata under our key, as a platform call', async () => {
    const hold = await capturedHold();
    const destination = await activeAccount();

    const transfer = await stripe.transfer(transferInput(hold.chargeId!, destination));

    const request = lastRequest('POST', '/v1/transfers');
    expect(request.params).toEqual({
      amount: '85000',
      currency: 'usd',
      destination,
      source_transaction: hold.chargeId,
      transfer_group: 'offer_42',
      metadata: { offer_id: '42', movement_id: '7' },
    });
    expect(request.idempotencyKey).toBe('offer:42:transfer:7');
    expect(request.headers).not.toHaveProperty('stripe-account');
    expect(transfer).toEqual({ id: expect.stringMatching(/^tr_/), amount: 85_000, currency: 'USD', destination, reversed: false });
  });

  it('an account that has not finished onboarding cannot receive money: definitive account_invalid', async () => {
    const hold = await capturedHold();
    const account = await stripe.createPayoutAccount({ userId: 'u2', email: 'u2@example.test', country: null, idempotencyKey: 'user:u2:connect-account' });

    await expectProviderError(stripe.transfer(transferInput(hold.chargeId!, account.id)), 'definitive', 'account_invalid');
    expect(fake.state.transfers.size).toBe(0);
  });

  it('cannot transfer more than the source charge holds (case 16: the fake guards source_transaction)', async () => {
    const hold = await capturedHold('42', 1_000);
    const destination = await activeAccount();
    await expectProviderError(stripe.transfer(transferInput(hold.chargeId!, destination, { money: USD(1_001) })), 'definitive', 'balance_insufficient');
  });

  it('listTransfers follows pagination through the whole transfer group', async () => {
    await fake.close();
    fake = await startFakeStripe({ listPageCap: 2 });
    stripe = fake.provider({ maxNetworkRetries: 0 });
    const hold = await capturedHold('42', 10_000);
    const destination = await activeAccount();
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      ids.push((await stripe.transfer(transferInput(hold.chargeId!, destination, { money: USD(1_000), idempotencyKey: `t${i}` }))).id);
    }
    await stripe.transfer(transferInput(hold.chargeId!, destination, { money: USD(1_000), idempotencyKey: 'other', transferGroup: 'offer_99' }));

    const listed = await stripe.listTransfers('offer_42');
    expect(listed.map((t) => t.id).sort()).toEqual(ids.sort());
    expect(fake.requests.filter((r) => r.method === 'GET' && r.path === '/v1/transfers').length).toBeGreaterThanOrEqual(3);
  });
});

describe('refunds', () => {
  it('refunds part of a captured hold, tagged with metadata; more than is left is refused', async () => {
    const hold = await capturedHold('42', 10_000);
    const refund = await stripe.refund({ holdId: hold.id, amount: 4_000, idempotencyKey: 'offer:42:refund:9', metadata: { offer_id: '42', movement_id: '9' } });

    expect(lastRequest('POST', '/v1/refunds')).toMatchObject({
      params: { payment_intent: hold.id, amount: '4000', metadata: { offer_id: '42', movement_id: '9' } },
      idempotencyKey: 'offer:42:refund:9',
    });
    expect(refund).toMatchObject({ status: 'succeeded', amount: 4_000, currency: 'USD' });
    await expectProviderError(stripe.refund({ holdId: hold.id, amount: 6_001, idempotencyKey: 'offer:42:refund:10', metadata: {} }), 'definitive', 'amount_too_large');
    expect(await stripe.listRefunds(hold.id)).toEqual([refund]);
  });

  it('a refund before the funds are available stays pending until they are', async () => {
    fake.holdFundsAsPending();
    const hold = await capturedHold('42', 10_000);
    const refund = await stripe.refund({ holdId: hold.id, amount: 10_000, idempotencyKey: 'offer:42:refund:1', metadata: { offer_id: '42' } });
    expect(refund.status).toBe('pending');

    fake.makeFundsAvailable();
    expect(await stripe.retrieveRefund(refund.id)).toMatchObject({ id: refund.id, status: 'succeeded' });
    expect(fake.events.map((e) => e.type)).toContain('refund.updated');
  });
});

describe('payout accounts', () => {
  it('creates an Express-style account with controller properties and the transfers capability', async () => {
    const account = await stripe.createPayoutAccount({ userId: 'u1', email: 'u1@example.test', country: 'DE', idempotencyKey: 'user:u1:connect-account' });

    const request = lastRequest('POST', '/v1/accounts');
    expect(request.params).toEqual({
      country: 'DE',
      email: 'u1@example.test',
      controller: { stripe_dashboard: { type: 'express' }, fees: { payer: 'application' }, losses: { payments: 'application' }, requirement_collection: 'stripe' },
      capabilities: { transfers: { requested: 'true' } },
      metadata: { user_id: 'u1' },
    });
    expect(request.idempotencyKey).toBe('user:u1:connect-account');
    expect(account).toMatchObject({ transfersActive: false, payoutsEnabled: false });
    expect(account.requirementsDue.length).toBeGreaterThan(0);
  });

  it('gives an onboarding link until transfers are active and nothing is due', async () => {
    const account = await stripe.createPayoutAccount({ userId: 'u1', email: 'u1@example.test', country: null, idempotencyKey: 'user:u1:connect-account' });
    const link = await stripe.onboardingLink({ accountId: account.id, refreshUrl: 'https://app.test/refresh', returnUrl: 'https://app.test/return' });
    expect(link).toMatch(/^https:\/\//);
    expect(lastRequest('POST', '/v1/account_links').params).toEqual({
      account: account.id,
      refresh_url: 'https://app.test/refresh',
      return_url: 'https://app.test/return',
      type: 'account_onboarding',
    });

    fake.activateAccount(account.id);
    expect(await stripe.retrievePayoutAccount(account.id)).toEqual({ id: account.id, transfersActive: true, payoutsEnabled: true, requirementsDue: [] });
    expect(await stripe.onboardingLink({ accountId: account.id, refreshUrl: 'https://app.test/refresh', returnUrl: 'https://app.test/return' })).toBeNull();
  });
});

describe('idempotency (cases 14, 15)', () => {
  it('the same key and parameters replay the first answer: one PaymentIntent', async () => {
    const input = { offerId: '42', money: USD(100_000), description: 'Offer 42', idempotencyKey: 'offer:42:pi:v1' };
    const first = await stripe.createHold(input);
    const second = await stripe.createHold(input);
    expect(second.id).toBe(first.id);
    expect(fake.state.paymentIntents.size).toBe(1);
  });

  it('the same key with different parameters is a definitive idempotency_error', async () => {
    await stripe.createHold({ offerId: '42', money: USD(100_000), description: 'Offer 42', idempotencyKey: 'offer:42:pi:v1' });
    await expectProviderError(
      stripe.createHold({ offerId: '42', money: USD(90_000), description: 'Offer 42', idempotencyKey: 'offer:42:pi:v1' }),
      'definitive',
      'idempotency_error',
    );
    expect(fake.state.paymentIntents.size).toBe(1);
  });

  it('a transfer whose answer was lost is retryable; the retry with the same key returns the same tr_ and moves money once', async () => {
    const hold = await capturedHold();
    const destination = await activeAccount();
    fake.failNext('POST /v1/transfers', { kind: 'timeout_after_success' });

    // Even with SDK retries on: the answer had started, so the SDK reports instead of retrying.
    const lost = await expectProviderError(fake.provider({ maxNetworkRetries: 2 }).transfer(transferInput(hold.chargeId!, destination)), 'retryable', null);
    expect(lost.cause).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(fake.state.transfers.size).toBe(1);
    const [made] = [...fake.state.transfers.values()];

    const retried = await stripe.transfer(transferInput(hold.chargeId!, destination));
    expect(retried.id).toBe(made!.id);
    expect(fake.state.transfers.size).toBe(1);
    expect(await stripe.listTransfers('offer_42')).toHaveLength(1);
    expect(fake.events.filter((e) => e.type === 'transfer.created')).toHaveLength(1);
  });

  it("the SDK's own retries reuse our key: a 500 followed by success makes one transfer", async () => {
    const retrying = fake.provider({ maxNetworkRetries: 2 });
    const hold = await capturedHold();
    const destination = await activeAccount();
    fake.failNext('POST /v1/transfers', { kind: 'http_500' });

    const transfer = await retrying.transfer(transferInput(hold.chargeId!, destination));

    const attempts = fake.requests.filter((r) => r.path === '/v1/transfers' && r.method === 'POST');
    expect(attempts.map((r) => [r.status, r.idempotencyKey])).toEqual([
      [500, 'offer:42:transfer:7'],
      [200, 'offer:42:transfer:7'],
    ]);
    expect([...fake.state.transfers.keys()]).toEqual([transfer.id]);
  });
});

describe('error classification on the wire (case 22)', () => {
  it('card declined → definitive card_declined', async () => {
    fake.failNext('/v1/payment_intents', { kind: 'card_declined' });
    await expectProviderError(stripe.createHold({ offerId: '1', money: USD(100), description: 'x', idempotencyKey: 'k1' }), 'definitive', 'card_declined');
  });

  it('a declined card at confirmation is recorded on the PaymentIntent', async () => {
    const hold = await stripe.createHold({ offerId: '1', money: USD(100), description: 'x', idempotencyKey: 'k1' });
    expect(() => fake.confirm(hold.id, 'pm_card_chargeDeclined')).toThrow('Your card was declined.');
    expect(await stripe.retrieveHold(hold.id)).toMatchObject({ status: 'requires_payment_method' });
    expect(fake.events.map((e) => e.type)).toContain('payment_intent.payment_failed');
  });

  it('429 rate limit → retryable rate_limit', async () => {
    fake.failNext('/v1/refunds', { kind: 'rate_limit' });
    await expectProviderError(stripe.refund({ holdId: 'pi_x', amount: 1, idempotencyKey: 'k', metadata: {} }), 'retryable', 'rate_limit');
  });

  it('500 → retryable', async () => {
    fake.failNext((r) => r.path.endsWith('/capture'), { kind: 'http_500' });
    await expectProviderError(stripe.captureHold({ holdId: 'pi_x', idempotencyKey: 'k' }), 'retryable', null);
  });

  it('an unknown object → definitive resource_missing', async () => {
    await expectProviderError(stripe.retrieveHold('pi_missing'), 'definitive', 'resource_missing');
  });

  it('injected account_invalid → definitive account_invalid', async () => {
    fake.failNext('/v1/transfers', { kind: 'account_invalid' });
    await expectProviderError(stripe.transfer(transferInput('ch_x', 'acct_x')), 'definitive', 'account_invalid');
  });

  it('a rejected API key → definitive', async () => {
    const badKey = fake.provider({ secretKey: 'sk_live_notatestkey', maxNetworkRetries: 0 });
    const error = await expectProviderError(badKey.retrieveHold('pi_x'), 'definitive', null);
    expect(error.message).toMatch(/Invalid API Key/);
  });

  it('nobody listening → retryable connection error', async () => {
    await fake.close();
    const error = await expectProviderError(stripe.retrieveHold('pi_x'), 'retryable', null);
    expect(error.cause).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    fake = await startFakeStripe(); // for afterEach
  });
});

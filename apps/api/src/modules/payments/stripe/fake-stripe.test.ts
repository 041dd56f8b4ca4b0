import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_STRIPE_SECRET_KEY, startFakeStripe, type FakeStripe } from '../../../../test/fake-stripe/index.js';
import { STRIPE_API_VERSION, stripeEndpoint } from './stripe-provider.js';

/**
 * The fake's own rules, driven with the bare SDK where our adapter would never go (a transfer
 * without source_transaction, a Stripe-Account header). These live here because the unit
 * project collects tests under apps/api/src only.
 */
let fake: FakeStripe;
let sdk: Stripe;

beforeEach(async () => {
  fake = await startFakeStripe();
  sdk = new Stripe(FAKE_STRIPE_SECRET_KEY, { apiVersion: STRIPE_API_VERSION, host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 });
});
afterEach(async () => {
  await fake.close();
});

async function capturedIntent(amount = 10_000) {
  const intent = await sdk.paymentIntents.create({
    amount,
    currency: 'usd',
    capture_method: 'manual',
    payment_method: 'pm_card_visa',
    confirm: true,
    transfer_group: 'offer_1',
    metadata: { offer_id: '1' },
  });
  expect(intent.status).toBe('requires_capture');
  return sdk.paymentIntents.capture(intent.id);
}

async function activeAccount() {
  const account = await sdk.accounts.create({ capabilities: { transfers: { requested: true } } });
  fake.activateAccount(account.id);
  return account.id;
}

describe('fake Stripe', () => {
  it('a transfer without source_transaction needs available balance (case 16)', async () => {
    const destination = await activeAccount();
    await expect(sdk.transfers.create({ amount: 500, currency: 'usd', destination })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'balance_insufficient',
    });
    fake.state.addAvailableBalance('usd', 500);
    await expect(sdk.transfers.create({ amount: 500, currency: 'usd', destination })).resolves.toMatchObject({ amount: 500, source_transaction: null });
  });

  it('a transfer with source_transaction is funded by the charge even while its funds are pending', async () => {
    fake.holdFundsAsPending();
    const intent = await capturedIntent();
    const destination = await activeAccount();
    const transfer = await sdk.transfers.create({ amount: 8_500, currency: 'usd', destination, source_transaction: intent.latest_charge as string });
    expect(transfer.amount).toBe(8_500);
    expect(fake.state.balance('usd')).toEqual({ available: 0, pending: 1_500 });
  });

  it('an account that never requested transfers cannot be activated or paid', async () => {
    const account = await sdk.accounts.create({});
    expect(() => fake.activateAccount(account.id)).toThrow(/never requested/);
    fake.state.addAvailableBalance('usd', 100);
    await expect(sdk.transfers.create({ amount: 100, currency: 'usd', destination: account.id })).rejects.toMatchObject({ code: 'account_invalid' });
  });

  it('an expired authorisation is cancelled automatically and can no longer be captured', async () => {
    const intent = await sdk.paymentIntents.create({ amount: 1_000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true });
    fake.expireAuthorisation(intent.id);
    const canceled = fake.events.findLast((e) => e.type === 'payment_intent.canceled');
    expect(canceled?.data.object).toMatchObject({ id: intent.id, cancellation_reason: 'automatic' });
    await expect(sdk.paymentIntents.capture(intent.id)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('refuses calls on behalf of a connected account: it models platform calls only', async () => {
    await expect(sdk.balance.retrieve({}, { stripeAccount: 'acct_123' })).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
    expect(fake.requests.at(-1)?.stripeAccount).toBe('acct_123');
  });

  it('emits the events Stripe would, each a snapshot of the object at that moment, with the request that caused it', async () => {
    const intent = await capturedIntent(1_000);
    await sdk.refunds.create({ payment_intent: intent.id, amount: 400 }, { idempotencyKey: 'refund-1' });

    expect(fake.events.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'payment_intent.amount_capturable_updated',
      'payment_intent.succeeded',
      'refund.created',
      'charge.refunded',
    ]);
    const [created, , succeeded, refunded] = fake.events;
    expect(created?.data.object).toMatchObject({ status: 'requires_payment_method' });
    expect(succeeded?.data.object).toMatchObject({ status: 'succeeded', amount_received: 1_000 });
    expect(refunded).toMatchObject({ data: { object: { status: 'succeeded', metadata: {} } }, request: { idempotency_key: 'refund-1' } });
  });

  it('lists newest first with a cursor, like Stripe', async () => {
    const destination = await activeAccount();
    fake.state.addAvailableBalance('usd', 300);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await sdk.transfers.create({ amount: 100, currency: 'usd', destination, transfer_group: 'g' })).id);
    const first = await sdk.transfers.list({ transfer_group: 'g', limit: 2 });
    expect(first.data.map((t) => t.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = await sdk.transfers.list({ transfer_group: 'g', limit: 2, starting_after: ids[1] });
    expect(second.data.map((t) => t.id)).toEqual([ids[0]]);
    expect(second.has_more).toBe(false);
  });
});

describe('stripeEndpoint', () => {
  it('splits an API base URL into the SDK settings', () => {
    expect(stripeEndpoint(new URL('http://127.0.0.1:12111'))).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
    expect(stripeEndpoint(new URL('https://api.stripe.com'))).toEqual({ host: 'api.stripe.com', port: 443, protocol: 'https' });
    expect(stripeEndpoint(new URL('http://[::1]:8080/'))).toEqual({ host: '::1', port: 8080, protocol: 'http' });
  });
});

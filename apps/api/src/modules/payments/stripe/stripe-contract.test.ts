import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { PaymentProviderError } from '../payment-provider.port.js';
import { STRIPE_API_VERSION, StripePaymentProvider } from './stripe-provider.js';

/**
 * Contract tests against real Stripe, test mode only (payments-escrow.md §7, "Contract"): the
 * same adapter calls the fake answers, checked against the real API. Skipped unless
 * STRIPE_SECRET_KEY is a `sk_test_…` key; the transfer step also needs
 * STRIPE_TEST_CONNECTED_ACCOUNT, an `acct_…` of that platform whose `transfers` capability is
 * active (onboard one once in the test-mode dashboard).
 *
 * To run: the unit project's network guard (tests/support/block-network.ts) lets tests reach
 * loopback only, so api.stripe.com must be allowed there first, as ELASTICSEARCH_URL is.
 */
// eslint-disable-next-line no-restricted-properties -- opt-in contract suite, like the harness settings in apps/api/test/global-setup.ts
const secretKey = process.env.STRIPE_SECRET_KEY ?? '';
// eslint-disable-next-line no-restricted-properties -- opt-in contract suite: a test-mode connected account to pay
const connectedAccount = process.env.STRIPE_TEST_CONNECTED_ACCOUNT ?? '';
const enabled = secretKey.startsWith('sk_test_');

describe.skipIf(!enabled)('Stripe test mode contract', { timeout: 60_000 }, () => {
  // Built in beforeAll: a skipped suite's body still runs at collection, where there is no key.
  let stripe: StripePaymentProvider;
  /** Stands in for the brand's browser (Payment Element): server-side confirmation with a test card. */
  let sdk: Stripe;
  beforeAll(() => {
    stripe = new StripePaymentProvider({ secretKey, maxNetworkRetries: 2 });
    sdk = new Stripe(secretKey, { apiVersion: STRIPE_API_VERSION });
  });
  const run = randomUUID();
  const offerId = `contract-${run}`;
  const key = (step: string) => `contract:${run}:${step}`;
  const money = { amount: 2_000, currency: 'USD' };

  it('hold → capture → transfer → refund, reconciled by group and payment', async () => {
    const hold = await stripe.createHold({ offerId, money, description: `Contract test ${run}`, idempotencyKey: key('pi') });
    expect(hold).toMatchObject({ status: 'requires_payment_method', amount: 2_000, currency: 'USD', chargeId: null });
    expect(hold.clientSecret).toBeTruthy();

    // `pm_card_bypassPending`: the funds are available at once, so the refund is not left pending.
    await sdk.paymentIntents.confirm(hold.id, { payment_method: 'pm_card_bypassPending' });
    const held = await stripe.retrieveHold(hold.id);
    expect(held.status).toBe('requires_capture');
    expect(held.captureBefore).toBeInstanceOf(Date);

    const captured = await stripe.captureHold({ holdId: hold.id, idempotencyKey: key('capture') });
    expect(captured.status).toBe('succeeded');
    expect(captured.chargeId).toMatch(/^(ch|py)_/);

    if (connectedAccount) {
      const transfer = await stripe.transfer({
        money: { amount: 1_500, currency: 'USD' },
        destinationAccountId: connectedAccount,
        sourceChargeId: captured.chargeId!,
        transferGroup: `offer_${offerId}`,
        idempotencyKey: key('transfer'),
        metadata: { offer_id: offerId },
      });
      expect(transfer).toMatchObject({ amount: 1_500, currency: 'USD', destination: connectedAccount, reversed: false });
      expect((await stripe.listTransfers(`offer_${offerId}`)).map((t) => t.id)).toEqual([transfer.id]);
    }

    const refund = await stripe.refund({ holdId: hold.id, amount: 500, idempotencyKey: key('refund'), metadata: { offer_id: offerId } });
    expect(refund).toMatchObject({ amount: 500, currency: 'USD' });
    expect(['succeeded', 'pending']).toContain(refund.status);
    expect((await stripe.listRefunds(hold.id)).map((r) => r.id)).toEqual([refund.id]);
  });

  it('an idempotency key replays its first answer and refuses other parameters', async () => {
    const input = { offerId, money, description: `Contract test ${run}`, idempotencyKey: key('replay') };
    const first = await stripe.createHold(input);
    expect((await stripe.createHold(input)).id).toBe(first.id);
    await expect(stripe.createHold({ ...input, money: { amount: 2_001, currency: 'USD' } })).rejects.toMatchObject({
      kind: 'definitive',
      code: 'idempotency_error',
    });
    await stripe.cancelHold({ holdId: first.id, reason: 'abandoned', idempotencyKey: key('replay-void') });
  });

  it('a new payout account needs onboarding: transfers inactive, requirements due, an Account Link', async () => {
    const account = await stripe.createPayoutAccount({ userId: run, email: `contract+${run}@example.com`, country: 'US', idempotencyKey: key('account') });
    expect(account.id).toMatch(/^acct_/);
    expect(account.transfersActive).toBe(false);
    const link = await stripe.onboardingLink({ accountId: account.id, refreshUrl: 'https://example.com/refresh', returnUrl: 'https://example.com/return' });
    expect(link).toMatch(/^https:\/\/connect\.stripe\.com\//);
  });

  it('a transfer to an account that cannot receive money yet is definitive account_invalid (as the fake answers)', async () => {
    const hold = await stripe.createHold({ offerId, money, description: `Contract test ${run}`, idempotencyKey: key('pi-2') });
    await sdk.paymentIntents.confirm(hold.id, { payment_method: 'pm_card_bypassPending' });
    const captured = await stripe.captureHold({ holdId: hold.id, idempotencyKey: key('capture-2') });
    const account = await stripe.createPayoutAccount({ userId: `${run}-2`, email: `contract+${run}-2@example.com`, country: 'US', idempotencyKey: key('account-2') });

    const error: unknown = await stripe
      .transfer({
        money: { amount: 100, currency: 'USD' },
        destinationAccountId: account.id,
        sourceChargeId: captured.chargeId!,
        transferGroup: `offer_${offerId}`,
        idempotencyKey: key('transfer-inactive'),
        metadata: { offer_id: offerId },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentProviderError);
    // The fake and the simulated provider answer account_invalid, and the payments service
    // turns that code into payout_blocked; a different real code must be mapped in the adapter.
    expect(error).toMatchObject({ kind: 'definitive', code: 'account_invalid' });
  });
});

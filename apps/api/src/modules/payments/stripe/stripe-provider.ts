import Stripe from 'stripe';
import type {
  Hold,
  HoldStatus,
  PaymentProvider,
  PayoutAccount,
  ProviderMoney,
  Refund,
  RefundStatus,
  Transfer,
  TransferRequest,
} from '../payment-provider.port.js';
import { callStripe } from './stripe-errors.js';

/**
 * The API version this adapter is written against: the one stripe@23.1.0 was generated for.
 * Pinned explicitly so an SDK upgrade that moves it fails type-checking here instead of silently
 * changing request and webhook shapes (create webhook endpoints with the same version).
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;

export interface StripeProviderOptions {
  secretKey: string;
  /** Defaults to api.stripe.com over https; tests point these at the in-process fake. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  timeoutMs?: number;
  /** SDK retries reuse our idempotency key, so they are safe; 0 makes every failure visible. */
  maxNetworkRetries?: number;
}

/**
 * An API base URL (configuration's `STRIPE_API_BASE`, e.g. a local fake) as the SDK's
 * host/port/protocol settings — stripe-node takes them separately since v22.
 */
export function stripeEndpoint(apiBase: URL): Pick<StripeProviderOptions, 'host' | 'port' | 'protocol'> {
  const protocol = apiBase.protocol === 'http:' ? 'http' : 'https';
  return {
    host: apiBase.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: apiBase.port ? Number(apiBase.port) : protocol === 'http' ? 80 : 443,
    protocol,
  };
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_NETWORK_RETRIES = 2;
/** Objects are read with their charge so a hold always carries `chargeId` and `captureBefore`. */
const WITH_CHARGE = ['latest_charge'];

/**
 * Stripe Connect, separate charges and transfers (payments-escrow.md §6.1): the brand's card is
 * held by a manual-capture PaymentIntent on the platform, captured funds stay in the platform
 * balance, and release is a Transfer funded by the offer's charge. A thin translation: no state
 * machine, no ledger — every Stripe failure becomes a classified `PaymentProviderError`.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly kind = 'stripe' as const;
  private readonly stripe: Stripe;

  constructor(options: StripeProviderOptions) {
    this.stripe = new Stripe(options.secretKey, {
      apiVersion: STRIPE_API_VERSION,
      typescript: true,
      host: options.host,
      port: options.port,
      protocol: options.protocol,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxNetworkRetries: options.maxNetworkRetries ?? DEFAULT_MAX_NETWORK_RETRIES,
      // Usage telemetry would add a header to every request; we have no use for it.
      telemetry: false,
    });
  }

  createHold(input: { offerId: string; money: ProviderMoney; description: string; idempotencyKey: string }): Promise<Hold> {
    return callStripe(async () =>
      toHold(
        await this.stripe.paymentIntents.create(
          {
            amount: input.money.amount,
            currency: input.money.currency.toLowerCase(),
            capture_method: 'manual',
            // Cards only: a hold must be capturable later. (API `endive` renamed `payment_method_types`.)
            allowed_payment_method_types: ['card'],
            transfer_group: `offer_${input.offerId}`,
            metadata: { offer_id: input.offerId },
            description: input.description,
            expand: WITH_CHARGE,
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      ),
    );
  }

  retrieveHold(holdId: string): Promise<Hold> {
    return callStripe(async () => toHold(await this.stripe.paymentIntents.retrieve(holdId, { expand: WITH_CHARGE })));
  }

  captureHold(input: { holdId: string; idempotencyKey: string }): Promise<Hold> {
    return callStripe(async () =>
      toHold(await this.stripe.paymentIntents.capture(input.holdId, { expand: WITH_CHARGE }, { idempotencyKey: input.idempotencyKey })),
    );
  }

  cancelHold(input: { holdId: string; reason: 'requested_by_customer' | 'abandoned'; idempotencyKey: string }): Promise<Hold> {
    return callStripe(async () =>
      toHold(
        await this.stripe.paymentIntents.cancel(
          input.holdId,
          { cancellation_reason: input.reason, expand: WITH_CHARGE },
          { idempotencyKey: input.idempotencyKey },
        ),
      ),
    );
  }

  refund(input: { holdId: string; amount: number; idempotencyKey: string; metadata: Record<string, string> }): Promise<Refund> {
    return callStripe(async () =>
      toRefund(
        await this.stripe.refunds.create(
          { payment_intent: input.holdId, amount: input.amount, metadata: input.metadata },
          { idempotencyKey: input.idempotencyKey },
        ),
      ),
    );
  }

  retrieveRefund(refundId: string): Promise<Refund> {
    return callStripe(async () => toRefund(await this.stripe.refunds.retrieve(refundId)));
  }

  /**
   * A platform call (no `Stripe-Account` header): money leaves the platform balance for the
   * destination. `source_transaction` ties it to the offer's charge, so it may run before the
   * charge's funds are available and cannot be drained by other payouts.
   */
  transfer(input: TransferRequest): Promise<Transfer> {
    return callStripe(async () =>
      toTransfer(
        await this.stripe.transfers.create(
          {
            amount: input.money.amount,
            currency: input.money.currency.toLowerCase(),
            destination: input.destinationAccountId,
            source_transaction: input.sourceChargeId,
            transfer_group: input.transferGroup,
            metadata: input.metadata,
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      ),
    );
  }

  listTransfers(transferGroup: string): Promise<Transfer[]> {
    return callStripe(async () => {
      const transfers: Transfer[] = [];
      for await (const transfer of this.stripe.transfers.list({ transfer_group: transferGroup, limit: 100 })) {
        transfers.push(toTransfer(transfer));
      }
      return transfers;
    });
  }

  listRefunds(holdId: string): Promise<Refund[]> {
    return callStripe(async () => {
      const refunds: Refund[] = [];
      for await (const refund of this.stripe.refunds.list({ payment_intent: holdId, limit: 100 })) {
        refunds.push(toRefund(refund));
      }
      return refunds;
    });
  }

  /**
   * An Express-style account expressed with controller properties (payments-escrow.md §1.5):
   * Stripe collects the requirements and hosts the dashboard; the platform pays the fees and
   * bears the losses. Influencers only receive money, so only `transfers` is requested.
   */
  createPayoutAccount(input: { userId: string; email: string; country: string | null; idempotencyKey: string }): Promise<PayoutAccount> {
    return callStripe(async () =>
      toPayoutAccount(
        await this.stripe.accounts.create(
          {
            ...(input.country ? { country: input.country } : {}),
            email: input.email,
            controller: {
              stripe_dashboard: { type: 'express' },
              fees: { payer: 'application' },
              losses: { payments: 'application' },
              requirement_collection: 'stripe',
            },
            capabilities: { transfers: { requested: true } },
            metadata: { user_id: input.userId },
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      ),
    );
  }

  retrievePayoutAccount(accountId: string): Promise<PayoutAccount> {
    return callStripe(async () => toPayoutAccount(await this.stripe.accounts.retrieve(accountId)));
  }

  /** Account Links are single-use and short-lived, so one is made for every visit; none when nothing is left to do. */
  async onboardingLink(input: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<string | null> {
    const account = await this.retrievePayoutAccount(input.accountId);
    if (account.transfersActive && account.requirementsDue.length === 0) return null;
    return callStripe(async () => {
      const link = await this.stripe.accountLinks.create({
        account: input.accountId,
        refresh_url: input.refreshUrl,
        return_url: input.returnUrl,
        type: 'account_onboarding',
      });
      return link.url;
    });
  }
}

const HOLD_STATUSES: readonly HoldStatus[] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
];
/** The browser still has something to do with the card only in these states. */
const CONFIRMABLE: readonly HoldStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

function toHoldStatus(status: string): HoldStatus {
  // A status newer than our pinned version would be a surprise; "processing" makes callers wait
  // and re-read rather than act on it.
  return HOLD_STATUSES.find((known) => known === status) ?? 'processing';
}

function toHold(intent: Stripe.PaymentIntent): Hold {
  const status = toHoldStatus(intent.status);
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const captured = charge ? charge.captured : status === 'succeeded';
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (charge?.id ?? null);
  const captureBefore = charge?.payment_method_details?.card?.capture_before;
  return {
    id: intent.id,
    status,
    amount: intent.amount,
    currency: intent.currency.toUpperCase(),
    clientSecret: CONFIRMABLE.includes(status) ? intent.client_secret : null,
    // The port promises the charge once captured: it is the release transfer's source.
    chargeId: captured ? chargeId : null,
    captureBefore: captureBefore === undefined ? null : new Date(captureBefore * 1000),
  };
}

const REFUND_STATUSES: readonly RefundStatus[] = ['pending', 'requires_action', 'succeeded', 'failed', 'canceled'];

function toRefund(refund: Stripe.Refund): Refund {
  return {
    id: refund.id,
    // Stripe may leave the status empty while the refund is being set up: it is not final yet.
    status: REFUND_STATUSES.find((known) => known === refund.status) ?? 'pending',
    amount: refund.amount,
    currency: refund.currency.toUpperCase(),
  };
}

function toTransfer(transfer: Stripe.Transfer): Transfer {
  return {
    id: transfer.id,
    amount: transfer.amount,
    currency: transfer.currency.toUpperCase(),
    // Always set on the transfers we make (the type allows null for other kinds).
    destination: typeof transfer.destination === 'string' ? transfer.destination : (transfer.destination?.id ?? ''),
    reversed: transfer.reversed,
  };
}

function toPayoutAccount(account: Stripe.Account): PayoutAccount {
  return {
    id: account.id,
    transfersActive: account.capabilities?.transfers === 'active',
    payoutsEnabled: account.payouts_enabled ?? false,
    requirementsDue: account.requirements?.currently_due ?? [],
  };
}

/**
 * The one interface the offers and payments code uses to move money. Two adapters implement it:
 * `simulated` (records every operation in PostgreSQL; the default without STRIPE_SECRET_KEY) and
 * `stripe` (Stripe Connect, separate charges and transfers; `stripe/stripe-provider.ts`).
 *
 * Rules every caller follows and every adapter may rely on:
 * - Every money call carries an `idempotencyKey` that is stored before the call and reused on
 *   every retry of the same operation (Stripe's `Idempotency-Key`). Same key, same parameters →
 *   the same result; same key with different parameters is a bug (`idempotency_error`).
 * - Amounts are integer minor units; currencies are upper-case ISO codes (adapters lower-case
 *   them for Stripe).
 * - Adapters hold no business logic: no state machine, no ledger. They translate and classify
 *   errors.
 */
export type ProviderKind = 'simulated' | 'stripe';

export interface ProviderMoney {
  amount: number;
  currency: string;
}

/** Status of a held payment, in Stripe's PaymentIntent vocabulary. */
export type HoldStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface Hold {
  /** `pi_…` for Stripe. */
  id: string;
  status: HoldStatus;
  amount: number;
  currency: string;
  /** What the brand's browser needs to confirm the card (Stripe Payment Element); null when nothing to confirm. */
  clientSecret: string | null;
  /** The charge, once captured (`ch_…`): the `source_transaction` of the release transfer. */
  chargeId: string | null;
  /** The card authorisation lapses at this time (Stripe `latest_charge.payment_method_details.card.capture_before`). */
  captureBefore: Date | null;
}

export type RefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';
export interface Refund {
  id: string;
  status: RefundStatus;
  amount: number;
  currency: string;
}

export interface Transfer {
  id: string;
  amount: number;
  currency: string;
  destination: string;
  reversed: boolean;
}

export interface TransferRequest {
  money: ProviderMoney;
  destinationAccountId: string;
  sourceChargeId: string;
  transferGroup: string;
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface PayoutAccount {
  /** `acct_…` for Stripe. */
  id: string;
  /** The `transfers` capability is active: we may send this account money. */
  transfersActive: boolean;
  payoutsEnabled: boolean;
  /** Requirements still due (`requirements.currently_due`). */
  requirementsDue: string[];
}

export interface PaymentProvider {
  readonly kind: ProviderKind;

  /** Place a hold for an offer: a manual-capture payment tagged `transfer_group=offer_<id>` and `metadata.offer_id`. */
  createHold(input: { offerId: string; money: ProviderMoney; description: string; idempotencyKey: string }): Promise<Hold>;
  retrieveHold(holdId: string): Promise<Hold>;
  /** Capture the full held amount. */
  captureHold(input: { holdId: string; idempotencyKey: string }): Promise<Hold>;
  /** Void an uncaptured hold; nothing is charged. */
  cancelHold(input: { holdId: string; reason: 'requested_by_customer' | 'abandoned'; idempotencyKey: string }): Promise<Hold>;

  /** Return money to the brand's card. */
  refund(input: { holdId: string; amount: number; idempotencyKey: string; metadata: Record<string, string> }): Promise<Refund>;
  retrieveRefund(refundId: string): Promise<Refund>;
  /** Move money from the platform balance to an influencer's connected account, funded by the offer's charge. */
  transfer(input: TransferRequest): Promise<Transfer>;
  /** Transfers of one group (reconciliation). */
  listTransfers(transferGroup: string): Promise<Transfer[]>;
  /** Refunds of one hold (reconciliation). */
  listRefunds(holdId: string): Promise<Refund[]>;

  /** A connected account for an influencer (Express-style, `transfers` capability requested). */
  createPayoutAccount(input: { userId: string; email: string; country: string | null; idempotencyKey: string }): Promise<PayoutAccount>;
  retrievePayoutAccount(accountId: string): Promise<PayoutAccount>;
  /** Where to send the influencer to finish onboarding (Stripe Account Link); null when nothing is due. */
  onboardingLink(input: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<string | null>;
}

/**
 * A provider failure, classified. `retryable` failures (network, timeouts, 5xx, 429, lock
 * contention) are retried later with the same idempotency key; `definitive` ones (card
 * declined, invalid request, account cannot receive transfers) are not.
 */
export class PaymentProviderError extends Error {
  constructor(
    message: string,
    readonly kind: 'retryable' | 'definitive',
    /** Provider's error code, e.g. `card_declined`, `idempotency_error`, `account_invalid`. */
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PaymentProviderError';
  }
}

/** A verified provider webhook, reduced to what handlers need: they re-read the object, never trust the payload's state. */
export interface ProviderEvent {
  id: string;
  type: string;
  /** Which endpoint received it. */
  endpoint: 'platform' | 'connect';
  /** Connected account (`acct_…`) for Connect events. */
  account: string | null;
  livemode: boolean;
  created: Date;
  /** `data.object.id` and `data.object.object` (e.g. `pi_…`, `payment_intent`). */
  objectId: string | null;
  objectType: string | null;
  /** `data.object.metadata.offer_id` when present. */
  offerId: string | null;
  payload: unknown;
}

/** Checks a webhook's signature over the raw body and reads the event; throws when it is not genuine. */
export interface WebhookVerifier {
  verify(endpoint: 'platform' | 'connect', rawBody: Buffer, signatureHeader: string | undefined): ProviderEvent;
}

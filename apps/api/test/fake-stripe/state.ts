import { cardDeclined, invalidRequest, noSuch } from './errors.js';
import type {
  FakeAccount,
  FakeAccountLink,
  FakeCharge,
  FakeEvent,
  FakeObject,
  FakePaymentIntent,
  FakeRefund,
  FakeTransfer,
} from './objects.js';
import {
  nested,
  optionalBoolean,
  optionalPositiveInteger,
  optionalString,
  requiredPositiveInteger,
  requiredString,
  stringList,
  stringMap,
  type Params,
} from './params.js';

/** Card authorisations lapse after 7 days (payments-escrow.md §1.2). */
const AUTHORISATION_SECONDS = 7 * 86_400;
const EVENT_API_VERSION = '2026-10-28.endive';
/** What a new Express-style account still owes before Stripe activates `transfers`. */
const ONBOARDING_REQUIREMENTS = ['external_account', 'individual.first_name', 'individual.last_name', 'tos_acceptance.date', 'tos_acceptance.ip'];

/** Test card payment methods the fake understands, after Stripe's test-mode ids. */
const DECLINING_PAYMENT_METHODS = new Set(['pm_card_chargeDeclined', 'pm_card_visa_chargeDeclined']);

export interface FakeStripeStateOptions {
  /** The fake's clock (authorisation expiry, `created` stamps). */
  now?: () => Date;
}

/** Who asked: the idempotency key lands in events' `request`, like Stripe's. */
export interface RequestContext {
  requestId: string;
  idempotencyKey: string | null;
}

interface Balance {
  available: number;
  pending: number;
}

/**
 * Stripe's money rules, in memory, for one platform account. Every mutation records the events a
 * real Stripe would send. Rules kept (each one guards a mistake our code could make):
 * - capture only from `requires_capture` and before `capture_before`; cancel only before capture;
 * - a refund is at most captured − refunded; it succeeds from the available balance, or stays
 *   `pending` until funds become available (`makeFundsAvailable`);
 * - a transfer needs `source_transaction` (a captured charge with enough left, same currency) or
 *   enough available balance; the destination must exist with `transfers` active.
 */
export class FakeStripeState {
  readonly paymentIntents = new Map<string, FakePaymentIntent>();
  readonly charges = new Map<string, FakeCharge>();
  readonly refunds = new Map<string, FakeRefund>();
  readonly transfers = new Map<string, FakeTransfer>();
  readonly accounts = new Map<string, FakeAccount>();
  readonly events: FakeEvent[] = [];
  /** Platform balance per lower-case currency. */
  readonly balances = new Map<string, Balance>();
  /** Whether captured funds land in the available balance at once (Stripe: usually days later). */
  fundsAvailableOnCapture = true;

  private readonly now: () => Date;
  private sequence = 0;
  private readonly pendingCharges = new Set<string>();

  constructor(options: FakeStripeStateOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  // ── Payment intents ─────────────────────────────────────────────────────────────────────────

  createPaymentIntent(params: Params, context: RequestContext): FakePaymentIntent {
    const id = this.newId('pi');
    const intent: FakePaymentIntent = {
      id,
      object: 'payment_intent',
      amount: requiredPositiveInteger(params, 'amount'),
      amount_capturable: 0,
      amount_received: 0,
      currency: requiredString(params, 'currency').toLowerCase(),
      status: 'requires_payment_method',
      capture_method: optionalString(params, 'capture_method') === 'manual' ? 'manual' : 'automatic',
      client_secret: `${id}_secret_${this.sequence}`,
      allowed_payment_method_types: stringList(params, 'allowed_payment_method_types'),
      payment_method: null,
      transfer_group: optionalString(params, 'transfer_group') ?? null,
      description: optionalString(params, 'description') ?? null,
      metadata: stringMap(params, 'metadata'),
      latest_charge: null,
      cancellation_reason: null,
      last_payment_error: null,
      created: this.seconds(),
      livemode: false,
    };
    this.paymentIntents.set(id, intent);
    this.emit('payment_intent.created', intent, context);
    const paymentMethod = optionalString(params, 'payment_method');
    if (optionalBoolean(params, 'confirm') && paymentMethod) return this.confirmPaymentIntent(id, paymentMethod, context);
    return intent;
  }

  /** The brand's browser confirming the card (Payment Element); the test helper `confirm()` calls this. */
  confirmPaymentIntent(id: string, paymentMethod: string, context: RequestContext): FakePaymentIntent {
    const intent = this.paymentIntent(id);
    if (intent.status !== 'requires_payment_method') {
      throw invalidRequest(`This PaymentIntent's status is ${intent.status}; it cannot be confirmed.`, 'payment_intent_unexpected_state');
    }
    intent.payment_method = paymentMethod;
    if (DECLINING_PAYMENT_METHODS.has(paymentMethod)) {
      intent.last_payment_error = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
      this.emit('payment_intent.payment_failed', intent, context);
      throw cardDeclined();
    }
    const charge = this.authorise(intent);
    intent.latest_charge = charge.id;
    intent.last_payment_error = null;
    if (intent.capture_method === 'automatic') return this.settleCapture(intent, charge, intent.amount, context);
    intent.status = 'requires_capture';
    intent.amount_capturable = intent.amount;
    this.emit('payment_intent.amount_capturable_updated', intent, context);
    return intent;
  }

  capturePaymentIntent(id: string, params: Params, context: RequestContext): FakePaymentIntent {
    const intent = this.paymentIntent(id);
    if (intent.status !== 'requires_capture') {
      throw invalidRequest(
        `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        'payment_intent_unexpected_state',
      );
    }
    const charge = this.charge(intent.latest_charge ?? '');
    if (charge.payment_method_details.card.capture_before <= this.seconds()) {
      throw invalidRequest('The charge authorization has expired and can no longer be captured.', 'charge_expired_for_capture');
    }
    const amount = optionalPositiveInteger(params, 'amount_to_capture') ?? intent.amount;
    if (amount > intent.amount_capturable) throw invalidRequest('The amount to capture exceeds the capturable amount.', 'amount_too_large', 'amount_to_capture');
    return this.settleCapture(intent, charge, amount, context);
  }

  cancelPaymentIntent(id: string, params: Params, context: RequestContext): FakePaymentIntent {
    const intent = this.paymentIntent(id);
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      throw invalidRequest(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
        'payment_intent_unexpected_state',
      );
    }
    return this.cancel(intent, optionalString(params, 'cancellation_reason') ?? null, context);
  }

  /** The card network letting an uncaptured authorisation lapse: Stripe cancels it with `automatic`. */
  expireAuthorisation(id: string): FakePaymentIntent {
    const intent = this.paymentIntent(id);
    if (intent.status !== 'requires_capture') throw new Error(`expireAuthorisation: ${id} is ${intent.status}, not requires_capture`);
    return this.cancel(intent, 'automatic', { requestId: this.newId('req'), idempotencyKey: null });
  }

  // ── Refunds ─────────────────────────────────────────────────────────────────────────────────

  createRefund(params: Params, context: RequestContext): FakeRefund {
    const charge = this.refundableCharge(params);
    const unrefunded = charge.amount_captured - charge.amount_refunded;
    const amount = optionalPositiveInteger(params, 'amount') ?? unrefunded;
    if (unrefunded === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
    if (amount > unrefunded) {
      throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${unrefunded})`, 'amount_too_large', 'amount');
    }
    const refund: FakeRefund = {
      id: this.newId('re'),
      object: 'refund',
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      status: 'pending',
      reason: optionalString(params, 'reason') ?? null,
      metadata: stringMap(params, 'metadata'),
      created: this.seconds(),
    };
    this.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    // Refunds draw on the available balance; without enough, Stripe leaves them pending.
    this.settleRefund(refund);
    this.emit('refund.created', refund, context);
    this.emit('charge.refunded', charge, context);
    return refund;
  }

  // ── Transfers ───────────────────────────────────────────────────────────────────────────────

  createTransfer(params: Params, context: RequestContext): FakeTransfer {
    const amount = requiredPositiveInteger(params, 'amount');
    const currency = requiredString(params, 'currency').toLowerCase();
    const destination = this.transferDestination(requiredString(params, 'destination'));
    const sourceTransaction = optionalString(params, 'source_transaction') ?? null;
    if (sourceTransaction) this.debitSourceCharge(sourceTransaction, amount, currency);
    else this.debitAvailable(currency, amount);
    const transfer: FakeTransfer = {
      id: this.newId('tr'),
      object: 'transfer',
      amount,
      amount_reversed: 0,
      currency,
      destination: destination.id,
      source_transaction: sourceTransaction,
      transfer_group: optionalString(params, 'transfer_group') ?? null,
      reversed: false,
      metadata: stringMap(params, 'metadata'),
      created: this.seconds(),
      livemode: false,
    };
    this.transfers.set(transfer.id, transfer);
    this.emit('transfer.created', transfer, context);
    return transfer;
  }

  // ── Connected accounts ──────────────────────────────────────────────────────────────────────

  createAccount(params: Params): FakeAccount {
    const transfersRequested = optionalBoolean(nested(params, 'capabilities', 'transfers'), 'requested');
    const account: FakeAccount = {
      id: this.newId('acct'),
      object: 'account',
      email: optionalString(params, 'email') ?? null,
      country: optionalString(params, 'country') ?? 'US',
      controller: nested(params, 'controller'),
      capabilities: transfersRequested ? { transfers: 'inactive' } : {},
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      requirements: {
        currently_due: [...ONBOARDING_REQUIREMENTS],
        eventually_due: [...ONBOARDING_REQUIREMENTS],
        past_due: [],
        disabled_reason: 'requirements.past_due',
      },
      metadata: stringMap(params, 'metadata'),
      created: this.seconds(),
    };
    this.accounts.set(account.id, account);
    return account;
  }

  /** The influencer finishing onboarding: Stripe activates the requested `transfers` and says so on the Connect endpoint. */
  activateAccount(id: string): FakeAccount {
    const account = this.account(id);
    if (account.capabilities.transfers === undefined) throw new Error(`activateAccount: ${id} never requested the transfers capability`);
    account.capabilities.transfers = 'active';
    account.payouts_enabled = true;
    account.details_submitted = true;
    account.requirements = { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null };
    this.emit('account.updated', account, { requestId: this.newId('req'), idempotencyKey: null }, account.id);
    return account;
  }

  createAccountLink(params: Params): FakeAccountLink {
    const account = this.account(requiredString(params, 'account'), 'account');
    requiredString(params, 'type');
    requiredString(params, 'refresh_url');
    requiredString(params, 'return_url');
    const created = this.seconds();
    return { object: 'account_link', url: `https://connect.stripe.test/setup/e/${account.id}/${this.newId('link')}`, created, expires_at: created + 300 };
  }

  // ── Balance ─────────────────────────────────────────────────────────────────────────────────

  /** Stripe's payout delay passing: pending funds become available, and waiting refunds settle. */
  makeFundsAvailable(): void {
    for (const balance of this.balances.values()) {
      balance.available += balance.pending;
      balance.pending = 0;
    }
    this.pendingCharges.clear();
    for (const refund of this.refunds.values()) {
      if (refund.status === 'pending' && this.settleRefund(refund)) {
        this.emit('refund.updated', refund, { requestId: this.newId('req'), idempotencyKey: null });
      }
    }
  }

  /** Money already on the platform (e.g. earlier sales), for transfers without `source_transaction`. */
  addAvailableBalance(currency: string, amount: number): void {
    this.balance(currency).available += amount;
  }

  balance(currency: string): Balance {
    const key = currency.toLowerCase();
    let balance = this.balances.get(key);
    if (!balance) {
      balance = { available: 0, pending: 0 };
      this.balances.set(key, balance);
    }
    return balance;
  }

  // ── Lookups ─────────────────────────────────────────────────────────────────────────────────

  paymentIntent(id: string): FakePaymentIntent {
    const intent = this.paymentIntents.get(id);
    if (!intent) throw noSuch('payment_intent', id);
    return intent;
  }

  charge(id: string, param = 'id'): FakeCharge {
    const charge = this.charges.get(id);
    if (!charge) throw noSuch('charge', id, param);
    return charge;
  }

  refund(id: string): FakeRefund {
    const refund = this.refunds.get(id);
    if (!refund) throw noSuch('refund', id);
    return refund;
  }

  transfer(id: string): FakeTransfer {
    const transfer = this.transfers.get(id);
    if (!transfer) throw noSuch('transfer', id);
    return transfer;
  }

  account(id: string, param = 'id'): FakeAccount {
    const account = this.accounts.get(id);
    if (!account) throw noSuch('account', id, param);
    return account;
  }

  newId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}_fake${String(this.sequence).padStart(8, '0')}`;
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────────

  private authorise(intent: FakePaymentIntent): FakeCharge {
    const charge: FakeCharge = {
      id: this.newId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: 0,
      amount_refunded: 0,
      captured: false,
      refunded: false,
      paid: true,
      status: 'succeeded',
      currency: intent.currency,
      payment_intent: intent.id,
      transfer_group: intent.transfer_group,
      metadata: { ...intent.metadata },
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242', capture_before: this.seconds() + AUTHORISATION_SECONDS } },
      created: this.seconds(),
      livemode: false,
    };
    this.charges.set(charge.id, charge);
    return charge;
  }

  private settleCapture(intent: FakePaymentIntent, charge: FakeCharge, amount: number, context: RequestContext): FakePaymentIntent {
    intent.status = 'succeeded';
    intent.amount_capturable = 0;
    intent.amount_received = amount;
    charge.captured = true;
    charge.amount_captured = amount;
    const balance = this.balance(charge.currency);
    if (this.fundsAvailableOnCapture) {
      balance.available += amount;
    } else {
      balance.pending += amount;
      this.pendingCharges.add(charge.id);
    }
    this.emit('payment_intent.succeeded', intent, context);
    return intent;
  }

  private cancel(intent: FakePaymentIntent, reason: string | null, context: RequestContext): FakePaymentIntent {
    intent.status = 'canceled';
    intent.amount_capturable = 0;
    intent.cancellation_reason = reason;
    this.emit('payment_intent.canceled', intent, context);
    return intent;
  }

  private refundableCharge(params: Params): FakeCharge {
    const paymentIntentId = optionalString(params, 'payment_intent');
    const chargeId = optionalString(params, 'charge');
    if (!paymentIntentId && !chargeId) throw invalidRequest('One of charge or payment_intent is required.', 'parameter_missing');
    if (chargeId) return this.capturedCharge(this.charge(chargeId, 'charge'));
    const intent = this.paymentIntent(paymentIntentId ?? '');
    if (intent.status !== 'succeeded' || !intent.latest_charge) {
      throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, 'payment_intent_unexpected_state', 'payment_intent');
    }
    return this.capturedCharge(this.charge(intent.latest_charge));
  }

  private capturedCharge(charge: FakeCharge): FakeCharge {
    if (!charge.captured) throw invalidRequest(`Charge ${charge.id} has not been captured; cancel its PaymentIntent instead.`, 'charge_not_refundable');
    return charge;
  }

  /** Pays a refund out of the available balance if it holds enough; false leaves it pending. */
  private settleRefund(refund: FakeRefund): boolean {
    const balance = this.balance(refund.currency);
    if (balance.available < refund.amount) return false;
    balance.available -= refund.amount;
    refund.status = 'succeeded';
    return true;
  }

  private transferDestination(id: string): FakeAccount {
    const account = this.accounts.get(id);
    if (!account) throw invalidRequest(`No such destination: '${id}'`, 'account_invalid', 'destination');
    if (account.capabilities.transfers !== 'active') {
      // Real Stripe's message; which `code` it carries could not be checked offline (see README.md).
      throw invalidRequest(
        'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
        'account_invalid',
        'destination',
      );
    }
    return account;
  }

  /** `source_transaction`: the transfer is funded by that charge, whether or not its funds are available yet. */
  private debitSourceCharge(chargeId: string, amount: number, currency: string): void {
    const charge = this.charge(chargeId, 'source_transaction');
    if (!charge.captured) throw invalidRequest(`The source_transaction ${chargeId} has not been captured.`, 'invalid_source_transaction', 'source_transaction');
    if (charge.currency !== currency) {
      throw invalidRequest(`The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${currency}).`, undefined, 'currency');
    }
    const transferred = [...this.transfers.values()].filter((t) => t.source_transaction === chargeId).reduce((sum, t) => sum + t.amount, 0);
    const left = charge.amount_captured - charge.amount_refunded - transferred;
    if (amount > left) {
      throw invalidRequest(`Transfer amount (${amount}) exceeds what is left of source_transaction ${chargeId} (${left}).`, 'balance_insufficient', 'amount');
    }
    const balance = this.balance(currency);
    if (this.pendingCharges.has(chargeId)) balance.pending -= amount;
    else balance.available -= amount;
  }

  private debitAvailable(currency: string, amount: number): void {
    const balance = this.balance(currency);
    if (balance.available < amount) {
      throw invalidRequest(
        'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card.',
        'balance_insufficient',
      );
    }
    balance.available -= amount;
  }

  private emit(type: string, object: FakeObject, context: RequestContext, account?: string): void {
    this.events.push({
      id: this.newId('evt'),
      object: 'event',
      api_version: EVENT_API_VERSION,
      type,
      created: this.seconds(),
      livemode: false,
      pending_webhooks: 1,
      ...(account ? { account } : {}),
      // A snapshot: later changes to the object must not rewrite history.
      data: { object: structuredClone(object) },
      request: { id: context.requestId, idempotency_key: context.idempotencyKey },
    });
  }

  private seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}

import { StripePaymentProvider, type StripeProviderOptions } from '../../src/modules/payments/stripe/stripe-provider.js';
import type { FakeEvent } from './objects.js';
import { FakeStripeServer, type FaultKind, type FaultTarget, type RecordedRequest } from './server.js';
import { FakeStripeState } from './state.js';
import { deliver, type DeliverOptions, type Delivery } from './webhooks.js';

export type * from './objects.js';
export type { FaultKind, FaultTarget, RecordedRequest } from './server.js';
export type { DeliverOptions, Delivery } from './webhooks.js';
export { FakeStripeState } from './state.js';
export { deliver, signTestWebhook } from './webhooks.js';

/** Any `sk_test_…` key is accepted; this one makes a provider's requests easy to spot. */
export const FAKE_STRIPE_SECRET_KEY = 'sk_test_fakestripe';

export interface FakeStripe {
  host: '127.0.0.1';
  port: number;
  close(): Promise<void>;
  /** Objects, balances and rules; tests may read (and, sparingly, poke) it directly. */
  state: FakeStripeState;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Every event Stripe would have sent, in the order they happened. */
  events: FakeEvent[];
  /** Events for one webhook endpoint: Connect events carry `account`. */
  eventsFor(endpoint: 'platform' | 'connect'): FakeEvent[];
  /** The next matching request fails this way (faults queue up, first match wins). */
  failNext(target: FaultTarget, fault: { kind: FaultKind }): void;
  /** The brand's browser confirming the card: `requires_payment_method` → `requires_capture`. */
  confirm(paymentIntentId: string, paymentMethod?: string): void;
  /** The influencer finishing onboarding: `transfers` becomes active, `account.updated` is emitted. */
  activateAccount(accountId: string): void;
  /** Captured funds land in `pending` from now on (so refunds stay pending), until `makeFundsAvailable()`. */
  holdFundsAsPending(): void;
  makeFundsAvailable(): void;
  /** The authorisation lapses uncaptured: Stripe cancels it (`cancellation_reason: automatic`). */
  expireAuthorisation(paymentIntentId: string): void;
  deliver(options: DeliverOptions): Promise<Delivery[]>;
  /** A real `StripePaymentProvider` talking to this fake. */
  provider(overrides?: Partial<StripeProviderOptions>): StripePaymentProvider;
}

export interface StartFakeStripeOptions {
  now?: () => Date;
  /** Largest page a list returns (Stripe: 100); lower it to exercise auto-pagination. */
  listPageCap?: number;
}

/**
 * A stateful Stripe on 127.0.0.1:<random port> that the real SDK talks to over http
 * (payments-escrow.md §3.5). Close it in `afterAll`/`afterEach`.
 */
export async function startFakeStripe(options: StartFakeStripeOptions = {}): Promise<FakeStripe> {
  const state = new FakeStripeState({ now: options.now });
  const server = new FakeStripeServer(state, { listPageCap: options.listPageCap });
  const port = await server.listen();
  const context = () => ({ requestId: state.newId('req'), idempotencyKey: null });
  const fake: FakeStripe = {
    host: '127.0.0.1',
    port,
    close: () => server.close(),
    state,
    requests: server.requests,
    events: state.events,
    eventsFor: (endpoint) => state.events.filter((event) => (endpoint === 'connect') === (event.account !== undefined)),
    failNext: (target, fault) => server.failNext(target, fault),
    confirm: (id, paymentMethod = 'pm_card_visa') => void state.confirmPaymentIntent(id, paymentMethod, context()),
    activateAccount: (id) => void state.activateAccount(id),
    holdFundsAsPending: () => {
      state.fundsAvailableOnCapture = false;
    },
    makeFundsAvailable: () => {
      state.fundsAvailableOnCapture = true;
      state.makeFundsAvailable();
    },
    expireAuthorisation: (id) => void state.expireAuthorisation(id),
    deliver,
    provider: (overrides) => createFakeStripeProvider(fake, overrides),
  };
  return fake;
}

/** A provider pointed at the fake. Pass `maxNetworkRetries: 0` to see every failure the SDK would otherwise retry. */
export function createFakeStripeProvider(fake: Pick<FakeStripe, 'host' | 'port'>, overrides: Partial<StripeProviderOptions> = {}): StripePaymentProvider {
  return new StripePaymentProvider({
    secretKey: FAKE_STRIPE_SECRET_KEY,
    host: fake.host,
    port: fake.port,
    protocol: 'http',
    timeoutMs: 10_000,
    ...overrides,
  });
}

import type { DataSource } from 'typeorm';
import type { Config } from '../../config/config.js';
import type { PaymentProvider, WebhookVerifier } from './payment-provider.port.js';
import { SimulatedPaymentProvider } from './simulated/simulated-provider.js';

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the simulated provider (test money, recorded locally). */
export function createPaymentProvider(
  config: Config,
  dataSource: DataSource,
  now: () => Date,
): { provider: PaymentProvider; webhookVerifier: WebhookVerifier | null } {
  if (config.payments.stripe) throw new Error('The Stripe provider is being wired in; unset STRIPE_SECRET_KEY for now.');
  // The simulated provider sends no webhooks: the webhook endpoints refuse everything.
  return { provider: new SimulatedPaymentProvider(dataSource, now), webhookVerifier: null };
}

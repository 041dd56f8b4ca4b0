import type { DataSource } from 'typeorm';
import type { Config } from '../../config/config.js';
import type { PaymentProvider, WebhookVerifier } from './payment-provider.port.js';
import { SimulatedPaymentProvider } from './simulated/simulated-provider.js';
import { StripePaymentProvider, stripeEndpoint } from './stripe/stripe-provider.js';
import { createStripeWebhookVerifier } from './stripe/stripe-webhooks.js';

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the simulated provider (test money, recorded locally). */
export function createPaymentProvider(
  config: Config,
  dataSource: DataSource,
  now: () => Date,
): { provider: PaymentProvider; webhookVerifier: WebhookVerifier | null } {
  const stripe = config.payments.stripe;
  if (stripe) {
    return {
      provider: new StripePaymentProvider({ secretKey: stripe.secretKey, ...(stripe.apiBase ? stripeEndpoint(stripe.apiBase) : {}) }),
      webhookVerifier: createStripeWebhookVerifier({ platformSecret: stripe.webhookSecret, connectSecret: stripe.connectWebhookSecret }),
    };
  }
  // The simulated provider sends no webhooks: the webhook endpoints refuse everything.
  return { provider: new SimulatedPaymentProvider(dataSource, now), webhookVerifier: null };
}

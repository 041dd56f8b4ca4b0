import type { DataSource } from 'typeorm';
import type { Config } from '../../config/config.js';
import type { PaymentProvider, WebhookVerifier } from './payment-provider.port.js';
import { SimulatedPaymentProvider } from './simulated/simulated-provider.js';
import { StripePaymentProvider } from './stripe/stripe-provider.js';
import { createStripeWebhookVerifier } from './stripe/stripe-webhooks.js';

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the simulated provider (test money, recorded locally). */
export function createPaymentProvider(
  config: Config,
  dataSource: DataSource,
  now: () => Date,
): { provider: PaymentProvider; webhookVerifier: WebhookVerifier | null } {
  const stripe = config.payments.stripe;
  if (stripe) {
    const base = stripe.apiBase;
    return {
      provider: new StripePaymentProvider({
        secretKey: stripe.secretKey,
        ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === 'http:' ? 80 : 443)), protocol: base.protocol === 'http:' ? 'http' : 'https' } : {}),
      }),
      webhookVerifier: createStripeWebhookVerifier({ platformSecret: stripe.webhookSecret, connectSecret: stripe.connectWebhookSecret }),
    };
  }
  // The simulated provider sends no webhooks: the webhook endpoints refuse everything.
  return { provider: new SimulatedPaymentProvider(dataSource, now), webhookVerifier: null };
}

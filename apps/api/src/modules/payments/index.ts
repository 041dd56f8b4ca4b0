import type { DataSource } from 'typeorm';
import type { PaymentProvider } from './payment-provider.port.js';
import { paymentsRoutes } from './payments.routes.js';
import { PayoutAccounts } from './payout-accounts.js';

export * from './payment-provider.port.js';
export { PayoutAccounts, type PayoutAccountRecord } from './payout-accounts.js';
export { paymentsErrors } from './payments.errors.js';
export { createPaymentProvider } from './provider-factory.js';
export { SimulatedPaymentProvider } from './simulated/simulated-provider.js';
export { createStripeWebhookVerifier } from './stripe/stripe-webhooks.js';

export function createPaymentsModule(dataSource: DataSource, provider: PaymentProvider, settings: { publicUrl: string; publishableKey: string | null; feeBps: number }) {
  const payoutAccounts = new PayoutAccounts(dataSource, provider);
  return { provider, payoutAccounts, routes: paymentsRoutes(dataSource, provider, payoutAccounts, settings) };
}

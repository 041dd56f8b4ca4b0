import type { DataSource } from 'typeorm';
import type { Config } from './config/config.js';
import { recordAudit } from './modules/audit/index.js';
import { createOffersModule } from './modules/offers/index.js';
import { createPaymentProvider, createPaymentsModule, type PaymentProvider, type WebhookVerifier } from './modules/payments/index.js';
import type { Logger } from './observability/logger.js';

/**
 * The money side, wired once for the server and the CLI: the payment provider (Stripe or
 * simulated), payout accounts, and offers with their ledger, movements, timers and webhooks —
 * with every money decision and movement written to the audit log.
 */
export function composeMoney(deps: {
  config: Config;
  dataSource: DataSource;
  logger: Logger;
  now: () => Date;
  injected?: { provider: PaymentProvider; webhookVerifier: WebhookVerifier | null };
}) {
  const { config, dataSource, logger, now, injected } = deps;
  const { provider, webhookVerifier } = injected ?? createPaymentProvider(config, dataSource, now);
  const payments = createPaymentsModule(dataSource, provider, {
    publicUrl: config.http.publicUrl,
    publishableKey: config.payments.stripe?.publishableKey ?? null,
    feeBps: config.payments.platformFeeBps,
  });
  const offers = createOffersModule({
    dataSource,
    provider,
    payoutAccounts: payments.payoutAccounts,
    webhookVerifier,
    logger,
    now,
    publicUrl: config.http.publicUrl,
    linkSecret: config.session.secret,
    feeBps: config.payments.platformFeeBps,
    clawbackWindowHours: config.payments.clawbackWindowHours,
    // Every money decision and every money movement leaves an append-only trace (SPEC §7).
    audit: {
      settled: (manager, offer, actor, details) =>
        recordAudit(manager, {
          actorId: actor.id,
          actorRole: actor.role,
          action: actor.role === 'admin' ? 'dispute.resolve' : 'money.settle',
          targetType: 'offer',
          targetId: offer.id,
          details,
        }),
      movement: (manager, movement, outcome, providerRef) =>
        recordAudit(manager, {
          actorId: null,
          actorRole: 'system',
          action: `money.${movement.kind}.${outcome}`,
          targetType: 'offer',
          targetId: movement.offerId,
          details: { amount: movement.amount, currency: movement.currency, idempotencyKey: movement.idempotencyKey, providerRef },
        }),
    },
  });
  return { payments, offers };
}

import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../../observability/logger.js';
import type { PaymentProvider, PayoutAccounts, WebhookVerifier } from '../payments/index.js';
import type { MovementRow } from './money-movements.repository.js';
import { OfferMoney } from './offer-money.js';
import { OfferTimers } from './offer-timers.js';
import { OfferTransitions, type TransitionActor } from './offer-transitions.js';
import { OfferWebhooks } from './offer-webhooks.js';
import { OfferViews } from './offers.presenter.js';
import type { OfferRow } from './offers.repository.js';
import { offersRoutes } from './offers.routes.js';
import { OffersService } from './offers.service.js';
import { Reputations } from './reputation.js';
import { offerWebEndpoints } from './web-endpoints.js';

export { OfferMoney } from './offer-money.js';
export { OfferTimers } from './offer-timers.js';
export { OfferTransitions } from './offer-transitions.js';
export { OffersService } from './offers.service.js';
export { reconcile, type ReconciliationReport } from './reconcile.js';
export type { MovementRow } from './money-movements.repository.js';
export type { OfferRow } from './offers.repository.js';

export interface OffersModuleDeps {
  dataSource: DataSource;
  provider: PaymentProvider;
  payoutAccounts: PayoutAccounts;
  webhookVerifier: WebhookVerifier | null;
  logger: Logger;
  now: () => Date;
  publicUrl: string;
  linkSecret: string;
  feeBps: number;
  clawbackWindowHours: number;
  /** Audit trail hooks, called inside the transactions that decide or move money. */
  audit?: {
    settled: (manager: EntityManager, offer: OfferRow, actor: TransitionActor, details: Record<string, unknown>) => Promise<void>;
    movement: (manager: EntityManager, movement: MovementRow, outcome: 'succeeded' | 'failed', providerRef: string | null) => Promise<void>;
  };
}

/** Offers, their money (ledger postings and provider movements), timers, webhooks and tracked links. */
export function createOffersModule(deps: OffersModuleDeps) {
  const { dataSource, provider, payoutAccounts, logger, now } = deps;
  const transitions = new OfferTransitions(dataSource, {
    now,
    clawbackWindowHours: deps.clawbackWindowHours,
    payoutReady: async (userId, manager) => (await payoutAccounts.find(userId, manager))?.transfersActive ?? false,
    ...(deps.audit ? { onSettled: deps.audit.settled } : {}),
  });
  const money = new OfferMoney(dataSource, provider, transitions, payoutAccounts, logger, { now, ...(deps.audit ? { onMovement: deps.audit.movement } : {}) });
  const service = new OffersService(dataSource, transitions, money, { provider: provider.kind, feeBps: deps.feeBps, now });
  const reputations = new Reputations(dataSource);
  const views = new OfferViews(dataSource, payoutAccounts, reputations, deps.publicUrl, now);
  const webhooks = new OfferWebhooks(dataSource, provider, money, transitions, payoutAccounts, logger);
  const timers = new OfferTimers(dataSource, transitions, money, logger, now);
  return {
    service,
    transitions,
    money,
    timers,
    webhooks,
    routes: offersRoutes(dataSource, service, views, reputations, provider.kind === 'simulated'),
    webRouter: offerWebEndpoints({ verifier: deps.webhookVerifier, webhooks, offers: service.repository, linkSecret: deps.linkSecret, now, logger }),
  };
}

import { adminDashboardContract, adminMoneyContracts, offersContracts, paymentsContracts, reputationContracts, type ContractResponse } from '@reachbridge/contracts';
import type { Currency } from '@reachbridge/domain';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../http/actor.js';
import { defineRoute } from '../../http/define-route.js';
import { influencersErrors } from '../influencers/index.js';
import { LedgerRepository } from '../ledger/index.js';
import { balancesOf } from './balances.js';
import { buildDashboard } from './dashboard.js';
import { MoneyMovementsRepository } from './money-movements.repository.js';
import { offersErrors } from './offers.errors.js';
import { presentDispute, presentOfferSummary, type OfferViews } from './offers.presenter.js';
import type { OffersService } from './offers.service.js';
import type { OfferRow } from './offers.repository.js';
import type { Reputations } from './reputation.js';

const parties = ['brand', 'influencer', 'admin'] as const satisfies readonly ['brand', 'influencer', 'admin'];
const brand = ['brand'] as const satisfies readonly ['brand'];
const influencer = ['influencer'] as const satisfies readonly ['influencer'];
const sides = ['brand', 'influencer'] as const satisfies readonly ['brand', 'influencer'];
const admin = ['admin'] as const satisfies readonly ['admin'];

/**
 * Offers for both sides (SPEC §10). Role checks say who may call a route; the state machine then
 * decides whether this party may take this action on this offer now. Someone else's offer is a 404.
 * Anything that commits or moves money needs a vetted (active) account.
 */
export function offersRoutes(dataSource: DataSource, offers: OffersService, views: OfferViews, reputations: Reputations, testMoney: boolean) {
  const show = async (actor: Actor, offer: OfferRow) => views.present(offer, actor);
  const ledger = new LedgerRepository();
  const movements = new MoneyMovementsRepository(dataSource);
  const act = (action: Parameters<OffersService['act']>[2]) =>
    async ({ actor, params, body }: { actor: Actor; params: { id: string }; body?: { reason?: string | undefined } | undefined }) =>
      show(actor, await offers.act(actor, params.id, action, { reason: body?.reason ?? null }));

  return [
    defineRoute({
      contract: offersContracts.list,
      auth: parties,
      handler: async ({ actor, query }) => {
        const { rows, nextCursor } = await offers.list(actor, query);
        return { items: rows.map(presentOfferSummary), nextCursor };
      },
    }),
    defineRoute({
      contract: offersContracts.create,
      auth: brand,
      activeOnly: true,
      handler: async ({ actor, body }) => show(actor, await offers.create(actor, body)),
    }),
    defineRoute({ contract: offersContracts.get, auth: parties, handler: async ({ actor, params }) => show(actor, await offers.getVisible(actor, params.id)) }),
    defineRoute({ contract: offersContracts.accept, auth: influencer, activeOnly: true, handler: act('accept') }),
    defineRoute({ contract: offersContracts.decline, auth: influencer, handler: act('decline') }),
    defineRoute({ contract: offersContracts.withdraw, auth: brand, handler: act('withdraw') }),
    defineRoute({
      contract: offersContracts.counter,
      auth: influencer,
      activeOnly: true,
      handler: async ({ actor, params, body }) => show(actor, await offers.counter(actor, params.id, body)),
    }),
    defineRoute({ contract: offersContracts.acceptCounter, auth: brand, activeOnly: true, handler: act('accept_counter') }),
    defineRoute({ contract: offersContracts.rejectCounter, auth: brand, handler: act('reject_counter') }),
    defineRoute({
      contract: offersContracts.submit,
      auth: influencer,
      handler: async ({ actor, params, body }) => show(actor, await offers.act(actor, params.id, 'submit', { submission: { url: body.url, notes: body.notes ?? '' } })),
    }),
    defineRoute({
      contract: offersContracts.approve,
      auth: brand,
      handler: act('approve'),
    }),
    defineRoute({
      contract: offersContracts.requestRevision,
      auth: brand,
      handler: async ({ actor, params, body }) => show(actor, await offers.act(actor, params.id, 'request_revision', { feedback: body.feedback })),
    }),
    defineRoute({
      contract: offersContracts.cancel,
      auth: sides,
      handler: async ({ actor, params, body }) => show(actor, await offers.cancel(actor, params.id, body.reason)),
    }),
    defineRoute({ contract: offersContracts.acceptCancel, auth: sides, handler: act('accept_cancel') }),
    defineRoute({ contract: offersContracts.rejectCancel, auth: sides, handler: act('reject_cancel') }),
    defineRoute({
      contract: offersContracts.openDispute,
      auth: sides,
      handler: async ({ actor, params, body }) =>
        show(actor, await offers.act(actor, params.id, 'open_dispute', { dispute: { reason: body.reason, evidence: body.evidence } })),
    }),
    defineRoute({
      contract: offersContracts.disputeStatement,
      auth: sides,
      handler: async ({ actor, params, body }) => show(actor, await offers.answerDispute(actor, params.id, body.statement, body.evidence)),
    }),
    defineRoute({
      contract: offersContracts.message,
      auth: sides,
      handler: async ({ actor, params, body }) => {
        const message = await offers.message(actor, params.id, body.body);
        return { id: message.id, author: message.authorRole, authorName: message.authorName, body: message.body, at: message.createdAt.toISOString() };
      },
    }),

    defineRoute({
      contract: paymentsContracts.balance,
      auth: sides,
      handler: async ({ actor }) => ({ testMoney, items: await balancesOf(dataSource, actor) }),
    }),
    defineRoute({
      contract: paymentsContracts.history,
      auth: sides,
      handler: async ({ actor, query }): Promise<ContractResponse<typeof paymentsContracts.history>> => ({
        items: (await movements.historyOf(actor.id, query.limit ?? 50)).map((m) => ({
          offerId: m.offerId,
          counterpart: m.counterpart,
          kind: m.kind,
          status: m.status,
          amount: m.amount,
          currency: m.currency as Currency,
          at: m.updatedAt.toISOString(),
        })),
        nextCursor: null,
      }),
    }),

    defineRoute({
      contract: adminMoneyContracts.disputes,
      auth: admin,
      handler: async ({ actor, query }) => {
        const disputes = await offers.repository.disputes(query.status);
        const items = await Promise.all(
          disputes.map(async (dispute) => {
            const offer = (await offers.repository.find(dispute.offerId))!;
            const view = await views.present(offer, actor);
            return {
              dispute: presentDispute(dispute),
              offer: {
                id: offer.id,
                status: offer.status,
                brand: view.brand,
                influencer: { id: view.influencer.id, displayName: view.influencer.displayName },
                price: view.price,
                feeBps: offer.feeBps,
                held: view.payment.held,
              },
              events: view.events,
              messages: view.messages,
            };
          }),
        );
        return { items, nextCursor: null };
      },
    }),
    defineRoute({ contract: adminDashboardContract, auth: admin, handler: () => buildDashboard(dataSource) }),
    defineRoute({
      contract: reputationContracts.influencer,
      auth: parties,
      handler: async ({ actor, params }) => {
        // As for the profile itself: admins see any, brands approved ones, an influencer only their own.
        const found = await dataSource.query<{ id: string }[]>(
          `SELECT id FROM influencer_profiles WHERE id = $1
             AND CASE $2::varchar WHEN 'admin' THEN true WHEN 'brand' THEN review_status = 'approved' ELSE user_id = $3 END`,
          [params.id, actor.role, actor.id],
        );
        if (found.length === 0) throw influencersErrors.INFLUENCER_NOT_FOUND();
        return reputations.ofInfluencer(params.id);
      },
    }),
    defineRoute({
      contract: adminMoneyContracts.resolveDispute,
      auth: admin,
      handler: async ({ actor, params, body }) => show(actor, await offers.resolveDispute(actor, params.id, body)),
    }),
    defineRoute({
      contract: adminMoneyContracts.offerLedger,
      auth: admin,
      handler: async ({ params }) => {
        const offer = await offers.repository.find(params.id);
        if (!offer) throw offersErrors.OFFER_NOT_FOUND();
        const [transactions, balances] = await Promise.all([
          ledger.transactionsOf(dataSource.manager, offer.id),
          ledger.balancesOf(dataSource.manager, offer.id),
        ]);
        return {
          offerId: offer.id,
          transactions: transactions.map((t) => ({
            idempotencyKey: t.idempotencyKey,
            kind: t.kind,
            providerRef: t.providerRef,
            at: t.createdAt.toISOString(),
            postings: t.postings.map((p) => ({ ...p, currency: p.currency as Currency })),
          })),
          balances: balances.map((b) => ({ ...b, currency: b.currency as Currency })),
        };
      },
    }),
  ];
}

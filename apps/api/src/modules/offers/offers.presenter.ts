import type { TOffer, TOfferSummary } from '@reachbridge/contracts';
import { availableOfferActions, whoseTurn, type Currency, type OfferActor } from '@reachbridge/domain';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../http/actor.js';
import { LedgerAccounts, LedgerRepository } from '../ledger/index.js';
import type { PayoutAccounts } from '../payments/index.js';
import { MoneyMovementsRepository } from './money-movements.repository.js';
import { offerFacts } from './offer-transitions.js';
import { OffersRepository, type DisputeRow, type OfferParties, type OfferRow } from './offers.repository.js';
import type { Reputations } from './reputation.js';

type Deadlines = TOffer['deadlines'];

/** The deadline that matters in the offer's current status, by name. */
export function activeDeadlines(offer: OfferRow): Deadlines {
  const when = (active: boolean, date: Date | null) => (active && date ? date.toISOString() : null);
  return {
    accept: when(offer.status === 'sent' || offer.status === 'countered', offer.acceptDeadline),
    review: when(offer.status === 'submitted', offer.reviewDeadline),
    due: when(offer.status === 'in_progress' || offer.status === 'revision_requested', offer.dueAt),
    cancellation: when(offer.status === 'cancellation_requested', offer.cancellationDeadline),
    completion: when(offer.status === 'released', offer.completionDueAt),
  };
}

function nextDeadline(offer: OfferRow): string | null {
  const deadlines = Object.values(activeDeadlines(offer)).filter((value): value is string => value !== null);
  return deadlines.sort()[0] ?? null;
}

export function presentOfferSummary(offer: OfferRow & OfferParties): TOfferSummary {
  return {
    id: offer.id,
    status: offer.status,
    whoseTurn: whoseTurn(offer),
    brand: { id: offer.brandId, name: offer.brandName },
    influencer: { id: offer.influencerProfileId, displayName: offer.influencerName, slug: offer.influencerSlug },
    campaign: offer.campaignId && offer.campaignName ? { id: offer.campaignId, name: offer.campaignName } : null,
    price: { amount: offer.amount, currency: offer.currency as Currency },
    nextDeadline: nextDeadline(offer),
    testMoney: offer.provider === 'simulated',
    updatedAt: offer.updatedAt.toISOString(),
  };
}

const presentEvidence = (items: { url: string | null; note: string }[]) => items.map((item) => ({ url: item.url, note: item.note }));

export function presentDispute(dispute: DisputeRow): NonNullable<TOffer['dispute']> {
  return {
    id: dispute.id,
    status: dispute.status,
    openedBy: dispute.openedBy,
    reason: dispute.reason,
    evidence: presentEvidence(dispute.evidence),
    response:
      dispute.responseStatement !== null && dispute.respondedAt
        ? { statement: dispute.responseStatement, evidence: presentEvidence(dispute.responseEvidence ?? []), at: dispute.respondedAt.toISOString() }
        : null,
    outcome: dispute.outcome,
    refundAmount: dispute.refundAmount,
    releaseAmount: dispute.releaseAmount,
    note: dispute.note,
    openedAt: dispute.createdAt.toISOString(),
    resolvedAt: dispute.resolvedAt?.toISOString() ?? null,
  };
}

/** Loads everything an offer page shows and shapes it for one viewer (their actions, their secrets). */
export class OfferViews {
  private readonly offers: OffersRepository;
  private readonly movements: MoneyMovementsRepository;
  private readonly ledger = new LedgerRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly payoutAccounts: PayoutAccounts,
    private readonly reputations: Reputations,
    private readonly publicUrl: string,
    private readonly now: () => Date,
  ) {
    this.offers = new OffersRepository(dataSource);
    this.movements = new MoneyMovementsRepository(dataSource);
  }

  async present(offer: OfferRow, viewer: Actor): Promise<TOffer> {
    const side: OfferActor = offer.brandId === viewer.id ? 'brand' : offer.influencerUserId === viewer.id ? 'influencer' : 'admin';
    const [parties, deliverables, events, messages, submissions, dispute, movements, transactions, held, clicks, payout, brandReputation, influencerReputation] = await Promise.all([
      this.offers.parties(offer),
      this.offers.deliverables(offer.id),
      this.offers.events(offer.id),
      this.offers.messages(offer.id),
      this.offers.submissions(offer.id),
      this.offers.latestDispute(offer.id),
      this.movements.ofOffer(offer.id),
      this.ledger.transactionsOf(this.dataSource.manager, offer.id),
      this.ledger.balance(this.dataSource.manager, LedgerAccounts.escrow(offer.id), offer.currency),
      offer.linkCode ? this.offers.clicks(offer.id) : Promise.resolve(null),
      side === 'influencer' ? this.payoutAccounts.find(viewer.id) : Promise.resolve(null),
      this.reputations.ofBrand(offer.brandId),
      this.reputations.ofInfluencer(offer.influencerProfileId),
    ]);
    const settlement = transactions.find((transaction) => transaction.idempotencyKey === `offer:${offer.id}:settle`);
    const settled = (account: string) => settlement?.postings.find((posting) => posting.account === account && posting.amount > 0)?.amount ?? 0;
    const fee = settled(LedgerAccounts.platformFees);
    const payoutAmount = settled(LedgerAccounts.influencerPayable(offer.influencerUserId));
    const facts = offerFacts(offer, this.now(), payout?.transfersActive ?? false);
    const currency = offer.currency as Currency;
    return {
      id: offer.id,
      status: offer.status,
      version: offer.version,
      whoseTurn: whoseTurn(offer),
      // Admins resolve disputes from the admin console; their only actions on an offer are there.
      availableActions: side === 'admin' ? [] : availableOfferActions(facts, side).filter((action) => !action.startsWith('resolve_')),
      viewerRole: side,
      brand: { id: offer.brandId, name: parties.brandName },
      influencer: { id: offer.influencerProfileId, userId: offer.influencerUserId, displayName: parties.influencerName, slug: parties.influencerSlug },
      campaign: offer.campaignId && parties.campaignName ? { id: offer.campaignId, name: parties.campaignName } : null,
      price: { amount: offer.amount, currency },
      feeBps: offer.feeBps,
      deliverables: deliverables.map((d) => ({ ...d, platform: d.platform as TOffer['deliverables'][number]['platform'], type: d.type as TOffer['deliverables'][number]['type'] })),
      usageRights: { kind: offer.usageRights, days: offer.usageRightsDays },
      message: offer.message,
      revisionLimit: offer.revisionLimit,
      revisionsUsed: offer.revisionsUsed,
      reviewWindowHours: offer.reviewWindowHours,
      deadlines: activeDeadlines(offer),
      counter: offer.counter
        ? {
            price: { amount: offer.counter.price.amount, currency: offer.counter.price.currency as Currency },
            deliverables: offer.counter.deliverables as TOffer['deliverables'] | null,
            message: offer.counter.message,
            at: offer.counter.at,
          }
        : null,
      cancellation:
        offer.status === 'cancellation_requested' && offer.cancellationRequestedBy
          ? { requestedBy: offer.cancellationRequestedBy, reason: offer.cancellationReason ?? '' }
          : null,
      dispute: dispute ? presentDispute(dispute) : null,
      submissions: submissions.map((s) => ({
        round: s.round,
        url: s.url,
        notes: s.notes,
        submittedAt: s.submittedAt.toISOString(),
        decision: s.decision,
        feedback: s.feedback,
        decidedAt: s.decidedAt?.toISOString() ?? null,
      })),
      events: events.map((e) => ({
        action: e.action as TOffer['events'][number]['action'],
        from: e.fromStatus,
        to: e.toStatus,
        actor: e.actorRole,
        actorName: e.actorName,
        reason: e.reason,
        at: e.createdAt.toISOString(),
      })),
      messages: messages.map((m) => ({ id: m.id, author: m.authorRole, authorName: m.authorName, body: m.body, at: m.createdAt.toISOString() })),
      payment: {
        provider: offer.provider,
        testMoney: offer.provider === 'simulated',
        holdStatus: offer.holdStatus,
        clientSecret: side === 'brand' && offer.status === 'pending_payment' ? offer.holdClientSecret : null,
        held,
        released: fee + payoutAmount,
        refunded: settled(LedgerAccounts.brandRefundable(offer.brandId)),
        fee,
        payout: payoutAmount,
        movements: movements.map((m) => ({ kind: m.kind, status: m.status, amount: m.amount, at: m.updatedAt.toISOString() })),
      },
      trackedLink: offer.linkCode && clicks ? { url: `${this.publicUrl}/r/${offer.linkCode}`, ...clicks } : null,
      reputation: { brand: brandReputation, influencer: influencerReputation },
      createdAt: offer.createdAt.toISOString(),
      updatedAt: offer.updatedAt.toISOString(),
    };
  }
}

import {
  OFFER_TIMER_DEFAULTS,
  decideOfferAction,
  hoursFrom,
  settle,
  type OfferAction,
  type OfferActor,
  type OfferEffect,
  type OfferFacts,
  type OfferStatus,
} from '@reachbridge/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { LedgerAccounts, LedgerRepository, type Posting } from '../ledger/index.js';
import { MoneyMovementsRepository } from './money-movements.repository.js';
import { offersErrors, refusalError } from './offers.errors.js';
import { OffersRepository, type CounterTerms, type OfferChanges, type OfferRow } from './offers.repository.js';

export interface TransitionActor {
  role: OfferActor;
  /** The user acting; null for the system (timers, webhooks, the worker). */
  id: string | null;
}

/** What some actions carry besides the action itself. */
export interface TransitionInput {
  reason?: string | null;
  counter?: CounterTerms;
  submission?: { url: string; notes: string };
  feedback?: string;
  dispute?: { reason: string; evidence: { url: string | null; note: string }[] };
  /** resolve_split: what goes back to the brand. */
  refundAmount?: number;
  /** Admin's note on a resolution. */
  note?: string | null;
  /** The client's view of the offer; a mismatch is a 409 rather than acting on a changed offer. */
  expectedVersion?: number;
}

export interface TransitionResult {
  offer: OfferRow;
  /** Money movements to attempt after the transaction commits. */
  movementIds: string[];
}

export interface TransitionSettings {
  now: () => Date;
  clawbackWindowHours: number;
  /** Is this influencer able to receive payouts (guard of `accept`)? */
  payoutReady: (influencerUserId: string, manager: EntityManager) => Promise<boolean>;
  /** Called in the transaction for every settlement (audit trail of money decisions). */
  onSettled?: (manager: EntityManager, offer: OfferRow, actor: TransitionActor, details: Record<string, unknown>) => Promise<void>;
}

const CARD_HOLD_MARGIN_HOURS = 12;

/** What the domain's guards look at, read off an offer row. */
export function offerFacts(offer: OfferRow, now: Date, payoutAccountReady: boolean): OfferFacts {
  return {
    status: offer.status,
    now,
    acceptDeadline: offer.acceptDeadline,
    dueAt: offer.dueAt,
    revisionsUsed: offer.revisionsUsed,
    revisionLimit: offer.revisionLimit,
    termsAgreed: offer.termsAgreed,
    counterPending: offer.counter !== null,
    cancellationRequestedBy: offer.cancellationRequestedBy,
    payoutAccountReady,
    statusBeforeCancellation: offer.statusBeforeCancellation,
  };
}

/**
 * Applies one state-machine action to one offer, atomically: lock the row, ask the domain whether
 * the action is allowed, write the new state by compare-and-set on the version, record the event,
 * and turn the transition's effects into ledger postings and money movements — all in one
 * transaction, so a crash leaves either everything or nothing. Provider calls happen afterwards
 * (see `OfferMoney`), from the movements written here.
 */
export class OfferTransitions {
  private readonly offers: OffersRepository;
  private readonly movements: MoneyMovementsRepository;
  private readonly ledger = new LedgerRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: TransitionSettings,
  ) {
    this.offers = new OffersRepository(dataSource);
    this.movements = new MoneyMovementsRepository(dataSource);
  }

  async apply(offerId: string, action: OfferAction, actor: TransitionActor, input: TransitionInput = {}): Promise<TransitionResult> {
    return this.dataSource.transaction((manager) => this.applyIn(manager, offerId, action, actor, input));
  }

  /** The same, inside a transaction the caller already holds. */
  async applyIn(manager: EntityManager, offerId: string, action: OfferAction, actor: TransitionActor, input: TransitionInput = {}): Promise<TransitionResult> {
    const offer = await this.offers.lock(manager, offerId);
    if (!offer) throw offersErrors.OFFER_NOT_FOUND();
    if (input.expectedVersion !== undefined && input.expectedVersion !== offer.version) throw offersErrors.OFFER_CHANGED_CONCURRENTLY();
    const now = this.settings.now();
    const facts = await this.factsFor(manager, offer, action, now);
    const decision = decideOfferAction(facts, action, actor.role);
    if (!decision.allowed) throw refusalError(decision);

    const changes: OfferChanges = { status: decision.to };
    const movementIds: string[] = [];
    let working: OfferRow = { ...offer };
    for (const effect of decision.transition.effects) {
      const result = await this.effect(manager, effect, working, { action, actor, input, now, from: decision.from, to: decision.to });
      Object.assign(changes, result.changes);
      working = { ...working, ...result.changes };
      movementIds.push(...result.movementIds);
    }
    // Work starts: it is due at the end of the latest deliverable's due date.
    if (decision.to === 'in_progress' && (decision.from === 'sent' || decision.from === 'pending_payment')) changes.dueAt = await this.workDueAt(manager, offer.id);
    const updated = await this.offers.update(manager, offer.id, offer.version, changes);
    // The row is locked, so this only fails if a caller broke the locking rule; never act twice.
    if (!updated) throw offersErrors.OFFER_CHANGED_CONCURRENTLY();
    await this.offers.insertEvent(manager, {
      offerId: offer.id,
      action,
      from: decision.from,
      to: decision.to,
      actorRole: actor.role,
      actorId: actor.id,
      reason: input.reason ?? input.feedback ?? input.dispute?.reason ?? input.note ?? null,
      details: input.refundAmount !== undefined ? { refundAmount: input.refundAmount } : {},
    });
    return { offer: updated, movementIds };
  }

  private async factsFor(manager: EntityManager, offer: OfferRow, action: OfferAction, now: Date): Promise<OfferFacts> {
    // Only `accept` needs the payout account; asking the database for every action would be waste.
    return offerFacts(offer, now, action === 'accept' ? await this.settings.payoutReady(offer.influencerUserId, manager) : false);
  }

  private async effect(
    manager: EntityManager,
    effect: OfferEffect,
    offer: OfferRow,
    context: { action: OfferAction; actor: TransitionActor; input: TransitionInput; now: Date; from: OfferStatus; to: OfferStatus },
  ): Promise<{ changes: OfferChanges; movementIds: string[] }> {
    const { input, now } = context;
    const none = { changes: {}, movementIds: [] };
    const money = { currency: offer.currency };
    switch (effect) {
      case 'place_hold': {
        const movement = await this.movements.add(manager, {
          offerId: offer.id,
          kind: 'hold',
          amount: offer.amount,
          ...money,
          idempotencyKey: `offer:${offer.id}:hold:v${offer.version}`,
        });
        return { changes: { holdId: null, holdStatus: null, holdClientSecret: null }, movementIds: [movement.id] };
      }
      case 'void_hold': {
        if (!offer.holdId) return none;
        const movement = await this.movements.add(manager, {
          offerId: offer.id,
          kind: 'void',
          amount: offer.amount,
          ...money,
          idempotencyKey: `offer:${offer.id}:void:${offer.holdId}`,
        });
        return { changes: {}, movementIds: [movement.id] };
      }
      case 'capture_hold': {
        const movement = await this.movements.add(manager, { offerId: offer.id, kind: 'capture', amount: offer.amount, ...money, idempotencyKey: `offer:${offer.id}:capture` });
        return { changes: { acceptDeadline: null }, movementIds: [movement.id] };
      }
      case 'record_counter':
        return { changes: { counter: input.counter! }, movementIds: [] };
      case 'discard_counter':
        return { changes: { counter: null }, movementIds: [] };
      case 'apply_counter': {
        const counter = offer.counter!;
        if (counter.deliverables) await this.offers.replaceDeliverables(manager, offer.id, counter.deliverables);
        return { changes: { amount: counter.price.amount, currency: counter.price.currency, counter: null, termsAgreed: true }, movementIds: [] };
      }
      case 'settle_release':
        return this.settle(manager, offer, 0, context);
      case 'settle_refund':
        return this.settle(manager, offer, offer.amount, context);
      case 'settle_split': {
        const refund = input.refundAmount;
        if (refund === undefined || !Number.isSafeInteger(refund) || refund < 0 || refund > offer.amount) throw offersErrors.DISPUTE_INVALID_SPLIT();
        return this.settle(manager, offer, refund, context);
      }
      case 'start_accept_window': {
        const wanted = hoursFrom(now, offer.acceptWithinHours);
        // Never past the card authorisation: the hold must still be capturable at acceptance.
        const limit = offer.holdCaptureBefore ? hoursFrom(offer.holdCaptureBefore, -CARD_HOLD_MARGIN_HOURS) : null;
        return { changes: { acceptDeadline: limit && limit < wanted ? limit : wanted }, movementIds: [] };
      }
      case 'start_review_window':
        await this.offers.insertSubmission(manager, offer.id, input.submission!.url, input.submission!.notes);
        return { changes: { reviewDeadline: hoursFrom(now, offer.reviewWindowHours), dueAt: null }, movementIds: [] };
      case 'start_resubmission_window':
        return { changes: { reviewDeadline: null, dueAt: hoursFrom(now, OFFER_TIMER_DEFAULTS.resubmissionDueHours), overdueNotedAt: null }, movementIds: [] };
      case 'note_overdue':
        return { changes: { overdueNotedAt: now }, movementIds: [] };
      case 'count_revision':
        await this.offers.decideLatestSubmission(manager, offer.id, 'revision_requested', input.feedback ?? null);
        return { changes: { revisionsUsed: offer.revisionsUsed + 1 }, movementIds: [] };
      case 'start_cancellation_window':
        return {
          changes: {
            cancellationDeadline: hoursFrom(now, OFFER_TIMER_DEFAULTS.cancellationResponseHours),
            cancellationRequestedBy: context.actor.role === 'brand' ? 'brand' : 'influencer',
            cancellationReason: input.reason ?? '',
            statusBeforeCancellation: context.from,
          },
          movementIds: [],
        };
      case 'start_clawback_window':
        return { changes: { completionDueAt: hoursFrom(now, this.settings.clawbackWindowHours) }, movementIds: [] };
      case 'pause_timers':
        await this.offers.insertDispute(manager, {
          offerId: offer.id,
          openedBy: context.actor.role === 'brand' ? 'brand' : 'influencer',
          openedById: context.actor.id!,
          reason: input.dispute!.reason,
          evidence: input.dispute!.evidence,
        });
        return { changes: { acceptDeadline: null, reviewDeadline: null, dueAt: null, cancellationDeadline: null }, movementIds: [] };
      case 'close_dispute': {
        const refundAmount = context.action === 'resolve_refund' ? offer.amount : context.action === 'resolve_split' ? input.refundAmount! : 0;
        const resolved = await this.offers.resolveDispute(manager, offer.id, {
          outcome: context.action === 'resolve_refund' ? 'refund' : context.action === 'resolve_split' ? 'split' : 'release',
          refundAmount,
          releaseAmount: offer.amount - refundAmount,
          note: input.note ?? null,
          resolvedBy: context.actor.id!,
        });
        if (!resolved) throw offersErrors.DISPUTE_ALREADY_RESOLVED();
        return none;
      }
    }
  }

  /**
   * Settles the held funds in one ledger transaction keyed `offer:<id>:settle` — an offer settles
   * once, whatever path gets there first — and writes the refund and/or transfer movements.
   * The escrow account cannot go negative, so settling money that is not held fails here.
   */
  private async settle(
    manager: EntityManager,
    offer: OfferRow,
    refundAmount: number,
    { action, actor }: { action: OfferAction; actor: TransitionActor },
  ): Promise<{ changes: OfferChanges; movementIds: string[] }> {
    const held = await this.ledger.balance(manager, LedgerAccounts.escrow(offer.id), offer.currency);
    if (held < offer.amount) throw offersErrors.OFFER_FUNDS_NOT_HELD();
    const split = settle(offer.amount, refundAmount, offer.feeBps);
    const escrow = LedgerAccounts.escrow(offer.id);
    const postings: Posting[] = [
      { from: escrow, to: LedgerAccounts.brandRefundable(offer.brandId), amount: split.refund, currency: offer.currency },
      { from: escrow, to: LedgerAccounts.platformFees, amount: split.fee, currency: offer.currency },
      { from: escrow, to: LedgerAccounts.influencerPayable(offer.influencerUserId), amount: split.payout, currency: offer.currency },
    ];
    const posted = await this.ledger.post(manager, { idempotencyKey: `offer:${offer.id}:settle`, offerId: offer.id, kind: action, postings });
    if (posted === 'duplicate') throw offersErrors.OFFER_INVALID_TRANSITION();
    const movementIds: string[] = [];
    if (split.refund > 0) {
      const refund = await this.movements.add(manager, { offerId: offer.id, kind: 'refund', amount: split.refund, currency: offer.currency, idempotencyKey: `offer:${offer.id}:refund` });
      movementIds.push(refund.id);
    }
    if (split.payout > 0) {
      const transfer = await this.movements.add(manager, { offerId: offer.id, kind: 'transfer', amount: split.payout, currency: offer.currency, idempotencyKey: `offer:${offer.id}:transfer` });
      movementIds.push(transfer.id);
    }
    await this.settings.onSettled?.(manager, offer, actor, { action, currency: offer.currency, ...split });
    return { changes: { reviewDeadline: null, dueAt: null, cancellationDeadline: null }, movementIds };
  }

  /** When the work is due: the end of the latest deliverable's due date, if any. */
  private async workDueAt(manager: EntityManager, offerId: string): Promise<Date | null> {
    const [row] = await manager.query<{ due: Date | null }[]>(
      `SELECT (max(due_date) + 1)::timestamp AT TIME ZONE 'UTC' AS due FROM offer_deliverables WHERE offer_id = $1`,
      [offerId],
    );
    return row?.due ?? null;
  }
}

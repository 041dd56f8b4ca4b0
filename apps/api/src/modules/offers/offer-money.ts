import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../../observability/logger.js';
import { LedgerAccounts, LedgerRepository } from '../ledger/index.js';
import { PaymentProviderError, type Hold, type PaymentProvider, type PayoutAccounts } from '../payments/index.js';
import { MoneyMovementsRepository, type MovementRow } from './money-movements.repository.js';
import type { OfferTransitions } from './offer-transitions.js';
import { OffersRepository, type OfferRow } from './offers.repository.js';

export type MovementOutcome = 'succeeded' | 'waiting' | 'retry' | 'failed' | 'blocked' | 'skipped';

export interface OfferMoneySettings {
  now: () => Date;
  /** Called inside the transaction that records a finished movement (the audit trail). */
  onMovement?: (manager: EntityManager, movement: MovementRow, outcome: 'succeeded' | 'failed', providerRef: string | null) => Promise<void>;
}

const SYSTEM = { role: 'system', id: null } as const;

/**
 * Carries out money movements: claim (committed), call the provider with the movement's
 * idempotency key (no transaction open), then record the answer — ledger postings and the
 * system transitions that follow from it — in one transaction. A crash anywhere leaves the
 * movement pending or in flight; the next attempt repeats the call with the same key, and the
 * provider answers with the object it already made. Nothing is paid twice.
 */
export class OfferMoney {
  private readonly offers: OffersRepository;
  private readonly movements: MoneyMovementsRepository;
  private readonly ledger = new LedgerRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly transitions: OfferTransitions,
    private readonly payoutAccounts: PayoutAccounts,
    private readonly logger: Logger,
    private readonly settings: OfferMoneySettings,
  ) {
    this.offers = new OffersRepository(dataSource);
    this.movements = new MoneyMovementsRepository(dataSource);
  }

  /** Attempts movements in order; follow-up movements (e.g. the capture after an agreed hold) run too. Never throws. */
  async run(movementIds: readonly string[]): Promise<void> {
    const queue = [...movementIds];
    while (queue.length > 0) {
      const id = queue.shift()!;
      try {
        const { next } = await this.attempt(id);
        queue.push(...next);
      } catch (error) {
        this.logger.error({ err: error, movementId: id }, 'money movement attempt failed unexpectedly; it will be retried');
      }
    }
  }

  /** The worker's sweep: every movement that is due (or whose claim went stale). */
  async runDue(limit = 100): Promise<number> {
    const ids = await this.movements.due(this.settings.now(), limit);
    await this.run(ids);
    return ids.length;
  }

  async attempt(id: string): Promise<{ outcome: MovementOutcome; next: string[] }> {
    const movement = await this.movements.claim(id, this.settings.now());
    if (!movement) return { outcome: 'skipped', next: [] };
    const offer = (await this.offers.find(movement.offerId))!;
    try {
      switch (movement.kind) {
        case 'hold':
          return await this.hold(movement, offer);
        case 'capture':
          return await this.capture(movement, offer);
        case 'void':
          return await this.voidHold(movement, offer);
        case 'refund':
          return await this.refund(movement, offer);
        case 'transfer':
          return await this.transfer(movement, offer);
      }
    } catch (error) {
      return this.failed(movement, offer, error);
    }
  }

  private async hold(movement: MovementRow, offer: OfferRow) {
    if (offer.status !== 'pending_payment') return this.finish(movement, 'failed', null, `the offer moved on to ${offer.status} before the hold was placed`);
    const hold = await this.provider.createHold({
      offerId: offer.id,
      money: { amount: movement.amount, currency: movement.currency },
      description: `Reachbridge offer ${offer.id}`,
      idempotencyKey: movement.idempotencyKey,
    });
    return this.record(movement, 'succeeded', hold.id, async (manager) => {
      await this.storeHold(manager, offer.id, hold);
      return this.afterHoldChange(manager, offer.id, hold);
    });
  }

  /**
   * Moves a `pending_payment` offer on once its hold is authorised (or refused). Used by the hold
   * movement and by webhooks, which re-read the hold first. Forward only: any other state is left alone.
   */
  async afterHoldChange(manager: EntityManager, offerId: string, hold: Hold): Promise<string[]> {
    const current = await this.offers.lock(manager, offerId);
    if (current?.status !== 'pending_payment' || current.holdId !== hold.id) return [];
    if (hold.status === 'requires_capture') {
      const result = await this.transitions.applyIn(manager, offerId, current.termsAgreed ? 'hold_placed_agreed' : 'hold_placed', SYSTEM);
      return result.movementIds;
    }
    if (hold.status === 'canceled') {
      await this.transitions.applyIn(manager, offerId, 'hold_failed', SYSTEM, { reason: 'The card authorisation was cancelled.' });
    }
    return [];
  }

  async storeHold(manager: EntityManager, offerId: string, hold: Hold): Promise<void> {
    await manager.query(
      `UPDATE offers SET hold_id = $2, hold_status = $3, hold_client_secret = $4, hold_capture_before = coalesce($5, hold_capture_before),
         charge_id = coalesce($6, charge_id), updated_at = now() WHERE id = $1`,
      [offerId, hold.id, hold.status, hold.clientSecret, hold.captureBefore, hold.chargeId],
    );
  }

  private async capture(movement: MovementRow, offer: OfferRow) {
    if (!offer.holdId) return this.later(movement, 'waiting for the hold to be placed');
    const hold = await this.provider.captureHold({ holdId: offer.holdId, idempotencyKey: movement.idempotencyKey });
    if (hold.status !== 'succeeded' || !hold.chargeId) return this.later(movement, `capture answered ${hold.status}`);
    return this.record(movement, 'succeeded', hold.chargeId, async (manager) => {
      await this.storeHold(manager, offer.id, hold);
      await this.fund(manager, offer, hold.chargeId!);
      return [];
    });
  }

  /** Ledger: the captured card payment is now held for the offer. Idempotent per offer. */
  async fund(manager: EntityManager, offer: OfferRow, chargeId: string): Promise<void> {
    await this.ledger.post(manager, {
      idempotencyKey: `offer:${offer.id}:fund`,
      offerId: offer.id,
      kind: 'fund',
      providerRef: chargeId,
      postings: [{ from: LedgerAccounts.cardPayments, to: LedgerAccounts.escrow(offer.id), amount: offer.amount, currency: offer.currency }],
    });
  }

  private async voidHold(movement: MovementRow, offer: OfferRow) {
    const holdId = movement.idempotencyKey.split(':').at(-1)!;
    const cancel = () =>
      this.provider.cancelHold({ holdId, reason: offer.status === 'expired' ? 'abandoned' : 'requested_by_customer', idempotencyKey: movement.idempotencyKey });
    // The provider may have cancelled it already (the authorisation lapsed): that is the outcome we wanted.
    const hold = await cancel().catch(async (error: unknown) => {
      const current = await this.provider.retrieveHold(holdId);
      if (current.status === 'canceled') return current;
      throw error;
    });
    return this.record(movement, 'succeeded', hold.id, async (manager) => {
      await manager.query(`UPDATE offers SET hold_status = $2, hold_client_secret = NULL WHERE id = $1 AND hold_id = $3`, [offer.id, hold.status, holdId]);
      return [];
    });
  }

  private async refund(movement: MovementRow, offer: OfferRow) {
    if (!offer.chargeId || !offer.holdId) return this.later(movement, 'waiting for the capture');
    // Once the provider has a refund, re-read it: a replayed create would answer with its first (maybe pending) state.
    const refund = movement.providerRef
      ? await this.provider.retrieveRefund(movement.providerRef)
      : await this.provider.refund({
          holdId: offer.holdId,
          amount: movement.amount,
          idempotencyKey: movement.idempotencyKey,
          metadata: { offer_id: offer.id, movement_id: movement.id },
        });
    if (refund.status === 'succeeded') {
      return this.record(movement, 'succeeded', refund.id, async (manager) => {
        await this.refundPaid(manager, offer, movement, refund.id);
        return [];
      });
    }
    if (refund.status === 'failed' || refund.status === 'canceled') return this.finish(movement, 'failed', refund.id, `refund ${refund.status}`);
    await this.dataSource.query(`UPDATE money_movements SET provider_ref = $2 WHERE id = $1`, [movement.id, refund.id]);
    return this.later(movement, `refund ${refund.status}`);
  }

  async refundPaid(manager: EntityManager, offer: OfferRow, movement: MovementRow, refundId: string): Promise<void> {
    await this.ledger.post(manager, {
      idempotencyKey: `offer:${offer.id}:refund-paid`,
      offerId: offer.id,
      kind: 'refund',
      providerRef: refundId,
      postings: [{ from: LedgerAccounts.brandRefundable(offer.brandId), to: LedgerAccounts.refunds, amount: movement.amount, currency: offer.currency }],
    });
  }

  private async transfer(movement: MovementRow, offer: OfferRow) {
    if (!offer.chargeId) return this.later(movement, 'waiting for the capture');
    const account = await this.payoutAccounts.find(offer.influencerUserId);
    if (!account?.transfersActive) {
      await this.movements.setStatus(movement.id, 'blocked', 'the influencer has no payout account ready yet');
      return { outcome: 'blocked' as const, next: [] };
    }
    const transfer = await this.provider.transfer({
      money: { amount: movement.amount, currency: movement.currency },
      destinationAccountId: account.accountId,
      sourceChargeId: offer.chargeId,
      transferGroup: `offer_${offer.id}`,
      idempotencyKey: movement.idempotencyKey,
      metadata: { offer_id: offer.id, movement_id: movement.id },
    });
    return this.record(movement, 'succeeded', transfer.id, async (manager) => {
      await this.ledger.post(manager, {
        idempotencyKey: `offer:${offer.id}:transfer-paid`,
        offerId: offer.id,
        kind: 'transfer',
        providerRef: transfer.id,
        postings: [
          { from: LedgerAccounts.influencerPayable(offer.influencerUserId), to: LedgerAccounts.connectTransfers, amount: movement.amount, currency: offer.currency },
        ],
      });
      const current = await this.offers.lock(manager, offer.id);
      if (current?.status === 'approved') await this.transitions.applyIn(manager, offer.id, 'release', SYSTEM);
      return [];
    });
  }

  private async failed(movement: MovementRow, offer: OfferRow, error: unknown) {
    if (error instanceof PaymentProviderError && error.kind === 'definitive') {
      if (movement.kind === 'transfer' && error.code === 'account_invalid') {
        await this.movements.setStatus(movement.id, 'blocked', error.message);
        return { outcome: 'blocked' as const, next: [] };
      }
      this.logger.warn({ movementId: movement.id, kind: movement.kind, code: error.code, offerId: offer.id }, 'payment provider refused a money movement');
      return this.record(movement, 'failed', null, async (manager) => {
        const current = await this.offers.lock(manager, offer.id);
        if (movement.kind === 'hold' && current?.status === 'pending_payment') {
          await this.transitions.applyIn(manager, offer.id, 'hold_failed', SYSTEM, { reason: error.message });
        }
        if (movement.kind === 'capture' && current?.status === 'in_progress') {
          await this.transitions.applyIn(manager, offer.id, 'capture_failed', SYSTEM, { reason: error.message });
        }
        return [];
      }, error.message);
    }
    this.logger.warn({ err: error, movementId: movement.id, kind: movement.kind }, 'money movement will be retried');
    return this.later(movement, error instanceof Error ? error.message : String(error));
  }

  private async later(movement: MovementRow, reason: string) {
    await this.movements.retryLater(movement.id, movement.attempts, reason, this.settings.now());
    return { outcome: 'retry' as const, next: [] };
  }

  private async finish(movement: MovementRow, outcome: 'failed', providerRef: string | null, reason: string) {
    return this.record(movement, outcome, providerRef, () => Promise.resolve([]), reason);
  }

  /** Records a finished movement and its consequences in one transaction. */
  private async record(
    movement: MovementRow,
    outcome: 'succeeded' | 'failed',
    providerRef: string | null,
    consequences: (manager: EntityManager) => Promise<string[]>,
    reason?: string,
  ): Promise<{ outcome: MovementOutcome; next: string[] }> {
    const next = await this.dataSource.transaction(async (manager) => {
      if (outcome === 'succeeded') {
        // A second recorder (webhook and worker racing) finds it done and changes nothing.
        if (!(await this.movements.succeed(manager, movement.id, providerRef))) return [];
      } else {
        await this.movements.setStatus(movement.id, 'failed', reason ?? null, manager);
      }
      const follow = await consequences(manager);
      await this.settings.onMovement?.(manager, movement, outcome, providerRef);
      return follow;
    });
    return { outcome, next };
  }
}

import type { DataSource } from 'typeorm';
import type { Logger } from '../../observability/logger.js';
import type { PaymentProvider, PayoutAccounts, ProviderEvent } from '../payments/index.js';
import { MoneyMovementsRepository } from './money-movements.repository.js';
import type { OfferMoney } from './offer-money.js';
import type { OfferTransitions } from './offer-transitions.js';
import { OffersRepository } from './offers.repository.js';

/**
 * Provider webhooks (SPEC §6, payments-escrow.md §2.4): stored by event id and processed once;
 * handlers are level-triggered — they re-read the object from the provider and move forward
 * from what it says now, so duplicates and any delivery order end in the same state.
 */
export class OfferWebhooks {
  private readonly offers: OffersRepository;
  private readonly movements: MoneyMovementsRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly money: OfferMoney,
    private readonly transitions: OfferTransitions,
    private readonly payoutAccounts: PayoutAccounts,
    private readonly logger: Logger,
  ) {
    this.offers = new OffersRepository(dataSource);
    this.movements = new MoneyMovementsRepository(dataSource);
  }

  /** Returns `duplicate` for an event already processed. Throws (→ 500, the provider retries) when processing fails. */
  async receive(event: ProviderEvent): Promise<'processed' | 'duplicate'> {
    await this.dataSource.query(
      `INSERT INTO provider_events (id, type, endpoint, account, livemode, created, payload) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [event.id, event.type, event.endpoint, event.account, event.livemode, event.created, JSON.stringify(event.payload)],
    );
    // One processor per event at a time; a concurrent duplicate waits here, then sees it processed.
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ processed_at: Date | null }[]>(`SELECT processed_at FROM provider_events WHERE id = $1 FOR UPDATE`, [event.id]);
      if (row?.processed_at) return { result: 'duplicate' as const };
      try {
        await this.process(event);
      } catch (error) {
        await manager.query(`UPDATE provider_events SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [event.id, String(error).slice(0, 2000)]);
        return { result: 'failed' as const, error };
      }
      await manager.query(`UPDATE provider_events SET processed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [event.id]);
      return { result: 'processed' as const };
    });
    if (outcome.result === 'failed') throw outcome.error;
    return outcome.result;
  }

  private async process(event: ProviderEvent): Promise<void> {
    if (event.objectType === 'payment_intent' && event.objectId) return this.paymentIntentChanged(event.objectId);
    if (event.objectType === 'account' && event.objectId) return this.accountChanged(event.objectId);
    if (['charge', 'refund', 'transfer'].includes(event.objectType ?? '') && event.offerId) return this.nudge(event.offerId);
    this.logger.debug({ type: event.type }, 'webhook event ignored');
  }

  /** Hold placed, captured or cancelled: re-read it and move the offer forward. */
  private async paymentIntentChanged(holdId: string): Promise<void> {
    const offer = await this.offers.findByHold(holdId);
    if (!offer) return;
    const hold = await this.provider.retrieveHold(holdId);
    const next = await this.dataSource.transaction(async (manager) => {
      await this.money.storeHold(manager, offer.id, hold);
      const follow = await this.money.afterHoldChange(manager, offer.id, hold);
      // The authorisation lapsed before the influencer answered.
      const current = (await this.offers.lock(manager, offer.id))!;
      if (hold.status === 'canceled' && (current.status === 'sent' || current.status === 'countered')) {
        await this.transitions.applyIn(manager, offer.id, 'expire', { role: 'system', id: null }, { reason: 'The card authorisation expired.' });
      }
      return follow;
    });
    await this.money.run(next);
    // A capture we asked for and whose answer we lost: the capture movement re-reads it on retry.
    if (hold.status === 'succeeded') await this.nudge(offer.id);
  }

  /** A payout account changed: refresh it; transfers waiting for it go out now. */
  private async accountChanged(accountId: string): Promise<void> {
    const record = await this.payoutAccounts.refresh(accountId);
    if (record?.transfersActive) await this.money.run(await this.movements.unblockTransfersOf(record.userId));
  }

  /** Something moved on the provider's side: attempt the offer's unfinished movements now. */
  private async nudge(offerId: string): Promise<void> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE money_movements SET next_attempt_at = now() WHERE offer_id = $1 AND status = 'pending' RETURNING id`,
      [offerId],
    );
    await this.money.run(rows.map((row) => row.id));
  }
}

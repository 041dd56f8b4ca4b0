import { randomBytes } from 'node:crypto';
import {
  OFFER_TIMER_DEFAULTS,
  TERMINAL_OFFER_STATUSES,
  canTransact,
  type OfferAction,
  type OfferActor,
  type OfferStatus,
} from '@reachbridge/domain';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { ZCreateOfferRequest, ZListOffersQuery, ZResolveDisputeRequest } from '@reachbridge/contracts';
import type { Actor } from '../../http/actor.js';
import { httpErrors } from '../../http/app-error.js';
import { campaignsErrors } from '../campaigns/index.js';
import type { ProviderKind } from '../payments/index.js';
import type { OfferMoney } from './offer-money.js';
import type { OfferTransitions, TransitionInput } from './offer-transitions.js';
import { offersErrors } from './offers.errors.js';
import { OffersRepository, type DeliverableRow, type OfferRow } from './offers.repository.js';

type CreateOffer = z.output<typeof ZCreateOfferRequest>;
type ListQuery = z.output<typeof ZListOffersQuery>;
type Resolve = z.output<typeof ZResolveDisputeRequest>;

const OPEN_STATUSES = ['pending_payment', 'sent', 'countered', 'in_progress', 'submitted', 'revision_requested', 'approved', 'released', 'cancellation_requested', 'disputed'] as const satisfies readonly OfferStatus[];

export interface OffersServiceSettings {
  provider: ProviderKind;
  feeBps: number;
  now: () => Date;
}

const LINK_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Use cases of offers for brands, influencers and admins; each action goes through the state machine. */
export class OffersService {
  readonly repository: OffersRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: OfferTransitions,
    private readonly money: OfferMoney,
    private readonly settings: OffersServiceSettings,
  ) {
    this.repository = new OffersRepository(dataSource);
  }

  /** A brand sends an offer: written with its hold movement in one transaction, then the hold is placed. */
  async create(actor: Actor, input: CreateOffer): Promise<OfferRow> {
    const [influencer] = await this.dataSource.query<{ id: string; user_id: string; review_status: string; status: string }[]>(
      `SELECT ip.id, ip.user_id, ip.review_status, u.status FROM influencer_profiles ip JOIN users u ON u.id = ip.user_id WHERE ip.id = $1`,
      [input.influencerId],
    );
    if (!influencer || influencer.review_status !== 'approved' || !canTransact(influencer.status as 'active')) throw offersErrors.OFFER_INFLUENCER_UNAVAILABLE();
    let landingUrl: string | null = null;
    if (input.campaignId) {
      const [campaign] = await this.dataSource.query<{ landing_url: string | null }[]>(`SELECT landing_url FROM campaigns WHERE id = $1 AND brand_id = $2`, [
        input.campaignId,
        actor.id,
      ]);
      if (!campaign) throw campaignsErrors.CAMPAIGN_NOT_FOUND();
      landingUrl = campaign.landing_url;
    }
    const { offer, movementId } = await this.dataSource.transaction(async (manager) => {
      const created = await this.repository.insert(
        manager,
        {
          brandId: actor.id,
          influencerProfileId: influencer.id,
          influencerUserId: influencer.user_id,
          campaignId: input.campaignId ?? null,
          amount: input.price.amount,
          currency: input.price.currency,
          feeBps: this.settings.feeBps,
          usageRights: input.usageRights.kind,
          usageRightsDays: input.usageRights.kind === 'none' ? null : input.usageRights.days,
          message: input.message ?? '',
          acceptWithinHours: input.acceptWithinHours ?? OFFER_TIMER_DEFAULTS.acceptWithinHours,
          reviewWindowHours: input.reviewWindowHours ?? OFFER_TIMER_DEFAULTS.reviewWindowHours,
          revisionLimit: input.revisionLimit ?? OFFER_TIMER_DEFAULTS.revisionLimit,
          provider: this.settings.provider,
          linkCode: landingUrl ? linkCode() : null,
        },
        input.deliverables.map(toDeliverableRow),
      );
      await this.repository.insertEvent(manager, { offerId: created.id, action: 'created', from: null, to: 'pending_payment', actorRole: 'brand', actorId: actor.id });
      const hold = await manager.query<{ id: string }[]>(
        `INSERT INTO money_movements (offer_id, kind, amount, currency, idempotency_key) VALUES ($1, 'hold', $2, $3, $4) RETURNING id`,
        [created.id, created.amount, created.currency, `offer:${created.id}:hold:v${created.version}`],
      );
      return { offer: created, movementId: hold[0]!.id };
    });
    await this.money.run([movementId]);
    return (await this.repository.find(offer.id))!;
  }

  /** The offer if the actor is one of its sides or an admin; otherwise it does not exist for them (404). */
  async getVisible(actor: Actor, id: string): Promise<OfferRow> {
    const offer = await this.repository.find(id);
    if (!offer || !this.canSee(actor, offer)) throw offersErrors.OFFER_NOT_FOUND();
    return offer;
  }

  canSee(actor: Actor, offer: OfferRow): boolean {
    return actor.role === 'admin' || offer.brandId === actor.id || offer.influencerUserId === actor.id;
  }

  /** The side the actor is on for this offer. */
  sideOf(actor: Actor, offer: OfferRow): OfferActor {
    if (offer.brandId === actor.id) return 'brand';
    if (offer.influencerUserId === actor.id) return 'influencer';
    return 'admin';
  }

  /** Runs one action for a party of the offer, then the money movements it decided on. */
  async act(actor: Actor, id: string, action: OfferAction, input: TransitionInput = {}): Promise<OfferRow> {
    const offer = await this.getVisible(actor, id);
    const result = await this.transitions.apply(offer.id, action, { role: this.sideOf(actor, offer), id: actor.id }, input);
    await this.money.run(result.movementIds);
    return (await this.repository.find(offer.id))!;
  }

  /** `cancel`: the brand may cancel overdue work at once; otherwise it is a request the other side answers. */
  async cancel(actor: Actor, id: string, reason: string): Promise<OfferRow> {
    const offer = await this.getVisible(actor, id);
    const overdue = this.sideOf(actor, offer) === 'brand' && offer.dueAt !== null && offer.dueAt.getTime() <= this.settings.now().getTime() && ['in_progress', 'revision_requested'].includes(offer.status);
    return this.act(actor, id, overdue ? 'cancel_overdue' : 'request_cancel', { reason });
  }

  async counter(actor: Actor, id: string, input: { price: { amount: number; currency: string }; deliverables?: CreateOffer['deliverables'] | undefined; message?: string | undefined }) {
    return this.act(actor, id, 'counter', {
      reason: input.message ?? null,
      counter: {
        price: input.price,
        deliverables: input.deliverables ? input.deliverables.map(toDeliverableRow) : null,
        message: input.message ?? '',
        at: this.settings.now().toISOString(),
      },
    });
  }

  async message(actor: Actor, id: string, body: string) {
    const offer = await this.getVisible(actor, id);
    return this.repository.insertMessage(this.dataSource.manager, { offerId: offer.id, authorId: actor.id, authorRole: this.sideOf(actor, offer), body });
  }

  /** The side that did not open the dispute states its case. */
  async answerDispute(actor: Actor, id: string, statement: string, evidence: { url: string | null; note: string }[]): Promise<OfferRow> {
    const offer = await this.getVisible(actor, id);
    const dispute = await this.repository.latestDispute(offer.id);
    if (!dispute || dispute.status !== 'open' || offer.status !== 'disputed') throw offersErrors.OFFER_INVALID_TRANSITION();
    const side = this.sideOf(actor, offer);
    if (side === 'admin' || side === dispute.openedBy) throw offersErrors.OFFER_ACTION_FORBIDDEN();
    await this.repository.answerDispute(this.dataSource.manager, offer.id, statement, evidence);
    return offer;
  }

  async list(actor: Actor, query: ListQuery) {
    const limit = query.limit ?? 20;
    if (actor.role !== 'admin' && query.role && query.role !== actor.role) return { rows: [], nextCursor: null };
    const statuses =
      query.status === 'open' ? OPEN_STATUSES : query.status === 'finished' ? TERMINAL_OFFER_STATUSES : query.status ? [query.status] : undefined;
    const rows = await this.repository.list({
      ...(actor.role === 'brand' ? { brandId: actor.id } : actor.role === 'influencer' ? { influencerUserId: actor.id } : {}),
      ...(statuses ? { statuses } : {}),
      ...(query.campaignId ? { campaignId: query.campaignId } : {}),
      ...(query.myTurn && actor.role !== 'admin' ? { turnOf: actor.role } : {}),
      ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  /** Admin: resolve a dispute — refund, release, or split — in one transaction with its ledger postings. */
  async resolveDispute(actor: Actor, disputeId: string, input: Resolve): Promise<OfferRow> {
    const dispute = await this.repository.findDispute(disputeId);
    if (!dispute) throw offersErrors.DISPUTE_NOT_FOUND();
    if (dispute.status === 'resolved') throw offersErrors.DISPUTE_ALREADY_RESOLVED();
    const action = input.outcome === 'refund' ? 'resolve_refund' : input.outcome === 'release' ? 'resolve_release' : 'resolve_split';
    const offer = (await this.repository.find(dispute.offerId))!;
    if (input.refundAmount !== undefined && input.refundAmount > offer.amount) throw offersErrors.DISPUTE_INVALID_SPLIT();
    let result;
    try {
      result = await this.transitions.apply(offer.id, action, { role: 'admin', id: actor.id }, { refundAmount: input.refundAmount, note: input.note ?? null });
    } catch (error) {
      // Someone resolved it a moment earlier: the offer is no longer disputed.
      if ((await this.repository.findDispute(disputeId))?.status === 'resolved') throw offersErrors.DISPUTE_ALREADY_RESOLVED();
      throw error;
    }
    await this.money.run(result.movementIds);
    return (await this.repository.find(offer.id))!;
  }
}

function toDeliverableRow(deliverable: CreateOffer['deliverables'][number]): DeliverableRow {
  return {
    platform: deliverable.platform,
    type: deliverable.type,
    quantity: deliverable.quantity,
    dueDate: deliverable.dueDate,
    requirements: deliverable.requirements,
    disclosureTag: deliverable.disclosureTag,
  };
}

function linkCode(): string {
  const bytes = randomBytes(10);
  return [...bytes].map((byte) => LINK_ALPHABET[byte % LINK_ALPHABET.length]).join('');
}

function encodeCursor(offer: OfferRow): string {
  return Buffer.from(JSON.stringify([offer.updatedAt.toISOString(), offer.id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(updatedAt);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { updatedAt: date, id };
  } catch {
    throw httpErrors.VALIDATION_FAILED({ details: [{ path: 'cursor', message: 'The cursor is not valid; start from the first page.' }] });
  }
}

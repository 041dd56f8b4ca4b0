import type { OfferActor, OfferStatus, UsageRights } from '@reachbridge/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface DeliverableRow {
  platform: string;
  type: string;
  quantity: number;
  dueDate: string | null;
  requirements: string;
  disclosureTag: string;
}

export interface CounterTerms {
  price: { amount: number; currency: string };
  deliverables: DeliverableRow[] | null;
  message: string;
  at: string;
}

/** One row of `offers`, in camelCase. Amounts are numbers (bigint values fit exactly). */
export interface OfferRow {
  id: string;
  brandId: string;
  influencerProfileId: string;
  influencerUserId: string;
  campaignId: string | null;
  status: OfferStatus;
  version: number;
  amount: number;
  currency: string;
  feeBps: number;
  usageRights: UsageRights;
  usageRightsDays: number | null;
  message: string;
  acceptWithinHours: number;
  reviewWindowHours: number;
  revisionLimit: number;
  revisionsUsed: number;
  termsAgreed: boolean;
  counter: CounterTerms | null;
  cancellationRequestedBy: 'brand' | 'influencer' | null;
  cancellationReason: string | null;
  statusBeforeCancellation: OfferStatus | null;
  acceptDeadline: Date | null;
  reviewDeadline: Date | null;
  dueAt: Date | null;
  /** When the worker noted the current due date as missed. */
  overdueNotedAt: Date | null;
  cancellationDeadline: Date | null;
  completionDueAt: Date | null;
  provider: 'simulated' | 'stripe';
  holdId: string | null;
  holdStatus: string | null;
  holdClientSecret: string | null;
  /** The card authorisation lapses then: acceptance must come before. */
  holdCaptureBefore: Date | null;
  chargeId: string | null;
  linkCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Columns a transition may change (never ids, parties, or the version, which the CAS bumps). */
export type OfferChanges = Partial<Omit<OfferRow, 'id' | 'brandId' | 'influencerProfileId' | 'influencerUserId' | 'version' | 'createdAt' | 'updatedAt'>>;

const COLUMN: Record<keyof OfferChanges, string> = {
  campaignId: 'campaign_id',
  status: 'status',
  amount: 'amount',
  currency: 'currency',
  feeBps: 'fee_bps',
  usageRights: 'usage_rights',
  usageRightsDays: 'usage_rights_days',
  message: 'message',
  acceptWithinHours: 'accept_within_hours',
  reviewWindowHours: 'review_window_hours',
  revisionLimit: 'revision_limit',
  revisionsUsed: 'revisions_used',
  termsAgreed: 'terms_agreed',
  counter: 'counter',
  cancellationRequestedBy: 'cancellation_requested_by',
  cancellationReason: 'cancellation_reason',
  statusBeforeCancellation: 'status_before_cancellation',
  acceptDeadline: 'accept_deadline',
  reviewDeadline: 'review_deadline',
  dueAt: 'due_at',
  overdueNotedAt: 'overdue_noted_at',
  cancellationDeadline: 'cancellation_deadline',
  completionDueAt: 'completion_due_at',
  provider: 'provider',
  holdId: 'hold_id',
  holdStatus: 'hold_status',
  holdClientSecret: 'hold_client_secret',
  holdCaptureBefore: 'hold_capture_before',
  chargeId: 'charge_id',
  linkCode: 'link_code',
};

type Raw = Record<string, unknown>;

function toOffer(raw: Raw): OfferRow {
  const date = (value: unknown) => (value === null ? null : (value as Date));
  return {
    id: raw.id as string,
    brandId: raw.brand_id as string,
    influencerProfileId: raw.influencer_profile_id as string,
    influencerUserId: raw.influencer_user_id as string,
    campaignId: raw.campaign_id as string | null,
    status: raw.status as OfferStatus,
    version: raw.version as number,
    amount: Number(raw.amount),
    currency: (raw.currency as string).trim(),
    feeBps: raw.fee_bps as number,
    usageRights: raw.usage_rights as UsageRights,
    usageRightsDays: raw.usage_rights_days as number | null,
    message: raw.message as string,
    acceptWithinHours: raw.accept_within_hours as number,
    reviewWindowHours: raw.review_window_hours as number,
    revisionLimit: raw.revision_limit as number,
    revisionsUsed: raw.revisions_used as number,
    termsAgreed: raw.terms_agreed as boolean,
    counter: raw.counter as CounterTerms | null,
    cancellationRequestedBy: raw.cancellation_requested_by as 'brand' | 'influencer' | null,
    cancellationReason: raw.cancellation_reason as string | null,
    statusBeforeCancellation: raw.status_before_cancellation as OfferStatus | null,
    acceptDeadline: date(raw.accept_deadline),
    reviewDeadline: date(raw.review_deadline),
    dueAt: date(raw.due_at),
    overdueNotedAt: date(raw.overdue_noted_at),
    cancellationDeadline: date(raw.cancellation_deadline),
    completionDueAt: date(raw.completion_due_at),
    provider: raw.provider as 'simulated' | 'stripe',
    holdId: raw.hold_id as string | null,
    holdStatus: raw.hold_status as string | null,
    holdClientSecret: raw.hold_client_secret as string | null,
    holdCaptureBefore: date(raw.hold_capture_before),
    chargeId: raw.charge_id as string | null,
    linkCode: raw.link_code as string | null,
    createdAt: raw.created_at as Date,
    updatedAt: raw.updated_at as Date,
  };
}

/** What a brand's offer starts with; everything else has a default or comes later. */
export type NewOffer = Pick<
  OfferRow,
  | 'brandId'
  | 'influencerProfileId'
  | 'influencerUserId'
  | 'campaignId'
  | 'amount'
  | 'currency'
  | 'feeBps'
  | 'usageRights'
  | 'usageRightsDays'
  | 'message'
  | 'acceptWithinHours'
  | 'reviewWindowHours'
  | 'revisionLimit'
  | 'provider'
  | 'linkCode'
>;

export interface OfferEventRow {
  action: string;
  fromStatus: OfferStatus | null;
  toStatus: OfferStatus;
  actorRole: OfferActor;
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  createdAt: Date;
}

export interface OfferMessageRow {
  id: string;
  authorRole: 'brand' | 'influencer' | 'admin';
  authorName: string;
  body: string;
  createdAt: Date;
}

export interface SubmissionRow {
  round: number;
  url: string;
  notes: string;
  submittedAt: Date;
  decision: 'approved' | 'revision_requested' | null;
  feedback: string | null;
  decidedAt: Date | null;
}

export interface DisputeRow {
  id: string;
  offerId: string;
  openedBy: 'brand' | 'influencer';
  reason: string;
  evidence: { url: string | null; note: string }[];
  responseStatement: string | null;
  responseEvidence: { url: string | null; note: string }[] | null;
  respondedAt: Date | null;
  status: 'open' | 'resolved';
  outcome: 'refund' | 'release' | 'split' | null;
  refundAmount: number | null;
  releaseAmount: number | null;
  note: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

function toDispute(raw: Raw): DisputeRow {
  return {
    id: raw.id as string,
    offerId: raw.offer_id as string,
    openedBy: raw.opened_by as 'brand' | 'influencer',
    reason: raw.reason as string,
    evidence: raw.evidence as DisputeRow['evidence'],
    responseStatement: raw.response_statement as string | null,
    responseEvidence: raw.response_evidence as DisputeRow['responseEvidence'],
    respondedAt: raw.responded_at as Date | null,
    status: raw.status as 'open' | 'resolved',
    outcome: raw.outcome as DisputeRow['outcome'],
    refundAmount: raw.refund_amount === null ? null : Number(raw.refund_amount),
    releaseAmount: raw.release_amount === null ? null : Number(raw.release_amount),
    note: raw.note as string | null,
    createdAt: raw.created_at as Date,
    resolvedAt: raw.resolved_at as Date | null,
  };
}

export interface OfferParties {
  brandName: string;
  influencerName: string;
  influencerSlug: string;
  campaignName: string | null;
  landingUrl: string | null;
}

/** SQL for offers and their parts. Methods that change data take the caller's transaction. */
export class OffersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, offer: NewOffer, deliverables: DeliverableRow[]): Promise<OfferRow> {
    const [raw] = await manager.query<Raw[]>(
      `INSERT INTO offers (brand_id, influencer_profile_id, influencer_user_id, campaign_id, status, amount, currency, fee_bps, usage_rights,
         usage_rights_days, message, accept_within_hours, review_window_hours, revision_limit, provider, link_code)
       VALUES ($1, $2, $3, $4, 'pending_payment', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
      [
        offer.brandId,
        offer.influencerProfileId,
        offer.influencerUserId,
        offer.campaignId,
        offer.amount,
        offer.currency,
        offer.feeBps,
        offer.usageRights,
        offer.usageRightsDays,
        offer.message,
        offer.acceptWithinHours,
        offer.reviewWindowHours,
        offer.revisionLimit,
        offer.provider,
        offer.linkCode,
      ],
    );
    const row = toOffer(raw!);
    await this.replaceDeliverables(manager, row.id, deliverables);
    return row;
  }

  async replaceDeliverables(manager: EntityManager, offerId: string, deliverables: DeliverableRow[]): Promise<void> {
    await manager.query(`DELETE FROM offer_deliverables WHERE offer_id = $1`, [offerId]);
    await manager.query(
      `INSERT INTO offer_deliverables (offer_id, position, platform, type, quantity, due_date, requirements, disclosure_tag)
       SELECT $1, ord, platform, type, quantity, due_date, requirements, disclosure_tag
       FROM unnest($2::varchar[], $3::varchar[], $4::int[], $5::date[], $6::text[], $7::varchar[]) WITH ORDINALITY
         AS d(platform, type, quantity, due_date, requirements, disclosure_tag, ord)`,
      [
        offerId,
        deliverables.map((d) => d.platform),
        deliverables.map((d) => d.type),
        deliverables.map((d) => d.quantity),
        deliverables.map((d) => d.dueDate),
        deliverables.map((d) => d.requirements),
        deliverables.map((d) => d.disclosureTag),
      ],
    );
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<OfferRow | null> {
    const rows = await manager.query<Raw[]>(`SELECT * FROM offers WHERE id = $1`, [id]);
    return rows[0] ? toOffer(rows[0]) : null;
  }

  /** Locks the offer row for the rest of the transaction: every transition starts here. */
  async lock(manager: EntityManager, id: string): Promise<OfferRow | null> {
    const rows = await manager.query<Raw[]>(`SELECT * FROM offers WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toOffer(rows[0]) : null;
  }

  /**
   * Compare-and-set: applies the changes only if the offer is still at `expectedVersion`, and bumps
   * the version. Returns null when someone else changed it first.
   */
  async update(manager: EntityManager, id: string, expectedVersion: number, changes: OfferChanges): Promise<OfferRow | null> {
    const entries = Object.entries(changes) as [keyof OfferChanges, unknown][];
    const sets = entries.map(([key], index) => `"${COLUMN[key]}" = $${index + 3}`);
    const values = entries.map(([key, value]) => (key === 'counter' && value !== null ? JSON.stringify(value) : value));
    const [rows] = await manager.query<[Raw[], number]>(
      `UPDATE offers SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING *`,
      [id, expectedVersion, ...values],
    );
    return rows[0] ? toOffer(rows[0]) : null;
  }

  async insertEvent(
    manager: EntityManager,
    event: { offerId: string; action: string; from: OfferStatus | null; to: OfferStatus; actorRole: OfferActor; actorId: string | null; reason?: string | null; details?: object },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO offer_events (offer_id, action, from_status, to_status, actor_role, actor_id, reason, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [event.offerId, event.action, event.from, event.to, event.actorRole, event.actorId, event.reason ?? null, event.details ?? {}],
    );
  }

  async insertMessage(manager: EntityManager, message: { offerId: string; authorId: string; authorRole: string; body: string }): Promise<OfferMessageRow> {
    const [raw] = await manager.query<Raw[]>(
      `WITH inserted AS (INSERT INTO offer_messages (offer_id, author_id, author_role, body) VALUES ($1, $2, $3, $4) RETURNING *)
       SELECT i.*, u.display_name FROM inserted i JOIN users u ON u.id = i.author_id`,
      [message.offerId, message.authorId, message.authorRole, message.body],
    );
    return toMessage(raw!);
  }

  async insertSubmission(manager: EntityManager, offerId: string, url: string, notes: string): Promise<void> {
    await manager.query(
      `INSERT INTO offer_submissions (offer_id, round, url, notes)
       VALUES ($1, (SELECT coalesce(max(round), 0) + 1 FROM offer_submissions WHERE offer_id = $1), $2, $3)`,
      [offerId, url, notes],
    );
  }

  async decideLatestSubmission(manager: EntityManager, offerId: string, decision: 'approved' | 'revision_requested', feedback: string | null): Promise<void> {
    await manager.query(
      `UPDATE offer_submissions SET decision = $2, feedback = $3, decided_at = now()
       WHERE offer_id = $1 AND round = (SELECT max(round) FROM offer_submissions WHERE offer_id = $1) AND decision IS NULL`,
      [offerId, decision, feedback],
    );
  }

  async insertDispute(
    manager: EntityManager,
    dispute: { offerId: string; openedBy: 'brand' | 'influencer'; openedById: string; reason: string; evidence: { url: string | null; note: string }[] },
  ): Promise<void> {
    await manager.query(`INSERT INTO offer_disputes (offer_id, opened_by, opened_by_id, reason, evidence) VALUES ($1, $2, $3, $4, $5)`, [
      dispute.offerId,
      dispute.openedBy,
      dispute.openedById,
      dispute.reason,
      JSON.stringify(dispute.evidence),
    ]);
  }

  async answerDispute(manager: EntityManager, offerId: string, statement: string, evidence: { url: string | null; note: string }[]): Promise<boolean> {
    const [, count] = await manager.query<[Raw[], number]>(
      `UPDATE offer_disputes SET response_statement = $2, response_evidence = $3, responded_at = now() WHERE offer_id = $1 AND status = 'open'`,
      [offerId, statement, JSON.stringify(evidence)],
    );
    return count > 0;
  }

  /** Moves the open dispute to resolved; false when there is none (already resolved by someone else). */
  async resolveDispute(
    manager: EntityManager,
    offerId: string,
    resolution: { outcome: 'refund' | 'release' | 'split'; refundAmount: number; releaseAmount: number; note: string | null; resolvedBy: string },
  ): Promise<boolean> {
    const [, count] = await manager.query<[Raw[], number]>(
      `UPDATE offer_disputes SET status = 'resolved', outcome = $2, refund_amount = $3, release_amount = $4, note = $5, resolved_by = $6, resolved_at = now()
       WHERE offer_id = $1 AND status = 'open'`,
      [offerId, resolution.outcome, resolution.refundAmount, resolution.releaseAmount, resolution.note, resolution.resolvedBy],
    );
    return count > 0;
  }

  async findDispute(id: string): Promise<DisputeRow | null> {
    const rows = await this.dataSource.query<Raw[]>(`SELECT * FROM offer_disputes WHERE id = $1`, [id]);
    return rows[0] ? toDispute(rows[0]) : null;
  }

  async latestDispute(offerId: string): Promise<DisputeRow | null> {
    const rows = await this.dataSource.query<Raw[]>(`SELECT * FROM offer_disputes WHERE offer_id = $1 ORDER BY created_at DESC LIMIT 1`, [offerId]);
    return rows[0] ? toDispute(rows[0]) : null;
  }

  async disputes(status: 'open' | 'resolved' | undefined): Promise<DisputeRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT * FROM offer_disputes WHERE ($1::varchar IS NULL OR status = $1) ORDER BY status = 'open' DESC, created_at LIMIT 200`,
      [status ?? null],
    );
    return rows.map(toDispute);
  }

  async parties(offer: OfferRow): Promise<OfferParties> {
    const [raw] = await this.dataSource.query<Raw[]>(
      `SELECT coalesce(bp.name, bu.display_name) AS brand_name, ip.display_name AS influencer_name, ip.slug AS influencer_slug,
              c.name AS campaign_name, c.landing_url
       FROM users bu
       LEFT JOIN brand_profiles bp ON bp.user_id = bu.id
       JOIN influencer_profiles ip ON ip.id = $2
       LEFT JOIN campaigns c ON c.id = $3
       WHERE bu.id = $1`,
      [offer.brandId, offer.influencerProfileId, offer.campaignId],
    );
    return {
      brandName: raw!.brand_name as string,
      influencerName: raw!.influencer_name as string,
      influencerSlug: raw!.influencer_slug as string,
      campaignName: raw!.campaign_name as string | null,
      landingUrl: raw!.landing_url as string | null,
    };
  }

  async deliverables(offerId: string): Promise<DeliverableRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT platform, type, quantity, to_char(due_date, 'YYYY-MM-DD') AS due_date, requirements, disclosure_tag
       FROM offer_deliverables WHERE offer_id = $1 ORDER BY position`,
      [offerId],
    );
    return rows.map((row) => ({
      platform: row.platform as string,
      type: row.type as string,
      quantity: row.quantity as number,
      dueDate: row.due_date as string | null,
      requirements: row.requirements as string,
      disclosureTag: row.disclosure_tag as string,
    }));
  }

  async events(offerId: string): Promise<OfferEventRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT e.*, u.display_name FROM offer_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.offer_id = $1 ORDER BY e.id`,
      [offerId],
    );
    return rows.map((row) => ({
      action: row.action as string,
      fromStatus: row.from_status as OfferStatus | null,
      toStatus: row.to_status as OfferStatus,
      actorRole: row.actor_role as OfferActor,
      actorId: row.actor_id as string | null,
      actorName: row.display_name as string | null,
      reason: row.reason as string | null,
      createdAt: row.created_at as Date,
    }));
  }

  async messages(offerId: string): Promise<OfferMessageRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT m.*, u.display_name FROM offer_messages m JOIN users u ON u.id = m.author_id WHERE m.offer_id = $1 ORDER BY m.created_at, m.id`,
      [offerId],
    );
    return rows.map(toMessage);
  }

  async submissions(offerId: string): Promise<SubmissionRow[]> {
    const rows = await this.dataSource.query<Raw[]>(`SELECT * FROM offer_submissions WHERE offer_id = $1 ORDER BY round`, [offerId]);
    return rows.map((row) => ({
      round: row.round as number,
      url: row.url as string,
      notes: row.notes as string,
      submittedAt: row.submitted_at as Date,
      decision: row.decision as SubmissionRow['decision'],
      feedback: row.feedback as string | null,
      decidedAt: row.decided_at as Date | null,
    }));
  }

  async clicks(offerId: string): Promise<{ clicks: number; uniqueVisitors: number }> {
    const [row] = await this.dataSource.query<{ clicks: number; visitors: number }[]>(
      `SELECT coalesce(sum(clicks), 0)::int AS clicks, count(*)::int AS visitors FROM link_clicks WHERE offer_id = $1`,
      [offerId],
    );
    return { clicks: row!.clicks, uniqueVisitors: row!.visitors };
  }

  /** The inbox: one side's offers (or all, for admins), most recently changed first, keyset-paginated. */
  async list(filter: {
    brandId?: string;
    influencerUserId?: string;
    statuses?: readonly OfferStatus[];
    campaignId?: string;
    /** Only offers waiting for this side (see `whoseTurn` in libs/domain). */
    turnOf?: 'brand' | 'influencer';
    after?: { updatedAt: Date; id: string };
    limit: number;
  }): Promise<(OfferRow & OfferParties)[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT o.*, coalesce(bp.name, bu.display_name) AS brand_name, ip.display_name AS influencer_name, ip.slug AS influencer_slug,
              c.name AS campaign_name, c.landing_url
       FROM offers o
       JOIN users bu ON bu.id = o.brand_id
       LEFT JOIN brand_profiles bp ON bp.user_id = o.brand_id
       JOIN influencer_profiles ip ON ip.id = o.influencer_profile_id
       LEFT JOIN campaigns c ON c.id = o.campaign_id
       WHERE ($1::uuid IS NULL OR o.brand_id = $1)
         AND ($2::uuid IS NULL OR o.influencer_user_id = $2)
         AND ($3::varchar[] IS NULL OR o.status = ANY($3))
         AND ($4::uuid IS NULL OR o.campaign_id = $4)
         AND ($5::timestamptz IS NULL OR (date_trunc('milliseconds', o.updated_at), o.id) < ($5, $6::uuid))
         AND ($8::varchar IS NULL
              OR o.status = ANY(CASE $8 WHEN 'brand' THEN ARRAY['pending_payment', 'countered', 'submitted'] ELSE ARRAY['sent', 'in_progress', 'revision_requested'] END)
              OR (o.status = 'cancellation_requested' AND o.cancellation_requested_by <> $8))
       ORDER BY date_trunc('milliseconds', o.updated_at) DESC, o.id DESC
       LIMIT $7`,
      [
        filter.brandId ?? null,
        filter.influencerUserId ?? null,
        filter.statuses ?? null,
        filter.campaignId ?? null,
        filter.after?.updatedAt ?? null,
        filter.after?.id ?? null,
        filter.limit,
        filter.turnOf ?? null,
      ],
    );
    return rows.map((raw) => ({
      ...toOffer(raw),
      brandName: raw.brand_name as string,
      influencerName: raw.influencer_name as string,
      influencerSlug: raw.influencer_slug as string,
      campaignName: raw.campaign_name as string | null,
      landingUrl: raw.landing_url as string | null,
    }));
  }

  /** Offers whose `column` deadline has passed, in one of `statuses`; locked rows are skipped (another worker has them). */
  async due(manager: EntityManager, column: 'accept_deadline' | 'review_deadline' | 'due_at' | 'cancellation_deadline' | 'completion_due_at', statuses: readonly OfferStatus[], now: Date, limit: number): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM offers WHERE "${column}" <= $1 AND status = ANY($2) ORDER BY "${column}" LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [now, statuses, limit],
    );
    return rows.map((row) => row.id);
  }

  async findByHold(holdId: string): Promise<OfferRow | null> {
    const rows = await this.dataSource.query<Raw[]>(`SELECT * FROM offers WHERE hold_id = $1`, [holdId]);
    return rows[0] ? toOffer(rows[0]) : null;
  }

  async findByLinkCode(code: string): Promise<{ offerId: string; landingUrl: string | null; campaignName: string | null; slug: string } | null> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT o.id, c.landing_url, c.name, ip.slug FROM offers o LEFT JOIN campaigns c ON c.id = o.campaign_id
       JOIN influencer_profiles ip ON ip.id = o.influencer_profile_id WHERE o.link_code = $1`,
      [code],
    );
    const row = rows[0];
    return row ? { offerId: row.id as string, landingUrl: row.landing_url as string | null, campaignName: row.name as string | null, slug: row.slug as string } : null;
  }

  async recordClick(offerId: string, day: string, visitor: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO link_clicks (offer_id, day, visitor) VALUES ($1, $2, $3)
       ON CONFLICT (offer_id, day, visitor) DO UPDATE SET clicks = link_clicks.clicks + 1`,
      [offerId, day, visitor],
    );
  }
}

function toMessage(raw: Raw): OfferMessageRow {
  return {
    id: raw.id as string,
    authorRole: raw.author_role as OfferMessageRow['authorRole'],
    authorName: raw.display_name as string,
    body: raw.body as string,
    createdAt: raw.created_at as Date,
  };
}

import type { DataSource, EntityManager } from 'typeorm';

export type MovementKind = 'hold' | 'capture' | 'void' | 'refund' | 'transfer';
export type MovementStatus = 'pending' | 'in_flight' | 'succeeded' | 'failed' | 'blocked';

export interface MovementRow {
  id: string;
  offerId: string;
  kind: MovementKind;
  amount: number;
  currency: string;
  idempotencyKey: string;
  status: MovementStatus;
  providerRef: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type Raw = Record<string, unknown>;
const toMovement = (raw: Raw): MovementRow => ({
  id: raw.id as string,
  offerId: raw.offer_id as string,
  kind: raw.kind as MovementKind,
  amount: Number(raw.amount),
  currency: (raw.currency as string).trim(),
  idempotencyKey: raw.idempotency_key as string,
  status: raw.status as MovementStatus,
  providerRef: raw.provider_ref as string | null,
  attempts: raw.attempts as number,
  lastError: raw.last_error as string | null,
  createdAt: raw.created_at as Date,
  updatedAt: raw.updated_at as Date,
});

/** An `in_flight` claim older than this is presumed lost (a crash mid-call) and is retried with the same key. */
const STALE_CLAIM_MS = 60_000;

/**
 * The outbox of provider calls. A movement is written in the same transaction as the decision
 * that needs it, with its idempotency key; it is then claimed, the provider is called outside any
 * transaction, and the result recorded. The unique indexes make a second capture, refund or
 * transfer for one offer impossible, whatever races.
 */
export class MoneyMovementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a movement; a movement with the same key already there is returned instead (a retried decision). */
  async add(manager: EntityManager, movement: { offerId: string; kind: MovementKind; amount: number; currency: string; idempotencyKey: string }): Promise<MovementRow> {
    const inserted = await manager.query<Raw[]>(
      `INSERT INTO money_movements (offer_id, kind, amount, currency, idempotency_key) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
      [movement.offerId, movement.kind, movement.amount, movement.currency, movement.idempotencyKey],
    );
    if (inserted[0]) return toMovement(inserted[0]);
    const [existing] = await manager.query<Raw[]>(`SELECT * FROM money_movements WHERE idempotency_key = $1`, [movement.idempotencyKey]);
    return toMovement(existing!);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<MovementRow | null> {
    const rows = await manager.query<Raw[]>(`SELECT * FROM money_movements WHERE id = $1`, [id]);
    return rows[0] ? toMovement(rows[0]) : null;
  }

  async ofOffer(offerId: string): Promise<MovementRow[]> {
    const rows = await this.dataSource.query<Raw[]>(`SELECT * FROM money_movements WHERE offer_id = $1 ORDER BY created_at, kind`, [offerId]);
    return rows.map(toMovement);
  }

  async byProviderRef(kind: MovementKind, ref: string): Promise<MovementRow | null> {
    const rows = await this.dataSource.query<Raw[]>(`SELECT * FROM money_movements WHERE kind = $1 AND provider_ref = $2`, [kind, ref]);
    return rows[0] ? toMovement(rows[0]) : null;
  }

  /**
   * Claims a movement for one attempt: pending and due, or in flight for too long. Commits at once,
   * so no transaction stays open across the provider call. Null when someone else holds it or it is done.
   */
  async claim(id: string, now: Date): Promise<MovementRow | null> {
    const [rows] = await this.dataSource.query<[Raw[], number]>(
      `UPDATE money_movements SET status = 'in_flight', attempts = attempts + 1, updated_at = $2
       WHERE id = $1 AND ((status = 'pending' AND next_attempt_at <= $2) OR (status = 'in_flight' AND updated_at <= $3))
       RETURNING *`,
      [id, now, new Date(now.getTime() - STALE_CLAIM_MS)],
    );
    return rows[0] ? toMovement(rows[0]) : null;
  }

  async succeed(manager: EntityManager, id: string, providerRef: string | null): Promise<boolean> {
    const [, count] = await manager.query<[Raw[], number]>(
      `UPDATE money_movements SET status = 'succeeded', provider_ref = coalesce($2, provider_ref), last_error = NULL, updated_at = now()
       WHERE id = $1 AND status <> 'succeeded'`,
      [id, providerRef],
    );
    return count > 0;
  }

  /** Back to pending for a later attempt with the same key (exponential back-off, capped at an hour). */
  async retryLater(id: string, attempts: number, error: string, now: Date): Promise<void> {
    const delayMs = Math.min(3_600_000, 1000 * 2 ** Math.min(attempts, 12));
    await this.dataSource.query(
      `UPDATE money_movements SET status = 'pending', next_attempt_at = $2, last_error = $3, updated_at = now() WHERE id = $1 AND status = 'in_flight'`,
      [id, new Date(now.getTime() + delayMs), error.slice(0, 2000)],
    );
  }

  async setStatus(id: string, status: 'failed' | 'blocked' | 'pending', error: string | null, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE money_movements SET status = $2, last_error = $3, next_attempt_at = now(), updated_at = now() WHERE id = $1 AND status <> 'succeeded'`, [
      id,
      status,
      error?.slice(0, 2000) ?? null,
    ]);
  }

  /** Movements the worker should attempt now. */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM money_movements
       WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'in_flight' AND updated_at <= $2)
       ORDER BY next_attempt_at LIMIT $3`,
      [now, new Date(now.getTime() - STALE_CLAIM_MS), limit],
    );
    return rows.map((row) => row.id);
  }

  /** Transfers waiting for an influencer's payout account become due again once it is ready. */
  async unblockTransfersOf(influencerUserId: string): Promise<string[]> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE money_movements m SET status = 'pending', next_attempt_at = now(), updated_at = now()
       FROM offers o WHERE o.id = m.offer_id AND o.influencer_user_id = $1 AND m.kind = 'transfer' AND m.status = 'blocked'
       RETURNING m.id`,
      [influencerUserId],
    );
    return rows.map((row) => row.id);
  }

  /** A user's movements with the counterpart's name, newest first. */
  async historyOf(userId: string, limit: number): Promise<(MovementRow & { counterpart: string })[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT m.*, CASE WHEN o.brand_id = $1 THEN ip.display_name ELSE coalesce(bp.name, bu.display_name) END AS counterpart
       FROM money_movements m JOIN offers o ON o.id = m.offer_id
       JOIN influencer_profiles ip ON ip.id = o.influencer_profile_id
       JOIN users bu ON bu.id = o.brand_id LEFT JOIN brand_profiles bp ON bp.user_id = o.brand_id
       WHERE (o.brand_id = $1 OR o.influencer_user_id = $1)
         AND m.kind IN (CASE WHEN o.brand_id = $1 THEN 'capture' ELSE 'transfer' END, 'refund', 'transfer')
       ORDER BY m.updated_at DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map((raw) => ({ ...toMovement(raw), counterpart: raw.counterpart as string }));
  }
}

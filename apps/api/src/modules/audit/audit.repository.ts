import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity, type AuditActorRole } from './audit-log.entity.js';

export interface NewAuditEntry {
  actorId: string | null;
  actorRole: AuditActorRole;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
}

export interface AuditFilter {
  actorId?: string | undefined;
  /** Exact, or a prefix when `actionPrefix` is set. */
  action?: string | undefined;
  actionPrefix?: boolean;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Keyset: entries strictly older than this (occurred_at as PostgreSQL text, id). */
  before?: { occurredAt: string; id: string } | undefined;
  limit: number;
}

/** A row with its exact, microsecond timestamp as text (a JS Date would lose the microseconds a cursor needs). */
export interface AuditRow {
  entry: AuditLogEntity;
  occurredAtExact: string;
  actor: { displayName: string; email: string } | null;
}

export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, entry: NewAuditEntry): Promise<void> {
    // Plain SQL: the details are free-form JSON, which TypeORM's typed insert cannot express.
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, target_type, target_id, reason, details, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [entry.actorId, entry.actorRole, entry.action, entry.targetType, entry.targetId, entry.reason, JSON.stringify(entry.details), entry.requestId],
    );
  }

  /** Newest first, `limit` rows at most, with each actor's current name and e-mail. */
  async list(filter: AuditFilter): Promise<AuditRow[]> {
    const query = this.dataSource
      .getRepository(AuditLogEntity)
      .createQueryBuilder('entry')
      .addSelect(`to_char(entry.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'occurred_exact')
      .leftJoin('users', 'actor', 'actor.id = entry.actor_id')
      .addSelect('actor.display_name', 'actor_display_name')
      .addSelect('actor.email', 'actor_email')
      .orderBy('entry.occurred_at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .limit(filter.limit);
    if (filter.actorId) query.andWhere('entry.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) {
      if (filter.actionPrefix) query.andWhere(`starts_with(entry.action, :action)`, { action: filter.action });
      else query.andWhere('entry.action = :action', { action: filter.action });
    }
    if (filter.targetType) query.andWhere('entry.target_type = :targetType', { targetType: filter.targetType });
    if (filter.targetId) query.andWhere('entry.target_id = :targetId', { targetId: filter.targetId });
    if (filter.from) query.andWhere('entry.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('entry.occurred_at <= :to', { to: filter.to });
    if (filter.before) {
      query.andWhere('(entry.occurred_at, entry.id) < (:beforeAt::timestamptz, :beforeId::uuid)', {
        beforeAt: filter.before.occurredAt,
        beforeId: filter.before.id,
      });
    }
    const { entities, raw } = await query.getRawAndEntities<{ occurred_exact: string; actor_display_name: string | null; actor_email: string | null }>();
    return entities.map((entry, index) => {
      const row = raw[index]!;
      return {
        entry,
        occurredAtExact: row.occurred_exact,
        actor: row.actor_display_name !== null && row.actor_email !== null ? { displayName: row.actor_display_name, email: row.actor_email } : null,
      };
    });
  }
}

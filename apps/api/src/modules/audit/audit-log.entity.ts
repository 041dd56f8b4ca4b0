import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditActorRole = 'admin' | 'brand' | 'influencer' | 'system';

/**
 * One thing that happened: an admin action or a money movement. Append-only — the database
 * refuses UPDATE, DELETE and TRUNCATE (migration 1764633600000). No foreign keys: the trail
 * outlives the users and objects it names.
 */
@Entity({ name: 'audit_log' })
@Check('audit_log_actor_role_check', `"actor_role" IN ('admin', 'brand', 'influencer', 'system')`)
@Index('audit_log_occurred_idx', ['occurredAt', 'id'])
@Index('audit_log_actor_idx', ['actorId', 'occurredAt'])
@Index('audit_log_target_idx', ['targetType', 'targetId', 'occurredAt'])
@Index('audit_log_action_idx', ['action', 'occurredAt'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_log_pkey' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  /** null: the system did it (a timer, a webhook). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole!: AuditActorRole;

  /** What happened, dotted: `account.approve`, `money.transfer.succeeded`. */
  @Column({ type: 'varchar', length: 80 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 40 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'varchar', length: 100 })
  targetId!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;
}

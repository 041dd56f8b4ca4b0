import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AccountStatus } from '@reachbridge/domain';
import { UserEntity } from '../accounts/index.js';

export type ReviewDecision = 'approved' | 'rejected' | 'changes_requested' | 'suspended' | 'reinstated';

/** An account's latest vetting decision, with the reason its owner is shown. The history is in the audit log. */
@Entity({ name: 'account_reviews' })
@Check('account_reviews_decision_check', `"decision" IN ('approved', 'rejected', 'changes_requested', 'suspended', 'reinstated')`)
export class AccountReviewEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'account_reviews_pkey' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_reviews_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 24 })
  decision!: ReviewDecision;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The admin; no foreign key, like the audit log (an admin may be removed, the decision stands). */
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', default: () => 'now()' })
  decidedAt!: Date;

  /** While suspended: the status a reinstatement returns to. */
  @Column({ name: 'status_before_suspension', type: 'varchar', length: 16, nullable: true })
  statusBeforeSuspension!: AccountStatus | null;
}

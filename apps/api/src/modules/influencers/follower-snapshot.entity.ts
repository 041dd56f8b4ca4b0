import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../../db/transformers.js';
import { SocialAccountEntity } from './social-account.entity.js';

/** Followers of one account on one day: the growth chart and the growth-spike signal. */
@Entity({ name: 'follower_snapshots' })
@Index('follower_snapshots_account_day_key', ['socialAccountId', 'takenOn'], { unique: true })
export class FollowerSnapshotEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'follower_snapshots_pkey' })
  id!: string;

  @Column({ name: 'social_account_id', type: 'uuid' })
  socialAccountId!: string;

  @ManyToOne(() => SocialAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'social_account_id', foreignKeyConstraintName: 'follower_snapshots_social_account_id_fkey' })
  socialAccount?: SocialAccountEntity;

  /** A calendar day, YYYY-MM-DD. */
  @Column({ name: 'taken_on', type: 'date' })
  takenOn!: string;

  @Column({ type: 'bigint', transformer: numberTransformer })
  followers!: number;
}

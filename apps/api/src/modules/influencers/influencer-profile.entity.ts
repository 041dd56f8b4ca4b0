import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../accounts/index.js';
import { RateEntity } from './rate.entity.js';
import { SocialAccountEntity } from './social-account.entity.js';

export type ReviewStatus = 'draft' | 'submitted' | 'approved' | 'changes_requested' | 'rejected';

@Entity({ name: 'influencer_profiles' })
@Check('influencer_profiles_review_status_check', `"review_status" IN ('draft', 'submitted', 'approved', 'changes_requested', 'rejected')`)
export class InfluencerProfileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'influencer_profiles_pkey' })
  id!: string;

  @Index('influencer_profiles_user_id_key', { unique: true })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  // Many-to-one for the foreign key; the unique index above makes it one profile per user.
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'influencer_profiles_user_id_fkey' })
  user?: UserEntity;

  @Index('influencer_profiles_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 80 })
  displayName!: string;

  @Column({ type: 'text' })
  bio!: string;

  @Column({ type: 'varchar', length: 24, array: true })
  niches!: string[];

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  city!: string | null;

  @Column({ type: 'varchar', length: 2, array: true })
  languages!: string[];

  @Column({ name: 'contact_preferences', type: 'jsonb' })
  contactPreferences!: { viaPlatform: boolean; publicEmail?: string };

  @Column({ name: 'review_status', type: 'varchar', length: 24 })
  reviewStatus!: ReviewStatus;

  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @OneToMany(() => SocialAccountEntity, (account) => account.profile)
  socialAccounts?: SocialAccountEntity[];

  @OneToMany(() => RateEntity, (rate) => rate.profile)
  rates?: RateEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

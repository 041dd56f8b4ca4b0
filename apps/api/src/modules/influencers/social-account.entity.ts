import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Platform, Provenance } from '@reachbridge/domain';
import { numberTransformer } from '../../db/transformers.js';
import { InfluencerProfileEntity } from './influencer-profile.entity.js';

export interface AudienceShares {
  countries: Record<string, number>;
  ages: Record<string, number>;
  genders: Record<string, number>;
  languages: Record<string, number>;
}

@Entity({ name: 'social_accounts' })
@Index('social_accounts_profile_platform_handle_key', ['profileId', 'platform', 'handle'], { unique: true })
@Index('social_accounts_platform_handle_idx', ['platform', 'handle'])
export class SocialAccountEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'social_accounts_pkey' })
  id!: string;

  @Column({ name: 'profile_id', type: 'uuid' })
  profileId!: string;

  @ManyToOne(() => InfluencerProfileEntity, (profile) => profile.socialAccounts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'social_accounts_profile_id_fkey' })
  profile?: InfluencerProfileEntity;

  @Column({ type: 'varchar', length: 16 })
  platform!: Platform;

  /** Without a leading @, lower-cased. */
  @Column({ type: 'varchar', length: 64 })
  handle!: string;

  @Column({ type: 'varchar', length: 500 })
  url!: string;

  @Column({ type: 'bigint', transformer: numberTransformer })
  followers!: number;

  @Column({ type: 'bigint', nullable: true, transformer: numberTransformer })
  following!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: numberTransformer })
  posts!: number | null;

  @Column({ name: 'avg_views', type: 'bigint', nullable: true, transformer: numberTransformer })
  avgViews!: number | null;

  @Column({ name: 'engagement_rate', type: 'numeric', precision: 6, scale: 3, nullable: true, transformer: numberTransformer })
  engagementRate!: number | null;

  @Column({ name: 'growth_30d', type: 'numeric', precision: 8, scale: 3, nullable: true, transformer: numberTransformer })
  growth30d!: number | null;

  @Column({ type: 'jsonb' })
  audience!: AudienceShares;

  @Column({ name: 'metrics_provenance', type: 'varchar', length: 24 })
  metricsProvenance!: Provenance;

  @Column({ name: 'metrics_as_of', type: 'timestamptz' })
  metricsAsOf!: Date;

  @Column({ name: 'audience_provenance', type: 'varchar', length: 24 })
  audienceProvenance!: Provenance;

  @Column({ name: 'audience_as_of', type: 'timestamptz' })
  audienceAsOf!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

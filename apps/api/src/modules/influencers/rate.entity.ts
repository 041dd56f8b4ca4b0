import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Currency, DeliverableType, Platform } from '@reachbridge/domain';
import { numberTransformer } from '../../db/transformers.js';
import { InfluencerProfileEntity } from './influencer-profile.entity.js';

/** One line of the rate card: the price of a deliverable on a platform, in minor units. */
@Entity({ name: 'influencer_rates' })
@Index('influencer_rates_profile_platform_deliverable_key', ['profileId', 'platform', 'deliverable'], { unique: true })
export class RateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'influencer_rates_pkey' })
  id!: string;

  @Column({ name: 'profile_id', type: 'uuid' })
  profileId!: string;

  @ManyToOne(() => InfluencerProfileEntity, (profile) => profile.rates, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'influencer_rates_profile_id_fkey' })
  profile?: InfluencerProfileEntity;

  @Column({ type: 'varchar', length: 16 })
  platform!: Platform;

  @Column({ type: 'varchar', length: 16 })
  deliverable!: DeliverableType;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: numberTransformer })
  amountMinor!: number;

  @Column({ type: 'char', length: 3 })
  currency!: Currency;
}

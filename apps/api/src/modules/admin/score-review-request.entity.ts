import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InfluencerProfileEntity } from '../influencers/index.js';

/** An influencer's open request that an admin look at their quality score again; removed when an admin decides. */
@Entity({ name: 'score_review_requests' })
export class ScoreReviewRequestEntity {
  @PrimaryColumn({ name: 'profile_id', type: 'uuid', primaryKeyConstraintName: 'score_review_requests_pkey' })
  profileId!: string;

  @ManyToOne(() => InfluencerProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'score_review_requests_profile_id_fkey' })
  profile?: InfluencerProfileEntity;

  @Column({ type: 'varchar', length: 2000 })
  message!: string;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;
}

import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { InfluencerProfileEntity } from '../influencers/index.js';
import { ListEntity } from './list.entity.js';

export type ListItemStatus = 'shortlisted' | 'contacted' | 'negotiating' | 'booked' | 'declined';

@Entity({ name: 'list_items' })
@Check('list_items_status_check', `"status" IN ('shortlisted', 'contacted', 'negotiating', 'booked', 'declined')`)
export class ListItemEntity {
  @PrimaryColumn({ name: 'list_id', type: 'uuid', primaryKeyConstraintName: 'list_items_pkey' })
  listId!: string;

  @PrimaryColumn({ name: 'influencer_profile_id', type: 'uuid', primaryKeyConstraintName: 'list_items_pkey' })
  influencerProfileId!: string;

  @ManyToOne(() => ListEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'list_items_list_id_fkey' })
  list?: ListEntity;

  @ManyToOne(() => InfluencerProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'influencer_profile_id', foreignKeyConstraintName: 'list_items_influencer_profile_id_fkey' })
  influencer?: InfluencerProfileEntity;

  @Column({ type: 'varchar', length: 16 })
  status!: ListItemStatus;

  @Column({ type: 'varchar', length: 2000 })
  note!: string;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

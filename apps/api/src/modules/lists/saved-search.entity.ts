import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/index.js';

@Entity({ name: 'saved_searches' })
export class SavedSearchEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'saved_searches_pkey' })
  id!: string;

  @Index('saved_searches_owner_id_idx')
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'saved_searches_owner_id_fkey' })
  owner?: UserEntity;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** The discovery query string, validated like a search when saved. */
  @Column({ type: 'varchar', length: 2000 })
  query!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

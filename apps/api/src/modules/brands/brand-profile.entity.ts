import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../accounts/index.js';

@Entity({ name: 'brand_profiles' })
export class BrandProfileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'brand_profiles_pkey' })
  id!: string;

  @Index('brand_profiles_user_id_key', { unique: true })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  // Many-to-one for the foreign key; the unique index above makes it one profile per user.
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'brand_profiles_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  industry!: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

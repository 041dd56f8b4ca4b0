import type { DataSource } from 'typeorm';
import { BrandProfileEntity } from './brand-profile.entity.js';

export class BrandsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get profiles() {
    return this.dataSource.getRepository(BrandProfileEntity);
  }

  findByUserId(userId: string): Promise<BrandProfileEntity | null> {
    return this.profiles.findOneBy({ userId });
  }

  /** Insert or replace by user: one brand profile per brand user. */
  async upsert(profile: Pick<BrandProfileEntity, 'userId' | 'name' | 'website' | 'industry' | 'country'>): Promise<BrandProfileEntity> {
    await this.profiles.upsert(profile, { conflictPaths: ['userId'] });
    return this.profiles.findOneByOrFail({ userId: profile.userId });
  }
}

import type { TBrandProfileInput } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../http/actor.js';
import type { BrandProfileEntity } from './brand-profile.entity.js';
import { brandsErrors } from './brands.errors.js';
import { BrandsRepository } from './brands.repository.js';

export class BrandsService {
  private readonly repository: BrandsRepository;

  constructor(dataSource: DataSource) {
    this.repository = new BrandsRepository(dataSource);
  }

  async getOwn(actor: Actor): Promise<BrandProfileEntity> {
    const profile = await this.repository.findByUserId(actor.id);
    if (!profile) throw brandsErrors.BRAND_PROFILE_NOT_FOUND();
    return profile;
  }

  saveOwn(actor: Actor, input: TBrandProfileInput): Promise<BrandProfileEntity> {
    return this.repository.upsert({
      userId: actor.id,
      name: input.name,
      website: input.website ?? null,
      industry: input.industry ?? null,
      country: input.country ?? null,
    });
  }
}

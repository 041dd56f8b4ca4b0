import type { TBrandProfile } from '@reachbridge/contracts';
import type { BrandProfileEntity } from './brand-profile.entity.js';

export function presentBrandProfile(profile: BrandProfileEntity): TBrandProfile {
  return {
    id: profile.id,
    userId: profile.userId,
    name: profile.name,
    website: profile.website,
    industry: profile.industry,
    country: profile.country,
    updatedAt: profile.updatedAt.toISOString(),
  };
}

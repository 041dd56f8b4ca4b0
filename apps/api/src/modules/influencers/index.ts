import type { DataSource } from 'typeorm';
import { FollowerSnapshotEntity } from './follower-snapshot.entity.js';
import { InfluencerProfileEntity } from './influencer-profile.entity.js';
import { influencersRoutes } from './influencers.routes.js';
import { InfluencersService } from './influencers.service.js';
import { RateEntity } from './rate.entity.js';
import { SocialAccountEntity } from './social-account.entity.js';

/** Exported for relations only; other modules go through the service. */
export { InfluencerProfileEntity };

export const influencersEntities = [InfluencerProfileEntity, SocialAccountEntity, RateEntity, FollowerSnapshotEntity];

export { InfluencersService };

/** The profile as brands and admins see it (quality score, provenance, follower history): vetting shows the same. */
export { presentPublicProfile } from './influencers.presenter.js';
export { influencersErrors } from './influencers.errors.js';

export function createInfluencersModule(dataSource: DataSource) {
  const service = new InfluencersService(dataSource);
  return { service, routes: influencersRoutes(service) };
}

import type { Actor } from '../../http/actor.js';
import type { InfluencerProfileEntity } from './influencer-profile.entity.js';

/** Who may see a profile page: its owner, admins, and — once approved — brands. */
export function canViewProfile(actor: Actor, profile: Pick<InfluencerProfileEntity, 'userId' | 'reviewStatus'>): boolean {
  if (profile.userId === actor.id) return true;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'brand':
      return profile.reviewStatus === 'approved';
    case 'influencer':
      return false;
  }
}

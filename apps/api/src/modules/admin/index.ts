import type { DataSource } from 'typeorm';
import { InfluencersService } from '../influencers/index.js';
import { AccountReviewEntity } from './account-review.entity.js';
import { ScoreReviewRequestEntity } from './score-review-request.entity.js';
import { vettingRoutes } from './vetting.routes.js';
import { VettingService } from './vetting.service.js';

export const adminEntities = [AccountReviewEntity, ScoreReviewRequestEntity];

/** Vetting: the review queue, decisions on accounts, verified social accounts, score-review requests. */
export function createAdminModule(dataSource: DataSource) {
  return { routes: vettingRoutes(new VettingService(dataSource, new InfluencersService(dataSource))) };
}

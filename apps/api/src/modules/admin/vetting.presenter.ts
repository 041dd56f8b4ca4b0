import type { TAccountReview, TMyAccountReview, TReviewQueueItem, TUser } from '@reachbridge/contracts';
import type { AccountStatus } from '@reachbridge/domain';
import { presentPublicProfile } from '../influencers/index.js';
import type { AccountReviewEntity } from './account-review.entity.js';
import type { ScoreReviewRequestEntity } from './score-review-request.entity.js';
import type { AccountState, QueueEntry } from './vetting.service.js';
import type { UserRow } from './vetting.repository.js';

function presentUserRow(user: UserRow): TUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    status: user.status,
    displayName: user.display_name,
    createdAt: new Date(user.created_at).toISOString(),
  };
}

function presentDecision(decision: AccountReviewEntity | null) {
  return decision ? { decision: decision.decision, reason: decision.reason, decidedAt: decision.decidedAt.toISOString() } : null;
}

export function presentScoreReviewRequest(request: ScoreReviewRequestEntity) {
  return { message: request.message, requestedAt: request.requestedAt.toISOString() };
}

function presentScoreReview(request: ScoreReviewRequestEntity | null) {
  return request ? presentScoreReviewRequest(request) : null;
}

const REVIEW_STATUSES = ['draft', 'submitted', 'approved', 'changes_requested', 'rejected'] as const;
type ReviewStatus = (typeof REVIEW_STATUSES)[number];
const asReviewStatus = (status: string | null): ReviewStatus | null => REVIEW_STATUSES.find((known) => known === status) ?? null;

export function presentQueueItem(entry: QueueEntry): TReviewQueueItem {
  const { waiting, influencer, brand } = entry;
  return {
    user: presentUserRow(entry.user),
    waitingSince: new Date(waiting.waiting_since).toISOString(),
    reasons: [
      ...(waiting.account_pending ? (['account_pending'] as const) : []),
      ...(waiting.profile_submitted ? (['profile_submitted'] as const) : []),
      ...(waiting.score_review ? (['score_review'] as const) : []),
    ],
    scoreReview: presentScoreReview(entry.scoreReview),
    lastDecision: presentDecision(entry.decision),
    influencer: influencer
      ? {
          ...presentPublicProfile(influencer.profile, influencer.history),
          reviewNote: influencer.profile.reviewNote,
          submittedAt: influencer.profile.submittedAt?.toISOString() ?? null,
        }
      : null,
    brand: brand
      ? {
          id: brand.id,
          userId: brand.user_id,
          name: brand.name,
          website: brand.website,
          industry: brand.industry,
          country: brand.country,
          updatedAt: new Date(brand.updated_at).toISOString(),
        }
      : null,
    duplicates: entry.duplicates.map((duplicate) => ({
      kind: duplicate.kind,
      value: duplicate.value,
      account: { id: duplicate.id, email: duplicate.email, role: duplicate.role, status: duplicate.status, displayName: duplicate.display_name },
    })),
  };
}

export function presentAccountState(state: AccountState): TAccountReview {
  return {
    user: presentUserRow(state.user),
    profileReviewStatus: asReviewStatus(state.profileReviewStatus),
    lastDecision: presentDecision(state.decision),
  };
}

export function presentOwnReview(review: { status: AccountStatus; decision: AccountReviewEntity | null; scoreReview: ScoreReviewRequestEntity | null }): TMyAccountReview {
  return { status: review.status, lastDecision: presentDecision(review.decision), scoreReview: presentScoreReview(review.scoreReview) };
}

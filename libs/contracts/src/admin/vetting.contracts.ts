import { z } from 'zod';
import { ACCOUNT_STATUSES, SELF_SERVICE_ROLES } from '@reachbridge/domain';
import { ZUser } from '../auth/auth.contracts.js';
import { ZBrandProfile } from '../brands/brand-profile.contracts.js';
import { ZIdParams, ZId, ZTimestamp } from '../common/primitives.js';
import { defineContract } from '../common/route.js';
import { REVIEW_STATUSES, ZSocialAccount } from '../influencers/profile.contracts.js';
import { ZPublicInfluencerProfile } from '../influencers/search.contracts.js';

/** The latest vetting decision on an account. */
export const REVIEW_DECISIONS = ['approved', 'rejected', 'changes_requested', 'suspended', 'reinstated'] as const;
/** Why an account is in the queue. */
export const QUEUE_REASONS = ['account_pending', 'profile_submitted', 'score_review'] as const;

export const ZReviewQueueQuery = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(300).optional(),
  })
  .meta({ id: 'ReviewQueueQuery' });
export type TReviewQueueQuery = z.infer<typeof ZReviewQueueQuery>;

export const ZReviewDecision = z
  .object({ decision: z.enum(REVIEW_DECISIONS), reason: z.string().nullable(), decidedAt: ZTimestamp })
  .meta({ id: 'ReviewDecision' });

const ZAccountRef = z.object({ id: ZId, email: z.string(), role: z.enum(SELF_SERVICE_ROLES), status: z.enum(ACCOUNT_STATUSES), displayName: z.string() });

export const ZDuplicateSignal = z
  .object({
    /** `handle`: the same platform and handle (case and a leading @ ignored); `email_domain`: the same, non-free-mail domain. */
    kind: z.enum(['handle', 'email_domain']),
    /** `instagram:sara.cooks` or `example.com`. */
    value: z.string(),
    account: ZAccountRef,
  })
  .meta({ id: 'DuplicateSignal' });
export type TDuplicateSignal = z.infer<typeof ZDuplicateSignal>;

export const ZReviewQueueItem = z
  .object({
    user: ZUser,
    /** When the account started waiting (sign-up, submission or score-review request, the earliest that applies). */
    waitingSince: ZTimestamp,
    reasons: z.array(z.enum(QUEUE_REASONS)),
    scoreReview: z.object({ message: z.string(), requestedAt: ZTimestamp }).nullable(),
    lastDecision: ZReviewDecision.nullable(),
    /** The influencer's profile as a brand would see it (quality score and components, provenance, growth), plus review fields. */
    influencer: ZPublicInfluencerProfile.extend({ reviewNote: z.string().nullable(), submittedAt: ZTimestamp.nullable() }).nullable(),
    brand: ZBrandProfile.nullable(),
    duplicates: z.array(ZDuplicateSignal),
  })
  .meta({ id: 'ReviewQueueItem' });
export type TReviewQueueItem = z.infer<typeof ZReviewQueueItem>;

export const ZReviewQueuePage = z.object({ items: z.array(ZReviewQueueItem), nextCursor: z.string().nullable() }).meta({ id: 'ReviewQueuePage' });
export type TReviewQueuePage = z.infer<typeof ZReviewQueuePage>;

const ZReason = z.string().trim().min(1, 'Give a reason; the user sees it').max(2000);
export const ZReviewReasonRequest = z.strictObject({ reason: ZReason }).meta({ id: 'ReviewReasonRequest' });
export const ZSuspendRequest = z.strictObject({ reason: ZReason.optional() }).meta({ id: 'SuspendRequest' });

/** An account after an admin's decision. */
export const ZAccountReview = z
  .object({
    user: ZUser,
    profileReviewStatus: z.enum(REVIEW_STATUSES).nullable(),
    lastDecision: ZReviewDecision.nullable(),
  })
  .meta({ id: 'AccountReview' });
export type TAccountReview = z.infer<typeof ZAccountReview>;

export const ZUserIdParams = z.strictObject({ userId: ZId });

export const ZScoreReviewRequest = z.strictObject({ message: z.string().trim().min(1).max(2000) }).meta({ id: 'ScoreReviewRequest' });
export const ZScoreReview = z.object({ message: z.string(), requestedAt: ZTimestamp }).meta({ id: 'ScoreReview' });

/** What the account's owner sees of their vetting: status and the latest decision with its reason. */
export const ZMyAccountReview = z
  .object({ status: z.enum(ACCOUNT_STATUSES), lastDecision: ZReviewDecision.nullable(), scoreReview: ZScoreReview.nullable() })
  .meta({ id: 'MyAccountReview' });
export type TMyAccountReview = z.infer<typeof ZMyAccountReview>;

const tags = ['admin'] as const;

export const vettingContracts = {
  queue: defineContract({
    method: 'get',
    path: '/api/admin/review-queue',
    summary: 'Influencers and brands waiting for review, oldest first, with the signals to decide on',
    tags,
    query: ZReviewQueueQuery,
    response: ZReviewQueuePage,
    status: 200,
  }),
  approve: defineContract({
    method: 'post',
    path: '/api/admin/accounts/:userId/approve',
    summary: 'Approve a waiting account: it becomes active, an influencer profile becomes searchable',
    tags,
    params: ZUserIdParams,
    response: ZAccountReview,
    status: 200,
  }),
  reject: defineContract({
    method: 'post',
    path: '/api/admin/accounts/:userId/reject',
    summary: 'Reject a waiting account with a reason the user sees',
    tags,
    params: ZUserIdParams,
    body: ZReviewReasonRequest,
    response: ZAccountReview,
    status: 200,
  }),
  requestChanges: defineContract({
    method: 'post',
    path: '/api/admin/accounts/:userId/request-changes',
    summary: 'Send a waiting account back for changes, with what to change (shown to the user)',
    tags,
    params: ZUserIdParams,
    body: ZReviewReasonRequest,
    response: ZAccountReview,
    status: 200,
  }),
  suspend: defineContract({
    method: 'post',
    path: '/api/admin/accounts/:userId/suspend',
    summary: 'Suspend an account: it can no longer log in, and its sessions and API tokens stop working',
    tags,
    params: ZUserIdParams,
    body: ZSuspendRequest,
    response: ZAccountReview,
    status: 200,
  }),
  reinstate: defineContract({
    method: 'post',
    path: '/api/admin/accounts/:userId/reinstate',
    summary: 'Lift a suspension: the account returns to the status it had',
    tags,
    params: ZUserIdParams,
    response: ZAccountReview,
    status: 200,
  }),
  verifySocialAccount: defineContract({
    method: 'post',
    path: '/api/admin/social-accounts/:id/verify',
    summary: "Mark a social account verified: its metrics' provenance becomes platform_verified",
    tags,
    params: ZIdParams,
    response: ZSocialAccount,
    status: 200,
  }),
  requestScoreReview: defineContract({
    method: 'post',
    path: '/api/me/influencer-profile/score-review',
    summary: 'Ask an admin to review your quality score; puts you in the review queue',
    tags: ['influencer profile'],
    body: ZScoreReviewRequest,
    response: ZScoreReview,
    status: 201,
  }),
  myReview: defineContract({
    method: 'get',
    path: '/api/me/account-review',
    summary: "Your account's vetting status and the latest decision's reason",
    tags: ['influencer profile', 'brand profile'],
    response: ZMyAccountReview,
    status: 200,
  }),
};

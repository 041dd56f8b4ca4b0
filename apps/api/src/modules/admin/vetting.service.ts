import type { TReviewQueueQuery } from '@reachbridge/contracts';
import type { AccountStatus } from '@reachbridge/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../http/actor.js';
import { httpErrors } from '../../http/app-error.js';
import { recordAudit } from '../audit/index.js';
import type { InfluencersService } from '../influencers/index.js';
import type { AccountReviewEntity, ReviewDecision } from './account-review.entity.js';
import { adminErrors } from './admin.errors.js';
import type { ScoreReviewRequestEntity } from './score-review-request.entity.js';
import { VettingRepository, type BrandRow, type DuplicateRow, type UserRow, type WaitingRow } from './vetting.repository.js';

const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const DUPLICATES_PER_KIND = 5;

type PublicProfile = Awaited<ReturnType<InfluencersService['getPublic']>>;

export interface QueueEntry {
  waiting: WaitingRow;
  user: UserRow;
  decision: AccountReviewEntity | null;
  scoreReview: ScoreReviewRequestEntity | null;
  influencer: PublicProfile | null;
  brand: BrandRow | null;
  duplicates: DuplicateRow[];
}

export interface AccountState {
  user: UserRow;
  profileReviewStatus: string | null;
  decision: AccountReviewEntity | null;
}

/** Who acted, for the audit trail. */
export interface AdminContext {
  actor: Actor;
  requestId: string | null;
}

function decodeCursor(cursor: string): { waitingSince: string; userId: string } {
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw httpErrors.VALIDATION_FAILED({ details: [{ path: 'query.cursor', message: 'Not a cursor from this queue; start again without it.' }] });
  return { waitingSince: match[1]!, userId: match[2]! };
}

const encodeCursor = (row: WaitingRow) => Buffer.from(`${row.waiting_since}|${row.user_id}`, 'utf8').toString('base64url');

export class VettingService {
  private readonly repository: VettingRepository;

  constructor(
    dataSource: DataSource,
    private readonly influencers: InfluencersService,
  ) {
    this.repository = new VettingRepository(dataSource);
  }

  /** A page of the queue, oldest first, each account with what an admin needs to decide. */
  async queue(actor: Actor, query: TReviewQueueQuery): Promise<{ items: QueueEntry[]; nextCursor: string | null }> {
    const rows = await this.repository.waiting({ ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}), limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const userIds = page.map((row) => row.user_id);
    const profileIds = page.flatMap((row) => (row.profile_id ? [row.profile_id] : []));
    const [users, decisions, scoreReviews, brands, duplicates] = await Promise.all([
      this.repository.users(userIds),
      this.repository.lastDecisions(userIds),
      this.repository.scoreReviews(profileIds),
      this.repository.brands(userIds),
      this.repository.duplicates(userIds, DUPLICATES_PER_KIND),
    ]);
    const profiles = new Map<string, PublicProfile>();
    // The influencers module's own read (and below its presenter): the same score, provenance and history brands see.
    for (const profileId of profileIds) profiles.set(profileId, await this.influencers.getPublic(actor, profileId));
    const usersById = new Map(users.map((user) => [user.id, user]));
    const items = page.flatMap((waiting): QueueEntry[] => {
      const user = usersById.get(waiting.user_id);
      if (!user) return [];
      return [
        {
          waiting,
          user,
          decision: decisions.find((decision) => decision.userId === user.id) ?? null,
          scoreReview: scoreReviews.find((request) => request.profileId === waiting.profile_id) ?? null,
          influencer: waiting.profile_id ? (profiles.get(waiting.profile_id) ?? null) : null,
          brand: brands.find((brand) => brand.user_id === user.id) ?? null,
          duplicates: duplicates.filter((duplicate) => duplicate.for_user_id === user.id),
        },
      ];
    });
    const last = page.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
  }

  /** Approve: the account becomes active; an influencer's profile approved, and so searchable (the search outbox follows). */
  approve(context: AdminContext, userId: string): Promise<AccountState> {
    return this.decide(context, userId, 'approved', null);
  }

  reject(context: AdminContext, userId: string, reason: string): Promise<AccountState> {
    return this.decide(context, userId, 'rejected', reason);
  }

  requestChanges(context: AdminContext, userId: string, reason: string): Promise<AccountState> {
    return this.decide(context, userId, 'changes_requested', reason);
  }

  /** Suspended accounts cannot log in; their sessions and API tokens stop working at the next request (the auth module re-reads the status). */
  async suspend(context: AdminContext, userId: string, reason: string | null): Promise<AccountState> {
    await this.repository.transaction(async (manager) => {
      const user = await this.lockReviewable(manager, userId);
      if (user.status === 'suspended') throw adminErrors.ACCOUNT_ALREADY_SUSPENDED();
      await this.repository.setUserStatus(manager, user.id, 'suspended');
      await this.repository.saveDecision(manager, { userId, decision: 'suspended', reason, decidedBy: context.actor.id, statusBeforeSuspension: user.status });
      await this.audit(manager, context, 'account.suspend', userId, reason, { role: user.role, previousStatus: user.status });
    });
    return this.state(userId);
  }

  /** Lifts a suspension: back to the status the account had. */
  async reinstate(context: AdminContext, userId: string): Promise<AccountState> {
    await this.repository.transaction(async (manager) => {
      const user = await this.lockReviewable(manager, userId);
      if (user.status !== 'suspended') throw adminErrors.ACCOUNT_NOT_SUSPENDED();
      const [previous] = await this.repository.lastDecisions([userId], manager);
      const status: AccountStatus = previous?.statusBeforeSuspension ?? 'pending_review';
      await this.repository.setUserStatus(manager, user.id, status);
      await this.repository.saveDecision(manager, { userId, decision: 'reinstated', reason: null, decidedBy: context.actor.id, statusBeforeSuspension: null });
      await this.audit(manager, context, 'account.reinstate', userId, null, { role: user.role, status });
    });
    return this.state(userId);
  }

  /** Marks a social account verified: its metrics become `platform_verified`. Returns the owner's profile id. */
  async verifySocialAccount(context: AdminContext, id: string): Promise<PublicProfile> {
    const profileId = await this.repository.transaction(async (manager) => {
      const result = await this.repository.verifySocialAccount(manager, id);
      if (!result) throw adminErrors.SOCIAL_ACCOUNT_NOT_FOUND();
      if (!result.verified) throw adminErrors.SOCIAL_ACCOUNT_ALREADY_VERIFIED();
      await recordAudit(manager, {
        actorId: context.actor.id,
        actorRole: 'admin',
        action: 'social_account.verify',
        targetType: 'social_account',
        targetId: id,
        details: { profileId: result.profileId, userId: result.userId },
        requestId: context.requestId,
      });
      return result.profileId;
    });
    return this.influencers.getPublic(context.actor, profileId);
  }

  /** An influencer asks for their quality score to be looked at again: into the queue, flagged. */
  async requestScoreReview(actor: Actor, message: string, requestId: string | null): Promise<ScoreReviewRequestEntity> {
    const profileId = await this.repository.profileIdOfUser(actor.id);
    if (!profileId) throw adminErrors.INFLUENCER_PROFILE_NOT_FOUND();
    return this.repository.transaction(async (manager) => {
      const request = await this.repository.openScoreReview(manager, profileId, message);
      if (!request) throw adminErrors.SCORE_REVIEW_ALREADY_REQUESTED();
      await recordAudit(manager, {
        actorId: actor.id,
        actorRole: 'influencer',
        action: 'influencer.score_review.request',
        targetType: 'influencer_profile',
        targetId: profileId,
        reason: message,
        requestId,
      });
      return request;
    });
  }

  /** The account owner's view: status, the latest decision and its reason, an open score review. */
  async ownReview(actor: Actor): Promise<{ status: AccountStatus; decision: AccountReviewEntity | null; scoreReview: ScoreReviewRequestEntity | null }> {
    const [[user], [decision], profileId] = await Promise.all([
      this.repository.users([actor.id]),
      this.repository.lastDecisions([actor.id]),
      this.repository.profileIdOfUser(actor.id),
    ]);
    const [scoreReview] = profileId ? await this.repository.scoreReviews([profileId]) : [];
    return { status: user?.status ?? actor.status, decision: decision ?? null, scoreReview: scoreReview ?? null };
  }

  private async decide(context: AdminContext, userId: string, decision: Extract<ReviewDecision, 'approved' | 'rejected' | 'changes_requested'>, reason: string | null) {
    await this.repository.transaction(async (manager) => {
      const user = await this.lockReviewable(manager, userId);
      if (user.status === 'suspended') throw adminErrors.ACCOUNT_NOT_UNDER_REVIEW({ message: 'This account is suspended; reinstate it first.' });
      const [waiting] = await this.repository.waiting({ userId, limit: 1 }, manager);
      if (!waiting) throw adminErrors.ACCOUNT_NOT_UNDER_REVIEW();
      const profile = user.role === 'influencer' ? await this.repository.profileOf(manager, userId) : null;
      if (decision === 'approved') {
        if (user.role === 'influencer' && !profile) throw adminErrors.REVIEW_PROFILE_MISSING();
        await this.repository.setUserStatus(manager, user.id, 'active');
      }
      if (profile) {
        await this.repository.setProfileReview(manager, profile.id, decision, reason);
        await this.repository.closeScoreReview(manager, profile.id);
      }
      await this.repository.saveDecision(manager, { userId, decision, reason, decidedBy: context.actor.id, statusBeforeSuspension: null });
      const action = { approved: 'account.approve', rejected: 'account.reject', changes_requested: 'account.request_changes' }[decision];
      await this.audit(manager, context, action, userId, reason, {
        role: user.role,
        previousStatus: user.status,
        ...(profile ? { profileId: profile.id, previousProfileStatus: profile.review_status } : {}),
        reasons: [waiting.account_pending && 'account_pending', waiting.profile_submitted && 'profile_submitted', waiting.score_review && 'score_review'].filter(Boolean),
      });
    });
    return this.state(userId);
  }

  private async lockReviewable(manager: EntityManager, userId: string): Promise<UserRow> {
    const user = await this.repository.lockUser(manager, userId);
    if (!user) throw adminErrors.ACCOUNT_NOT_FOUND();
    if (user.role === 'admin') throw adminErrors.ACCOUNT_NOT_REVIEWABLE();
    return user;
  }

  private audit(manager: EntityManager, context: AdminContext, action: string, userId: string, reason: string | null, details: Record<string, unknown>) {
    return recordAudit(manager, {
      actorId: context.actor.id,
      actorRole: 'admin',
      action,
      targetType: 'account',
      targetId: userId,
      reason,
      details,
      requestId: context.requestId,
    });
  }

  private async state(userId: string): Promise<AccountState> {
    const [[user], [decision]] = await Promise.all([this.repository.users([userId]), this.repository.lastDecisions([userId])]);
    if (!user) throw adminErrors.ACCOUNT_NOT_FOUND();
    const profileStatus = user.role === 'influencer' ? await this.repository.profileStatus(userId) : null;
    return { user, profileReviewStatus: profileStatus, decision: decision ?? null };
  }
}

import type { TInfluencerProfileInput } from '@reachbridge/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../http/actor.js';
import type { InfluencerProfileEntity, ReviewStatus } from './influencer-profile.entity.js';
import type { FollowerSnapshotEntity } from './follower-snapshot.entity.js';
import { influencersErrors } from './influencers.errors.js';
import { canViewProfile } from './influencers.policy.js';
import { InfluencersRepository, type AccountFields } from './influencers.repository.js';
import type { AudienceShares, SocialAccountEntity } from './social-account.entity.js';

/** After an edit, a profile that was turned down goes back to draft; a live or waiting one stays as it is. */
const STATUS_AFTER_EDIT: Record<ReviewStatus, ReviewStatus> = {
  draft: 'draft',
  submitted: 'submitted',
  approved: 'approved',
  changes_requested: 'draft',
  rejected: 'draft',
};

/** The input's optional, partial breakdowns as stored: every breakdown present, no empty entries. */
function toAudienceShares(audience: TInfluencerProfileInput['socialAccounts'][number]['audience']): AudienceShares {
  const compact = (shares: Partial<Record<string, number>> | undefined) =>
    Object.fromEntries(Object.entries(shares ?? {}).filter((entry): entry is [string, number] => entry[1] !== undefined));
  return {
    countries: compact(audience?.countries),
    ages: compact(audience?.ages),
    genders: compact(audience?.genders),
    languages: compact(audience?.languages),
  };
}

const normaliseHandle = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase();

function slugBase(input: TInfluencerProfileInput): string {
  const fromName = input.displayName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const fromHandle = normaliseHandle(input.socialAccounts[0]?.handle ?? '').replace(/[^a-z0-9]+/g, '-');
  return (fromName.length >= 3 ? fromName : fromHandle || 'influencer').slice(0, 80);
}

function sameMetrics(stored: SocialAccountEntity, next: TInfluencerProfileInput['socialAccounts'][number]): boolean {
  return (
    stored.followers === next.followers &&
    stored.following === (next.following ?? null) &&
    stored.posts === (next.posts ?? null) &&
    stored.avgViews === (next.avgViews ?? null) &&
    stored.engagementRate === (next.engagementRate ?? null) &&
    stored.growth30d === (next.growth30d ?? null)
  );
}

export class InfluencersService {
  private readonly repository: InfluencersRepository;

  constructor(
    dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repository = new InfluencersRepository(dataSource);
  }

  async getOwn(actor: Actor): Promise<InfluencerProfileEntity> {
    const profile = await this.repository.findByUserId(actor.id);
    if (!profile) throw influencersErrors.INFLUENCER_PROFILE_NOT_FOUND();
    return profile;
  }

  /**
   * Creates or replaces the profile in one transaction. Numbers the influencer types are
   * self-reported as of now; an account whose numbers did not change keeps its provenance (an
   * admin's verification survives an edit of the bio, not an edit of the followers).
   */
  async saveOwn(actor: Actor, input: TInfluencerProfileInput): Promise<InfluencerProfileEntity> {
    await this.repository.transaction((manager) => this.writeProfile(manager, actor.id, input));
    return this.getOwn(actor);
  }

  /**
   * Writes a user's profile inside the caller's transaction (the import writes many in one).
   * `reviewStatus` sets the status of a new profile (an agency import queues them for review).
   */
  async writeProfile(manager: EntityManager, userId: string, input: TInfluencerProfileInput, options: { reviewStatus?: ReviewStatus } = {}): Promise<void> {
    const now = this.now();
    const existing = await this.repository.lockByUserId(manager, userId);
    const profile = await this.repository.saveProfile(manager, {
      ...(existing ? { id: existing.id, slug: existing.slug } : { slug: await this.uniqueSlug(manager, slugBase(input)) }),
      userId,
      displayName: input.displayName,
      bio: input.bio,
      niches: input.niches,
      country: input.country,
      city: input.city ?? null,
      languages: input.languages,
      contactPreferences: input.contactPreferences ?? { viaPlatform: true },
      reviewStatus: existing ? STATUS_AFTER_EDIT[existing.reviewStatus] : (options.reviewStatus ?? 'draft'),
      reviewNote: existing?.reviewNote ?? null,
      submittedAt: existing?.submittedAt ?? (options.reviewStatus === 'submitted' ? now : null),
      approvedAt: existing?.approvedAt ?? (options.reviewStatus === 'approved' ? now : null),
    });

    const stored = new Map((existing?.socialAccounts ?? []).map((account) => [`${account.platform}:${account.handle}`, account]));
    const accounts: AccountFields[] = input.socialAccounts.map((account) => {
      const handle = normaliseHandle(account.handle);
      const previous = stored.get(`${account.platform}:${handle}`);
      const keepsMetrics = previous !== undefined && sameMetrics(previous, account);
      const audience = toAudienceShares(account.audience);
      const keepsAudience = previous !== undefined && JSON.stringify(previous.audience) === JSON.stringify(audience);
      return {
        ...(previous ? { id: previous.id } : {}),
        platform: account.platform,
        handle,
        url: account.url,
        followers: account.followers,
        following: account.following ?? null,
        posts: account.posts ?? null,
        avgViews: account.avgViews ?? null,
        engagementRate: account.engagementRate ?? null,
        growth30d: account.growth30d ?? null,
        audience,
        metricsProvenance: keepsMetrics ? previous.metricsProvenance : 'self_reported',
        metricsAsOf: keepsMetrics ? previous.metricsAsOf : now,
        audienceProvenance: keepsAudience ? previous.audienceProvenance : 'self_reported',
        audienceAsOf: keepsAudience ? previous.audienceAsOf : now,
      };
    });
    const saved = await this.repository.replaceAccounts(manager, profile.id, accounts);
    await this.repository.replaceRates(
      manager,
      profile.id,
      input.rates.map((rate) => ({
        platform: rate.platform,
        deliverable: rate.deliverable,
        amountMinor: rate.price.amount,
        currency: rate.price.currency,
      })),
    );
    await this.repository.recordSnapshots(manager, saved, now.toISOString().slice(0, 10));
  }

  /**
   * A profile as others see it. Brands and admins see approved profiles; an influencer sees only
   * their own; admins also see profiles under review. Anything else is "not found", so the
   * existence of hidden profiles does not leak.
   */
  async getPublic(actor: Actor, id: string): Promise<{ profile: InfluencerProfileEntity; history: FollowerSnapshotEntity[] }> {
    const profile = await this.repository.findById(id);
    if (!profile || !canViewProfile(actor, profile)) throw influencersErrors.INFLUENCER_NOT_FOUND();
    return { profile, history: await this.repository.followerHistory(profile.id) };
  }

  /** Sends the profile for review. Submitting twice is harmless; an approved profile has nothing to submit. */
  async submitOwn(actor: Actor): Promise<InfluencerProfileEntity> {
    const profile = await this.getOwn(actor);
    if (profile.reviewStatus === 'approved') throw influencersErrors.PROFILE_ALREADY_APPROVED();
    if (profile.reviewStatus !== 'submitted') {
      await this.repository.transaction((manager) =>
        this.repository.updateReview(manager, profile.id, { reviewStatus: 'submitted', submittedAt: this.now() }),
      );
    }
    return this.getOwn(actor);
  }

  private async uniqueSlug(manager: EntityManager, base: string): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      const candidate = attempt === 1 ? base : `${base}-${attempt}`;
      if (!(await this.repository.isSlugTaken(manager, candidate))) return candidate;
    }
  }
}

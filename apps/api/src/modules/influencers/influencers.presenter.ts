import type { TInfluencerProfile, TPublicInfluencerProfile } from '@reachbridge/contracts';
import type { FollowerSnapshotEntity } from './follower-snapshot.entity.js';
import { computeQualityScore, tierFor } from '@reachbridge/domain';
import type { InfluencerProfileEntity } from './influencer-profile.entity.js';
import type { SocialAccountEntity } from './social-account.entity.js';

type PresentedAccount = TInfluencerProfile['socialAccounts'][number];

function qualityOf(account: SocialAccountEntity) {
  return computeQualityScore({
    followers: account.followers,
    following: account.following ?? undefined,
    engagementRate: account.engagementRate ?? undefined,
    growth30d: account.growth30d ?? undefined,
  });
}

function presentAccount(account: SocialAccountEntity): PresentedAccount {
  return {
    id: account.id,
    platform: account.platform,
    handle: account.handle,
    url: account.url,
    followers: account.followers,
    ...(account.following !== null ? { following: account.following } : {}),
    ...(account.posts !== null ? { posts: account.posts } : {}),
    ...(account.avgViews !== null ? { avgViews: account.avgViews } : {}),
    ...(account.engagementRate !== null ? { engagementRate: account.engagementRate } : {}),
    ...(account.growth30d !== null ? { growth30d: account.growth30d } : {}),
    audience: account.audience,
    tier: tierFor(account.followers),
    provenance: {
      metrics: { source: account.metricsProvenance, asOf: account.metricsAsOf.toISOString() },
      audience: { source: account.audienceProvenance, asOf: account.audienceAsOf.toISOString() },
    },
    qualityScore: qualityOf(account),
  };
}

/**
 * The owner's view of a profile. The profile's tier counts all followers; its quality score is its
 * largest account's (the audience a brand mostly buys), shown with that account's components.
 */
export function presentInfluencerProfile(profile: InfluencerProfileEntity): TInfluencerProfile {
  const accounts = [...(profile.socialAccounts ?? [])].sort((a, b) => b.followers - a.followers).map(presentAccount);
  const totalFollowers = accounts.reduce((sum, account) => sum + account.followers, 0);
  return {
    id: profile.id,
    userId: profile.userId,
    slug: profile.slug,
    displayName: profile.displayName,
    bio: profile.bio,
    niches: profile.niches as TInfluencerProfile['niches'],
    country: profile.country,
    city: profile.city,
    languages: profile.languages,
    contactPreferences: profile.contactPreferences,
    socialAccounts: accounts,
    rates: (profile.rates ?? []).map((rate) => ({
      platform: rate.platform,
      deliverable: rate.deliverable,
      price: { amount: rate.amountMinor, currency: rate.currency },
    })),
    totalFollowers,
    tier: tierFor(totalFollowers),
    qualityScore: accounts[0]?.qualityScore ?? { score: 0, components: [] },
    reviewStatus: profile.reviewStatus,
    reviewNote: profile.reviewNote,
    submittedAt: profile.submittedAt?.toISOString() ?? null,
    updatedAt: profile.updatedAt.toISOString(),
  };
}

/** The profile page others see: without the owner's private fields, with follower history. */
export function presentPublicProfile(profile: InfluencerProfileEntity, history: FollowerSnapshotEntity[]): TPublicInfluencerProfile {
  const { userId: _userId, reviewNote: _reviewNote, submittedAt: _submittedAt, contactPreferences: _contact, ...rest } =
    presentInfluencerProfile(profile);
  return {
    ...rest,
    followerHistory: history.map((snapshot) => ({
      socialAccountId: snapshot.socialAccountId,
      takenOn: snapshot.takenOn,
      followers: snapshot.followers,
    })),
  };
}

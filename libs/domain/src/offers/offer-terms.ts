/** Campaign and offer vocabulary (SPEC §6) and the default timers, all configurable per offer. */

export const CAMPAIGN_GOALS = ['traffic', 'awareness', 'engagement', 'sales', 'feedback', 'event'] as const;
export type CampaignGoal = (typeof CAMPAIGN_GOALS)[number];

export const USAGE_RIGHTS = ['none', 'organic_repost', 'paid_ads'] as const;
export type UsageRights = (typeof USAGE_RIGHTS)[number];

const HOUR = 60 * 60 * 1000;

export const OFFER_TIMER_DEFAULTS = {
  acceptWithinHours: 72,
  reviewWindowHours: 72,
  revisionLimit: 2,
  resubmissionDueHours: 72,
  cancellationResponseHours: 72,
  clawbackWindowHours: 7 * 24,
} as const;

/** Limits on what a brand may choose per offer: long enough for real work, short enough for a card hold (7 days). */
export const OFFER_TIMER_LIMITS = {
  acceptWithinHours: { min: 1, max: 144 },
  reviewWindowHours: { min: 24, max: 14 * 24 },
  revisionLimit: { min: 0, max: 5 },
} as const;

export function hoursFrom(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * HOUR);
}

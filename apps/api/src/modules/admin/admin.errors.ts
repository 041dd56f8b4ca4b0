import { defineErrors } from '../../http/app-error.js';

export const adminErrors = defineErrors({
  ACCOUNT_NOT_FOUND: { status: 404, message: 'There is no such account.' },
  ACCOUNT_NOT_REVIEWABLE: { status: 409, message: 'Only brand and influencer accounts are vetted.' },
  ACCOUNT_NOT_UNDER_REVIEW: { status: 409, message: 'This account is not waiting for review, so there is nothing to decide.' },
  ACCOUNT_ALREADY_SUSPENDED: { status: 409, message: 'This account is already suspended.' },
  ACCOUNT_NOT_SUSPENDED: { status: 409, message: 'This account is not suspended.' },
  REVIEW_PROFILE_MISSING: { status: 409, message: 'This influencer has not saved a profile yet; there is nothing to approve.' },
  SOCIAL_ACCOUNT_NOT_FOUND: { status: 404, message: 'There is no such social account.' },
  SOCIAL_ACCOUNT_ALREADY_VERIFIED: { status: 409, message: 'This social account is already verified.' },
  INFLUENCER_PROFILE_NOT_FOUND: { status: 404, message: 'You have not saved an influencer profile yet.' },
  SCORE_REVIEW_ALREADY_REQUESTED: { status: 409, message: 'You have already asked for a review of your score; an admin will look at it.' },
});

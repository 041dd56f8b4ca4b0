import { defineErrors } from '../../http/app-error.js';

export const influencersErrors = defineErrors({
  INFLUENCER_PROFILE_NOT_FOUND: { status: 404, message: 'You have not saved an influencer profile yet.' },
  INFLUENCER_NOT_FOUND: { status: 404, message: 'There is no such influencer, or the profile is not public.' },
  PROFILE_ALREADY_APPROVED: { status: 409, message: 'This profile is already approved and visible in search.' },
});

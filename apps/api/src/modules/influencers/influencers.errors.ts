import { defineErrors } from '../../http/app-error.js';

export const influencersErrors = defineErrors({
  INFLUENCER_PROFILE_NOT_FOUND: { status: 404, message: 'You have not saved an influencer profile yet.' },
  PROFILE_ALREADY_APPROVED: { status: 409, message: 'This profile is already approved and visible in search.' },
});

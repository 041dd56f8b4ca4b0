import { defineErrors } from '../../http/app-error.js';

export const brandsErrors = defineErrors({
  BRAND_PROFILE_NOT_FOUND: { status: 404, message: 'You have not saved a brand profile yet.' },
});

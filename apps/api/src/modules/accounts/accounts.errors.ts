import { defineErrors } from '../../http/app-error.js';

export const accountsErrors = defineErrors({
  AUTH_EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists. Log in instead.' },
  ACCOUNT_NOT_FOUND: { status: 404, message: 'There is no such account.' },
});

import { defineErrors } from '../../http/app-error.js';

export const authErrors = defineErrors({
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'The email or password is wrong.' },
  AUTH_ACCOUNT_SUSPENDED: { status: 403, message: 'This account is suspended. Contact support if you think this is a mistake.' },
  AUTH_TOKEN_NOT_FOUND: { status: 404, message: 'There is no such API token.' },
  UNAUTHENTICATED: { status: 401, message: 'The API token is not valid or has been revoked.' },
  RATE_LIMITED: { status: 429, message: 'Too many failed logins. Try again later.' },
});

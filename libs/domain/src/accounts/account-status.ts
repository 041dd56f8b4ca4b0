import type { Role } from './roles.js';

/**
 * `pending_review`: signed up, not yet vetted — may edit their profile, cannot send or accept offers.
 * `active`: vetted. `suspended`: cannot log in; existing sessions end.
 */
export const ACCOUNT_STATUSES = ['pending_review', 'active', 'suspended'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** The status a new account starts in: people who sign up wait for vetting; admins start active. */
export function initialStatusFor(role: Role): AccountStatus {
  return role === 'admin' ? 'active' : 'pending_review';
}

export function canLogIn(status: AccountStatus): boolean {
  return status !== 'suspended';
}

/** Sending or accepting offers (anything that moves money) needs a vetted account. */
export function canTransact(status: AccountStatus): boolean {
  return status === 'active';
}

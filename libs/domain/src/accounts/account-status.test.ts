import { describe, expect, it } from 'vitest';
import { ACCOUNT_STATUSES, canLogIn, canTransact, initialStatusFor } from './account-status.js';
import { ROLES } from './roles.js';

describe('account status rules', () => {
  it('starts people who sign up in review and admins active', () => {
    expect(initialStatusFor('brand')).toBe('pending_review');
    expect(initialStatusFor('influencer')).toBe('pending_review');
    expect(initialStatusFor('admin')).toBe('active');
  });

  it('lets every status but suspended log in', () => {
    expect(ACCOUNT_STATUSES.filter(canLogIn)).toEqual(['pending_review', 'active']);
  });

  it('lets only active accounts transact', () => {
    expect(ACCOUNT_STATUSES.filter(canTransact)).toEqual(['active']);
  });

  it('gives every role a status it can log in with', () => {
    for (const role of ROLES) expect(canLogIn(initialStatusFor(role))).toBe(true);
  });
});

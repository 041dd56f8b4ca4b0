import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor.js';
import { canViewProfile } from './influencers.policy.js';

const actor = (role: Actor['role'], id = 'someone'): Actor => ({ id, role, status: 'active', via: 'session' });

describe('canViewProfile', () => {
  it.each([
    ['brand', 'approved', true],
    ['brand', 'submitted', false],
    ['brand', 'draft', false],
    ['admin', 'submitted', true],
    ['admin', 'rejected', true],
    ['influencer', 'approved', false],
  ] as const)('%s on a %s profile of someone else → %s', (role, reviewStatus, expected) => {
    expect(canViewProfile(actor(role), { userId: 'owner', reviewStatus })).toBe(expected);
  });

  it('always lets owners see their own profile', () => {
    expect(canViewProfile(actor('influencer', 'owner'), { userId: 'owner', reviewStatus: 'draft' })).toBe(true);
  });
});

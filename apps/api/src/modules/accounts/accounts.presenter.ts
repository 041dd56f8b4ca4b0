import type { TUser } from '@reachbridge/contracts';
import type { UserEntity } from './user.entity.js';

/** The user as the API shows it: an explicit whitelist (never the password hash). */
export function presentUser(user: UserEntity): TUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    status: user.status,
    displayName: user.displayName,
    createdAt: user.createdAt.toISOString(),
  };
}

import type { AccountStatus, Role } from '@reachbridge/domain';

/** Who is making the request, as established by the auth module (session or API token). */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly status: AccountStatus;
  readonly via: 'session' | 'token';
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // passport puts the authenticated Actor on `req.user`.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends Actor {}
  }
}

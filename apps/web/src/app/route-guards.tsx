import type { Role } from '@reachbridge/domain';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../features/auth/session';

export interface FromState {
  from?: string;
}

/** Private pages: logged-out visitors go to login, and come back here afterwards. */
export function RequireUser() {
  const user = useCurrentUser();
  const location = useLocation();
  if (!user) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from } satisfies FromState} />;
  }
  return <Outlet />;
}

/** Pages for some roles only; anyone else is sent home, where their own navigation is. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const user = useCurrentUser();
  if (!user || !roles.includes(user.role)) return <Navigate to="/home" replace />;
  return <Outlet />;
}

/** Landing, login and sign up: a logged-in user goes straight home. */
export function PublicOnly() {
  const user = useCurrentUser();
  return user ? <Navigate to="/home" replace /> : <Outlet />;
}

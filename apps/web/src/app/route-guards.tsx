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

/** Only same-app paths: never bounce to another origin after login. */
export function safeReturnPath(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/home';
}

/**
 * Landing, login and sign up: a logged-in user goes home, or back to the private page that sent
 * them to log in. This is also what moves a user on after login or sign up succeeds.
 */
export function PublicOnly() {
  const user = useCurrentUser();
  const location = useLocation();
  if (!user) return <Outlet />;
  const state = location.state as FromState | null;
  return <Navigate to={safeReturnPath(state?.from)} replace />;
}

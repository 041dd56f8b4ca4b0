import { createBrowserRouter, type RouteObject } from 'react-router';
import { AccountPage } from '../features/account/account-page';
import { LogInPage } from '../features/auth/login-page';
import { SignUpPage } from '../features/auth/signup-page';
import { NotFoundPage } from '../features/errors/not-found-page';
import { RouteErrorPage } from '../features/errors/route-error-page';
import { HomePage } from '../features/home/home-page';
import { LandingPage } from '../features/landing/landing-page';
import { ComingSoonPage } from '../features/sections/coming-soon-page';
import { SECTION_KEYS, SECTIONS } from '../features/sections/sections';
import { AppLayout } from './app-layout';
import { PublicOnly, RequireRole, RequireUser } from './route-guards';

/** Each section is a placeholder for now, reachable only by the roles it belongs to. */
const sectionRoutes: RouteObject[] = SECTION_KEYS.map((key) => ({
  element: <RequireRole roles={SECTIONS[key].roles} />,
  children: [{ path: SECTIONS[key].path, element: <ComingSoonPage key={key} section={key} /> }],
}));

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicOnly />,
        children: [
          { index: true, element: <LandingPage /> },
          { path: 'signup', element: <SignUpPage /> },
          { path: 'login', element: <LogInPage /> },
        ],
      },
      {
        element: <RequireUser />,
        children: [{ path: 'home', element: <HomePage /> }, { path: 'account', element: <AccountPage /> }, ...sectionRoutes],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AccountPage } from '../features/account/account-page';
import { AuditLogPage } from '../features/admin/audit-log-page';
import { ReviewQueuePage } from '../features/admin/review-queue-page';
import { DashboardPage } from '../features/admin-money/dashboard-page';
import { DisputesPage } from '../features/admin-money/disputes-page';
import { OfferLedgerPage } from '../features/admin-money/ledger-page';
import { DiscoveryPage } from '../features/discovery/discovery-page';
import { InfluencerProfilePage } from '../features/influencers/profile-page';
import { ProfileEditorPage } from '../features/profile-editor/profile-editor-page';
import { LogInPage } from '../features/auth/login-page';
import { SignUpPage } from '../features/auth/signup-page';
import { NotFoundPage } from '../features/errors/not-found-page';
import { RouteErrorPage } from '../features/errors/route-error-page';
import { HomePage } from '../features/home/home-page';
import { LandingPage } from '../features/landing/landing-page';
import { ListPage } from '../features/lists/list-page';
import { ListsPage } from '../features/lists/lists-page';
import { CampaignPage } from '../features/campaigns/campaign-page';
import { CampaignsPage } from '../features/campaigns/campaigns-page';
import { OfferComposerPage } from '../features/offers/offer-composer-page';
import { OfferPage } from '../features/offers/offer-page';
import { OffersPage } from '../features/offers/offers-page';
import { PayoutsPage } from '../features/payouts/payouts-page';
import { SECTION_KEYS, SECTIONS, type SectionKey } from '../features/sections/sections';
import { AppLayout } from './app-layout';
import { PublicOnly, RequireRole, RequireUser } from './route-guards';

/** Every section's page. */
const SECTION_PAGES: Record<SectionKey, ReactNode> = {
  discover: <DiscoveryPage />,
  profile: <ProfileEditorPage />,
  lists: <ListsPage />,
  campaigns: <CampaignsPage />,
  offers: <OffersPage />,
  payouts: <PayoutsPage />,
  reviewQueue: <ReviewQueuePage />,
  auditLog: <AuditLogPage />,
  disputes: <DisputesPage />,
  dashboard: <DashboardPage />,
};

/** Each section is reachable only by the roles it belongs to. */
const sectionRoutes: RouteObject[] = SECTION_KEYS.map((key) => ({
  element: <RequireRole roles={SECTIONS[key].roles} />,
  children: [{ path: SECTIONS[key].path, element: SECTION_PAGES[key] }],
}));

/** Brands and admins see approved profiles; an influencer sees their own (the API decides). */
/** One list of the brand's (the index is the `lists` section above). */
const listRoutes: RouteObject = {
  element: <RequireRole roles={SECTIONS.lists.roles} />,
  children: [{ path: 'lists/:id', element: <ListPage /> }],
};

/** One campaign, the offer composer (brands) and one offer (either side, or an admin following a dispute). */
const offerRoutes: RouteObject[] = [
  { element: <RequireRole roles={SECTIONS.campaigns.roles} />, children: [{ path: 'campaigns/:id', element: <CampaignPage /> }] },
  { element: <RequireRole roles={['brand']} />, children: [{ path: 'offers/new', element: <OfferComposerPage /> }] },
  { element: <RequireRole roles={['brand', 'influencer', 'admin']} />, children: [{ path: 'offers/:id', element: <OfferPage /> }] },
];

/** An offer's ledger, for admins (linked from a resolved dispute). */
const ledgerRoutes: RouteObject = {
  element: <RequireRole roles={SECTIONS.disputes.roles} />,
  children: [{ path: 'admin/ledger/offers/:id', element: <OfferLedgerPage /> }],
};

const influencerRoutes: RouteObject = {
  element: <RequireRole roles={['brand', 'admin', 'influencer']} />,
  children: [{ path: 'influencers/:id', element: <InfluencerProfilePage /> }],
};

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
        children: [{ path: 'home', element: <HomePage /> }, { path: 'account', element: <AccountPage /> }, ...sectionRoutes, listRoutes, ...offerRoutes, influencerRoutes, ledgerRoutes],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

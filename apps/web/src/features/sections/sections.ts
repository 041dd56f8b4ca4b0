import type { Role } from '@reachbridge/domain';

/** The areas of the product, by role. A section without a page of its own yet shows a placeholder. */
export const SECTIONS = {
  discover: { path: '/discover', roles: ['brand', 'admin'] },
  lists: { path: '/lists', roles: ['brand'] },
  campaigns: { path: '/campaigns', roles: ['brand'] },
  offers: { path: '/offers', roles: ['brand', 'influencer'] },
  profile: { path: '/profile', roles: ['influencer'] },
  payouts: { path: '/payouts', roles: ['influencer'] },
  reviewQueue: { path: '/admin/review-queue', roles: ['admin'] },
  disputes: { path: '/admin/disputes', roles: ['admin'] },
  auditLog: { path: '/admin/audit-log', roles: ['admin'] },
  dashboard: { path: '/admin/dashboard', roles: ['admin'] },
} as const satisfies Record<string, { path: string; roles: readonly Role[] }>;

export type SectionKey = keyof typeof SECTIONS;

/** Navigation order per role. */
export const NAVIGATION: Record<Role, readonly SectionKey[]> = {
  brand: ['discover', 'lists', 'campaigns', 'offers'],
  influencer: ['profile', 'offers', 'payouts'],
  admin: ['discover', 'reviewQueue', 'disputes', 'auditLog', 'dashboard'],
};

export const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];

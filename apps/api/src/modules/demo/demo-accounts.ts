import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../observability/logger.js';
import { ZInfluencerProfileInput } from '@reachbridge/contracts';
import { AccountsService } from '../accounts/index.js';
import { InfluencersService } from '../influencers/index.js';
import { seedInfluencers } from '../seed/index.js';
import type { Role } from '@reachbridge/domain';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

/** Well-known local logins, printed at start. Seeded only into an empty database, never in production. */
export const DEMO_LOGINS: readonly (DemoLogin & { displayName: string; status: 'active' })[] = [
  { role: 'admin', email: 'admin@reachbridge.local', password: 'demo-admin-password', displayName: 'Demo Admin', status: 'active' },
  { role: 'brand', email: 'brand@reachbridge.local', password: 'demo-brand-password', displayName: 'Nova Coffee', status: 'active' },
  { role: 'influencer', email: 'influencer@reachbridge.local', password: 'demo-influencer-password', displayName: 'Sara Ahmadi', status: 'active' },
];

/** How many influencers a fresh laptop database gets: enough to make discovery feel real, seeded in seconds. */
export const DEMO_INFLUENCERS = 3000;

/** SPEC §10's example profile: the demo influencer is approved, so the demo brand can send them an offer at once. */
export const DEMO_INFLUENCER_PROFILE = ZInfluencerProfileInput.parse({
  displayName: 'Sara Ahmadi',
  bio: 'بلاگر آشپزی و سفر — food & travel',
  niches: ['food', 'travel'],
  country: 'IR',
  city: 'Tehran',
  languages: ['fa', 'en'],
  socialAccounts: [
    {
      platform: 'instagram',
      handle: 'sara.cooks',
      url: 'https://instagram.com/sara.cooks',
      followers: 52000,
      following: 410,
      posts: 820,
      avgViews: 18000,
      engagementRate: 3.4,
      growth30d: 2.1,
      audience: { countries: { IR: 71, DE: 8, US: 6 }, ages: { '18-24': 34, '25-34': 41 }, genders: { female: 68, male: 32 }, languages: { fa: 88, en: 12 } },
    },
  ],
  rates: [{ platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } }],
});

/** Demo logins (the influencer with an approved profile, the brand with a campaign) and a few thousand searchable influencers, into an empty database only. */
export async function seedDemoData(dataSource: DataSource, logger: Logger): Promise<'seeded' | 'skipped'> {
  const accounts = new AccountsService(dataSource);
  if (!(await accounts.isEmpty())) return 'skipped';
  const users = new Map<Role, string>();
  for (const login of DEMO_LOGINS) {
    users.set(login.role, (await accounts.createAccount(login, { status: login.status })).id);
  }
  await dataSource.transaction((manager) =>
    new InfluencersService(dataSource).writeProfile(manager, users.get('influencer')!, DEMO_INFLUENCER_PROFILE, { reviewStatus: 'approved' }),
  );
  await dataSource.query(
    `INSERT INTO campaigns (brand_id, name, brief, goal, landing_url, budget_amount, budget_currency, target_niches, target_countries)
     VALUES ($1, 'Winter blend launch', 'Show our new winter blend in a cosy morning routine.', 'traffic', 'https://example.com/winter-blend', 500000, 'USD', '{food}', '{IR,DE}')`,
    [users.get('brand')],
  );
  const started = Date.now();
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  await seedInfluencers(pool, { count: DEMO_INFLUENCERS, seed: 42 });
  logger.info({ influencers: DEMO_INFLUENCERS, ms: Date.now() - started }, 'seeded demo influencers');
  return 'seeded';
}

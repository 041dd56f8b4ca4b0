import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../observability/logger.js';
import { AccountsService } from '../accounts/index.js';
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

/** Demo logins and a few thousand searchable influencers, into an empty database only. */
export async function seedDemoData(dataSource: DataSource, logger: Logger): Promise<'seeded' | 'skipped'> {
  const accounts = new AccountsService(dataSource);
  if (!(await accounts.isEmpty())) return 'skipped';
  for (const login of DEMO_LOGINS) {
    await accounts.createAccount(login, { status: login.status });
  }
  const started = Date.now();
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  await seedInfluencers(pool, { count: DEMO_INFLUENCERS, seed: 42 });
  logger.info({ influencers: DEMO_INFLUENCERS, ms: Date.now() - started }, 'seeded demo influencers');
  return 'seeded';
}

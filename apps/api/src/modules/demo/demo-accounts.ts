import type { AccountsService } from '../accounts/index.js';
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

export async function seedDemoAccounts(accounts: AccountsService): Promise<'seeded' | 'skipped'> {
  if (!(await accounts.isEmpty())) return 'skipped';
  for (const login of DEMO_LOGINS) {
    await accounts.createAccount(login, { status: login.status });
  }
  return 'seeded';
}

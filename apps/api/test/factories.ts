import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AccountStatus, Role } from '@reachbridge/domain';
import { AccountsService } from '../src/modules/accounts/index.js';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

export interface BuildUserOptions {
  role?: Role;
  status?: AccountStatus;
  email?: string;
  password?: string;
  displayName?: string;
}

/** A user straight in the database through the real service (argon2 hash included). */
export async function buildUser(dataSource: DataSource, options: BuildUserOptions = {}) {
  const role = options.role ?? 'brand';
  const password = options.password ?? DEFAULT_PASSWORD;
  const email = options.email ?? `${role}-${randomBytes(4).toString('hex')}@example.test`;
  const user = await new AccountsService(dataSource).createAccount(
    { email, password, role, displayName: options.displayName ?? `Test ${role}` },
    options.status ? { status: options.status } : {},
  );
  return { user, email, password };
}

import type { DataSource, EntityManager } from 'typeorm';
import { canLogIn, initialStatusFor, type AccountStatus, type Role } from '@reachbridge/domain';
import { AccountsRepository } from './accounts.repository.js';
import { accountsErrors } from './accounts.errors.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';
import type { UserEntity } from './user.entity.js';

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  displayName: string;
}

export type CredentialCheck =
  | { outcome: 'ok'; user: UserEntity }
  | { outcome: 'invalid' }
  | { outcome: 'suspended'; user: UserEntity };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class AccountsService {
  private readonly repository: AccountsRepository;

  constructor(dataSource: DataSource) {
    this.repository = new AccountsRepository(dataSource);
  }

  /** `status` overrides the role's initial status (the CLI's admins and the demo accounts start active). */
  async createAccount(input: NewAccount, options: { status?: AccountStatus } = {}): Promise<UserEntity> {
    const email = normaliseEmail(input.email);
    if (await this.repository.findByEmail(email)) throw accountsErrors.AUTH_EMAIL_TAKEN();
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.repository.insert({
        email,
        passwordHash,
        role: input.role,
        status: options.status ?? initialStatusFor(input.role),
        displayName: input.displayName.trim(),
      });
    } catch (error) {
      // Two sign-ups with one email at the same moment: the unique index decides.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw accountsErrors.AUTH_EMAIL_TAKEN();
      }
      throw error;
    }
  }

  /**
   * An influencer account brought in by an import, inside the import's transaction. It is active
   * with a password nobody knows (one random secret's hash for the whole import); the person sets
   * their own through account recovery.
   */
  async createImportedInfluencer(manager: EntityManager, input: { email: string; displayName: string; passwordHash: string }): Promise<UserEntity> {
    return this.repository.insert(
      { email: normaliseEmail(input.email), passwordHash: input.passwordHash, role: 'influencer', status: 'active', displayName: input.displayName },
      manager,
    );
  }

  async existingEmails(emails: string[]): Promise<Set<string>> {
    return new Set((await this.repository.findByEmails(emails.map(normaliseEmail))).map((user) => user.email));
  }

  async isEmpty(): Promise<boolean> {
    return (await this.repository.count()) === 0;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repository.findById(id);
  }

  /**
   * Unknown email and wrong password give the same outcome in the same time. A suspended account
   * is only revealed to someone who knows its password.
   */
  async checkCredentials(email: string, password: string): Promise<CredentialCheck> {
    const user = await this.repository.findByEmail(normaliseEmail(email));
    const isValid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !isValid) return { outcome: 'invalid' };
    if (!canLogIn(user.status)) return { outcome: 'suspended', user };
    await this.repository.touchLastLogin(user.id, new Date());
    return { outcome: 'ok', user };
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import type { PaymentProvider, PayoutAccount } from './payment-provider.port.js';

export interface PayoutAccountRecord {
  userId: string;
  provider: string;
  accountId: string;
  transfersActive: boolean;
  payoutsEnabled: boolean;
  requirementsDue: string[];
}

export type PayoutAccountState = 'not_started' | 'onboarding_required' | 'ready';

/**
 * Influencers' payout accounts (Stripe Connect Express-style accounts, or simulated ones): created
 * once per user (idempotency key `user:<id>:payout-account`), their readiness cached from the
 * provider and refreshed by `account.updated` webhooks.
 */
export class PayoutAccounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
  ) {}

  async find(userId: string, manager: EntityManager = this.dataSource.manager): Promise<PayoutAccountRecord | null> {
    const rows = await manager.query<
      { user_id: string; provider: string; account_id: string; transfers_active: boolean; payouts_enabled: boolean; requirements_due: string[] }[]
    >(`SELECT * FROM payout_accounts WHERE user_id = $1`, [userId]);
    const row = rows[0];
    return row
      ? {
          userId: row.user_id,
          provider: row.provider,
          accountId: row.account_id,
          transfersActive: row.transfers_active,
          payoutsEnabled: row.payouts_enabled,
          requirementsDue: row.requirements_due,
        }
      : null;
  }

  static state(record: PayoutAccountRecord | null): PayoutAccountState {
    if (!record) return 'not_started';
    return record.transfersActive ? 'ready' : 'onboarding_required';
  }

  /** Creates the account on first call, refreshes it from the provider, and returns where to finish onboarding. */
  async startOnboarding(
    user: { id: string; email: string; country: string | null },
    urls: { refreshUrl: string; returnUrl: string },
  ): Promise<{ record: PayoutAccountRecord; onboardingUrl: string | null }> {
    const existing = await this.find(user.id);
    const account = existing
      ? await this.provider.retrievePayoutAccount(existing.accountId)
      : await this.provider.createPayoutAccount({ userId: user.id, email: user.email, country: user.country, idempotencyKey: `user:${user.id}:payout-account` });
    const record = await this.save(user.id, account);
    const onboardingUrl = record.transfersActive ? null : await this.provider.onboardingLink({ accountId: account.id, ...urls });
    return { record, onboardingUrl };
  }

  /** Re-reads an account from the provider (webhook `account.updated`: never trust the payload's copy). */
  async refresh(accountId: string): Promise<PayoutAccountRecord | null> {
    const rows = await this.dataSource.query<{ user_id: string }[]>(`SELECT user_id FROM payout_accounts WHERE account_id = $1`, [accountId]);
    if (!rows[0]) return null;
    return this.save(rows[0].user_id, await this.provider.retrievePayoutAccount(accountId));
  }

  private async save(userId: string, account: PayoutAccount): Promise<PayoutAccountRecord> {
    await this.dataSource.query(
      `INSERT INTO payout_accounts (user_id, provider, account_id, transfers_active, payouts_enabled, requirements_due, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (user_id) DO UPDATE SET transfers_active = EXCLUDED.transfers_active, payouts_enabled = EXCLUDED.payouts_enabled,
         requirements_due = EXCLUDED.requirements_due, updated_at = now()`,
      [userId, this.provider.kind, account.id, account.transfersActive, account.payoutsEnabled, JSON.stringify(account.requirementsDue)],
    );
    return {
      userId,
      provider: this.provider.kind,
      accountId: account.id,
      transfersActive: account.transfersActive,
      payoutsEnabled: account.payoutsEnabled,
      requirementsDue: account.requirementsDue,
    };
  }
}

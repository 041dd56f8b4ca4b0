import { paymentsContracts } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';
import { defineRoute } from '../../http/define-route.js';
import type { PaymentProvider } from './payment-provider.port.js';
import { PayoutAccounts, type PayoutAccountRecord } from './payout-accounts.js';

/** Payout onboarding for influencers: Stripe Connect (Account Links) or, simulated, ready at once. */
export function paymentsRoutes(dataSource: DataSource, provider: PaymentProvider, payoutAccounts: PayoutAccounts, settings: { publicUrl: string; publishableKey: string | null; feeBps: number }) {
  const { publicUrl } = settings;
  const present = (record: PayoutAccountRecord | null, onboardingUrl: string | null = null) => ({
    provider: provider.kind,
    testMoney: provider.kind === 'simulated',
    status: PayoutAccounts.state(record),
    onboardingUrl,
    requirementsDue: record?.requirementsDue ?? [],
  });
  return [
    defineRoute({
      contract: paymentsContracts.config,
      auth: 'user',
      handler: () => ({ provider: provider.kind, testMoney: provider.kind === 'simulated', publishableKey: settings.publishableKey, feeBps: settings.feeBps }),
    }),
    defineRoute({
      contract: paymentsContracts.connectStatus,
      auth: ['influencer'],
      handler: async ({ actor }) => present(await payoutAccounts.find(actor.id)),
    }),
    defineRoute({
      contract: paymentsContracts.onboarding,
      auth: ['influencer'],
      handler: async ({ actor }) => {
        const [user] = await dataSource.query<{ email: string; country: string | null }[]>(
          `SELECT u.email, ip.country FROM users u LEFT JOIN influencer_profiles ip ON ip.user_id = u.id WHERE u.id = $1`,
          [actor.id],
        );
        const { record, onboardingUrl } = await payoutAccounts.startOnboarding(
          { id: actor.id, email: user!.email, country: user!.country },
          { refreshUrl: `${publicUrl}/payouts?onboarding=refresh`, returnUrl: `${publicUrl}/payouts?onboarding=done` },
        );
        return present(record, onboardingUrl);
      },
    }),
  ];
}

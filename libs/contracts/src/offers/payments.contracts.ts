import { z } from 'zod';
import { CURRENCY_CODES, OFFER_STATUSES } from '@reachbridge/domain';
import { ZId, ZIdParams, ZTimestamp } from '../common/primitives.js';
import { defineContract } from '../common/route.js';
import { DISPUTE_OUTCOMES, MOVEMENT_KINDS, MOVEMENT_STATUSES, ZDispute, ZOffer, ZOfferEvent, ZOfferMessage, ZReputation } from './offers.contracts.js';

export const ZPayoutAccountStatus = z
  .object({
    provider: z.enum(['simulated', 'stripe']),
    testMoney: z.boolean(),
    /** `ready`: offers can be accepted and payouts sent. */
    status: z.enum(['not_started', 'onboarding_required', 'ready']),
    /** Where to finish onboarding (Stripe Account Link), when something is due. */
    onboardingUrl: z.string().nullable(),
    requirementsDue: z.array(z.string()),
  })
  .meta({ id: 'PayoutAccountStatus' });

export const ZBalance = z
  .object({
    currency: z.enum(CURRENCY_CODES),
    /** Funds held for offers in progress. */
    held: z.int(),
    /** Approved, on its way to the influencer. */
    payable: z.int(),
    /** Sent to the influencer's payout account. */
    paidOut: z.int(),
    /** Returned (or on the way back) to the brand. */
    refunded: z.int(),
    /** Brand: released to influencers, fees included. */
    spent: z.int(),
  })
  .meta({ id: 'Balance' });

export type TBalance = z.infer<typeof ZBalance>;

export const ZPaymentHistoryItem = z
  .object({
    offerId: ZId,
    counterpart: z.string(),
    kind: z.enum(MOVEMENT_KINDS),
    status: z.enum(MOVEMENT_STATUSES),
    amount: z.int(),
    currency: z.enum(CURRENCY_CODES),
    at: ZTimestamp,
  })
  .meta({ id: 'PaymentHistoryItem' });

const tags = ['payments'] as const;

export const paymentsContracts = {
  config: defineContract({
    method: 'get',
    path: '/api/payments/config',
    summary: 'Which payment provider runs, and the Stripe publishable key the browser needs to confirm a card hold',
    tags,
    response: z
      .object({
        provider: z.enum(['simulated', 'stripe']),
        testMoney: z.boolean(),
        publishableKey: z.string().nullable(),
        /** The platform fee new offers are sent with, in basis points. */
        feeBps: z.int(),
      })
      .meta({ id: 'PaymentsConfig' }),
    status: 200,
  }),
  connectStatus: defineContract({
    method: 'get',
    path: '/api/payments/connect',
    summary: 'Your payout account: can you accept offers and receive payouts?',
    tags,
    response: ZPayoutAccountStatus,
    status: 200,
  }),
  onboarding: defineContract({
    method: 'post',
    path: '/api/payments/connect/onboarding',
    summary: 'Start or continue payout onboarding (Stripe: an Account Link; simulated: ready at once)',
    tags,
    response: ZPayoutAccountStatus,
    status: 200,
  }),
  balance: defineContract({
    method: 'get',
    path: '/api/payments/balance',
    summary: 'Held, payable, paid out and refunded amounts per currency',
    tags,
    response: z.object({ testMoney: z.boolean(), items: z.array(ZBalance) }),
    status: 200,
  }),
  history: defineContract({
    method: 'get',
    path: '/api/payments/history',
    summary: 'Money movements on your offers, newest first',
    tags,
    query: z.strictObject({ limit: z.coerce.number().pipe(z.int().min(1).max(200)).optional() }),
    response: z.object({ items: z.array(ZPaymentHistoryItem), nextCursor: z.null() }),
    status: 200,
  }),
};

export const ZDisputeQueueItem = z
  .object({
    dispute: ZDispute,
    offer: z.object({
      id: ZId,
      status: z.enum(OFFER_STATUSES),
      brand: z.object({ id: ZId, name: z.string() }),
      influencer: z.object({ id: ZId, displayName: z.string() }),
      price: z.object({ amount: z.int(), currency: z.enum(CURRENCY_CODES) }),
      feeBps: z.int(),
      held: z.int(),
    }),
    events: z.array(ZOfferEvent),
    messages: z.array(ZOfferMessage),
  })
  .meta({ id: 'DisputeQueueItem' });
export type TDisputeQueueItem = z.infer<typeof ZDisputeQueueItem>;

export const ZResolveDisputeRequest = z
  .strictObject({
    outcome: z.enum(DISPUTE_OUTCOMES),
    /** For `split`: what goes back to the brand, in minor units; the rest is released (fee on the released part only). */
    refundAmount: z.int().min(0).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((body) => body.outcome === 'split' || body.refundAmount === undefined, {
    path: ['refundAmount'],
    message: 'Only a split takes a refundAmount',
  })
  .refine((body) => body.outcome !== 'split' || body.refundAmount !== undefined, { path: ['refundAmount'], message: 'A split needs a refundAmount' })
  .meta({ id: 'ResolveDisputeRequest' });

export const ZLedgerView = z
  .object({
    offerId: ZId,
    transactions: z.array(
      z.object({
        idempotencyKey: z.string(),
        kind: z.string(),
        providerRef: z.string().nullable(),
        at: ZTimestamp,
        postings: z.array(z.object({ account: z.string(), amount: z.int(), currency: z.enum(CURRENCY_CODES) })),
      }),
    ),
    /** Net of this offer's postings per account (for shared accounts, this offer's share only). */
    balances: z.array(z.object({ account: z.string(), currency: z.enum(CURRENCY_CODES), balance: z.int() })),
  })
  .meta({ id: 'LedgerView' });

const adminTags = ['admin'] as const;

export const adminMoneyContracts = {
  disputes: defineContract({
    method: 'get',
    path: '/api/admin/disputes',
    summary: 'Disputes, open first and oldest first, with both statements, the timeline and the messages',
    tags: adminTags,
    query: z.strictObject({ status: z.enum(['open', 'resolved']).optional() }),
    response: z.object({ items: z.array(ZDisputeQueueItem), nextCursor: z.null() }),
    status: 200,
  }),
  resolveDispute: defineContract({
    method: 'post',
    path: '/api/admin/disputes/:id/resolve',
    summary: 'Resolve a dispute: refund, release or split; posts to the ledger in one transaction',
    tags: adminTags,
    params: ZIdParams,
    body: ZResolveDisputeRequest,
    response: ZOffer,
    status: 200,
  }),
  offerLedger: defineContract({
    method: 'get',
    path: '/api/admin/ledger/offers/:id',
    summary: "An offer's ledger postings and account balances",
    tags: adminTags,
    params: ZIdParams,
    response: ZLedgerView,
    status: 200,
  }),
};


export const ZDashboard = z
  .object({
    offersByStatus: z.array(z.object({ status: z.enum(OFFER_STATUSES), count: z.int() })),
    money: z.array(
      z.object({
        currency: z.enum(CURRENCY_CODES),
        /** Held for offers in progress now. */
        held: z.int(),
        /** Released to influencers (payouts decided), all time. */
        released: z.int(),
        /** Returned to brands, all time. */
        refunded: z.int(),
        feesEarned: z.int(),
        /** Approved payouts not yet transferred (e.g. waiting for a payout account). */
        payableOutstanding: z.int(),
      }),
    ),
    disputes: z.object({ open: z.int(), oldestOpenedAt: ZTimestamp.nullable() }),
    queues: z.object({
      review: z.object({ waiting: z.int(), oldestSince: ZTimestamp.nullable() }),
      movements: z.object({ pending: z.int(), blocked: z.int(), failed: z.int() }),
    }),
  })
  .meta({ id: 'Dashboard' });

export const reputationContracts = {
  influencer: defineContract({
    method: 'get',
    path: '/api/influencers/:id/reputation',
    summary: "An influencer's record on offers: on-time delivery, response time, disputes",
    tags: ['influencers'] as const,
    params: ZIdParams,
    response: ZReputation,
    status: 200,
  }),
};

export const adminDashboardContract = defineContract({
  method: 'get',
  path: '/api/admin/dashboard',
  summary: 'Offers by state, money held, released, refunded and fees (from the ledger), open disputes, queue ages',
  tags: adminTags,
  response: ZDashboard,
  status: 200,
});

import { z } from 'zod';
import {
  DELIVERABLE_TYPES,
  OFFER_ACTIONS,
  OFFER_ACTORS,
  OFFER_STATUSES,
  OFFER_TIMER_LIMITS,
  PLATFORMS,
  USAGE_RIGHTS,
} from '@reachbridge/domain';
import { ZMoney } from '../common/money.js';
import { ZId, ZIdParams, ZTimestamp } from '../common/primitives.js';
import { defineContract } from '../common/route.js';
import { ZDate, ZWebUrl } from './campaigns.contracts.js';

const ZPositiveMoney = ZMoney.refine((money) => money.amount > 0, { path: ['amount'], message: 'Must be more than zero' });

export const ZDeliverableInput = z
  .strictObject({
    platform: z.enum(PLATFORMS),
    type: z.enum(DELIVERABLE_TYPES),
    quantity: z.int().min(1).max(100).default(1),
    dueDate: ZDate.nullable().default(null),
    requirements: z.string().trim().max(2000).default(''),
    disclosureTag: z.string().trim().max(40).default('#ad'),
  })
  .meta({ id: 'DeliverableInput' });
export const ZDeliverable = z
  .object({
    platform: z.enum(PLATFORMS),
    type: z.enum(DELIVERABLE_TYPES),
    quantity: z.int(),
    dueDate: ZDate.nullable(),
    requirements: z.string(),
    disclosureTag: z.string(),
  })
  .meta({ id: 'Deliverable' });

export const ZUsageRights = z
  .strictObject({ kind: z.enum(USAGE_RIGHTS), days: z.int().min(1).max(3650).nullable().default(null) })
  .refine((rights) => rights.kind === 'none' || rights.days !== null, { path: ['days'], message: 'Say for how many days the content may be used' })
  .meta({ id: 'UsageRights' });

const hours = (limits: { min: number; max: number }) => z.int().min(limits.min).max(limits.max);

export const ZCreateOfferRequest = z
  .strictObject({
    influencerId: ZId,
    campaignId: ZId.optional(),
    deliverables: z.array(ZDeliverableInput).min(1).max(20),
    price: ZPositiveMoney,
    usageRights: ZUsageRights.default({ kind: 'none', days: null }),
    message: z.string().trim().max(5000).optional(),
    acceptWithinHours: hours(OFFER_TIMER_LIMITS.acceptWithinHours).optional(),
    reviewWindowHours: hours(OFFER_TIMER_LIMITS.reviewWindowHours).optional(),
    revisionLimit: hours(OFFER_TIMER_LIMITS.revisionLimit).optional(),
  })
  .meta({ id: 'CreateOfferRequest' });
export type TCreateOfferRequest = z.input<typeof ZCreateOfferRequest>;

export const ZCounterOfferRequest = z
  .strictObject({
    price: ZPositiveMoney,
    deliverables: z.array(ZDeliverableInput).min(1).max(20).optional(),
    message: z.string().trim().max(5000).optional(),
  })
  .meta({ id: 'CounterOfferRequest' });
export const ZSubmissionRequest = z.strictObject({ url: ZWebUrl, notes: z.string().trim().max(5000).optional() }).meta({ id: 'SubmissionRequest' });
export const ZRevisionRequest = z.strictObject({ feedback: z.string().trim().min(1).max(5000) }).meta({ id: 'RevisionRequest' });
export const ZReasonRequest = z.strictObject({ reason: z.string().trim().min(1).max(2000) }).meta({ id: 'ReasonRequest' });
export const ZOptionalReasonRequest = z.strictObject({ reason: z.string().trim().max(2000).optional() }).meta({ id: 'OptionalReasonRequest' });
export const ZMessageRequest = z.strictObject({ body: z.string().trim().min(1).max(5000) }).meta({ id: 'MessageRequest' });
export const ZEvidence = z
  .strictObject({ url: ZWebUrl.nullable().default(null), note: z.string().trim().min(1).max(2000) })
  .meta({ id: 'Evidence' });
export const ZOpenDisputeRequest = z
  .strictObject({ reason: z.string().trim().min(1).max(5000), evidence: z.array(ZEvidence).max(10).default([]) })
  .meta({ id: 'OpenDisputeRequest' });
export const ZDisputeStatementRequest = z
  .strictObject({ statement: z.string().trim().min(1).max(5000), evidence: z.array(ZEvidence).max(10).default([]) })
  .meta({ id: 'DisputeStatementRequest' });

const ZParty = z.enum(['brand', 'influencer']);

export const ZOfferEvent = z
  .object({
    action: z.enum(OFFER_ACTIONS).or(z.literal('created')),
    from: z.enum(OFFER_STATUSES).nullable(),
    to: z.enum(OFFER_STATUSES),
    actor: z.enum(OFFER_ACTORS),
    actorName: z.string().nullable(),
    reason: z.string().nullable(),
    at: ZTimestamp,
  })
  .meta({ id: 'OfferEvent' });

export const ZOfferMessage = z
  .object({ id: ZId, author: ZParty.or(z.literal('admin')), authorName: z.string(), body: z.string(), at: ZTimestamp })
  .meta({ id: 'OfferMessage' });

export const ZSubmission = z
  .object({
    round: z.int(),
    url: z.string(),
    notes: z.string(),
    submittedAt: ZTimestamp,
    decision: z.enum(['approved', 'revision_requested']).nullable(),
    feedback: z.string().nullable(),
    decidedAt: ZTimestamp.nullable(),
  })
  .meta({ id: 'Submission' });

export const DISPUTE_OUTCOMES = ['refund', 'release', 'split'] as const;
export const ZDispute = z
  .object({
    id: ZId,
    status: z.enum(['open', 'resolved']),
    openedBy: ZParty,
    reason: z.string(),
    evidence: z.array(z.object({ url: z.string().nullable(), note: z.string() })),
    response: z.object({ statement: z.string(), evidence: z.array(z.object({ url: z.string().nullable(), note: z.string() })), at: ZTimestamp }).nullable(),
    outcome: z.enum(DISPUTE_OUTCOMES).nullable(),
    refundAmount: z.int().nullable(),
    releaseAmount: z.int().nullable(),
    note: z.string().nullable(),
    openedAt: ZTimestamp,
    resolvedAt: ZTimestamp.nullable(),
  })
  .meta({ id: 'Dispute' });

export const MOVEMENT_KINDS = ['hold', 'capture', 'void', 'refund', 'transfer'] as const;
export const MOVEMENT_STATUSES = ['pending', 'in_flight', 'succeeded', 'failed', 'blocked'] as const;

export const ZOfferPayment = z
  .object({
    provider: z.enum(['simulated', 'stripe']),
    /** Simulated provider: no real money moves. The UI labels it. */
    testMoney: z.boolean(),
    holdStatus: z.string().nullable(),
    /** Only for the brand while the card still has to be confirmed (Stripe Payment Element). */
    clientSecret: z.string().nullable(),
    held: z.int(),
    released: z.int(),
    refunded: z.int(),
    fee: z.int(),
    payout: z.int(),
    movements: z.array(z.object({ kind: z.enum(MOVEMENT_KINDS), status: z.enum(MOVEMENT_STATUSES), amount: z.int(), at: ZTimestamp })),
  })
  .meta({ id: 'OfferPayment' });

export const ZReputation = z
  .object({
    /** Offers that reached a decision with this party (the sample size). */
    offers: z.int(),
    /** Brand: median hours from submission to approval (auto-approvals count at the window's end). */
    medianApprovalHours: z.number().nullable(),
    /** Brand: share of funded offers that ended paid (released, completed or split) rather than refunded. */
    paidRate: z.number().nullable(),
    /** Influencer: share of first submissions made by the due date. */
    onTimeRate: z.number().nullable(),
    /** Influencer: median hours from receiving an offer to answering it. */
    medianResponseHours: z.number().nullable(),
    disputes: z.int(),
  })
  .meta({ id: 'Reputation' });
export type TReputation = z.infer<typeof ZReputation>;

export const ZOffer = z
  .object({
    id: ZId,
    status: z.enum(OFFER_STATUSES),
    /** Optimistic-concurrency version; changes with every transition. */
    version: z.int(),
    whoseTurn: z.enum(OFFER_ACTORS).nullable(),
    /** What the caller may do now. */
    availableActions: z.array(z.enum(OFFER_ACTIONS)),
    viewerRole: z.enum(['brand', 'influencer', 'admin']),
    brand: z.object({ id: ZId, name: z.string() }),
    influencer: z.object({ id: ZId, userId: ZId, displayName: z.string(), slug: z.string() }),
    campaign: z.object({ id: ZId, name: z.string() }).nullable(),
    price: ZMoney,
    feeBps: z.int(),
    deliverables: z.array(ZDeliverable),
    usageRights: z.object({ kind: z.enum(USAGE_RIGHTS), days: z.int().nullable() }),
    message: z.string(),
    revisionLimit: z.int(),
    revisionsUsed: z.int(),
    reviewWindowHours: z.int(),
    deadlines: z.object({
      accept: ZTimestamp.nullable(),
      review: ZTimestamp.nullable(),
      due: ZTimestamp.nullable(),
      cancellation: ZTimestamp.nullable(),
      completion: ZTimestamp.nullable(),
    }),
    counter: z.object({ price: ZMoney, deliverables: z.array(ZDeliverable).nullable(), message: z.string(), at: ZTimestamp }).nullable(),
    cancellation: z.object({ requestedBy: ZParty, reason: z.string() }).nullable(),
    dispute: ZDispute.nullable(),
    submissions: z.array(ZSubmission),
    events: z.array(ZOfferEvent),
    messages: z.array(ZOfferMessage),
    payment: ZOfferPayment,
    /** `clicks`: every redirect; `uniqueVisitors`: distinct visitors per day, summed over days. */
    trackedLink: z.object({ url: z.string(), clicks: z.int(), uniqueVisitors: z.int() }).nullable(),
    /** Both sides' records on past offers (SPEC §7). */
    reputation: z.object({ brand: ZReputation, influencer: ZReputation }),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: 'Offer' });
export type TOffer = z.infer<typeof ZOffer>;

export const ZOfferSummary = z
  .object({
    id: ZId,
    status: z.enum(OFFER_STATUSES),
    whoseTurn: z.enum(OFFER_ACTORS).nullable(),
    brand: z.object({ id: ZId, name: z.string() }),
    influencer: z.object({ id: ZId, displayName: z.string(), slug: z.string() }),
    campaign: z.object({ id: ZId, name: z.string() }).nullable(),
    price: ZMoney,
    /** The next deadline the worker acts on, if any. */
    nextDeadline: ZTimestamp.nullable(),
    testMoney: z.boolean(),
    updatedAt: ZTimestamp,
  })
  .meta({ id: 'OfferSummary' });
export type TOfferSummary = z.infer<typeof ZOfferSummary>;

/** Groups of statuses the inbox filters by, besides single statuses. */
export const OFFER_STATUS_FILTERS = ['open', 'finished', ...OFFER_STATUSES] as const;

export const ZListOffersQuery = z
  .strictObject({
    status: z.enum(OFFER_STATUS_FILTERS).optional(),
    /** Admins see every offer; `role` narrows to the side the caller is on (for a brand or influencer it must be their own). */
    role: ZParty.optional(),
    campaignId: ZId.optional(),
    /** Only offers waiting for the caller. */
    myTurn: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().pipe(z.int().min(1).max(100)).optional(),
  })
  .meta({ id: 'ListOffersQuery' });

const tags = ['offers'] as const;
const action = (path: string, summary: string) =>
  defineContract({ method: 'post', path: `/api/offers/:id/${path}`, summary, tags, params: ZIdParams, response: ZOffer, status: 200 });
const actionWith = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  defineContract({ method: 'post', path: `/api/offers/:id/${path}`, summary, tags, params: ZIdParams, body, response: ZOffer, status: 200 });

export const offersContracts = {
  list: defineContract({
    method: 'get',
    path: '/api/offers',
    summary: 'Offers you send or receive (admins: all), most recently changed first',
    tags,
    query: ZListOffersQuery,
    response: z.object({ items: z.array(ZOfferSummary), nextCursor: z.string().nullable() }),
    status: 200,
  }),
  create: defineContract({
    method: 'post',
    path: '/api/offers',
    summary: 'Send an offer (a hold is placed on the brand’s card)',
    tags,
    body: ZCreateOfferRequest,
    response: ZOffer,
    status: 201,
  }),
  get: defineContract({ method: 'get', path: '/api/offers/:id', summary: 'An offer with its timeline, messages and payment', tags, params: ZIdParams, response: ZOffer, status: 200 }),
  accept: action('accept', 'Accept an offer (influencer); the hold is captured'),
  decline: actionWith('decline', 'Decline an offer (influencer); the hold is released', ZOptionalReasonRequest),
  withdraw: actionWith('withdraw', 'Withdraw an offer (brand); the hold is released', ZOptionalReasonRequest),
  counter: actionWith('counter', 'Propose other terms (influencer)', ZCounterOfferRequest),
  acceptCounter: action('counter/accept', 'Accept the counter-offer (brand); a new hold for the new price'),
  rejectCounter: actionWith('counter/reject', 'Reject the counter-offer (brand); the original terms stand', ZOptionalReasonRequest),
  submit: actionWith('submissions', 'Deliver: the post URL and notes (influencer)', ZSubmissionRequest),
  approve: action('approve', 'Approve the delivery (brand); the payout is released'),
  requestRevision: actionWith('request-revision', 'Ask for changes (brand), within the revision limit', ZRevisionRequest),
  cancel: actionWith('cancel', 'Ask to cancel (either side); or cancel at once when the work is overdue (brand)', ZReasonRequest),
  acceptCancel: action('cancel/accept', 'Agree to the other side’s cancellation; the brand is refunded'),
  rejectCancel: actionWith('cancel/reject', 'Refuse the other side’s cancellation', ZOptionalReasonRequest),
  openDispute: actionWith('disputes', 'Open a dispute (either side); timers pause until an admin decides', ZOpenDisputeRequest),
  disputeStatement: actionWith('disputes/statement', 'Answer a dispute the other side opened', ZDisputeStatementRequest),
  message: defineContract({
    method: 'post',
    path: '/api/offers/:id/messages',
    summary: 'Write in the offer’s message thread',
    tags,
    params: ZIdParams,
    body: ZMessageRequest,
    response: ZOfferMessage,
    status: 201,
  }),
};

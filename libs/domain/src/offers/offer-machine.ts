/**
 * The offer state machine of SPEC §6, kept as data: every transition is one row saying from which
 * states, by whom, under which guards, to which state and with which effects. The API service
 * interprets the effects (money movements, ledger postings, timers); this file only decides.
 */

export const OFFER_STATUSES = [
  'pending_payment',
  'sent',
  'countered',
  'in_progress',
  'submitted',
  'revision_requested',
  'approved',
  'released',
  'completed',
  'cancellation_requested',
  'disputed',
  'declined',
  'withdrawn',
  'expired',
  'payment_failed',
  'refunded',
  'split_settled',
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** No action leaves these. (`released` is not final: it completes after the clawback window.) */
export const TERMINAL_OFFER_STATUSES = [
  'completed',
  'declined',
  'withdrawn',
  'expired',
  'payment_failed',
  'refunded',
  'split_settled',
] as const satisfies readonly OfferStatus[];

export function isTerminal(status: OfferStatus): boolean {
  return (TERMINAL_OFFER_STATUSES as readonly OfferStatus[]).includes(status);
}

export const OFFER_ACTORS = ['brand', 'influencer', 'admin', 'system'] as const;
export type OfferActor = (typeof OFFER_ACTORS)[number];

export const OFFER_ACTIONS = [
  'hold_placed',
  'hold_placed_agreed',
  'hold_failed',
  'withdraw',
  'counter',
  'accept_counter',
  'reject_counter',
  'accept',
  'decline',
  'expire',
  'capture_failed',
  'submit',
  'request_revision',
  'approve',
  'auto_approve',
  'release',
  'complete',
  'request_cancel',
  'accept_cancel',
  'reject_cancel',
  'cancel_timeout',
  'cancel_overdue',
  'mark_overdue',
  'open_dispute',
  'resolve_refund',
  'resolve_release',
  'resolve_split',
] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];

/**
 * What a transition does besides changing the status. The service turns each into database work:
 * - `place_hold`: create the card hold for the current price (a `hold` money movement).
 * - `void_hold`: cancel the uncaptured hold (`void` movement); nothing is charged.
 * - `capture_hold`: capture the hold (`capture` movement); funds held once it succeeds.
 * - `record_counter` / `discard_counter`: keep the influencer's proposed terms / drop them.
 * - `apply_counter`: the influencer's proposed terms become the offer's terms.
 * - `settle_release`: ledger escrow → platform fee + influencer payable; a `transfer` movement.
 * - `settle_refund`: ledger escrow → brand refundable; a `refund` movement for everything held.
 * - `settle_split`: both of the above for the amounts the admin chose.
 * - `start_accept_window`, `start_review_window`, `start_resubmission_window`,
 *   `start_cancellation_window`, `start_clawback_window`: set the deadline the worker acts on.
 * - `count_revision`: one more revision round used.
 * - `note_overdue`: the work is past its due date (once per due date; both sides are told).
 * - `pause_timers`: clear every deadline while a dispute is open.
 * - `close_dispute`: the open dispute gets its resolution.
 */
export const OFFER_EFFECTS = [
  'place_hold',
  'void_hold',
  'capture_hold',
  'record_counter',
  'discard_counter',
  'apply_counter',
  'settle_release',
  'settle_refund',
  'settle_split',
  'start_accept_window',
  'start_review_window',
  'start_resubmission_window',
  'start_cancellation_window',
  'start_clawback_window',
  'count_revision',
  'note_overdue',
  'pause_timers',
  'close_dispute',
] as const;
export type OfferEffect = (typeof OFFER_EFFECTS)[number];

/**
 * Named conditions a transition may require, evaluated on the offer's facts at the moment of the
 * action (see {@link OfferFacts}).
 */
export const OFFER_GUARDS = [
  'before_accept_deadline',
  'payout_account_ready',
  'revisions_left',
  'terms_agreed',
  'terms_not_agreed',
  'requested_by_other_side',
  'past_due',
  'counter_pending',
] as const;
export type OfferGuard = (typeof OFFER_GUARDS)[number];

/** `to: 'previous'` returns to the status the offer had before the cancellation request. */
export interface OfferTransition {
  action: OfferAction;
  from: readonly OfferStatus[];
  actors: readonly OfferActor[];
  to: OfferStatus | 'previous';
  guards: readonly OfferGuard[];
  effects: readonly OfferEffect[];
}

const ACTIVE_WORK = ['in_progress', 'revision_requested'] as const satisfies readonly OfferStatus[];
const DISPUTABLE = ['in_progress', 'submitted', 'revision_requested', 'cancellation_requested'] as const satisfies readonly OfferStatus[];

export const OFFER_TRANSITIONS: readonly OfferTransition[] = [
  // The hold: placed at once (simulated) or when the brand's card is confirmed (Stripe).
  { action: 'hold_placed', from: ['pending_payment'], actors: ['system'], to: 'sent', guards: ['terms_not_agreed'], effects: ['start_accept_window'] },
  // After the brand accepted a counter the deal is agreed: the new hold is captured straight away.
  { action: 'hold_placed_agreed', from: ['pending_payment'], actors: ['system'], to: 'in_progress', guards: ['terms_agreed'], effects: ['capture_hold'] },
  { action: 'hold_failed', from: ['pending_payment'], actors: ['system'], to: 'payment_failed', guards: [], effects: [] },
  { action: 'withdraw', from: ['pending_payment', 'sent', 'countered'], actors: ['brand'], to: 'withdrawn', guards: [], effects: ['void_hold', 'discard_counter'] },

  // Negotiation.
  { action: 'counter', from: ['sent'], actors: ['influencer'], to: 'countered', guards: ['before_accept_deadline'], effects: ['record_counter'] },
  { action: 'accept_counter', from: ['countered'], actors: ['brand'], to: 'pending_payment', guards: ['counter_pending'], effects: ['void_hold', 'apply_counter', 'place_hold'] },
  { action: 'reject_counter', from: ['countered'], actors: ['brand'], to: 'sent', guards: ['counter_pending'], effects: ['discard_counter'] },
  { action: 'accept', from: ['sent'], actors: ['influencer'], to: 'in_progress', guards: ['before_accept_deadline', 'payout_account_ready'], effects: ['capture_hold'] },
  { action: 'decline', from: ['sent'], actors: ['influencer'], to: 'declined', guards: [], effects: ['void_hold'] },
  { action: 'expire', from: ['sent', 'countered'], actors: ['system'], to: 'expired', guards: [], effects: ['void_hold', 'discard_counter'] },
  // The card authorisation could not be captured (lapsed or refused): nothing was charged.
  { action: 'capture_failed', from: ['in_progress'], actors: ['system'], to: 'payment_failed', guards: [], effects: [] },

  // Delivery and review.
  { action: 'submit', from: ACTIVE_WORK, actors: ['influencer'], to: 'submitted', guards: [], effects: ['start_review_window'] },
  { action: 'request_revision', from: ['submitted'], actors: ['brand'], to: 'revision_requested', guards: ['revisions_left'], effects: ['count_revision', 'start_resubmission_window'] },
  { action: 'approve', from: ['submitted'], actors: ['brand'], to: 'approved', guards: [], effects: ['settle_release'] },
  { action: 'auto_approve', from: ['submitted'], actors: ['system'], to: 'approved', guards: [], effects: ['settle_release'] },
  { action: 'release', from: ['approved'], actors: ['system'], to: 'released', guards: [], effects: ['start_clawback_window'] },
  { action: 'complete', from: ['released'], actors: ['system'], to: 'completed', guards: [], effects: [] },

  // Cancellation: one side asks, the other agrees or refuses; silence refunds.
  { action: 'request_cancel', from: ACTIVE_WORK, actors: ['brand', 'influencer'], to: 'cancellation_requested', guards: [], effects: ['start_cancellation_window'] },
  { action: 'accept_cancel', from: ['cancellation_requested'], actors: ['brand', 'influencer'], to: 'refunded', guards: ['requested_by_other_side'], effects: ['settle_refund'] },
  { action: 'reject_cancel', from: ['cancellation_requested'], actors: ['brand', 'influencer'], to: 'previous', guards: ['requested_by_other_side'], effects: [] },
  { action: 'cancel_timeout', from: ['cancellation_requested'], actors: ['system'], to: 'refunded', guards: [], effects: ['settle_refund'] },
  // The influencer missed the due date: the brand may cancel without waiting for an answer.
  { action: 'cancel_overdue', from: ACTIVE_WORK, actors: ['brand'], to: 'refunded', guards: ['past_due'], effects: ['settle_refund'] },
  // The worker notes a missed due date (first delivery or resubmission) on the timeline; the state stays.
  { action: 'mark_overdue', from: ['in_progress'], actors: ['system'], to: 'in_progress', guards: ['past_due'], effects: ['note_overdue'] },
  { action: 'mark_overdue', from: ['revision_requested'], actors: ['system'], to: 'revision_requested', guards: ['past_due'], effects: ['note_overdue'] },

  // Disputes: timers stop; an admin decides where the money goes.
  { action: 'open_dispute', from: DISPUTABLE, actors: ['brand', 'influencer'], to: 'disputed', guards: [], effects: ['pause_timers'] },
  { action: 'resolve_refund', from: ['disputed'], actors: ['admin'], to: 'refunded', guards: [], effects: ['settle_refund', 'close_dispute'] },
  { action: 'resolve_release', from: ['disputed'], actors: ['admin'], to: 'approved', guards: [], effects: ['settle_release', 'close_dispute'] },
  { action: 'resolve_split', from: ['disputed'], actors: ['admin'], to: 'split_settled', guards: [], effects: ['settle_split', 'close_dispute'] },
];

/** The facts guards look at. Times are compared with `now`, which the caller supplies (injectable clock). */
export interface OfferFacts {
  status: OfferStatus;
  now: Date;
  acceptDeadline: Date | null;
  dueAt: Date | null;
  revisionsUsed: number;
  revisionLimit: number;
  termsAgreed: boolean;
  counterPending: boolean;
  /** Who asked to cancel, while a cancellation request is open. */
  cancellationRequestedBy: 'brand' | 'influencer' | null;
  /** The influencer can receive payouts (connected account with transfers active). */
  payoutAccountReady: boolean;
  /** The status to return to when a cancellation request is refused. */
  statusBeforeCancellation: OfferStatus | null;
}

function guardHolds(guard: OfferGuard, facts: OfferFacts, actor: OfferActor): boolean {
  switch (guard) {
    case 'before_accept_deadline':
      return facts.acceptDeadline === null || facts.now.getTime() < facts.acceptDeadline.getTime();
    case 'payout_account_ready':
      return facts.payoutAccountReady;
    case 'revisions_left':
      return facts.revisionsUsed < facts.revisionLimit;
    case 'terms_agreed':
      return facts.termsAgreed;
    case 'terms_not_agreed':
      return !facts.termsAgreed;
    case 'requested_by_other_side':
      return facts.cancellationRequestedBy !== null && facts.cancellationRequestedBy !== actor;
    case 'past_due':
      return facts.dueAt !== null && facts.now.getTime() >= facts.dueAt.getTime();
    case 'counter_pending':
      return facts.counterPending;
  }
}

export type OfferDecision =
  | { allowed: true; from: OfferStatus; to: OfferStatus; transition: OfferTransition }
  /** `wrong_state`: not possible from this status; `wrong_actor`: possible, but not for you; a guard: its condition failed. */
  | { allowed: false; refusal: 'unknown_action' | 'wrong_state' | 'wrong_actor' | OfferGuard };

/** Decides an action on an offer. Pure: the same facts give the same answer. */
export function decideOfferAction(facts: OfferFacts, action: OfferAction, actor: OfferActor): OfferDecision {
  const transition = OFFER_TRANSITIONS.find((candidate) => candidate.action === action && candidate.from.includes(facts.status));
  if (!transition) {
    return { allowed: false, refusal: OFFER_TRANSITIONS.some((candidate) => candidate.action === action) ? 'wrong_state' : 'unknown_action' };
  }
  if (!transition.actors.includes(actor)) return { allowed: false, refusal: 'wrong_actor' };
  const failed = transition.guards.find((guard) => !guardHolds(guard, facts, actor));
  if (failed) return { allowed: false, refusal: failed };
  const to = transition.to === 'previous' ? facts.statusBeforeCancellation : transition.to;
  if (to === null) return { allowed: false, refusal: 'wrong_state' };
  return { allowed: true, from: facts.status, to, transition };
}

/** Actions this actor could take now (what the UI offers as buttons). */
export function availableOfferActions(facts: OfferFacts, actor: OfferActor): OfferAction[] {
  return OFFER_ACTIONS.filter((action) => decideOfferAction(facts, action, actor).allowed);
}

/** Whose move it is: the side that has to act next, `system` while money or timers are moving, null when finished. */
export function whoseTurn(facts: Pick<OfferFacts, 'status' | 'cancellationRequestedBy'>): OfferActor | null {
  switch (facts.status) {
    case 'pending_payment':
    case 'countered':
    case 'submitted':
      return 'brand';
    case 'sent':
    case 'in_progress':
    case 'revision_requested':
      return 'influencer';
    case 'cancellation_requested':
      return facts.cancellationRequestedBy === 'brand' ? 'influencer' : 'brand';
    case 'disputed':
      return 'admin';
    case 'approved':
    case 'released':
      return 'system';
    case 'completed':
    case 'declined':
    case 'expired':
    case 'payment_failed':
    case 'refunded':
    case 'split_settled':
    case 'withdrawn':
      return null;
  }
}

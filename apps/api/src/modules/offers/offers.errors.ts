import type { OfferDecision } from '@reachbridge/domain';
import { defineErrors, type AppError } from '../../http/app-error.js';

export const offersErrors = defineErrors({
  OFFER_NOT_FOUND: { status: 404, message: 'There is no such offer.' },
  OFFER_INFLUENCER_UNAVAILABLE: { status: 422, message: 'This influencer cannot receive offers right now (the profile is not approved or the account is not active).' },
  OFFER_INVALID_TRANSITION: { status: 409, message: 'This cannot be done to the offer in its current state.' },
  OFFER_ACTION_FORBIDDEN: { status: 403, message: 'This is for the other side of the offer to do.' },
  OFFER_ACCEPT_DEADLINE_PASSED: { status: 409, message: 'The time to accept this offer has passed.' },
  OFFER_REVISION_LIMIT_REACHED: { status: 409, message: 'All revision rounds of this offer are used.' },
  OFFER_NOT_OVERDUE: { status: 409, message: 'The work is not overdue yet; ask the influencer to agree to cancel instead.' },
  OFFER_CHANGED_CONCURRENTLY: { status: 409, message: 'The offer changed while you were acting on it. Reload and try again.' },
  OFFER_FUNDS_NOT_HELD: { status: 409, message: 'The payment for this offer is not held yet. Try again in a moment.' },
  PAYOUT_ACCOUNT_NOT_READY: { status: 409, message: 'Connect a payout account before accepting offers.' },
  DISPUTE_NOT_FOUND: { status: 404, message: 'There is no such dispute.' },
  DISPUTE_ALREADY_RESOLVED: { status: 409, message: 'This dispute has already been resolved.' },
  DISPUTE_INVALID_SPLIT: { status: 400, message: 'The refund must be a whole number of minor units between zero and the held amount.' },
});

/** The API's answer to a refused action: the state machine's reason, as a stable error code. */
export function refusalError(decision: Extract<OfferDecision, { allowed: false }>): AppError {
  switch (decision.refusal) {
    case 'wrong_actor':
    case 'requested_by_other_side':
      return offersErrors.OFFER_ACTION_FORBIDDEN();
    case 'before_accept_deadline':
      return offersErrors.OFFER_ACCEPT_DEADLINE_PASSED();
    case 'payout_account_ready':
      return offersErrors.PAYOUT_ACCOUNT_NOT_READY();
    case 'revisions_left':
      return offersErrors.OFFER_REVISION_LIMIT_REACHED();
    case 'past_due':
      return offersErrors.OFFER_NOT_OVERDUE();
    case 'wrong_state':
    case 'unknown_action':
    case 'counter_pending':
    case 'terms_agreed':
    case 'terms_not_agreed':
      return offersErrors.OFFER_INVALID_TRANSITION();
  }
}

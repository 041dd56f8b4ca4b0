import { describe, expect, it } from 'vitest';
import {
  OFFER_ACTIONS,
  OFFER_ACTORS,
  OFFER_STATUSES,
  OFFER_TRANSITIONS,
  TERMINAL_OFFER_STATUSES,
  availableOfferActions,
  decideOfferAction,
  whoseTurn,
  type OfferAction,
  type OfferActor,
  type OfferFacts,
  type OfferStatus,
} from './offer-machine.js';

const NOW = new Date('2026-12-01T12:00:00Z');

/** Facts under which every guard holds for `actor` (the happy case), from a given status. */
function permissive(status: OfferStatus, actor: OfferActor, action: OfferAction): OfferFacts {
  return {
    status,
    now: NOW,
    acceptDeadline: new Date(NOW.getTime() + 3_600_000),
    dueAt: new Date(NOW.getTime() - 1),
    revisionsUsed: 0,
    revisionLimit: 2,
    termsAgreed: action === 'hold_placed_agreed',
    counterPending: true,
    cancellationRequestedBy: actor === 'brand' ? 'influencer' : 'brand',
    payoutAccountReady: true,
    statusBeforeCancellation: 'in_progress',
  };
}

/**
 * SPEC §6 written out independently of the implementation's table: `status action actor → target`.
 * The exhaustive test below checks every other combination is refused.
 */
const SPEC_TABLE = `
pending_payment hold_placed system → sent
pending_payment hold_placed_agreed system → in_progress
pending_payment hold_failed system → payment_failed
pending_payment withdraw brand → withdrawn
sent withdraw brand → withdrawn
countered withdraw brand → withdrawn
sent counter influencer → countered
countered accept_counter brand → pending_payment
countered reject_counter brand → sent
sent accept influencer → in_progress
sent decline influencer → declined
sent expire system → expired
countered expire system → expired
in_progress capture_failed system → payment_failed
in_progress submit influencer → submitted
revision_requested submit influencer → submitted
submitted request_revision brand → revision_requested
submitted approve brand → approved
submitted auto_approve system → approved
approved release system → released
released complete system → completed
in_progress request_cancel brand → cancellation_requested
in_progress request_cancel influencer → cancellation_requested
revision_requested request_cancel brand → cancellation_requested
revision_requested request_cancel influencer → cancellation_requested
cancellation_requested accept_cancel brand → refunded
cancellation_requested accept_cancel influencer → refunded
cancellation_requested reject_cancel brand → in_progress
cancellation_requested reject_cancel influencer → in_progress
cancellation_requested cancel_timeout system → refunded
in_progress cancel_overdue brand → refunded
revision_requested cancel_overdue brand → refunded
in_progress mark_overdue system → in_progress
revision_requested mark_overdue system → revision_requested
in_progress open_dispute brand → disputed
in_progress open_dispute influencer → disputed
submitted open_dispute brand → disputed
submitted open_dispute influencer → disputed
revision_requested open_dispute brand → disputed
revision_requested open_dispute influencer → disputed
cancellation_requested open_dispute brand → disputed
cancellation_requested open_dispute influencer → disputed
disputed resolve_refund admin → refunded
disputed resolve_release admin → approved
disputed resolve_split admin → split_settled
`;

const expected = new Map<string, string>(
  SPEC_TABLE.trim()
    .split('\n')
    .map((line) => {
      const [status, action, actor, , to] = line.split(' ');
      return [`${status} ${action} ${actor}`, to!];
    }),
);

describe('offer state machine', () => {
  it('allows exactly the transitions of SPEC §6, to the right target, for every status × action × actor', () => {
    let checked = 0;
    for (const status of OFFER_STATUSES) {
      for (const action of OFFER_ACTIONS) {
        for (const actor of OFFER_ACTORS) {
          const decision = decideOfferAction(permissive(status, actor, action), action, actor);
          const want = expected.get(`${status} ${action} ${actor}`);
          if (want) {
            expect(decision, `${status} ${action} ${actor}`).toMatchObject({ allowed: true, from: status, to: want });
          } else {
            expect(decision.allowed, `${status} ${action} ${actor} must be refused`).toBe(false);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBe(OFFER_STATUSES.length * OFFER_ACTIONS.length * OFFER_ACTORS.length);
  });

  it('explains a refusal: wrong state, wrong actor, or the failed guard', () => {
    const facts = permissive('sent', 'influencer', 'accept');
    expect(decideOfferAction({ ...facts, status: 'completed' }, 'accept', 'influencer')).toEqual({ allowed: false, refusal: 'wrong_state' });
    expect(decideOfferAction(facts, 'accept', 'brand')).toEqual({ allowed: false, refusal: 'wrong_actor' });
    expect(decideOfferAction({ ...facts, acceptDeadline: NOW }, 'accept', 'influencer')).toEqual({ allowed: false, refusal: 'before_accept_deadline' });
    expect(decideOfferAction({ ...facts, payoutAccountReady: false }, 'accept', 'influencer')).toEqual({ allowed: false, refusal: 'payout_account_ready' });
  });

  it('counts revision rounds against the limit', () => {
    const facts = { ...permissive('submitted', 'brand', 'request_revision'), revisionLimit: 2 };
    expect(decideOfferAction({ ...facts, revisionsUsed: 1 }, 'request_revision', 'brand').allowed).toBe(true);
    expect(decideOfferAction({ ...facts, revisionsUsed: 2 }, 'request_revision', 'brand')).toEqual({ allowed: false, refusal: 'revisions_left' });
    expect(decideOfferAction({ ...facts, revisionLimit: 0 }, 'request_revision', 'brand')).toEqual({ allowed: false, refusal: 'revisions_left' });
  });

  it('lets only the other side answer a cancellation request, and a refusal returns to where the offer was', () => {
    const facts = { ...permissive('cancellation_requested', 'brand', 'accept_cancel'), cancellationRequestedBy: 'brand' as const };
    expect(decideOfferAction(facts, 'accept_cancel', 'brand')).toEqual({ allowed: false, refusal: 'requested_by_other_side' });
    expect(decideOfferAction(facts, 'accept_cancel', 'influencer')).toMatchObject({ allowed: true, to: 'refunded' });
    expect(decideOfferAction({ ...facts, statusBeforeCancellation: 'revision_requested' }, 'reject_cancel', 'influencer')).toMatchObject({
      allowed: true,
      to: 'revision_requested',
    });
  });

  it('lets the brand cancel alone only once the work is overdue', () => {
    const facts = permissive('in_progress', 'brand', 'cancel_overdue');
    expect(decideOfferAction({ ...facts, dueAt: new Date(NOW.getTime() + 1) }, 'cancel_overdue', 'brand')).toEqual({ allowed: false, refusal: 'past_due' });
    expect(decideOfferAction({ ...facts, dueAt: null }, 'cancel_overdue', 'brand')).toEqual({ allowed: false, refusal: 'past_due' });
    expect(decideOfferAction(facts, 'cancel_overdue', 'brand')).toMatchObject({ allowed: true });
  });

  it('leaves no way out of a terminal status', () => {
    for (const status of TERMINAL_OFFER_STATUSES) {
      for (const actor of OFFER_ACTORS) expect(availableOfferActions(permissive(status, actor, 'approve'), actor)).toEqual([]);
    }
  });

  it('moves money only through the effects that belong to the transition', () => {
    const effectsOf = (action: OfferAction) => OFFER_TRANSITIONS.find((t) => t.action === action)!.effects;
    expect(effectsOf('accept')).toEqual(['capture_hold']);
    expect(effectsOf('decline')).toEqual(['void_hold']);
    expect(effectsOf('approve')).toEqual(['settle_release']);
    expect(effectsOf('auto_approve')).toEqual(['settle_release']);
    expect(effectsOf('accept_counter')).toEqual(['void_hold', 'apply_counter', 'place_hold']);
    expect(effectsOf('open_dispute')).toEqual(['pause_timers']);
    // Every action that can end with money going back or out settles exactly once.
    for (const transition of OFFER_TRANSITIONS) {
      const settles = transition.effects.filter((effect) => effect.startsWith('settle_'));
      expect(settles.length, transition.action).toBeLessThanOrEqual(1);
    }
  });

  it('says whose turn it is', () => {
    expect(whoseTurn({ status: 'sent', cancellationRequestedBy: null })).toBe('influencer');
    expect(whoseTurn({ status: 'submitted', cancellationRequestedBy: null })).toBe('brand');
    expect(whoseTurn({ status: 'cancellation_requested', cancellationRequestedBy: 'brand' })).toBe('influencer');
    expect(whoseTurn({ status: 'cancellation_requested', cancellationRequestedBy: 'influencer' })).toBe('brand');
    expect(whoseTurn({ status: 'disputed', cancellationRequestedBy: null })).toBe('admin');
    for (const status of TERMINAL_OFFER_STATUSES) expect(whoseTurn({ status, cancellationRequestedBy: null })).toBeNull();
  });
});

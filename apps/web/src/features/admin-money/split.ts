import { settle, type Currency, type Settlement } from '@reachbridge/domain';
import type { adminMoneyContracts } from '@reachbridge/contracts';
import type { CallOptions } from '../../lib/api-client';
import { parseMoneyInput } from '../offers/money';

export const OUTCOMES = ['refund', 'release', 'split'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type ResolveBody = CallOptions<typeof adminMoneyContracts.resolveDispute>['body'];

/** Why a split cannot be sent: the admin sees the reason, and the confirm button stays disabled. */
export type SplitProblem =
  /** What was typed is not an amount (a translation token from the money parser). */
  | { kind: 'input'; token: string }
  | { kind: 'required' }
  | { kind: 'overHeld' }
  | { kind: 'nothingRefunded' }
  | { kind: 'everythingRefunded' }
  | { kind: 'nothingHeld' };

export type ResolutionPreview = { ok: true; settlement: Settlement } | { ok: false; problem: SplitProblem };

export interface ResolutionInput {
  outcome: Outcome;
  /** The refund as typed, in major units (only read for a split). */
  refundText: string;
  held: number;
  feeBps: number;
  currency: Currency;
}

/**
 * What the held amount becomes: refund R to the brand, release S = held − R, the fee on S only and
 * the influencer's payout (libs/domain `settle`, the same arithmetic as the ledger). The typed refund
 * is turned into integer minor units exactly; a split that refunds nothing or everything is sent
 * as a release or a refund instead.
 */
export function previewResolution({ outcome, refundText, held, feeBps, currency }: ResolutionInput): ResolutionPreview {
  if (held <= 0) return { ok: false, problem: { kind: 'nothingHeld' } };
  if (outcome === 'refund') return { ok: true, settlement: settle(held, held, feeBps) };
  if (outcome === 'release') return { ok: true, settlement: settle(held, 0, feeBps) };
  const parsed = parseMoneyInput(refundText, currency);
  if (!parsed.ok) return { ok: false, problem: { kind: 'input', token: parsed.error } };
  if (parsed.minor === null) return { ok: false, problem: { kind: 'required' } };
  if (parsed.minor > held) return { ok: false, problem: { kind: 'overHeld' } };
  if (parsed.minor === 0) return { ok: false, problem: { kind: 'nothingRefunded' } };
  if (parsed.minor === held) return { ok: false, problem: { kind: 'everythingRefunded' } };
  return { ok: true, settlement: settle(held, parsed.minor, feeBps) };
}

/** The request body: integer minor units, and the refund only for a split. */
export function resolveBody(outcome: Outcome, settlement: Settlement, note: string): ResolveBody {
  const trimmed = note.trim();
  return {
    outcome,
    ...(outcome === 'split' ? { refundAmount: settlement.refund } : {}),
    ...(trimmed ? { note: trimmed } : {}),
  };
}

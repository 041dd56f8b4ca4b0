/**
 * Fee and settlement arithmetic (SPEC §6 Money): integers in minor units only.
 * `fee(S) = floor(S × fee_bps / 10000)`; the influencer gets `S − fee(S)`; a refund returns the
 * whole refunded amount to the brand. BigInt keeps `S × fee_bps` exact even near the largest amount.
 */

export const MAX_FEE_BPS = 5000;
export const DEFAULT_FEE_BPS = 1500;

export function feeFor(amount: number, feeBps: number): number {
  assertMinor(amount, 'amount');
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps > 10_000) throw new RangeError(`fee_bps must be an integer in [0, 10000], got ${feeBps}`);
  return Number((BigInt(amount) * BigInt(feeBps)) / 10_000n);
}

export interface Settlement {
  /** Back to the brand. */
  refund: number;
  /** Released from the hold: fee + payout. */
  release: number;
  /** Kept by the platform, charged on the released part only. */
  fee: number;
  /** To the influencer. */
  payout: number;
}

/**
 * How a held amount is settled when `refund` of it goes back to the brand and the rest is
 * released. Refuses an impossible split (negative, fractional or more than what is held).
 */
export function settle(held: number, refund: number, feeBps: number): Settlement {
  assertMinor(held, 'held');
  assertMinor(refund, 'refund');
  if (refund > held) throw new RangeError(`refund ${refund} exceeds the held amount ${held}`);
  const release = held - refund;
  const fee = feeFor(release, feeBps);
  return { refund, release, fee, payout: release - fee };
}

function assertMinor(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer in minor units, got ${value}`);
}

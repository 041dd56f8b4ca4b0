/**
 * The chart of accounts (payments-escrow.md §4.2), per currency. `world:*` accounts are the outside
 * world and `platform:*` are aggregates: they may go negative. Money held for someone — an offer's
 * escrow, an influencer's payable, a brand's refund on its way — never can (a database CHECK).
 */
export const LedgerAccounts = {
  cardPayments: 'world:card_payments',
  refunds: 'world:refunds',
  connectTransfers: 'world:connect_transfers',
  platformFees: 'platform:fees',
  /** Funds held for one offer ("payment protection"; never "escrow" in the UI). */
  escrow: (offerId: string) => `escrow:offer:${offerId}`,
  /** Approved, not yet transferred to the influencer. */
  influencerPayable: (userId: string) => `influencer:${userId}:payable`,
  /** Decided to go back to the brand, not yet refunded by the provider. */
  brandRefundable: (userId: string) => `brand:${userId}:refundable`,
} as const;

export function mayGoNegative(code: string): boolean {
  return code.startsWith('world:') || code.startsWith('platform:');
}

/** One movement of value: `amount` leaves `from` and arrives in `to`. */
export interface Posting {
  from: string;
  to: string;
  amount: number;
  currency: string;
}

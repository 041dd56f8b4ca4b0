import type { TBalance } from '@reachbridge/contracts';
import type { Currency } from '@reachbridge/domain';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../http/actor.js';
import { LedgerAccounts } from '../ledger/index.js';

type Field = Exclude<keyof TBalance, 'currency'>;

/**
 * What a brand or an influencer has where, per currency, read from the ledger (the source of
 * truth) and the money movements: held for offers in progress, approved and payable, paid out,
 * refunded, and (brands) spent.
 */
export async function balancesOf(dataSource: DataSource, actor: Actor): Promise<TBalance[]> {
  const side = actor.role === 'brand' ? 'brand_id' : 'influencer_user_id';
  const rows = await dataSource.query<{ field: Field; currency: string; total: string }[]>(
    `
    -- funds held for this user's offers
    SELECT 'held' AS field, a.currency, sum(a.balance) AS total
      FROM offers o JOIN ledger_accounts a ON a.code = 'escrow:offer:' || o.id
      WHERE o.${side} = $1 GROUP BY a.currency
    UNION ALL
    -- approved for the influencer, not yet transferred
    SELECT 'payable', currency, balance FROM ledger_accounts WHERE code = $2
    UNION ALL
    SELECT 'paidOut', m.currency, sum(m.amount) FROM money_movements m JOIN offers o ON o.id = m.offer_id
      WHERE o.${side} = $1 AND m.kind = 'transfer' AND m.status = 'succeeded' AND $4 GROUP BY m.currency
    UNION ALL
    -- decided refunds (on their way or done)
    SELECT 'refunded', a.currency, sum(e.amount) FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
      JOIN ledger_transactions t ON t.id = e.transaction_id JOIN offers o ON o.id = t.offer_id
      WHERE o.${side} = $1 AND a.code LIKE 'brand:%:refundable' AND e.amount > 0 GROUP BY a.currency
    UNION ALL
    -- released from holds: the influencer's payout plus the platform fee
    SELECT 'spent', a.currency, sum(e.amount) FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
      JOIN ledger_transactions t ON t.id = e.transaction_id JOIN offers o ON o.id = t.offer_id
      WHERE o.${side} = $1 AND NOT $4 AND t.idempotency_key = 'offer:' || o.id || ':settle'
        AND (a.code = $3 OR a.code LIKE 'influencer:%:payable') AND e.amount > 0 GROUP BY a.currency`,
    [actor.id, LedgerAccounts.influencerPayable(actor.id), LedgerAccounts.platformFees, actor.role === 'influencer'],
  );
  const byCurrency = new Map<string, TBalance>();
  for (const row of rows) {
    const currency = row.currency.trim() as Currency;
    const balance = byCurrency.get(currency) ?? { currency, held: 0, payable: 0, paidOut: 0, refunded: 0, spent: 0 };
    balance[row.field] += Number(row.total);
    byCurrency.set(currency, balance);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

import type { z } from 'zod';
import type { ZDashboard } from '@reachbridge/contracts';
import type { Currency, OfferStatus } from '@reachbridge/domain';
import type { DataSource } from 'typeorm';
import { LedgerAccounts } from '../ledger/index.js';

type Dashboard = z.infer<typeof ZDashboard>;

/** The admin's overview (SPEC §7). Money figures are read from the ledger, the source of truth. */
export async function buildDashboard(dataSource: DataSource): Promise<Dashboard> {
  const [byStatus, money, disputes, review, movements] = await Promise.all([
    dataSource.query<{ status: OfferStatus; count: number }[]>(`SELECT status, count(*)::int AS count FROM offers GROUP BY status ORDER BY status`),
    dataSource.query<{ currency: string; held: string; released: string; refunded: string; fees: string; payable: string }[]>(
      `SELECT a.currency,
         coalesce(sum(a.balance) FILTER (WHERE a.code LIKE 'escrow:offer:%'), 0) AS held,
         coalesce((SELECT sum(e.amount) FROM ledger_entries e JOIN ledger_accounts x ON x.id = e.account_id JOIN ledger_transactions t ON t.id = e.transaction_id
                   WHERE x.currency = a.currency AND t.idempotency_key LIKE '%:settle' AND e.amount > 0
                     AND (x.code = $1 OR x.code LIKE 'influencer:%:payable')), 0) AS released,
         coalesce((SELECT sum(e.amount) FROM ledger_entries e JOIN ledger_accounts x ON x.id = e.account_id
                   WHERE x.currency = a.currency AND x.code LIKE 'brand:%:refundable' AND e.amount > 0), 0) AS refunded,
         coalesce(sum(a.balance) FILTER (WHERE a.code = $1), 0) AS fees,
         coalesce(sum(a.balance) FILTER (WHERE a.code LIKE 'influencer:%:payable'), 0) AS payable
       FROM ledger_accounts a GROUP BY a.currency ORDER BY a.currency`,
      [LedgerAccounts.platformFees],
    ),
    dataSource.query<[{ open: number; oldest: Date | null }]>(`SELECT count(*)::int AS open, min(created_at) AS oldest FROM offer_disputes WHERE status = 'open'`),
    dataSource.query<[{ waiting: number; oldest: Date | null }]>(
      `SELECT count(DISTINCT u.id)::int AS waiting, min(coalesce(p.submitted_at, u.created_at)) AS oldest
       FROM users u LEFT JOIN influencer_profiles p ON p.user_id = u.id
       WHERE u.role <> 'admin' AND (u.status = 'pending_review' OR p.review_status = 'submitted')`,
    ),
    dataSource.query<{ status: string; count: number }[]>(`SELECT status, count(*)::int AS count FROM money_movements WHERE status <> 'succeeded' GROUP BY status`),
  ]);
  const movementCount = (...statuses: string[]) => movements.filter((m) => statuses.includes(m.status)).reduce((sum, m) => sum + m.count, 0);
  return {
    offersByStatus: byStatus,
    money: money.map((m) => ({
      currency: m.currency.trim() as Currency,
      held: Number(m.held),
      released: Number(m.released),
      refunded: Number(m.refunded),
      feesEarned: Number(m.fees),
      payableOutstanding: Number(m.payable),
    })),
    disputes: { open: disputes[0].open, oldestOpenedAt: disputes[0].oldest?.toISOString() ?? null },
    queues: {
      review: { waiting: review[0].waiting, oldestSince: review[0].oldest?.toISOString() ?? null },
      movements: { pending: movementCount('pending', 'in_flight'), blocked: movementCount('blocked'), failed: movementCount('failed') },
    },
  };
}

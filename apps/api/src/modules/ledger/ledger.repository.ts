import type { EntityManager } from 'typeorm';
import { mayGoNegative, type Posting } from './ledger-accounts.js';

export interface LedgerTransactionInput {
  /** Unique per business operation, e.g. `offer:<id>:approve`: posting it twice is a no-op. */
  idempotencyKey: string;
  offerId: string | null;
  kind: string;
  providerRef?: string | null;
  postings: Posting[];
}

export interface LedgerTransactionRow {
  idempotencyKey: string;
  kind: string;
  providerRef: string | null;
  createdAt: Date;
  postings: { account: string; amount: number; currency: string }[];
}

/**
 * Double-entry postings in PostgreSQL. Must run inside the caller's transaction (it takes row
 * locks on the accounts). Guarantees, each enforced by the database as well as here:
 * - one transaction per idempotency key (a repeat returns `duplicate` and changes nothing);
 * - entries of a transaction sum to zero per currency (deferred constraint trigger);
 * - an account that may not go negative makes the whole transaction fail (CHECK → 23514).
 */
export class LedgerRepository {
  async post(manager: EntityManager, input: LedgerTransactionInput): Promise<'posted' | 'duplicate'> {
    const postings = input.postings.filter((posting) => posting.amount !== 0);
    for (const posting of postings) {
      if (!Number.isSafeInteger(posting.amount) || posting.amount < 0) throw new RangeError(`posting amount must be a non-negative integer: ${posting.amount}`);
    }
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO ledger_transactions (idempotency_key, offer_id, kind, provider_ref) VALUES ($1, $2, $3, $4)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [input.idempotencyKey, input.offerId, input.kind, input.providerRef ?? null],
    );
    const transactionId = inserted[0]?.id;
    if (!transactionId) return 'duplicate';
    if (postings.length === 0) return 'posted';

    // Net change per account, then lock the accounts in id order (deadlock-free, as pgledger does).
    const deltas = new Map<string, { code: string; currency: string; delta: number }>();
    const add = (code: string, currency: string, delta: number) => {
      const key = `${code}\u0000${currency}`;
      const entry = deltas.get(key) ?? { code, currency, delta: 0 };
      entry.delta += delta;
      deltas.set(key, entry);
    };
    for (const posting of postings) {
      add(posting.from, posting.currency, -posting.amount);
      add(posting.to, posting.currency, posting.amount);
    }
    const changes = [...deltas.values()].filter((change) => change.delta !== 0);
    await manager.query(
      `INSERT INTO ledger_accounts (code, currency, allow_negative)
       SELECT * FROM unnest($1::varchar[], $2::char(3)[], $3::boolean[]) ON CONFLICT (code, currency) DO NOTHING`,
      [changes.map((c) => c.code), changes.map((c) => c.currency), changes.map((c) => mayGoNegative(c.code))],
    );
    const accounts = await manager.query<{ id: string; code: string; currency: string }[]>(
      `SELECT id, code, currency FROM ledger_accounts
       WHERE (code, currency) IN (SELECT * FROM unnest($1::varchar[], $2::char(3)[])) ORDER BY id FOR UPDATE`,
      [changes.map((c) => c.code), changes.map((c) => c.currency)],
    );
    for (const account of accounts) {
      const change = deltas.get(`${account.code}\u0000${account.currency.trim()}`);
      if (!change || change.delta === 0) continue;
      const [updated] = await manager.query<[{ balance: string }[], number]>(
        `UPDATE ledger_accounts SET balance = balance + $2 WHERE id = $1 RETURNING balance`,
        [account.id, change.delta],
      );
      await manager.query(`INSERT INTO ledger_entries (transaction_id, account_id, amount, balance_after) VALUES ($1, $2, $3, $4)`, [
        transactionId,
        account.id,
        change.delta,
        updated[0]!.balance,
      ]);
    }
    return 'posted';
  }

  async balance(manager: EntityManager, code: string, currency: string): Promise<number> {
    const rows = await manager.query<{ balance: string }[]>(`SELECT balance FROM ledger_accounts WHERE code = $1 AND currency = $2`, [code, currency]);
    return rows[0] ? Number(rows[0].balance) : 0;
  }

  /** Balances of accounts whose code matches a LIKE pattern, summed per currency. */
  async sumByPattern(manager: EntityManager, pattern: string): Promise<Map<string, number>> {
    const rows = await manager.query<{ currency: string; total: string }[]>(
      `SELECT currency, sum(balance)::bigint AS total FROM ledger_accounts WHERE code LIKE $1 GROUP BY currency`,
      [pattern],
    );
    return new Map(rows.map((row) => [row.currency.trim(), Number(row.total)]));
  }

  /** An offer's transactions with their entries, oldest first. */
  async transactionsOf(manager: EntityManager, offerId: string): Promise<LedgerTransactionRow[]> {
    const rows = await manager.query<
      { idempotency_key: string; kind: string; provider_ref: string | null; created_at: Date; code: string | null; amount: string | null; currency: string | null }[]
    >(
      `SELECT t.idempotency_key, t.kind, t.provider_ref, t.created_at, a.code, e.amount, a.currency
       FROM ledger_transactions t
       LEFT JOIN ledger_entries e ON e.transaction_id = t.id
       LEFT JOIN ledger_accounts a ON a.id = e.account_id
       WHERE t.offer_id = $1 ORDER BY t.id, e.id`,
      [offerId],
    );
    const byKey = new Map<string, LedgerTransactionRow>();
    for (const row of rows) {
      const transaction = byKey.get(row.idempotency_key) ?? {
        idempotencyKey: row.idempotency_key,
        kind: row.kind,
        providerRef: row.provider_ref,
        createdAt: row.created_at,
        postings: [],
      };
      if (row.code !== null && row.amount !== null && row.currency !== null) {
        transaction.postings.push({ account: row.code, amount: Number(row.amount), currency: row.currency.trim() });
      }
      byKey.set(row.idempotency_key, transaction);
    }
    return [...byKey.values()];
  }

  /** What this offer's own transactions moved in and out of each account (not the shared accounts' totals). */
  async balancesOf(manager: EntityManager, offerId: string): Promise<{ account: string; currency: string; balance: number }[]> {
    const rows = await manager.query<{ code: string; currency: string; balance: string }[]>(
      `SELECT a.code, a.currency, sum(e.amount) AS balance FROM ledger_entries e
       JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transactions t ON t.id = e.transaction_id
       WHERE t.offer_id = $1 GROUP BY a.code, a.currency ORDER BY a.code`,
      [offerId],
    );
    return rows.map((row) => ({ account: row.code, currency: row.currency.trim(), balance: Number(row.balance) }));
  }

  /** Invariant checks for tests, reconciliation and the benchmark. */
  async invariantViolations(manager: EntityManager): Promise<string[]> {
    const problems: string[] = [];
    const unbalanced = await manager.query<{ idempotency_key: string }[]>(
      `SELECT t.idempotency_key FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
       JOIN ledger_accounts a ON a.id = e.account_id GROUP BY t.idempotency_key, a.currency HAVING sum(e.amount) <> 0`,
    );
    for (const row of unbalanced) problems.push(`transaction ${row.idempotency_key} does not balance`);
    const drift = await manager.query<{ code: string }[]>(
      `SELECT a.code FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
       GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`,
    );
    for (const row of drift) problems.push(`account ${row.code} balance differs from its entries`);
    const openEscrow = await manager.query<{ code: string; balance: string }[]>(
      `SELECT a.code, a.balance FROM ledger_accounts a JOIN offers o ON a.code = 'escrow:offer:' || o.id
       WHERE a.balance <> 0 AND o.status IN ('completed', 'released', 'approved', 'declined', 'withdrawn', 'expired', 'payment_failed', 'refunded', 'split_settled')`,
    );
    for (const row of openEscrow) problems.push(`finished offer's ${row.code} still holds ${row.balance}`);
    return problems;
  }
}

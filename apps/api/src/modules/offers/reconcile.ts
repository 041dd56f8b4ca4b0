import type { DataSource } from 'typeorm';
import { LedgerRepository } from '../ledger/index.js';
import type { PaymentProvider } from '../payments/index.js';

export interface ReconciliationReport {
  offersChecked: number;
  differences: string[];
}

/**
 * Compares our books with the provider's (payments-escrow.md §4.4, layer 5): for each offer that
 * touched money, the transfers and refunds the provider has must be exactly the movements we
 * recorded as succeeded, with the same amounts, and a funded offer's payment must be captured for
 * its amount. Also checks the ledger's own invariants. Reports; never repairs.
 */
export async function reconcile(dataSource: DataSource, provider: PaymentProvider): Promise<ReconciliationReport> {
  const differences = await new LedgerRepository().invariantViolations(dataSource.manager);
  const offers = await dataSource.query<{ id: string; hold_id: string; amount: string; funded: boolean }[]>(
    `SELECT o.id, o.hold_id, o.amount,
       EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.idempotency_key = 'offer:' || o.id || ':fund') AS funded
     FROM offers o WHERE o.hold_id IS NOT NULL AND o.provider = $1 ORDER BY o.created_at`,
    [provider.kind],
  );
  for (const offer of offers) {
    const recorded = await dataSource.query<{ kind: string; provider_ref: string; amount: string }[]>(
      `SELECT kind, provider_ref, amount FROM money_movements WHERE offer_id = $1 AND status = 'succeeded' AND kind IN ('transfer', 'refund')`,
      [offer.id],
    );
    const ours = (kind: string) => new Map(recorded.filter((m) => m.kind === kind).map((m) => [m.provider_ref, Number(m.amount)]));
    const compare = (kind: string, theirs: { id: string; amount: number }[]) => {
      const mine = ours(kind);
      for (const object of theirs) {
        const amount = mine.get(object.id);
        if (amount === undefined) differences.push(`offer ${offer.id}: ${kind} ${object.id} (${object.amount}) at the provider is not in our books`);
        else if (amount !== object.amount) differences.push(`offer ${offer.id}: ${kind} ${object.id} is ${object.amount} at the provider, ${amount} in our books`);
        mine.delete(object.id);
      }
      for (const [ref, amount] of mine) differences.push(`offer ${offer.id}: ${kind} ${ref} (${amount}) is in our books but not at the provider`);
    };
    compare('transfer', await provider.listTransfers(`offer_${offer.id}`));
    compare('refund', (await provider.listRefunds(offer.hold_id)).filter((refund) => refund.status === 'succeeded'));
    if (offer.funded) {
      const hold = await provider.retrieveHold(offer.hold_id);
      if (hold.status !== 'succeeded' || hold.amount !== Number(offer.amount)) {
        differences.push(`offer ${offer.id}: funded in our books, but the provider's payment ${hold.id} is ${hold.status} for ${hold.amount}`);
      }
    }
  }
  return { offersChecked: offers.length, differences };
}

import type { TReputation } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';

const round = (value: number | null, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
type Row = Record<string, number | string | null>;

/**
 * Reputation from what actually happened on offers (SPEC §7), never from self-description:
 * brands by how fast they approve and whether funded offers end paid; influencers by on-time
 * first deliveries and how fast they answer offers.
 */
export class Reputations {
  constructor(private readonly dataSource: DataSource) {}

  async ofBrand(brandId: string): Promise<TReputation> {
    const [row] = await this.dataSource.query<[Row]>(
      `WITH mine AS (SELECT * FROM offers WHERE brand_id = $1)
       SELECT
         (SELECT count(*)::int FROM mine WHERE status NOT IN ('pending_payment', 'sent', 'countered', 'payment_failed')) AS offers,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.created_at - s.created_at) / 3600)
            FROM offer_events a JOIN mine o ON o.id = a.offer_id
            CROSS JOIN LATERAL (SELECT created_at FROM offer_events s WHERE s.offer_id = a.offer_id AND s.action = 'submit' AND s.id < a.id ORDER BY s.id DESC LIMIT 1) s
            WHERE a.action IN ('approve', 'auto_approve')) AS median_approval_hours,
         (SELECT count(*) FILTER (WHERE status IN ('released', 'completed', 'split_settled'))::float
                 / nullif(count(*) FILTER (WHERE status IN ('released', 'completed', 'split_settled', 'refunded')), 0)
            FROM mine WHERE EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.idempotency_key = 'offer:' || mine.id || ':fund')) AS paid_rate,
         (SELECT count(*)::int FROM offer_disputes d JOIN mine o ON o.id = d.offer_id) AS disputes`,
      [brandId],
    );
    return {
      offers: row.offers as number,
      medianApprovalHours: round(row.median_approval_hours as number | null),
      paidRate: round(row.paid_rate as number | null, 3),
      onTimeRate: null,
      medianResponseHours: null,
      disputes: row.disputes as number,
    };
  }

  async ofInfluencer(profileId: string): Promise<TReputation> {
    const [row] = await this.dataSource.query<[Row]>(
      `WITH mine AS (SELECT * FROM offers WHERE influencer_profile_id = $1),
       firsts AS (
         SELECT o.id, min(e.created_at) AS first_submit,
                (SELECT (max(d.due_date) + 1)::timestamp AT TIME ZONE 'UTC' FROM offer_deliverables d WHERE d.offer_id = o.id) AS due
         FROM mine o JOIN offer_events e ON e.offer_id = o.id AND e.action = 'submit' GROUP BY o.id)
       SELECT
         (SELECT count(*)::int FROM mine WHERE status NOT IN ('pending_payment', 'sent', 'countered', 'payment_failed')) AS offers,
         (SELECT count(*) FILTER (WHERE first_submit <= due)::float / nullif(count(*) FILTER (WHERE due IS NOT NULL), 0) FROM firsts) AS on_time_rate,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answer.created_at - sent.created_at) / 3600)
            FROM offer_events sent JOIN mine o ON o.id = sent.offer_id
            CROSS JOIN LATERAL (SELECT created_at FROM offer_events a WHERE a.offer_id = sent.offer_id AND a.action IN ('accept', 'decline', 'counter') AND a.id > sent.id ORDER BY a.id LIMIT 1) answer
            WHERE sent.action = 'hold_placed') AS median_response_hours,
         (SELECT count(*)::int FROM offer_disputes d JOIN mine o ON o.id = d.offer_id) AS disputes`,
      [profileId],
    );
    return {
      offers: row.offers as number,
      medianApprovalHours: null,
      paidRate: null,
      onTimeRate: round(row.on_time_rate as number | null, 3),
      medianResponseHours: round(row.median_response_hours as number | null),
      disputes: row.disputes as number,
    };
  }
}

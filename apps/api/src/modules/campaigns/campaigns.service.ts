import type { TCampaign } from '@reachbridge/contracts';
import type { CampaignGoal, Currency, Niche } from '@reachbridge/domain';
import type { z } from 'zod';
import type { ZCreateCampaignRequest, ZUpdateCampaignRequest } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../http/actor.js';
import { defineErrors, httpErrors } from '../../http/app-error.js';

export const campaignsErrors = defineErrors({
  CAMPAIGN_NOT_FOUND: { status: 404, message: 'There is no such campaign.' },
});

type Raw = Record<string, unknown>;
type CreateInput = z.output<typeof ZCreateCampaignRequest>;
type UpdateInput = z.output<typeof ZUpdateCampaignRequest>;

const SELECT = `
  SELECT c.*, to_char(c.starts_on, 'YYYY-MM-DD') AS starts, to_char(c.ends_on, 'YYYY-MM-DD') AS ends,
    (SELECT count(*)::int FROM offers o WHERE o.campaign_id = c.id) AS offer_count,
    (SELECT coalesce(json_agg(json_build_object('amount', t.total, 'currency', t.currency) ORDER BY t.currency), '[]')
       FROM (SELECT o.currency, sum(o.amount)::bigint AS total FROM offers o
             WHERE o.campaign_id = c.id AND o.status NOT IN ('declined', 'withdrawn', 'expired', 'payment_failed', 'refunded')
             GROUP BY o.currency) t) AS committed
  FROM campaigns c`;

function present(raw: Raw): TCampaign {
  const budgetAmount = raw.budget_amount === null ? null : Number(raw.budget_amount);
  return {
    id: raw.id as string,
    name: raw.name as string,
    brief: raw.brief as string,
    goal: raw.goal as CampaignGoal,
    landingUrl: raw.landing_url as string | null,
    budget: budgetAmount === null ? null : { amount: budgetAmount, currency: (raw.budget_currency as string).trim() as Currency },
    startsOn: raw.starts as string | null,
    endsOn: raw.ends as string | null,
    targetNiches: raw.target_niches as Niche[],
    targetCountries: raw.target_countries as string[],
    archived: raw.archived as boolean,
    offerCount: raw.offer_count as number,
    committed: (raw.committed as { amount: number | string; currency: string }[]).map((m) => ({ amount: Number(m.amount), currency: m.currency.trim() as Currency })),
    createdAt: (raw.created_at as Date).toISOString(),
    updatedAt: (raw.updated_at as Date).toISOString(),
  };
}

/** A brand's campaigns: brief, goal, landing URL (for tracked links), budget, dates, targets. */
export class CampaignsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor): Promise<TCampaign[]> {
    const rows = await this.dataSource.query<Raw[]>(`${SELECT} WHERE c.brand_id = $1 ORDER BY c.archived, c.created_at DESC LIMIT 500`, [actor.id]);
    return rows.map(present);
  }

  async get(actor: Actor, id: string): Promise<TCampaign> {
    const [row] = await this.dataSource.query<Raw[]>(`${SELECT} WHERE c.id = $1 AND c.brand_id = $2`, [id, actor.id]);
    if (!row) throw campaignsErrors.CAMPAIGN_NOT_FOUND();
    return present(row);
  }

  async create(actor: Actor, input: CreateInput): Promise<TCampaign> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO campaigns (brand_id, name, brief, goal, landing_url, budget_amount, budget_currency, starts_on, ends_on, target_niches, target_countries)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        actor.id,
        input.name,
        input.brief,
        input.goal,
        input.landingUrl,
        input.budget?.amount ?? null,
        input.budget?.currency ?? null,
        input.startsOn,
        input.endsOn,
        input.targetNiches,
        input.targetCountries,
      ],
    );
    return this.get(actor, row!.id);
  }

  async update(actor: Actor, id: string, input: UpdateInput): Promise<TCampaign> {
    const current = await this.get(actor, id);
    const next = { ...current, ...input };
    if (next.startsOn && next.endsOn && next.startsOn > next.endsOn) {
      throw httpErrors.VALIDATION_FAILED({ details: [{ path: 'endsOn', message: 'endsOn must not be before startsOn' }] });
    }
    await this.dataSource.query(
      `UPDATE campaigns SET name = $3, brief = $4, goal = $5, landing_url = $6, budget_amount = $7, budget_currency = $8, starts_on = $9, ends_on = $10,
         target_niches = $11, target_countries = $12, archived = $13, updated_at = now() WHERE id = $1 AND brand_id = $2`,
      [
        id,
        actor.id,
        next.name,
        next.brief,
        next.goal,
        next.landingUrl,
        next.budget?.amount ?? null,
        next.budget?.currency ?? null,
        next.startsOn,
        next.endsOn,
        next.targetNiches,
        next.targetCountries,
        next.archived,
      ],
    );
    return this.get(actor, id);
  }
}

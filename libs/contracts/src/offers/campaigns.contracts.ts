import { z } from 'zod';
import { CAMPAIGN_GOALS, NICHES } from '@reachbridge/domain';
import { ZMoney } from '../common/money.js';
import { ZId, ZIdParams, ZTimestamp } from '../common/primitives.js';
import { defineContract } from '../common/route.js';
import { ZCountryCode } from '../influencers/profile.contracts.js';

export const ZDate = z.iso.date();
/** Links we send people to: http(s) only. */
export const ZWebUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  .max(2000);

const campaignFields = {
  name: z.string().trim().min(1).max(120),
  brief: z.string().trim().max(5000),
  goal: z.enum(CAMPAIGN_GOALS),
  landingUrl: ZWebUrl.nullable(),
  budget: ZMoney.nullable(),
  startsOn: ZDate.nullable(),
  endsOn: ZDate.nullable(),
  targetNiches: z.array(z.enum(NICHES)).max(10),
  targetCountries: z.array(ZCountryCode).max(20),
};

const datesInOrder = (c: { startsOn?: string | null; endsOn?: string | null }) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn;

export const ZCreateCampaignRequest = z
  .strictObject({
    name: campaignFields.name,
    brief: campaignFields.brief.default(''),
    goal: campaignFields.goal,
    landingUrl: campaignFields.landingUrl.default(null),
    budget: campaignFields.budget.default(null),
    startsOn: campaignFields.startsOn.default(null),
    endsOn: campaignFields.endsOn.default(null),
    targetNiches: campaignFields.targetNiches.default([]),
    targetCountries: campaignFields.targetCountries.default([]),
  })
  .refine(datesInOrder, { path: ['endsOn'], message: 'endsOn must not be before startsOn' })
  .meta({ id: 'CreateCampaignRequest' });

export const ZUpdateCampaignRequest = z
  .strictObject({
    name: campaignFields.name.optional(),
    brief: campaignFields.brief.optional(),
    goal: campaignFields.goal.optional(),
    landingUrl: campaignFields.landingUrl.optional(),
    budget: campaignFields.budget.optional(),
    startsOn: campaignFields.startsOn.optional(),
    endsOn: campaignFields.endsOn.optional(),
    targetNiches: campaignFields.targetNiches.optional(),
    targetCountries: campaignFields.targetCountries.optional(),
    archived: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'Change at least one field')
  .refine(datesInOrder, { path: ['endsOn'], message: 'endsOn must not be before startsOn' })
  .meta({ id: 'UpdateCampaignRequest' });

export const ZCampaign = z
  .object({
    id: ZId,
    name: z.string(),
    brief: z.string(),
    goal: z.enum(CAMPAIGN_GOALS),
    landingUrl: z.string().nullable(),
    budget: ZMoney.nullable(),
    startsOn: ZDate.nullable(),
    endsOn: ZDate.nullable(),
    targetNiches: z.array(z.enum(NICHES)),
    targetCountries: z.array(z.string()),
    archived: z.boolean(),
    /** Offers sent in this campaign and what they commit, per currency. */
    offerCount: z.int(),
    committed: z.array(ZMoney),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: 'Campaign' });
export type TCampaign = z.infer<typeof ZCampaign>;

const tags = ['campaigns'] as const;

export const campaignsContracts = {
  list: defineContract({
    method: 'get',
    path: '/api/campaigns',
    summary: 'Your campaigns, newest first',
    tags,
    response: z.object({ items: z.array(ZCampaign), nextCursor: z.null() }),
    status: 200,
  }),
  create: defineContract({ method: 'post', path: '/api/campaigns', summary: 'Create a campaign', tags, body: ZCreateCampaignRequest, response: ZCampaign, status: 201 }),
  get: defineContract({ method: 'get', path: '/api/campaigns/:id', summary: 'A campaign', tags, params: ZIdParams, response: ZCampaign, status: 200 }),
  update: defineContract({
    method: 'patch',
    path: '/api/campaigns/:id',
    summary: 'Change or archive a campaign',
    tags,
    params: ZIdParams,
    body: ZUpdateCampaignRequest,
    response: ZCampaign,
    status: 200,
  }),
};

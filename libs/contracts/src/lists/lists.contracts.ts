import { z } from 'zod';
import { NICHES, TIERS } from '@reachbridge/domain';
import { ZId, ZIdParams, ZTimestamp } from '../common/primitives.js';
import { defineContract } from '../common/route.js';

/** Where a shortlisted influencer stands with the brand. */
export const LIST_ITEM_STATUSES = ['shortlisted', 'contacted', 'negotiating', 'booked', 'declined'] as const;

const ZListName = z.string().trim().min(1).max(120);
const ZNote = z.string().trim().max(2000);

export const ZCreateListRequest = z.strictObject({ name: ZListName, description: z.string().trim().max(1000).optional() }).meta({ id: 'CreateListRequest' });
export const ZUpdateListRequest = z
  .strictObject({ name: ZListName.optional(), description: z.string().trim().max(1000).nullable().optional() })
  .refine((value) => Object.keys(value).length > 0, 'Change at least one field')
  .meta({ id: 'UpdateListRequest' });

export const ZListSummary = z
  .object({ id: ZId, name: z.string(), description: z.string().nullable(), itemCount: z.int(), createdAt: ZTimestamp, updatedAt: ZTimestamp })
  .meta({ id: 'ListSummary' });

export const ZListItem = z
  .object({
    influencer: z.object({
      id: ZId,
      slug: z.string(),
      displayName: z.string(),
      niches: z.array(z.enum(NICHES)),
      country: z.string(),
      totalFollowers: z.int(),
      tier: z.enum(TIERS),
    }),
    status: z.enum(LIST_ITEM_STATUSES),
    note: z.string(),
    addedAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: 'ListItem' });
export type TListItem = z.infer<typeof ZListItem>;

export const ZList = ZListSummary.extend({ items: z.array(ZListItem) }).meta({ id: 'List' });
export type TList = z.infer<typeof ZList>;

export const ZAddListItemRequest = z
  .strictObject({ influencerId: ZId, status: z.enum(LIST_ITEM_STATUSES).default('shortlisted'), note: ZNote.default('') })
  .meta({ id: 'AddListItemRequest' });
export const ZUpdateListItemRequest = z
  .strictObject({ status: z.enum(LIST_ITEM_STATUSES).optional(), note: ZNote.optional() })
  .refine((value) => Object.keys(value).length > 0, 'Change at least one field')
  .meta({ id: 'UpdateListItemRequest' });

export const ZImportListRequest = z
  .strictObject({
    /** CSV with a header row: `influencer` (profile id or slug) and optional `status`, `note` — the export's own format works. */
    csv: z.string().min(1).max(1_000_000),
  })
  .meta({ id: 'ImportListRequest' });
export const ZImportListResponse = z.object({ imported: z.int(), list: ZList }).meta({ id: 'ImportListResponse' });

const ZListItemParams = z.strictObject({ id: ZId, influencerId: ZId });

export const ZSavedSearchRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    /** The discovery page's query string, e.g. `q=food&niche=travel&audienceCountry=IR:30`. */
    query: z.string().max(2000),
  })
  .meta({ id: 'SavedSearchRequest' });
export const ZSavedSearch = z
  .object({ id: ZId, name: z.string(), query: z.string(), createdAt: ZTimestamp })
  .meta({ id: 'SavedSearch' });

const tags = ['lists'] as const;

export const listsContracts = {
  list: defineContract({ method: 'get', path: '/api/lists', summary: 'Your lists', tags, response: z.object({ items: z.array(ZListSummary), nextCursor: z.null() }), status: 200 }),
  create: defineContract({ method: 'post', path: '/api/lists', summary: 'Create a list', tags, body: ZCreateListRequest, response: ZList, status: 201 }),
  get: defineContract({ method: 'get', path: '/api/lists/:id', summary: 'A list with its influencers, notes and statuses', tags, params: ZIdParams, response: ZList, status: 200 }),
  update: defineContract({ method: 'patch', path: '/api/lists/:id', summary: 'Rename or describe a list', tags, params: ZIdParams, body: ZUpdateListRequest, response: ZList, status: 200 }),
  remove: defineContract({ method: 'delete', path: '/api/lists/:id', summary: 'Delete a list', tags, params: ZIdParams, response: null, status: 204 }),
  addItem: defineContract({
    method: 'post',
    path: '/api/lists/:id/items',
    summary: 'Add an influencer to a list (adding one already there updates status and note)',
    tags,
    params: ZIdParams,
    body: ZAddListItemRequest,
    response: ZList,
    status: 201,
  }),
  updateItem: defineContract({
    method: 'patch',
    path: '/api/lists/:id/items/:influencerId',
    summary: "Change an influencer's status or note in a list",
    tags,
    params: ZListItemParams,
    body: ZUpdateListItemRequest,
    response: ZList,
    status: 200,
  }),
  removeItem: defineContract({
    method: 'delete',
    path: '/api/lists/:id/items/:influencerId',
    summary: 'Remove an influencer from a list',
    tags,
    params: ZListItemParams,
    response: null,
    status: 204,
  }),
  exportCsv: defineContract({
    method: 'get',
    path: '/api/lists/:id/export.csv',
    summary: 'The list as CSV (influencer, name, followers, tier, niches, country, status, note, profile URL)',
    tags,
    params: ZIdParams,
    response: null,
    status: 200,
  }),
  importCsv: defineContract({
    method: 'post',
    path: '/api/lists/:id/import',
    summary: 'Add influencers from CSV; every row is checked first and nothing is imported if any row is wrong',
    tags,
    params: ZIdParams,
    body: ZImportListRequest,
    response: ZImportListResponse,
    status: 200,
  }),
};

export const savedSearchesContracts = {
  list: defineContract({
    method: 'get',
    path: '/api/saved-searches',
    summary: 'Your saved searches',
    tags: ['discovery'],
    response: z.object({ items: z.array(ZSavedSearch), nextCursor: z.null() }),
    status: 200,
  }),
  create: defineContract({
    method: 'post',
    path: '/api/saved-searches',
    summary: 'Save a search (the query string is validated like a search)',
    tags: ['discovery'],
    body: ZSavedSearchRequest,
    response: ZSavedSearch,
    status: 201,
  }),
  remove: defineContract({
    method: 'delete',
    path: '/api/saved-searches/:id',
    summary: 'Delete a saved search',
    tags: ['discovery'],
    params: ZIdParams,
    response: null,
    status: 204,
  }),
};

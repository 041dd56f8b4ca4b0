import { z } from 'zod';
import { ZCountryCode } from '../influencers/profile.contracts.js';
import { ZId, ZTimestamp } from '../common/primitives.js';
import { defineContract } from '../common/route.js';

export const ZBrandProfileInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    website: z.url({ protocol: /^https?$/ }).max(500).optional(),
    industry: z.string().trim().min(1).max(80).optional(),
    country: ZCountryCode.optional(),
  })
  .meta({ id: 'BrandProfileInput' });
export type TBrandProfileInput = z.infer<typeof ZBrandProfileInput>;

export const ZBrandProfile = z
  .object({
    id: ZId,
    userId: ZId,
    name: z.string(),
    website: z.string().nullable(),
    industry: z.string().nullable(),
    country: z.string().nullable(),
    updatedAt: ZTimestamp,
  })
  .meta({ id: 'BrandProfile' });
export type TBrandProfile = z.infer<typeof ZBrandProfile>;

const tags = ['brand profile'] as const;

export const brandProfileContracts = {
  get: defineContract({
    method: 'get',
    path: '/api/me/brand-profile',
    summary: 'Your brand profile (404 until you have saved one)',
    tags,
    response: ZBrandProfile,
    status: 200,
  }),
  put: defineContract({
    method: 'put',
    path: '/api/me/brand-profile',
    summary: 'Create or replace your brand profile',
    tags,
    body: ZBrandProfileInput,
    response: ZBrandProfile,
    status: 200,
  }),
};

import { z } from 'zod';
import { defineContract } from './route.js';

export const ZHealth = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const ZReadiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({
      database: z.enum(['up', 'down']),
      migrations: z.enum(['applied', 'pending', 'unknown']),
      search: z.string(),
    }),
  })
  .meta({ id: 'Readiness' });
export type TReadiness = z.infer<typeof ZReadiness>;

const tags = ['operations'] as const;

export const operationsContracts = {
  healthz: defineContract({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process answers',
    tags,
    response: ZHealth,
    status: 200,
  }),
  readyz: defineContract({
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: database reachable, migrations applied, search engine state (503 when not ready)',
    tags,
    response: ZReadiness,
    status: 200,
  }),
};

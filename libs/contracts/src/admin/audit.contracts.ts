import { z } from 'zod';
import { ROLES } from '@reachbridge/domain';
import { ZId, ZTimestamp } from '../common/primitives.js';
import { defineContract } from '../common/route.js';

export const AUDIT_ACTOR_ROLES = [...ROLES, 'system'] as const;

/** An action name, or a prefix ending in `.*` (`account.*` matches every account action). */
const ZActionFilter = z
  .string()
  .max(80)
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?$/, 'An action like account.approve, or a prefix like account.*');

export const ZAuditLogQuery = z
  .strictObject({
    actor: ZId.optional(),
    action: ZActionFilter.optional(),
    targetType: z.string().regex(/^[a-z0-9_]{1,40}$/, 'A target type like account or offer').optional(),
    targetId: z.string().min(1).max(100).optional(),
    from: ZTimestamp.optional(),
    to: ZTimestamp.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(300).optional(),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
    path: ['to'],
    message: 'to must not be before from',
  })
  .meta({ id: 'AuditLogQuery' });
export type TAuditLogQuery = z.infer<typeof ZAuditLogQuery>;

export const ZAuditEntry = z
  .object({
    id: ZId,
    occurredAt: ZTimestamp,
    actor: z.object({
      id: ZId.nullable(),
      role: z.enum(AUDIT_ACTOR_ROLES),
      /** The actor's current name and e-mail, when the user still exists. */
      displayName: z.string().nullable(),
      email: z.string().nullable(),
    }),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditLogPage = z.object({ items: z.array(ZAuditEntry), nextCursor: z.string().nullable() }).meta({ id: 'AuditLogPage' });
export type TAuditLogPage = z.infer<typeof ZAuditLogPage>;

export const auditContracts = {
  list: defineContract({
    method: 'get',
    path: '/api/admin/audit-log',
    summary: 'The audit log, newest first: every admin action and money movement; filter by actor, action, target and time',
    tags: ['admin'],
    query: ZAuditLogQuery,
    response: ZAuditLogPage,
    status: 200,
  }),
};

import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity, type AuditActorRole } from './audit-log.entity.js';
import { AuditRepository } from './audit.repository.js';
import { auditRoutes } from './audit.routes.js';
import { AuditService } from './audit.service.js';

export const auditEntities = [AuditLogEntity];

export type { AuditActorRole };

export interface AuditEntryInput {
  /** null: the system did it. */
  actorId: string | null;
  actorRole: AuditActorRole;
  /** Dotted, past-tense-free verb: `account.approve`, `money.transfer.succeeded`. */
  action: string;
  targetType: string;
  targetId: string;
  reason?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

/**
 * Appends one audit entry inside the caller's transaction: it commits or rolls back with the
 * change it records. The table is append-only in the database.
 */
export async function recordAudit(manager: EntityManager, entry: AuditEntryInput): Promise<void> {
  await new AuditRepository(manager.connection).insert(manager, {
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  });
}

/** GET /api/admin/audit-log. */
export function createAuditModule(dataSource: DataSource) {
  return { routes: auditRoutes(new AuditService(dataSource)) };
}

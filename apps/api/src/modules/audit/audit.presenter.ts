import type { TAuditEntry } from '@reachbridge/contracts';
import type { AuditRow } from './audit.repository.js';

export function presentAuditEntry({ entry, actor }: AuditRow): TAuditEntry {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    actor: { id: entry.actorId, role: entry.actorRole, displayName: actor?.displayName ?? null, email: actor?.email ?? null },
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    reason: entry.reason,
    details: entry.details,
    requestId: entry.requestId,
  };
}

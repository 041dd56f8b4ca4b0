import { auditContracts } from '@reachbridge/contracts';
import { defineRoute } from '../../http/define-route.js';
import { presentAuditEntry } from './audit.presenter.js';
import type { AuditService } from './audit.service.js';

export function auditRoutes(audit: AuditService) {
  return [
    defineRoute({
      contract: auditContracts.list,
      auth: ['admin'],
      handler: async ({ query }) => {
        const { rows, nextCursor } = await audit.list(query);
        return { items: rows.map(presentAuditEntry), nextCursor };
      },
    }),
  ];
}

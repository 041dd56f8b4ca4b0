import type { TAuditLogQuery } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';
import { httpErrors } from '../../http/app-error.js';
import { AuditRepository, type AuditRow } from './audit.repository.js';

const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeAuditCursor(row: AuditRow): string {
  return Buffer.from(`${row.occurredAtExact}|${row.entry.id}`, 'utf8').toString('base64url');
}

function decodeAuditCursor(cursor: string): { occurredAt: string; id: string } {
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw httpErrors.VALIDATION_FAILED({ details: [{ path: 'query.cursor', message: 'Not a cursor from this list; start again without it.' }] });
  return { occurredAt: match[1]!, id: match[2]! };
}

export class AuditService {
  private readonly repository: AuditRepository;

  constructor(dataSource: DataSource) {
    this.repository = new AuditRepository(dataSource);
  }

  /** One page, newest first; the next cursor only when there is more. */
  async list(query: TAuditLogQuery): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
    const prefix = query.action?.endsWith('.*') ?? false;
    const rows = await this.repository.list({
      actorId: query.actor,
      action: prefix ? query.action?.slice(0, -1) : query.action,
      actionPrefix: prefix,
      targetType: query.targetType,
      targetId: query.targetId,
      from: query.from,
      to: query.to,
      before: query.cursor ? decodeAuditCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { rows: page, nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last) : null };
  }
}

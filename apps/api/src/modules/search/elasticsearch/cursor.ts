import { createHash } from 'node:crypto';
import type { TSearchQuery } from '@reachbridge/contracts';
import { InvalidCursorError } from '../search.errors.js';

/** A sort value as Elasticsearch returns it in `hits.hits[].sort` and takes back in `search_after`. */
export type SortValue = string | number | boolean | null;

/**
 * A cursor that is malformed, tampered with, or belongs to another query: the search module's
 * shared error, which the service answers with 400.
 */
export { InvalidCursorError };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
}

/**
 * A short hash of everything that decides which hits come in which order (every field but
 * `cursor` and `limit`), so a cursor replayed against another query is refused.
 */
export function queryFingerprint(query: TSearchQuery): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  return createHash('sha256').update(JSON.stringify(canonical(rest))).digest('base64url').slice(0, 12);
}

interface CursorPayload {
  v: SortValue[];
  h: string;
}

/** `base64url(JSON({ v: sortValues, h: fingerprint }))`. */
export function encodeCursor(sortValues: SortValue[], fingerprint: string): string {
  const payload: CursorPayload = { v: sortValues, h: fingerprint };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

const isSortValue = (value: unknown): value is SortValue =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/**
 * The sort values inside `cursor`, checked against the query's fingerprint and the number of sort
 * keys. Throws `InvalidCursorError` on anything else.
 */
export function decodeCursor(cursor: string, fingerprint: string, sortLength: number): SortValue[] {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!payload || typeof payload !== 'object') throw new InvalidCursorError();
  const { v, h } = payload as Partial<Record<keyof CursorPayload, unknown>>;
  if (typeof h !== 'string' || !Array.isArray(v) || !v.every(isSortValue)) throw new InvalidCursorError();
  if (h !== fingerprint) throw new InvalidCursorError();
  if (v.length !== sortLength) throw new InvalidCursorError();
  return v;
}

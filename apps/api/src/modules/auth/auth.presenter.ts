import type { TApiToken } from '@reachbridge/contracts';
import type { ApiTokenEntity } from './api-token.entity.js';

export function presentApiToken(token: ApiTokenEntity): TApiToken {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

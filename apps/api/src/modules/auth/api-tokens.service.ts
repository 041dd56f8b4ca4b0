import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AccountsService } from '../accounts/index.js';
import { canLogIn } from '@reachbridge/domain';
import type { Actor } from '../../http/actor.js';
import type { ApiTokenEntity } from './api-token.entity.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { authErrors } from './auth.errors.js';

const TOKEN_PREFIX = 'rb_';
/** Writing `last_used_at` on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class ApiTokensService {
  private readonly repository: ApiTokensRepository;

  constructor(
    dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {
    this.repository = new ApiTokensRepository(dataSource);
  }

  /** Creates a token; the secret is returned once and only its SHA-256 is stored (it has 256 bits of entropy). */
  async create(actor: Actor, name: string): Promise<{ entity: ApiTokenEntity; token: string }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const entity = await this.repository.insert({
      userId: actor.id,
      name,
      prefix: token.slice(0, 10),
      tokenHash: hashToken(token),
    });
    return { entity, token };
  }

  list(actor: Actor): Promise<ApiTokenEntity[]> {
    return this.repository.listActive(actor.id);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    if (!(await this.repository.revoke(actor.id, id, new Date()))) throw authErrors.AUTH_TOKEN_NOT_FOUND();
  }

  /** The actor behind a bearer token, or null when the token is unknown, revoked, or its user may not log in. */
  async authenticate(token: string): Promise<Actor | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const entity = await this.repository.findActiveByHash(hashToken(token));
    if (!entity) return null;
    const user = await this.accounts.findById(entity.userId);
    if (!user || !canLogIn(user.status)) return null;
    const now = new Date();
    if (!entity.lastUsedAt || now.getTime() - entity.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.repository.touch(entity.id, now);
    }
    return { id: user.id, role: user.role, status: user.status, via: 'token' };
  }
}

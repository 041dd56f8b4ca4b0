import { IsNull, type DataSource } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity.js';

export class ApiTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get tokens() {
    return this.dataSource.getRepository(ApiTokenEntity);
  }

  insert(token: Pick<ApiTokenEntity, 'userId' | 'name' | 'prefix' | 'tokenHash'>): Promise<ApiTokenEntity> {
    return this.tokens.save(this.tokens.create({ ...token, lastUsedAt: null, revokedAt: null }));
  }

  listActive(userId: string): Promise<ApiTokenEntity[]> {
    return this.tokens.find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  findActiveByHash(tokenHash: string): Promise<ApiTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash, revokedAt: IsNull() });
  }

  /** Revokes the user's token; false when it is not theirs, unknown or already revoked. */
  async revoke(userId: string, id: string, at: Date): Promise<boolean> {
    const result = await this.tokens.update({ id, userId, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.tokens.update({ id }, { lastUsedAt: at });
  }
}

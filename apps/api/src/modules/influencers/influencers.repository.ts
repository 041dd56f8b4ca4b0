import type { DataSource, EntityManager } from 'typeorm';
import { FollowerSnapshotEntity } from './follower-snapshot.entity.js';
import { InfluencerProfileEntity } from './influencer-profile.entity.js';
import { RateEntity } from './rate.entity.js';
import { SocialAccountEntity } from './social-account.entity.js';

export type ProfileFields = Omit<InfluencerProfileEntity, 'id' | 'user' | 'socialAccounts' | 'rates' | 'createdAt' | 'updatedAt'>;
export type AccountFields = Omit<SocialAccountEntity, 'id' | 'profile' | 'profileId' | 'createdAt' | 'updatedAt'> & { id?: string };
export type RateFields = Pick<RateEntity, 'platform' | 'deliverable' | 'amountMinor' | 'currency'>;

export class InfluencersRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The profile with its accounts (largest first) and rate card. */
  findByUserId(userId: string, manager: EntityManager = this.dataSource.manager): Promise<InfluencerProfileEntity | null> {
    return manager.getRepository(InfluencerProfileEntity).findOne({
      where: { userId },
      relations: { socialAccounts: true, rates: true },
      order: { socialAccounts: { followers: 'DESC' }, rates: { platform: 'ASC', deliverable: 'ASC' } },
    });
  }

  findById(id: string): Promise<InfluencerProfileEntity | null> {
    return this.dataSource.getRepository(InfluencerProfileEntity).findOne({
      where: { id },
      relations: { socialAccounts: true, rates: true },
      order: { socialAccounts: { followers: 'DESC' }, rates: { platform: 'ASC', deliverable: 'ASC' } },
    });
  }

  /** Follower snapshots of the profile's accounts, oldest first. */
  followerHistory(profileId: string): Promise<FollowerSnapshotEntity[]> {
    return this.dataSource
      .getRepository(FollowerSnapshotEntity)
      .createQueryBuilder('snapshot')
      .innerJoin('snapshot.socialAccount', 'account')
      .where('account.profile_id = :profileId', { profileId })
      .orderBy('snapshot.taken_on', 'ASC')
      .getMany();
  }

  /** Locks the user's profile row for the rest of the transaction (one writer at a time). */
  lockByUserId(manager: EntityManager, userId: string): Promise<InfluencerProfileEntity | null> {
    return manager
      .getRepository(InfluencerProfileEntity)
      .findOne({ where: { userId }, relations: { socialAccounts: true }, lock: { mode: 'pessimistic_write', tables: ['influencer_profiles'] } });
  }

  async isSlugTaken(manager: EntityManager, slug: string): Promise<boolean> {
    return manager.getRepository(InfluencerProfileEntity).existsBy({ slug });
  }

  saveProfile(manager: EntityManager, profile: Partial<InfluencerProfileEntity>): Promise<InfluencerProfileEntity> {
    const repository = manager.getRepository(InfluencerProfileEntity);
    return repository.save(repository.create(profile));
  }

  /** Makes the profile's accounts exactly `accounts`: updates the ones with an id, inserts the rest, deletes the others. */
  async replaceAccounts(manager: EntityManager, profileId: string, accounts: AccountFields[]): Promise<SocialAccountEntity[]> {
    const repository = manager.getRepository(SocialAccountEntity);
    const keep = accounts.flatMap((account) => (account.id ? [account.id] : []));
    await repository
      .createQueryBuilder()
      .delete()
      .where('profile_id = :profileId', { profileId })
      .andWhere(keep.length ? 'id NOT IN (:...keep)' : 'TRUE', { keep })
      .execute();
    return repository.save(accounts.map((account) => repository.create({ ...account, profileId })));
  }

  async replaceRates(manager: EntityManager, profileId: string, rates: RateFields[]): Promise<void> {
    const repository = manager.getRepository(RateEntity);
    await repository.delete({ profileId });
    if (rates.length) await repository.insert(rates.map((rate) => ({ ...rate, profileId })));
  }

  /** Records today's followers per account; a second save on the same day overwrites it. */
  async recordSnapshots(manager: EntityManager, accounts: SocialAccountEntity[], day: string): Promise<void> {
    if (!accounts.length) return;
    await manager
      .getRepository(FollowerSnapshotEntity)
      .upsert(
        accounts.map((account) => ({ socialAccountId: account.id, takenOn: day, followers: account.followers })),
        { conflictPaths: ['socialAccountId', 'takenOn'] },
      );
  }

  async updateReview(
    manager: EntityManager,
    profileId: string,
    changes: Pick<InfluencerProfileEntity, 'reviewStatus'> & Partial<Pick<InfluencerProfileEntity, 'submittedAt' | 'reviewNote'>>,
  ): Promise<void> {
    await manager.getRepository(InfluencerProfileEntity).update({ id: profileId }, changes);
  }
}

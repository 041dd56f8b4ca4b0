import { In, type DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity.js';

export type NewUser = Pick<UserEntity, 'email' | 'passwordHash' | 'role' | 'status' | 'displayName'>;

export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private users(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users(manager).findOneBy({ id });
  }

  findByEmails(emails: string[]): Promise<UserEntity[]> {
    return emails.length ? this.users().findBy({ email: In(emails) }) : Promise.resolve([]);
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users(manager).findOneBy({ email });
  }

  async insert(user: NewUser, manager?: EntityManager): Promise<UserEntity> {
    const repository = this.users(manager);
    return repository.save(repository.create({ ...user, lastLoginAt: null }));
  }

  count(): Promise<number> {
    return this.users().count();
  }

  async touchLastLogin(id: string, at: Date): Promise<void> {
    await this.users().update({ id }, { lastLoginAt: at });
  }
}

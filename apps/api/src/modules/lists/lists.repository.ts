import type { DataSource, EntityManager } from 'typeorm';
import { ListItemEntity, type ListItemStatus } from './list-item.entity.js';
import { ListEntity } from './list.entity.js';
import { SavedSearchEntity } from './saved-search.entity.js';

export interface ListItemRow {
  influencer_profile_id: string;
  slug: string;
  display_name: string;
  niches: string[];
  country: string;
  total_followers: string;
  status: ListItemStatus;
  note: string;
  added_at: Date;
  updated_at: Date;
}

export class ListsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findOwned(ownerId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<ListEntity | null> {
    return manager.getRepository(ListEntity).findOneBy({ id, ownerId });
  }

  async listOwned(ownerId: string): Promise<(ListEntity & { itemCount: number })[]> {
    const lists = await this.dataSource.getRepository(ListEntity).find({ where: { ownerId }, order: { updatedAt: 'DESC' } });
    const counts: { list_id: string; count: number }[] = lists.length
      ? await this.dataSource.query(`SELECT list_id, count(*)::int AS count FROM list_items WHERE list_id = ANY($1::uuid[]) GROUP BY list_id`, [
          lists.map((list) => list.id),
        ])
      : [];
    const byList = new Map(counts.map((row) => [row.list_id, row.count]));
    return lists.map((list) => Object.assign(list, { itemCount: byList.get(list.id) ?? 0 }));
  }

  saveList(list: Partial<ListEntity>, manager: EntityManager = this.dataSource.manager): Promise<ListEntity> {
    const repository = manager.getRepository(ListEntity);
    return repository.save(repository.create(list));
  }

  async deleteList(id: string): Promise<void> {
    await this.dataSource.getRepository(ListEntity).delete({ id });
  }

  /** The list's influencers with what a shortlist shows about them (total followers over all accounts). */
  items(listId: string, manager: EntityManager = this.dataSource.manager): Promise<ListItemRow[]> {
    return manager.query(
      `SELECT i.influencer_profile_id, p.slug, p.display_name, p.niches, p.country,
              coalesce((SELECT sum(a.followers) FROM social_accounts a WHERE a.profile_id = p.id), 0) AS total_followers,
              i.status, i.note, i.added_at, i.updated_at
         FROM list_items i JOIN influencer_profiles p ON p.id = i.influencer_profile_id
        WHERE i.list_id = $1
        ORDER BY i.added_at, i.influencer_profile_id`,
      [listId],
    );
  }

  /** Profiles brands may shortlist (approved), looked up by id or slug. */
  async findListable(keys: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const rows: { id: string; slug: string }[] = await manager.query(
      `SELECT id, slug FROM influencer_profiles
        WHERE review_status = 'approved' AND (id::text = ANY($1::text[]) OR slug = ANY($1::text[]))`,
      [keys],
    );
    const found = new Map<string, string>();
    for (const row of rows) {
      found.set(row.id, row.id);
      found.set(row.slug, row.id);
    }
    return found;
  }

  async upsertItems(
    manager: EntityManager,
    listId: string,
    items: { influencerProfileId: string; status: ListItemStatus; note: string }[],
  ): Promise<void> {
    if (!items.length) return;
    await manager
      .getRepository(ListItemEntity)
      .upsert(items.map((item) => ({ ...item, listId })), { conflictPaths: ['listId', 'influencerProfileId'] });
  }

  async updateItem(listId: string, influencerProfileId: string, changes: Partial<Pick<ListItemEntity, 'status' | 'note'>>): Promise<boolean> {
    const result = await this.dataSource.getRepository(ListItemEntity).update({ listId, influencerProfileId }, changes);
    return (result.affected ?? 0) > 0;
  }

  async deleteItem(listId: string, influencerProfileId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(ListItemEntity).delete({ listId, influencerProfileId });
    return (result.affected ?? 0) > 0;
  }

  async touch(listId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE lists SET updated_at = now() WHERE id = $1`, [listId]);
  }

  savedSearches(ownerId: string): Promise<SavedSearchEntity[]> {
    return this.dataSource.getRepository(SavedSearchEntity).find({ where: { ownerId }, order: { createdAt: 'DESC' } });
  }

  saveSearch(search: Pick<SavedSearchEntity, 'ownerId' | 'name' | 'query'>): Promise<SavedSearchEntity> {
    const repository = this.dataSource.getRepository(SavedSearchEntity);
    return repository.save(repository.create(search));
  }

  async deleteSavedSearch(ownerId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(SavedSearchEntity).delete({ id, ownerId });
    return (result.affected ?? 0) > 0;
  }
}

import type { TList, TListItem } from '@reachbridge/contracts';
import { tierFor } from '@reachbridge/domain';
import type { ListEntity } from './list.entity.js';
import type { ListItemRow } from './lists.repository.js';
import type { SavedSearchEntity } from './saved-search.entity.js';

export function presentListSummary(list: ListEntity & { itemCount: number }) {
  return {
    id: list.id,
    name: list.name,
    description: list.description,
    itemCount: list.itemCount,
    createdAt: list.createdAt.toISOString(),
    updatedAt: list.updatedAt.toISOString(),
  };
}

function presentItem(row: ListItemRow): TListItem {
  const totalFollowers = Number(row.total_followers);
  return {
    influencer: {
      id: row.influencer_profile_id,
      slug: row.slug,
      displayName: row.display_name,
      niches: row.niches as TListItem['influencer']['niches'],
      country: row.country,
      totalFollowers,
      tier: tierFor(totalFollowers),
    },
    status: row.status,
    note: row.note,
    addedAt: new Date(row.added_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function presentList({ list, items }: { list: ListEntity; items: ListItemRow[] }): TList {
  return { ...presentListSummary({ ...list, itemCount: items.length }), items: items.map(presentItem) };
}

export function presentSavedSearch(search: SavedSearchEntity) {
  return { id: search.id, name: search.name, query: search.query, createdAt: search.createdAt.toISOString() };
}

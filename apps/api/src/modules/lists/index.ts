import type { DataSource } from 'typeorm';
import { ListItemEntity } from './list-item.entity.js';
import { ListEntity } from './list.entity.js';
import { listsRoutes } from './lists.routes.js';
import { ListsService } from './lists.service.js';
import { SavedSearchEntity } from './saved-search.entity.js';

export const listsEntities = [ListEntity, ListItemEntity, SavedSearchEntity];

export function createListsModule(dataSource: DataSource, publicUrl: string) {
  return { routes: listsRoutes(new ListsService(dataSource, publicUrl)) };
}

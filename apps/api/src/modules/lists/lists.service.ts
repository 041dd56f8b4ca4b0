import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { LIST_ITEM_STATUSES, ZSearchQuery, type TErrorDetail } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../http/actor.js';
import { httpErrors } from '../../http/app-error.js';
import { toDetails } from '../../http/define-route.js';
import type { ListItemStatus } from './list-item.entity.js';
import type { ListEntity } from './list.entity.js';
import { listsErrors } from './lists.errors.js';
import { ListsRepository, type ListItemRow } from './lists.repository.js';

const isUniqueViolation = (error: unknown) => (error as { driverError?: { code?: string } }).driverError?.code === '23505';

/** Spreadsheet apps run cells that start like a formula; prefix them so an export is safe to open. */
const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export class ListsService {
  private readonly repository: ListsRepository;

  constructor(
    dataSource: DataSource,
    private readonly publicUrl: string,
  ) {
    this.repository = new ListsRepository(dataSource);
  }

  /** The actor's own list, or 404 — someone else's list does not exist for them. */
  async getOwned(actor: Actor, id: string): Promise<ListEntity> {
    const list = await this.repository.findOwned(actor.id, id);
    if (!list) throw listsErrors.LIST_NOT_FOUND();
    return list;
  }

  listAll(actor: Actor) {
    return this.repository.listOwned(actor.id);
  }

  async withItems(list: ListEntity): Promise<{ list: ListEntity; items: ListItemRow[] }> {
    return { list, items: await this.repository.items(list.id) };
  }

  async create(actor: Actor, input: { name: string; description?: string | undefined }): Promise<ListEntity> {
    try {
      return await this.repository.saveList({ ownerId: actor.id, name: input.name, description: input.description ?? null });
    } catch (error) {
      if (isUniqueViolation(error)) throw listsErrors.LIST_NAME_TAKEN();
      throw error;
    }
  }

  async update(actor: Actor, id: string, input: { name?: string | undefined; description?: string | null | undefined }): Promise<ListEntity> {
    const list = await this.getOwned(actor, id);
    try {
      return await this.repository.saveList({
        ...list,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw listsErrors.LIST_NAME_TAKEN();
      throw error;
    }
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.repository.deleteList((await this.getOwned(actor, id)).id);
  }

  async addItem(actor: Actor, id: string, input: { influencerId: string; status: ListItemStatus; note: string }): Promise<ListEntity> {
    const list = await this.getOwned(actor, id);
    await this.repository.transaction(async (manager) => {
      const found = await this.repository.findListable([input.influencerId], manager);
      if (!found.has(input.influencerId)) throw listsErrors.INFLUENCER_NOT_FOUND();
      await this.repository.upsertItems(manager, list.id, [{ influencerProfileId: input.influencerId, status: input.status, note: input.note }]);
      await this.repository.touch(list.id, manager);
    });
    return list;
  }

  async updateItem(actor: Actor, id: string, influencerId: string, changes: { status?: ListItemStatus | undefined; note?: string | undefined }) {
    const list = await this.getOwned(actor, id);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (!(await this.repository.updateItem(list.id, influencerId, defined))) throw listsErrors.LIST_ITEM_NOT_FOUND();
    await this.repository.touch(list.id);
    return list;
  }

  async removeItem(actor: Actor, id: string, influencerId: string): Promise<void> {
    const list = await this.getOwned(actor, id);
    if (!(await this.repository.deleteItem(list.id, influencerId))) throw listsErrors.LIST_ITEM_NOT_FOUND();
    await this.repository.touch(list.id);
  }

  async exportCsv(actor: Actor, id: string): Promise<{ filename: string; csv: string }> {
    const list = await this.getOwned(actor, id);
    const items = await this.repository.items(list.id);
    const csv = stringify(
      items.map((item) => ({
        influencer: item.influencer_profile_id,
        name: safeCell(item.display_name),
        followers: Number(item.total_followers),
        niches: item.niches.join(' '),
        country: item.country,
        status: item.status,
        note: safeCell(item.note),
        profile: `${this.publicUrl}/influencers/${item.influencer_profile_id}`,
      })),
      { header: true, columns: ['influencer', 'name', 'followers', 'niches', 'country', 'status', 'note', 'profile'] },
    );
    const slug = list.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'list';
    return { filename: `${slug}.csv`, csv };
  }

  /**
   * Imports rows `influencer` (id or slug), optional `status` and `note`. Every row is checked
   * first; one bad row and nothing is written, with each bad row's number and reason.
   */
  async importCsv(actor: Actor, id: string, csv: string): Promise<{ list: ListEntity; imported: number }> {
    const list = await this.getOwned(actor, id);
    let records: Record<string, string>[];
    try {
      records = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
    } catch (error) {
      throw listsErrors.LIST_IMPORT_INVALID({ details: [{ path: 'csv', message: error instanceof Error ? error.message : 'not CSV' }] });
    }
    if (!records.length) throw listsErrors.LIST_IMPORT_INVALID({ details: [{ path: 'csv', message: 'No rows after the header.' }] });
    if (!('influencer' in records[0]!)) {
      throw listsErrors.LIST_IMPORT_INVALID({ details: [{ path: 'csv', message: 'The header needs an "influencer" column (profile id or slug).' }] });
    }
    return this.repository.transaction(async (manager) => {
      const found = await this.repository.findListable(records.map((r) => r.influencer ?? ''), manager);
      const errors: TErrorDetail[] = [];
      const items = records.flatMap((record, index) => {
        const row = index + 2; // 1-based, after the header
        const profileId = found.get(record.influencer ?? '');
        const status = (record.status || 'shortlisted') as ListItemStatus;
        const note = (record.note ?? '').replace(/^'(?=[=+\-@])/, '');
        const problems = [
          !profileId && `no public influencer "${record.influencer ?? ''}"`,
          !LIST_ITEM_STATUSES.includes(status) && `status must be one of ${LIST_ITEM_STATUSES.join(', ')}`,
          note.length > 2000 && 'note is longer than 2000 characters',
        ].filter(Boolean) as string[];
        for (const message of problems) errors.push({ path: `csv.row.${row}`, message });
        return problems.length || !profileId ? [] : [{ influencerProfileId: profileId, status, note }];
      });
      if (errors.length) throw listsErrors.LIST_IMPORT_INVALID({ details: errors.slice(0, 100) });
      await this.repository.upsertItems(manager, list.id, items);
      await this.repository.touch(list.id, manager);
      return { list, imported: items.length };
    });
  }

  savedSearches(actor: Actor) {
    return this.repository.savedSearches(actor.id);
  }

  /** Saves a discovery query string after checking it parses like a search would. */
  async saveSearch(actor: Actor, input: { name: string; query: string }) {
    const params = new URLSearchParams(input.query.replace(/^\?/, ''));
    const asObject: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      asObject[key] = values.length === 1 ? values[0]! : values;
    }
    const { cursor: _cursor, ...rest } = asObject;
    const parsed = ZSearchQuery.safeParse(rest);
    if (!parsed.success) throw httpErrors.VALIDATION_FAILED({ message: 'This is not a valid search.', details: toDetails(parsed.error, 'query') });
    const query = new URLSearchParams(Object.entries(rest).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, v]))).toString();
    return this.repository.saveSearch({ ownerId: actor.id, name: input.name, query });
  }

  async deleteSavedSearch(actor: Actor, id: string): Promise<void> {
    if (!(await this.repository.deleteSavedSearch(actor.id, id))) throw listsErrors.SAVED_SEARCH_NOT_FOUND();
  }
}

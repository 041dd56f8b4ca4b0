import { listsContracts, savedSearchesContracts } from '@reachbridge/contracts';
import { defineRoute } from '../../http/define-route.js';
import { presentList, presentListSummary, presentSavedSearch } from './lists.presenter.js';
import type { ListsService } from './lists.service.js';

/** Shortlists and saved searches: a brand's own, nobody else's (others' ids answer 404). */
export function listsRoutes(lists: ListsService) {
  const auth = ['brand'] as const satisfies readonly ['brand'];
  const reload = async (list: Parameters<ListsService['withItems']>[0]) => presentList(await lists.withItems(list));
  return [
    defineRoute({
      contract: listsContracts.list,
      auth,
      handler: async ({ actor }) => ({ items: (await lists.listAll(actor)).map(presentListSummary), nextCursor: null }),
    }),
    defineRoute({ contract: listsContracts.create, auth, handler: async ({ actor, body }) => reload(await lists.create(actor, body)) }),
    defineRoute({ contract: listsContracts.get, auth, handler: async ({ actor, params }) => reload(await lists.getOwned(actor, params.id)) }),
    defineRoute({
      contract: listsContracts.update,
      auth,
      handler: async ({ actor, params, body }) => reload(await lists.update(actor, params.id, body)),
    }),
    defineRoute({ contract: listsContracts.remove, auth, handler: ({ actor, params }) => lists.remove(actor, params.id) }),
    defineRoute({
      contract: listsContracts.addItem,
      auth,
      handler: async ({ actor, params, body }) => reload(await lists.addItem(actor, params.id, body)),
    }),
    defineRoute({
      contract: listsContracts.updateItem,
      auth,
      handler: async ({ actor, params, body }) => reload(await lists.updateItem(actor, params.id, params.influencerId, body)),
    }),
    defineRoute({
      contract: listsContracts.removeItem,
      auth,
      handler: ({ actor, params }) => lists.removeItem(actor, params.id, params.influencerId),
    }),
    defineRoute({
      contract: listsContracts.exportCsv,
      auth,
      handler: async ({ actor, params, res }) => {
        const { filename, csv } = await lists.exportCsv(actor, params.id);
        res.status(200).type('text/csv; charset=utf-8').attachment(filename).send(`\uFEFF${csv}`);
      },
    }),
    defineRoute({
      contract: listsContracts.importCsv,
      auth,
      handler: async ({ actor, params, body }) => {
        const { list, imported } = await lists.importCsv(actor, params.id, body.csv);
        return { imported, list: await reload(list) };
      },
    }),
    defineRoute({
      contract: savedSearchesContracts.list,
      auth,
      handler: async ({ actor }) => ({ items: (await lists.savedSearches(actor)).map(presentSavedSearch), nextCursor: null }),
    }),
    defineRoute({
      contract: savedSearchesContracts.create,
      auth,
      handler: async ({ actor, body }) => presentSavedSearch(await lists.saveSearch(actor, body)),
    }),
    defineRoute({ contract: savedSearchesContracts.remove, auth, handler: ({ actor, params }) => lists.deleteSavedSearch(actor, params.id) }),
  ];
}

import { campaignsContracts } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';
import { defineRoute } from '../../http/define-route.js';
import { CampaignsService } from './campaigns.service.js';

export { campaignsErrors } from './campaigns.service.js';

/** Campaigns: a brand's own; others' ids answer 404. */
export function createCampaignsModule(dataSource: DataSource) {
  const campaigns = new CampaignsService(dataSource);
  const auth = ['brand'] as const satisfies readonly ['brand'];
  return {
    routes: [
      defineRoute({ contract: campaignsContracts.list, auth, handler: async ({ actor }) => ({ items: await campaigns.list(actor), nextCursor: null }) }),
      defineRoute({ contract: campaignsContracts.create, auth, handler: ({ actor, body }) => campaigns.create(actor, body) }),
      defineRoute({ contract: campaignsContracts.get, auth, handler: ({ actor, params }) => campaigns.get(actor, params.id) }),
      defineRoute({ contract: campaignsContracts.update, auth, handler: ({ actor, params, body }) => campaigns.update(actor, params.id, body) }),
    ],
  };
}

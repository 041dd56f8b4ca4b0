import { brandProfileContracts } from '@reachbridge/contracts';
import { defineRoute } from '../../http/define-route.js';
import { presentBrandProfile } from './brands.presenter.js';
import type { BrandsService } from './brands.service.js';

export function brandsRoutes(brands: BrandsService) {
  return [
    defineRoute({
      contract: brandProfileContracts.get,
      auth: ['brand'],
      handler: async ({ actor }) => presentBrandProfile(await brands.getOwn(actor)),
    }),
    defineRoute({
      contract: brandProfileContracts.put,
      auth: ['brand'],
      handler: async ({ actor, body }) => presentBrandProfile(await brands.saveOwn(actor, body)),
    }),
  ];
}

import { discoveryContracts, influencerProfileContracts } from '@reachbridge/contracts';
import { defineRoute } from '../../http/define-route.js';
import { presentInfluencerProfile, presentPublicProfile } from './influencers.presenter.js';
import type { InfluencersService } from './influencers.service.js';

export function influencersRoutes(influencers: InfluencersService) {
  return [
    defineRoute({
      contract: influencerProfileContracts.get,
      auth: ['influencer'],
      handler: async ({ actor }) => presentInfluencerProfile(await influencers.getOwn(actor)),
    }),
    defineRoute({
      contract: influencerProfileContracts.put,
      auth: ['influencer'],
      handler: async ({ actor, body }) => presentInfluencerProfile(await influencers.saveOwn(actor, body)),
    }),
    defineRoute({
      contract: influencerProfileContracts.submit,
      auth: ['influencer'],
      handler: async ({ actor }) => presentInfluencerProfile(await influencers.submitOwn(actor)),
    }),
    defineRoute({
      contract: discoveryContracts.profile,
      auth: ['brand', 'admin', 'influencer'],
      handler: async ({ actor, params }) => {
        const { profile, history } = await influencers.getPublic(actor, params.id);
        return presentPublicProfile(profile, history);
      },
    }),
  ];
}

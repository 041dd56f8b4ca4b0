import type { Request } from 'express';
import { vettingContracts } from '@reachbridge/contracts';
import type { Actor } from '../../http/actor.js';
import { defineRoute } from '../../http/define-route.js';
import { presentPublicProfile } from '../influencers/index.js';
import { adminErrors } from './admin.errors.js';
import { presentAccountState, presentOwnReview, presentQueueItem, presentScoreReviewRequest } from './vetting.presenter.js';
import type { AdminContext, VettingService } from './vetting.service.js';

const requestIdOf = (req: Request) => (typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : null);
const contextOf = (actor: Actor, req: Request): AdminContext => ({ actor, requestId: requestIdOf(req) });

/** The vetting queue and its decisions (admins), and the account owner's side of it. */
export function vettingRoutes(vetting: VettingService) {
  const auth = ['admin'] as const satisfies readonly ['admin'];
  return [
    defineRoute({
      contract: vettingContracts.queue,
      auth,
      handler: async ({ actor, query }) => {
        const { items, nextCursor } = await vetting.queue(actor, query);
        return { items: items.map(presentQueueItem), nextCursor };
      },
    }),
    defineRoute({
      contract: vettingContracts.approve,
      auth,
      handler: async ({ actor, params, req }) => presentAccountState(await vetting.approve(contextOf(actor, req), params.userId)),
    }),
    defineRoute({
      contract: vettingContracts.reject,
      auth,
      handler: async ({ actor, params, body, req }) => presentAccountState(await vetting.reject(contextOf(actor, req), params.userId, body.reason)),
    }),
    defineRoute({
      contract: vettingContracts.requestChanges,
      auth,
      handler: async ({ actor, params, body, req }) => presentAccountState(await vetting.requestChanges(contextOf(actor, req), params.userId, body.reason)),
    }),
    defineRoute({
      contract: vettingContracts.suspend,
      auth,
      handler: async ({ actor, params, body, req }) => presentAccountState(await vetting.suspend(contextOf(actor, req), params.userId, body.reason ?? null)),
    }),
    defineRoute({
      contract: vettingContracts.reinstate,
      auth,
      handler: async ({ actor, params, req }) => presentAccountState(await vetting.reinstate(contextOf(actor, req), params.userId)),
    }),
    defineRoute({
      contract: vettingContracts.verifySocialAccount,
      auth,
      handler: async ({ actor, params, req }) => {
        const { profile, history } = await vetting.verifySocialAccount(contextOf(actor, req), params.id);
        const account = presentPublicProfile(profile, history).socialAccounts.find((candidate) => candidate.id === params.id);
        if (!account) throw adminErrors.SOCIAL_ACCOUNT_NOT_FOUND();
        return account;
      },
    }),
    defineRoute({
      contract: vettingContracts.requestScoreReview,
      auth: ['influencer'],
      handler: async ({ actor, body, req }) => presentScoreReviewRequest(await vetting.requestScoreReview(actor, body.message, requestIdOf(req))),
    }),
    defineRoute({
      contract: vettingContracts.myReview,
      auth: ['brand', 'influencer'],
      handler: async ({ actor }) => presentOwnReview(await vetting.ownReview(actor)),
    }),
  ];
}

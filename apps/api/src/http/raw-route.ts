import type { RequestHandler } from 'express';
import { ROUTE_META, type MarkedHandler } from './define-route.js';

/**
 * For the few endpoints that do not answer JSON through a contract (metrics text, the docs page,
 * the web client's files): they still declare who may call them, so the route walk sees them.
 */
export function rawRoute(auth: 'public', summary: string, handler: RequestHandler): MarkedHandler {
  const marked: MarkedHandler = (req, res, next) => handler(req, res, next);
  marked[ROUTE_META] = {
    contract: { method: 'get', path: '', summary, tags: [], response: null, status: 200 },
    auth,
    activeOnly: false,
  };
  return marked;
}

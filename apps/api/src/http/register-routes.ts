import type { Router } from 'express';
import { buildHandler, type RegisteredRoute, type RouteDefinition } from './define-route.js';

/** Mounts contract routes on the router and returns the route table (for OpenAPI and the auth walk). */
export function registerRoutes(
  router: Router,
  definitions: readonly RouteDefinition[],
  options: { checkResponses: boolean },
): RegisteredRoute[] {
  // Literal paths before parameterised ones, so /api/influencers/search is not taken for /api/influencers/:id.
  const paramCount = (definition: RouteDefinition) => (definition.contract.path.match(/:/g) ?? []).length;
  const ordered = [...definitions].sort((a, b) => paramCount(a) - paramCount(b));
  return ordered.map((definition) => {
    const handler = buildHandler(definition, options);
    router[definition.contract.method](definition.contract.path, handler);
    return { contract: definition.contract, auth: definition.auth, activeOnly: definition.activeOnly ?? false };
  });
}

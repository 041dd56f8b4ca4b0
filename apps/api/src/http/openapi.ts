import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { ZErrorEnvelope } from '@reachbridge/contracts';
import type { z } from 'zod';
import type { RegisteredRoute } from './define-route.js';

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function describeAuth(route: RegisteredRoute): string {
  if (route.auth === 'public') return 'Anyone.';
  const who = route.auth === 'user' ? 'Any logged-in user' : `Role: ${route.auth.join(', ')}`;
  return route.activeOnly ? `${who} (approved accounts only).` : `${who}.`;
}

/** The OpenAPI 3.1 document, generated from the same zod contracts the API parses requests with. */
export function buildOpenApiDocument(routes: readonly RegisteredRoute[], info: { version: string; serverUrl: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'rb.sid',
    description: 'Session cookie from /api/auth/login. State-changing requests also need the x-csrf-token header.',
  });
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Personal API token from POST /api/auth/tokens.',
  });
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: ZErrorEnvelope } },
  });

  for (const route of routes) {
    const { contract } = route;
    registry.registerPath({
      method: contract.method,
      path: toOpenApiPath(contract.path),
      summary: contract.summary,
      description: `Who may call: ${describeAuth(route)}`,
      tags: [...contract.tags],
      security: route.auth === 'public' ? [] : [{ session: [] }, { bearer: [] }],
      request: {
        ...(contract.params ? { params: contract.params as z.ZodObject } : {}),
        ...(contract.query ? { query: contract.query as z.ZodObject } : {}),
        ...(contract.body ? { body: { content: { 'application/json': { schema: contract.body } } } } : {}),
      },
      responses: {
        [contract.status]: contract.response
          ? { description: 'Success', content: { 'application/json': { schema: contract.response } } }
          : { description: 'Done (no content)' },
        400: errorResponse('Invalid input (code VALIDATION_FAILED or MALFORMED_JSON, with details per field)'),
        ...(route.auth === 'public' ? {} : { 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed') }),
      },
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Reachbridge API',
      version: info.version,
      description:
        'Influencer discovery and partnership marketplace. Errors use one envelope: `{ error: { code, message, details?, requestId } }`. Money is in minor units.',
    },
    servers: [{ url: info.serverUrl }],
  });
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type {
  ContractBody,
  ContractParams,
  ContractQuery,
  ContractResponse,
  RouteContract,
  TErrorDetail,
} from '@reachbridge/contracts';
import { canTransact, type Role } from '@reachbridge/domain';
import type { Actor } from './actor.js';
import { httpErrors } from './app-error.js';

/**
 * Who may call a route. Required on every route: `public`, any logged-in `user`, or the roles
 * allowed. `activeOnly` additionally refuses accounts that are not vetted yet.
 */
export type AuthDeclaration = 'public' | 'user' | readonly [Role, ...Role[]];

export interface HandlerContext<C extends RouteContract, A extends AuthDeclaration> {
  params: ContractParams<C>;
  query: ContractQuery<C>;
  body: ContractBody<C>;
  actor: A extends 'public' ? Actor | null : Actor;
  req: Request;
  res: Response;
}

export interface RouteDefinition<C extends RouteContract = RouteContract, A extends AuthDeclaration = AuthDeclaration> {
  contract: C;
  auth: A;
  activeOnly?: boolean;
  handler: (context: HandlerContext<C, A>) => Promise<ContractResponse<C>> | ContractResponse<C>;
}

export interface RegisteredRoute {
  contract: RouteContract;
  auth: AuthDeclaration;
  activeOnly: boolean;
}

/** Marks every Express handler built here, so a test can prove no route lacks an auth declaration. */
export const ROUTE_META = Symbol('reachbridge.route');
export type MarkedHandler = RequestHandler & { [ROUTE_META]?: RegisteredRoute };

export function defineRoute<C extends RouteContract, A extends AuthDeclaration>(
  definition: RouteDefinition<C, A>,
): RouteDefinition<C, A> {
  return definition;
}

/** One detail per offending field; an unknown field is named by its own path. */
export function toDetails(error: z.ZodError, prefix?: string): TErrorDetail[] {
  const join = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: join([...issue.path, key]), message: 'Unknown field.' }))
      : [{ path: join(issue.path), message: issue.message }],
  );
}

function parsePart<T>(schema: z.ZodType | undefined, value: unknown, part: string): T {
  if (!schema) {
    const isEmpty =
      value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
    if (!isEmpty) {
      throw httpErrors.VALIDATION_FAILED({ details: [{ path: part, message: `This endpoint takes no ${part}.` }] });
    }
    return undefined as T;
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw httpErrors.VALIDATION_FAILED({ details: toDetails(result.error, part === 'body' ? undefined : part) });
  return result.data as T;
}

function authorize(route: RegisteredRoute, actor: Actor | undefined): void {
  if (route.auth === 'public') return;
  if (!actor) throw httpErrors.UNAUTHENTICATED();
  if (route.auth !== 'user' && !route.auth.includes(actor.role)) throw httpErrors.FORBIDDEN();
  if (route.activeOnly && !canTransact(actor.status)) throw httpErrors.ACCOUNT_NOT_ACTIVE();
}

const BODY_METHODS = new Set(['post', 'put', 'patch']);

/** Builds the Express handler: authorize → parse params, query, body → handler → (checked) response. */
export function buildHandler(definition: RouteDefinition, options: { checkResponses: boolean }): MarkedHandler {
  const { contract } = definition;
  const meta: RegisteredRoute = { contract, auth: definition.auth, activeOnly: definition.activeOnly ?? false };
  const handler: MarkedHandler = async (req: Request, res: Response, next: NextFunction) => {
    try {
      authorize(meta, req.user);
      if (contract.body && BODY_METHODS.has(contract.method) && !req.is('application/json')) {
        throw httpErrors.UNSUPPORTED_MEDIA_TYPE();
      }
      const result = await definition.handler({
        params: parsePart(contract.params, req.params, 'params'),
        query: parsePart(contract.query, req.query, 'query'),
        body: parsePart(contract.body, req.body, 'body'),
        actor: req.user ?? null,
        req,
        res,
      });
      // A handler that answered itself (a CSV download) is done.
      if (res.headersSent) return;
      if (contract.response === null) {
        res.status(204).end();
        return;
      }
      // In development and tests every answer is checked against its contract: a drifting
      // response fails loudly instead of surprising a client.
      const body = options.checkResponses ? contract.response.parse(result) : result;
      // A handler may set another status itself (/readyz answers 503 with a body).
      res.status(res.statusCode === 200 ? contract.status : res.statusCode).json(body);
    } catch (error) {
      next(error);
    }
  };
  handler[ROUTE_META] = meta;
  return handler;
}

import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One HTTP endpoint described once: the API parses requests with it, the web client derives its
 * types from it, and the OpenAPI document is generated from it.
 */
export interface RouteContract<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TResponse extends z.ZodType | null = z.ZodType | null,
> {
  readonly method: HttpMethod;
  /** Express-style path, e.g. `/api/auth/tokens/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly params?: TParams;
  readonly query?: TQuery;
  readonly body?: TBody;
  /** `null` for an empty (204) answer. */
  readonly response: TResponse;
  readonly status: 200 | 201 | 204;
}

export function defineContract<
  TParams extends z.ZodType = z.ZodNever,
  TQuery extends z.ZodType = z.ZodNever,
  TBody extends z.ZodType = z.ZodNever,
  TResponse extends z.ZodType | null = null,
>(contract: RouteContract<TParams, TQuery, TBody, TResponse>): RouteContract<TParams, TQuery, TBody, TResponse> {
  return contract;
}

type InferOr<T, Fallback> = T extends z.ZodType ? z.infer<T> : Fallback;

export type ContractParams<C> = C extends RouteContract<infer P> ? InferOr<P, undefined> : never;
export type ContractQuery<C> = C extends RouteContract<z.ZodType, infer Q> ? InferOr<Q, undefined> : never;
export type ContractBody<C> = C extends RouteContract<z.ZodType, z.ZodType, infer B> ? InferOr<B, undefined> : never;
export type ContractResponse<C> =
  C extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer R> ? (R extends z.ZodType ? z.infer<R> : void) : never;
/** What a client sends: bodies and queries before defaults are applied. */
export type ContractBodyInput<C> =
  C extends RouteContract<z.ZodType, z.ZodType, infer B> ? (B extends z.ZodType ? z.input<B> : undefined) : never;

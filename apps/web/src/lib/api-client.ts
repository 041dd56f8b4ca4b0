import {
  authContracts,
  ZErrorEnvelope,
  type ContractBodyInput,
  type ContractParams,
  type ContractResponse,
  type RouteContract,
  type TErrorCode,
  type TErrorDetail,
} from '@reachbridge/contracts';

/** Codes the client raises itself, when no error envelope came back. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';
/** A known code, or a code from a newer server (kept verbatim so its message can still be shown). */
export type ApiErrorCode = TErrorCode | ClientErrorCode | (string & {});

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: readonly TErrorDetail[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The input type of a schema, read through the Standard Schema interface zod implements. */
type SchemaInput<S> = S extends { readonly '~standard': { readonly types?: infer Types } }
  ? NonNullable<Types> extends { readonly input: infer Input }
    ? Input
    : never
  : never;
type ContractQueryInput<C> = C extends RouteContract<infer _P, infer Q> ? SchemaInput<Q> : never;

type IsEmpty<T> = [T] extends [never] ? true : [T] extends [undefined] ? true : false;
type ParamsOption<C> = IsEmpty<ContractParams<C>> extends true ? { params?: undefined } : { params: ContractParams<C> };
type QueryOption<C> = IsEmpty<ContractQueryInput<C>> extends true ? { query?: undefined } : { query?: ContractQueryInput<C> };
type BodyOption<C> = IsEmpty<ContractBodyInput<C>> extends true ? { body?: undefined } : { body: ContractBodyInput<C> };

export type CallOptions<C> = ParamsOption<C> & QueryOption<C> & BodyOption<C> & { signal?: AbortSignal };
/** Options may be left out when the contract needs neither params nor a body. */
type CallArgs<C> = Record<string, never> extends CallOptions<C> ? [options?: CallOptions<C>] : [options: CallOptions<C>];

export type AnyContract = RouteContract;
export type CallApi = <C extends AnyContract>(contract: C, ...args: CallArgs<C>) => Promise<ContractResponse<C>>;

export interface ApiClientOptions {
  /** Defaults to the global `fetch`; tests pass a stub. */
  fetch?: typeof fetch;
  /** Prefix for every path; same origin by default. */
  baseUrl?: string;
}

export interface ApiClient {
  callApi: CallApi;
  /** The CSRF token sent with state-changing requests (the latest one the server handed out). */
  getCsrfToken: () => string | null;
  /** Forget the token, e.g. after logout destroyed the session it belonged to. */
  clearCsrfToken: () => void;
}

const SAFE_METHODS = new Set(['get']);

/** Path and query values are scalars; anything else is a programming error, not "[object Object]". */
function toScalarString(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  throw new Error(`${what} must be a string, number or boolean`);
}

export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`Missing path parameter "${name}" for ${path}`);
    }
    return encodeURIComponent(toScalarString(value, `Path parameter "${name}"`));
  });
}

export function buildQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined || item === null) continue;
      search.append(key, toScalarString(item, `Query parameter "${key}"`));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns a non-2xx answer into an ApiError, keeping whatever the envelope says. */
function toApiError(status: number, body: unknown): ApiError {
  const parsed = ZErrorEnvelope.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError(status, code, message, details ?? [], requestId);
  }
  // A code this client does not know yet: keep it and the server's message.
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const requestId = typeof error.requestId === 'string' ? error.requestId : null;
    return new ApiError(status, error.code, error.message, [], requestId);
  }
  return new ApiError(status, 'UNEXPECTED_RESPONSE', `Unexpected answer from the server (HTTP ${status})`);
}

/**
 * A typed client for the route contracts in `@reachbridge/contracts`: the path, params, body and
 * response types all come from the contract. Session cookies ride along (same origin); every
 * state-changing request carries the latest CSRF token, and a request refused with
 * `CSRF_TOKEN_INVALID` is retried once after the session (and its token) has been re-read.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? '';
  let csrfToken: string | null = null;
  let pendingRefresh: Promise<string> | null = null;

  async function send<C extends AnyContract>(contract: C, callOptions: CallOptions<C> | undefined) {
    const { params, query, body, signal } = (callOptions ?? {}) as {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
      signal?: AbortSignal;
    };
    const url = `${baseUrl}${buildPath(contract.path, params)}${buildQueryString(query)}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (!SAFE_METHODS.has(contract.method) && csrfToken) headers['x-csrf-token'] = csrfToken;

    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: contract.method.toUpperCase(),
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'Network error');
    }

    if (!response.ok) throw toApiError(response.status, await readJson(response));
    if (contract.response === null || response.status === 204) return undefined as ContractResponse<C>;

    const parsed = contract.response.safeParse(await readJson(response));
    if (!parsed.success) {
      const requestId = response.headers.get('x-request-id');
      throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', 'The server answered in an unexpected shape', [], requestId);
    }
    const data: unknown = parsed.data;
    // Session, login and register hand out the token to use from now on.
    if (isRecord(data) && typeof data.csrfToken === 'string') csrfToken = data.csrfToken;
    return data as ContractResponse<C>;
  }

  function refreshCsrfToken(): Promise<string> {
    pendingRefresh ??= send(authContracts.session, undefined)
      .then((session) => session.csrfToken)
      .finally(() => {
        pendingRefresh = null;
      });
    return pendingRefresh;
  }

  const callApi: CallApi = async (contract, ...[callOptions]) => {
    const isStateChanging = !SAFE_METHODS.has(contract.method);
    if (isStateChanging && !csrfToken) await refreshCsrfToken();
    try {
      return await send(contract, callOptions);
    } catch (error) {
      if (!isStateChanging || !isApiError(error) || error.code !== 'CSRF_TOKEN_INVALID') throw error;
      await refreshCsrfToken();
      return send(contract, callOptions);
    }
  };

  return {
    callApi,
    getCsrfToken: () => csrfToken,
    clearCsrfToken: () => {
      csrfToken = null;
    },
  };
}

/** The client the app uses. */
export const apiClient = createApiClient();
export const callApi: CallApi = (contract, ...args) => apiClient.callApi(contract, ...args);

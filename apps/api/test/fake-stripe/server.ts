import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cardDeclined, FakeStripeError, invalidRequest, type StripeErrorBody } from './errors.js';
import type { FakeCharge, FakePaymentIntent, StripeList } from './objects.js';
import { optionalPositiveInteger, optionalString, parseParams, requiredString, stringList, type Params } from './params.js';
import type { FakeStripeState, RequestContext } from './state.js';

/** One request as the fake received it, for assertions on the wire. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Form body of a POST, query of a GET, parsed with Stripe's bracket rules. */
  params: Params;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  idempotencyKey: string | null;
  stripeAccount: string | null;
  /** The status the fake answered (set once answered; a cut-off answer keeps the status it started with). */
  status: number | null;
}

export type FaultKind = 'timeout_after_success' | 'http_500' | 'rate_limit' | 'card_declined' | 'account_invalid';
/** `"/v1/transfers"` (any method), `"POST /v1/transfers"`, or a predicate over the request. */
export type FaultTarget = string | ((request: RecordedRequest) => boolean);

interface Fault {
  matches: (request: RecordedRequest) => boolean;
  kind: FaultKind;
}

interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
}

interface Answer {
  status: number;
  body: unknown;
}

interface RouteContext {
  args: string[];
  params: Params;
  request: RequestContext;
}

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle: (context: RouteContext) => unknown;
}

export interface FakeStripeServerOptions {
  /** Largest page a list returns (Stripe: 100); lower it to exercise auto-pagination. */
  listPageCap?: number;
}

const IDEMPOTENCY_MISMATCH = (key: string): FakeStripeError =>
  new FakeStripeError(400, {
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });

/**
 * The HTTP face of the fake: Stripe's v1 paths, form bodies, bearer auth, JSON errors,
 * idempotency keys and injected faults, in front of `FakeStripeState`. The real `stripe` SDK
 * talks to it over plain http on loopback.
 */
export class FakeStripeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly idempotent = new Map<string, StoredResponse>();
  private readonly routes: Route[];
  private readonly server: http.Server;
  private readonly listPageCap: number;

  constructor(
    private readonly state: FakeStripeState,
    options: FakeStripeServerOptions = {},
  ) {
    this.listPageCap = options.listPageCap ?? 100;
    this.routes = this.buildRoutes();
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    // The SDK keeps connections alive; without this, close() would wait for them to idle out.
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  failNext(target: FaultTarget, fault: { kind: FaultKind }): void {
    this.faults.push({ matches: toMatcher(target), kind: fault.kind });
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake-stripe');
    const method = req.method ?? 'GET';
    const headers = flattenHeaders(req.headers);
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      params: parseParams(method === 'GET' ? url.search.slice(1) : body),
      headers,
      idempotencyKey: headers['idempotency-key'] ?? null,
      stripeAccount: headers['stripe-account'] ?? null,
      status: null,
    };
    this.requests.push(recorded);
    const requestId = this.state.newId('req');
    const fault = this.takeFault(recorded);
    if (fault && fault.kind !== 'timeout_after_success') {
      this.send(res, recorded, requestId, faultAnswer(fault.kind));
      return;
    }
    const answer = this.answer(recorded, requestId);
    if (fault) this.sendCutOff(res, recorded, requestId, answer);
    else this.send(res, recorded, requestId, answer);
  }

  /** Auth, then idempotency (replay or refuse), then the route. */
  private answer(request: RecordedRequest, requestId: string): StoredResponse {
    const key = request.method === 'POST' ? request.idempotencyKey : null;
    const fingerprint = `${request.method} ${request.path} ${canonicalJson(request.params)}`;
    if (key) {
      const stored = this.idempotent.get(key);
      if (stored) return stored.fingerprint === fingerprint ? stored : errorResponse(fingerprint, IDEMPOTENCY_MISMATCH(key));
    }
    const response = this.execute(request, { requestId, idempotencyKey: key }, fingerprint);
    // Stripe saves the answer once the operation has started: results and card declines, not
    // rejected parameters (which a corrected retry may fix).
    if (key && (response.status < 400 || response.status === 402)) this.idempotent.set(key, response);
    return response;
  }

  private execute(request: RecordedRequest, context: RequestContext, fingerprint: string): StoredResponse {
    try {
      authenticate(request);
      // Our adapter makes platform calls only; a Stripe-Account header would act on the
      // connected account's balance instead, which this fake does not model.
      if (request.stripeAccount) throw invalidRequest(`The fake Stripe models platform calls only (Stripe-Account: ${request.stripeAccount}).`);
      const route = this.routes.find((r) => r.method === request.method && r.pattern.test(request.path));
      if (!route) throw new FakeStripeError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${request.path}).` });
      const args = route.pattern.exec(request.path)?.slice(1) ?? [];
      const body = route.handle({ args, params: request.params, request: context });
      return { fingerprint, status: 200, body: JSON.stringify(body) };
    } catch (error) {
      if (error instanceof FakeStripeError) return errorResponse(fingerprint, error);
      throw error;
    }
  }

  private send(res: http.ServerResponse, request: RecordedRequest, requestId: string, answer: StoredResponse | Answer): void {
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    request.status = answer.status;
    res.writeHead(answer.status, responseHeaders(requestId, request, Buffer.byteLength(body)));
    res.end(body);
  }

  /**
   * "Timeout after success": the operation has happened, but the connection dies halfway
   * through the answer. The SDK reports a connection error and does not retry it (the response
   * had started), which is the ambiguous case our callers must resolve by retrying with the
   * same idempotency key.
   */
  private sendCutOff(res: http.ServerResponse, request: RecordedRequest, requestId: string, answer: StoredResponse): void {
    request.status = answer.status;
    res.writeHead(answer.status, responseHeaders(requestId, request, Buffer.byteLength(answer.body)));
    res.write(answer.body.slice(0, Math.floor(answer.body.length / 2)), () => res.socket?.destroy());
  }

  private takeFault(request: RecordedRequest): Fault | undefined {
    const index = this.faults.findIndex((fault) => fault.matches(request));
    return index === -1 ? undefined : this.faults.splice(index, 1)[0];
  }

  private buildRoutes(): Route[] {
    const s = this.state;
    const intent = (value: FakePaymentIntent, params: Params): unknown => this.expandIntent(value, params);
    return [
      { method: 'POST', pattern: /^\/v1\/payment_intents$/, handle: (c) => intent(s.createPaymentIntent(c.params, c.request), c.params) },
      { method: 'GET', pattern: /^\/v1\/payment_intents\/([^/]+)$/, handle: (c) => intent(s.paymentIntent(arg(c, 0)), c.params) },
      {
        method: 'POST',
        pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
        handle: (c) => intent(s.confirmPaymentIntent(arg(c, 0), requiredString(c.params, 'payment_method'), c.request), c.params),
      },
      { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/, handle: (c) => intent(s.capturePaymentIntent(arg(c, 0), c.params, c.request), c.params) },
      { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, handle: (c) => intent(s.cancelPaymentIntent(arg(c, 0), c.params, c.request), c.params) },
      { method: 'GET', pattern: /^\/v1\/charges\/([^/]+)$/, handle: (c) => s.charge(arg(c, 0)) },
      { method: 'POST', pattern: /^\/v1\/refunds$/, handle: (c) => s.createRefund(c.params, c.request) },
      { method: 'GET', pattern: /^\/v1\/refunds\/([^/]+)$/, handle: (c) => s.refund(arg(c, 0)) },
      {
        method: 'GET',
        pattern: /^\/v1\/refunds$/,
        handle: (c) => this.list('/v1/refunds', [...s.refunds.values()], c.params, (r) => filterBy(c.params, { payment_intent: r.payment_intent, charge: r.charge })),
      },
      { method: 'POST', pattern: /^\/v1\/transfers$/, handle: (c) => s.createTransfer(c.params, c.request) },
      { method: 'GET', pattern: /^\/v1\/transfers\/([^/]+)$/, handle: (c) => s.transfer(arg(c, 0)) },
      {
        method: 'GET',
        pattern: /^\/v1\/transfers$/,
        handle: (c) =>
          this.list('/v1/transfers', [...s.transfers.values()], c.params, (t) => filterBy(c.params, { transfer_group: t.transfer_group, destination: t.destination })),
      },
      { method: 'POST', pattern: /^\/v1\/accounts$/, handle: (c) => s.createAccount(c.params) },
      { method: 'GET', pattern: /^\/v1\/accounts\/([^/]+)$/, handle: (c) => s.account(arg(c, 0)) },
      { method: 'POST', pattern: /^\/v1\/account_links$/, handle: (c) => s.createAccountLink(c.params) },
      { method: 'GET', pattern: /^\/v1\/balance$/, handle: () => this.balance() },
    ];
  }

  /** `expand[]=latest_charge` swaps the charge id for the charge, as Stripe does. */
  private expandIntent(intent: FakePaymentIntent, params: Params): FakePaymentIntent | (Omit<FakePaymentIntent, 'latest_charge'> & { latest_charge: FakeCharge }) {
    if (!stringList(params, 'expand').includes('latest_charge') || !intent.latest_charge) return intent;
    return { ...intent, latest_charge: this.state.charge(intent.latest_charge) };
  }

  /** Stripe lists: newest first, `limit` (≤ 100), `starting_after` cursor, `has_more`. */
  private list<T extends { id: string }>(url: string, items: T[], params: Params, keep: (item: T) => boolean): StripeList<T> {
    const newestFirst = items.filter(keep).reverse();
    const limit = Math.min(optionalPositiveInteger(params, 'limit') ?? 10, this.listPageCap);
    const after = optionalString(params, 'starting_after');
    const start = after ? newestFirst.findIndex((item) => item.id === after) + 1 : 0;
    const page = newestFirst.slice(start, start + limit);
    return { object: 'list', data: page, has_more: start + limit < newestFirst.length, url };
  }

  private balance(): unknown {
    const entries = [...this.state.balances.entries()];
    return {
      object: 'balance',
      livemode: false,
      available: entries.map(([currency, b]) => ({ amount: b.available, currency })),
      pending: entries.map(([currency, b]) => ({ amount: b.pending, currency })),
    };
  }
}

function arg(context: RouteContext, index: number): string {
  return decodeURIComponent(context.args[index] ?? '');
}

/** Keeps an item when every filter the request gave matches it. */
function filterBy(params: Params, fields: Record<string, string | null>): boolean {
  return Object.entries(fields).every(([name, value]) => {
    const wanted = optionalString(params, name);
    return wanted === undefined || wanted === value;
  });
}

function authenticate(request: RecordedRequest): void {
  const authorization = request.headers.authorization ?? '';
  if (!/^Bearer (sk|rk)_test_\w+$/.test(authorization)) {
    throw new FakeStripeError(401, { type: 'invalid_request_error', message: 'Invalid API Key provided: the fake accepts sk_test_… keys only.' });
  }
}

function faultAnswer(kind: Exclude<FaultKind, 'timeout_after_success'>): Answer {
  const bodies: Record<typeof kind, { status: number; error: StripeErrorBody }> = {
    http_500: { status: 500, error: { type: 'api_error', message: 'An unknown error occurred (injected by the fake).' } },
    rate_limit: {
      status: 429,
      error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Request rate limit exceeded (injected by the fake).' },
    },
    card_declined: { status: 402, error: cardDeclined().body },
    account_invalid: {
      status: 400,
      error: { type: 'invalid_request_error', code: 'account_invalid', message: 'The destination account cannot receive transfers (injected by the fake).' },
    },
  };
  const { status, error } = bodies[kind];
  return { status, body: { error } };
}

function errorResponse(fingerprint: string, error: FakeStripeError): StoredResponse {
  return { fingerprint, status: error.status, body: JSON.stringify({ error: error.body }) };
}

function responseHeaders(requestId: string, request: RecordedRequest, length: number): http.OutgoingHttpHeaders {
  return {
    'content-type': 'application/json',
    'content-length': length,
    'request-id': requestId,
    'stripe-version': request.headers['stripe-version'] ?? '',
    ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
  };
}

function toMatcher(target: FaultTarget): (request: RecordedRequest) => boolean {
  if (typeof target === 'function') return target;
  return (request) => target === request.path || target === `${request.method} ${request.path}`;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parameters compared by value, whatever order the keys came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

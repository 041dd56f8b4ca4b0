// eslint-disable-next-line no-restricted-imports -- test support: a fake Stripe signs its deliveries with the SDK's own signer, exactly as the verifier expects
import Stripe from 'stripe';
import type { FakeEvent } from './objects.js';

/** A `stripe-signature` header for this exact payload, as Stripe computes it (`t=…,v1=…`). */
export function signTestWebhook(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp === undefined ? {} : { timestamp }) });
}

export interface DeliverOptions {
  /** The webhook route, e.g. `http://127.0.0.1:1234/api/webhooks/stripe`. */
  url: string;
  /** That endpoint's signing secret (platform or Connect). */
  secret: string;
  events: readonly FakeEvent[];
  /** Deliver in a shuffled order (Stripe does not order deliveries); a number seeds the order. */
  shuffle?: boolean | number;
  /** Deliver every event this many times (true = twice): Stripe delivers at least once. */
  duplicate?: boolean | number;
  /** Send all deliveries at once instead of one after another. */
  concurrent?: boolean;
}

export interface Delivery {
  eventId: string;
  type: string;
  status: number;
  body: string;
}

/** POSTs events to a webhook route the way Stripe does: raw JSON body, signed `stripe-signature` header. */
export async function deliver(options: DeliverOptions): Promise<Delivery[]> {
  const copies = options.duplicate === true ? 2 : typeof options.duplicate === 'number' ? options.duplicate : 1;
  let queue = options.events.flatMap((event) => Array.from({ length: copies }, () => event));
  if (options.shuffle !== undefined && options.shuffle !== false) queue = shuffled(queue, options.shuffle === true ? Date.now() : options.shuffle);
  const send = (event: FakeEvent) => deliverOne(options.url, options.secret, event);
  if (options.concurrent) return Promise.all(queue.map(send));
  const deliveries: Delivery[] = [];
  for (const event of queue) deliveries.push(await send(event));
  return deliveries;
}

async function deliverOne(url: string, secret: string, event: FakeEvent): Promise<Delivery> {
  const payload = JSON.stringify(event, null, 2);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signTestWebhook(payload, secret), 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
    body: payload,
  });
  return { eventId: event.id, type: event.type, status: response.status, body: await response.text() };
}

/** Fisher–Yates with a small seeded generator, so a failing order can be replayed from its seed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

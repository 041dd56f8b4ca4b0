import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signTestWebhook, startFakeStripe, type FakeEvent, type FakeStripe } from '../../../../test/fake-stripe/index.js';
import type { ProviderEvent } from '../payment-provider.port.js';
import { createStripeWebhookVerifier, WebhookSignatureError } from './stripe-webhooks.js';

/** payments-escrow.md §7 cases 17 and 20, plus the fake's signed deliveries (shuffled, duplicated). */
const PLATFORM_SECRET = 'whsec_platform_test_secret';
const CONNECT_SECRET = 'whsec_connect_test_secret';
const verifier = createStripeWebhookVerifier({ platformSecret: PLATFORM_SECRET, connectSecret: CONNECT_SECRET });

let fake: FakeStripe;
beforeEach(async () => {
  fake = await startFakeStripe();
});
afterEach(async () => {
  await fake.close();
});

/** A real hold → capture and an onboarded account: the events Stripe would have sent. */
async function makeEvents(): Promise<{ captured: FakeEvent; accountUpdated: FakeEvent }> {
  const stripe = fake.provider({ maxNetworkRetries: 0 });
  const hold = await stripe.createHold({ offerId: '42', money: { amount: 1_000, currency: 'USD' }, description: 'Offer 42', idempotencyKey: 'k1' });
  fake.confirm(hold.id);
  await stripe.captureHold({ holdId: hold.id, idempotencyKey: 'k2' });
  const account = await stripe.createPayoutAccount({ userId: 'u1', email: 'u1@example.test', country: null, idempotencyKey: 'k3' });
  fake.activateAccount(account.id);
  const find = (type: string) => fake.events.find((e) => e.type === type)!;
  return { captured: find('payment_intent.succeeded'), accountUpdated: find('account.updated') };
}

const body = (event: FakeEvent) => Buffer.from(JSON.stringify(event));

describe('verify', () => {
  it('accepts a platform event signed with the platform secret and reduces it to a ProviderEvent', async () => {
    const { captured } = await makeEvents();
    const raw = body(captured);

    const event = verifier.verify('platform', raw, signTestWebhook(raw.toString(), PLATFORM_SECRET));

    expect(event).toEqual<ProviderEvent>({
      id: captured.id,
      type: 'payment_intent.succeeded',
      endpoint: 'platform',
      account: null,
      livemode: false,
      created: new Date(captured.created * 1000),
      objectId: captured.data.object.id,
      objectType: 'payment_intent',
      offerId: '42',
      payload: JSON.parse(raw.toString()),
    });
  });

  it('accepts a Connect event at the Connect endpoint, with its account', async () => {
    const { accountUpdated } = await makeEvents();
    const raw = body(accountUpdated);
    const event = verifier.verify('connect', raw, signTestWebhook(raw.toString(), CONNECT_SECRET));
    expect(event).toMatchObject({ endpoint: 'connect', type: 'account.updated', account: accountUpdated.account, objectType: 'account', offerId: null });
  });

  it('rejects a tampered body', async () => {
    const { captured } = await makeEvents();
    const header = signTestWebhook(JSON.stringify(captured), PLATFORM_SECRET);
    const tampered = Buffer.from(JSON.stringify({ ...captured, type: 'payment_intent.canceled' }));
    expect(() => verifier.verify('platform', tampered, header)).toThrow(WebhookSignatureError);
  });

  it('rejects a missing signature header', async () => {
    const { captured } = await makeEvents();
    expect(() => verifier.verify('platform', body(captured), undefined)).toThrow(WebhookSignatureError);
    expect(() => verifier.verify('platform', body(captured), '')).toThrow(WebhookSignatureError);
  });

  it('rejects a signature older than the tolerance (now − 600 s)', async () => {
    const { captured } = await makeEvents();
    const raw = body(captured);
    const stale = signTestWebhook(raw.toString(), PLATFORM_SECRET, Math.floor(Date.now() / 1000) - 600);
    expect(() => verifier.verify('platform', raw, stale)).toThrow(/tolerance/);
    expect(() => verifier.verify('platform', raw, stale)).toThrow(WebhookSignatureError);
  });

  it('refuses a body a JSON parser already turned into an object', async () => {
    const { captured } = await makeEvents();
    const header = signTestWebhook(JSON.stringify(captured), PLATFORM_SECRET);
    const parsed = JSON.parse(JSON.stringify(captured)) as unknown as Buffer;
    expect(() => verifier.verify('platform', parsed, header)).toThrow(/raw request bytes/);
    // A string is not the raw Buffer either, even if it happens to be the same text.
    expect(() => verifier.verify('platform', JSON.stringify(captured) as unknown as Buffer, header)).toThrow(WebhookSignatureError);
  });

  it('rejects a Connect event (signed with the Connect secret) sent to the platform endpoint, and the reverse', async () => {
    const { captured, accountUpdated } = await makeEvents();
    const connectRaw = body(accountUpdated);
    expect(() => verifier.verify('platform', connectRaw, signTestWebhook(connectRaw.toString(), CONNECT_SECRET))).toThrow(WebhookSignatureError);
    const platformRaw = body(captured);
    expect(() => verifier.verify('connect', platformRaw, signTestWebhook(platformRaw.toString(), PLATFORM_SECRET))).toThrow(WebhookSignatureError);
  });

  it('keeps the verification failure as the cause', async () => {
    const { captured } = await makeEvents();
    const raw = body(captured);
    const error = (() => {
      try {
        verifier.verify('platform', raw, 't=1,v1=deadbeef');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WebhookSignatureError);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});

describe('deliver (the fake posting its events to a webhook route)', () => {
  let receiver: http.Server;
  let url: string;
  const received: ProviderEvent[] = [];

  beforeEach(async () => {
    received.length = 0;
    // A minimal route: raw body in, verify, 200 or 400 — what the payments router does.
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          received.push(verifier.verify('platform', Buffer.concat(chunks), req.headers['stripe-signature'] as string | undefined));
          res.writeHead(200).end('{"received":true}');
        } catch (error) {
          res.writeHead(error instanceof WebhookSignatureError ? 400 : 500).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
  });
  afterEach(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('signs every delivery; duplicates and a seeded shuffle are delivered as asked', async () => {
    await makeEvents();
    const events = fake.eventsFor('platform');
    expect(events.map((e) => e.type)).toEqual(['payment_intent.created', 'payment_intent.amount_capturable_updated', 'payment_intent.succeeded']);

    const deliveries = await fake.deliver({ url, secret: PLATFORM_SECRET, events, duplicate: 2, shuffle: 7, concurrent: true });

    expect(deliveries).toHaveLength(6);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    expect(new Set(received.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
    const again = await fake.deliver({ url, secret: PLATFORM_SECRET, events, duplicate: 2, shuffle: 7 });
    expect(again.map((d) => d.eventId)).toEqual(deliveries.map((d) => d.eventId));
  });

  it('a delivery signed with the wrong secret is answered 400', async () => {
    await makeEvents();
    const deliveries = await fake.deliver({ url, secret: CONNECT_SECRET, events: fake.eventsFor('connect') });
    expect(deliveries.map((d) => [d.type, d.status])).toEqual([['account.updated', 400]]);
    expect(received).toEqual([]);
  });
});

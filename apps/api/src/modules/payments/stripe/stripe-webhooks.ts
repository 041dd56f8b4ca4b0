import Stripe from 'stripe';
import type { ProviderEvent, WebhookVerifier } from '../payment-provider.port.js';

type WebhookEndpoint = ProviderEvent['endpoint'];

/** The request is not a genuine, fresh Stripe delivery for this endpoint: answer 400, do not process. */
export class WebhookSignatureError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookSignatureError';
  }
}

export interface StripeWebhookVerifierOptions {
  /** Signing secret of the platform ("Account") endpoint: payments, charges, refunds, transfers. */
  platformSecret: string;
  /** Signing secret of the Connect endpoint: events on connected accounts (`account.updated`, payouts). */
  connectSecret: string;
  /** How old a signature may be; Stripe's default is 300 s. */
  toleranceSeconds?: number;
}

const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * `verify` checks the `stripe-signature` header over the exact bytes received (mount the route
 * with a raw body parser, before any JSON parser) and reduces the event to a `ProviderEvent`;
 * it throws `WebhookSignatureError` (answer 400) when the delivery is not genuine. Each endpoint
 * has its own secret, so an event sent to the wrong endpoint fails here.
 */
export function createStripeWebhookVerifier(options: StripeWebhookVerifierOptions): WebhookVerifier {
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const secrets: Record<WebhookEndpoint, string> = { platform: options.platformSecret, connect: options.connectSecret };
  return {
    verify(endpoint, rawBody, signatureHeader) {
      // A body a JSON parser already turned into an object no longer has the signed bytes;
      // re-serialising it would not reproduce them, so it is refused rather than guessed at.
      if (!Buffer.isBuffer(rawBody)) throw new WebhookSignatureError('Webhook body must be the raw request bytes (a Buffer)');
      if (!signatureHeader) throw new WebhookSignatureError('Missing stripe-signature header');
      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(rawBody, signatureHeader, secrets[endpoint], tolerance);
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : 'Invalid webhook signature', { cause: error });
      }
      return toProviderEvent(endpoint, event);
    },
  };
}

function toProviderEvent(endpoint: WebhookEndpoint, event: Stripe.Event): ProviderEvent {
  const object = asRecord(event.data.object);
  const metadata = asRecord(object.metadata);
  return {
    id: event.id,
    type: event.type,
    endpoint,
    account: event.account ?? null,
    livemode: event.livemode,
    created: new Date(event.created * 1000),
    objectId: asString(object.id),
    objectType: asString(object.object),
    offerId: asString(metadata.offer_id),
    payload: event,
  };
}

/** Event payloads are a union of hundreds of shapes; we read only a few common fields, defensively. */
function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

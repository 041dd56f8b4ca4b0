/** The `error` object of a Stripe error response (https://docs.stripe.com/api/errors). */
export interface StripeErrorBody {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  code?: string;
  decline_code?: string;
  param?: string;
  message: string;
}

/** Thrown by the fake's handlers; the server answers `{ error }` with this status, as Stripe does. */
export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
    this.name = 'FakeStripeError';
  }
}

export const invalidRequest = (message: string, code?: string, param?: string): FakeStripeError =>
  new FakeStripeError(400, { type: 'invalid_request_error', message, ...(code ? { code } : {}), ...(param ? { param } : {}) });

export const noSuch = (kind: string, id: string, param = 'id'): FakeStripeError =>
  new FakeStripeError(404, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` });

export const cardDeclined = (): FakeStripeError =>
  new FakeStripeError(402, { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });

import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { PaymentProviderError } from '../payment-provider.port.js';
import { toProviderError } from './stripe-errors.js';

/** The classification table on its own, including cases the fake does not produce (lock_timeout, 409, permission). */
const { errors } = Stripe;

const cases: Array<[string, Stripe.errors.StripeError, 'retryable' | 'definitive', string | null]> = [
  ['connection error', new errors.StripeConnectionError({ message: 'socket hang up' }), 'retryable', null],
  ['rate limit (429)', new errors.StripeRateLimitError({ message: 'slow down', statusCode: 429, code: 'rate_limit' }), 'retryable', 'rate_limit'],
  ['lock timeout (429)', new errors.StripeRateLimitError({ message: 'locked', statusCode: 429, code: 'lock_timeout' }), 'retryable', 'lock_timeout'],
  ['lock timeout as an invalid request', new errors.StripeInvalidRequestError({ message: 'locked', statusCode: 400, code: 'lock_timeout' }), 'retryable', 'lock_timeout'],
  ['API error 500', new errors.StripeAPIError({ message: 'oops', statusCode: 500 }), 'retryable', null],
  ['API error 503', new errors.StripeAPIError({ message: 'oops', statusCode: 503 }), 'retryable', null],
  ['concurrent use of a key (409)', new errors.StripeAPIError({ message: 'in use', statusCode: 409, code: 'idempotency_key_in_use' }), 'retryable', 'idempotency_key_in_use'],
  ['invalid JSON from the API (no status)', new errors.StripeAPIError({ message: 'Invalid JSON received from the Stripe API' }), 'retryable', null],
  ['Stripe-Should-Retry: true', new errors.StripeInvalidRequestError({ message: 'x', statusCode: 400, headers: { 'stripe-should-retry': 'true' } }), 'retryable', null],
  ['card declined', new errors.StripeCardError({ message: 'declined', statusCode: 402, code: 'card_declined' }), 'definitive', 'card_declined'],
  ['invalid request', new errors.StripeInvalidRequestError({ message: 'bad', statusCode: 400, code: 'parameter_missing' }), 'definitive', 'parameter_missing'],
  ['account cannot receive transfers', new errors.StripeInvalidRequestError({ message: 'no', statusCode: 400, code: 'account_invalid' }), 'definitive', 'account_invalid'],
  ['idempotency error (no code, type only)', new errors.StripeIdempotencyError({ message: 'same key', statusCode: 400, type: 'idempotency_error' }), 'definitive', 'idempotency_error'],
  ['authentication', new errors.StripeAuthenticationError({ message: 'bad key', statusCode: 401 }), 'definitive', null],
  ['permission', new errors.StripePermissionError({ message: 'not yours', statusCode: 403 }), 'definitive', null],
];

describe('toProviderError', () => {
  it.each(cases)('%s → %s', (_name, error, kind, code) => {
    const mapped = toProviderError(error);
    expect(mapped).toBeInstanceOf(PaymentProviderError);
    expect(mapped).toMatchObject({ kind, code, cause: error });
  });

  it('leaves errors that are not from Stripe alone: a bug is not a network failure', () => {
    const bug = new TypeError('cannot read properties of undefined');
    expect(toProviderError(bug)).toBe(bug);
  });
});

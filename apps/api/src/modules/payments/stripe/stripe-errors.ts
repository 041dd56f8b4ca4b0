import Stripe from 'stripe';
import { PaymentProviderError } from '../payment-provider.port.js';

/**
 * Classifies a failure of a Stripe call for the payments service (which retries `retryable`
 * ones later with the same idempotency key and gives up on `definitive` ones).
 *
 * Retryable: the request may not have run, or may have run without our seeing the answer —
 * connection errors and timeouts, 5xx, 429 (rate limit, including `lock_timeout`), 409 (a
 * concurrent request with the same idempotency key), and anything Stripe flags with
 * `Stripe-Should-Retry: true`. Everything else Stripe answered (card declined, invalid request
 * including `idempotency_error` and `account_invalid`, authentication, permission) is definitive:
 * repeating it gives the same answer.
 *
 * Errors that are not Stripe's (a bug in our code, say) are returned unchanged, so they surface
 * as what they are instead of being retried as if the network had failed.
 */
export function toProviderError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const code = providerCode(error);
  const kind = isRetryable(error, code) ? 'retryable' : 'definitive';
  return new PaymentProviderError(error.message || error.type, kind, code, { cause: error });
}

/** Run a Stripe call, translating its failure. */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toProviderError(error);
  }
}

function providerCode(error: Stripe.errors.StripeError): string | null {
  if (error.code) return error.code;
  // Stripe sends idempotency errors as `type: idempotency_error` without a `code`.
  if (error instanceof Stripe.errors.StripeIdempotencyError || error.rawType === 'idempotency_error') return 'idempotency_error';
  return null;
}

function isRetryable(error: Stripe.errors.StripeError, code: string | null): boolean {
  if (error instanceof Stripe.errors.StripeConnectionError) return true;
  if (error instanceof Stripe.errors.StripeRateLimitError) return true;
  if (code === 'lock_timeout') return true;
  if (error.headers?.['stripe-should-retry'] === 'true') return true;
  const status = error.statusCode;
  if (error instanceof Stripe.errors.StripeAPIError) return status === undefined || status === 409 || status >= 500;
  return status !== undefined && (status === 409 || status >= 500);
}

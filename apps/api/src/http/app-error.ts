import type { TErrorCode, TErrorDetail } from '@reachbridge/contracts';

/** An error with a stable code that the error handler turns into the SPEC's error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    readonly status: number,
    message: string,
    readonly details?: TErrorDetail[],
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

interface ErrorSpec {
  readonly status: number;
  readonly message: string;
}

type ErrorFactories<T extends Partial<Record<TErrorCode, ErrorSpec>>> = {
  readonly [K in keyof T]: (overrides?: { message?: string; details?: TErrorDetail[]; headers?: Record<string, string> }) => AppError;
};

/**
 * A module's error table: code → status and user-facing message, turned into factories.
 * `throw authErrors.AUTH_EMAIL_TAKEN()`.
 */
export function defineErrors<T extends Partial<Record<TErrorCode, ErrorSpec>>>(table: T): ErrorFactories<T> {
  const factories: Record<string, (overrides?: { message?: string; details?: TErrorDetail[]; headers?: Record<string, string> }) => AppError> = {};
  for (const [code, spec] of Object.entries(table) as [TErrorCode, ErrorSpec][]) {
    factories[code] = (overrides) =>
      new AppError(code, spec.status, overrides?.message ?? spec.message, overrides?.details, overrides?.headers);
  }
  return factories as ErrorFactories<T>;
}

export const httpErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as application/json.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'There is no such endpoint.' },
  UNAUTHENTICATED: { status: 401, message: 'Log in to do this.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  ACCOUNT_NOT_ACTIVE: { status: 403, message: 'Your account is waiting for review; this opens once it is approved.' },
  CSRF_TOKEN_INVALID: { status: 403, message: 'The CSRF token is missing or wrong. Reload the page and try again.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Try again later.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is unavailable right now. Try again shortly.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side.' },
});

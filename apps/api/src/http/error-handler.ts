import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { TErrorEnvelope } from '@reachbridge/contracts';
import { translateDatabaseError } from '../db/pg-errors.js';
import type { Logger } from '../observability/logger.js';
import { AppError, httpErrors } from './app-error.js';

/** body-parser's errors carry a `type`; map the ones a client can cause. */
function translateBodyParserError(error: unknown): AppError | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed':
      return httpErrors.MALFORMED_JSON();
    case 'entity.too.large':
      return httpErrors.PAYLOAD_TOO_LARGE();
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return httpErrors.UNSUPPORTED_MEDIA_TYPE();
    default:
      return undefined;
  }
}

export function requestIdOf(req: Request): string {
  return typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : 'unknown';
}

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  return translateBodyParserError(error) ?? translateDatabaseError(error);
}

/**
 * The one translator: every error becomes the SPEC's envelope. Known errors keep their code and
 * status; anything else is logged once with the request id and answered with a generic 500.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = toAppError(error);
    const appError = known ?? httpErrors.INTERNAL_ERROR();
    if (!known) {
      (req.log ?? logger).error({ err: error }, 'unhandled error');
    } else if (appError.status >= 500) {
      (req.log ?? logger).warn({ err: error, code: appError.code }, 'request failed');
    }
    for (const [name, value] of Object.entries(appError.headers ?? {})) res.setHeader(name, value);
    const envelope: TErrorEnvelope = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details?.length ? { details: appError.details } : {}),
        requestId: requestIdOf(req),
      },
    };
    res.status(appError.status).json(envelope);
  };
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(httpErrors.ROUTE_NOT_FOUND());
};

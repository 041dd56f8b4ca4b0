import { defineErrors, type AppError } from '../http/app-error.js';

const dbErrors = defineErrors({
  CONFLICT: { status: 409, message: 'This conflicts with something that already exists.' },
  REFERENCED_RESOURCE_NOT_FOUND: { status: 422, message: 'Something this refers to does not exist.' },
  CONCURRENT_UPDATE: { status: 409, message: 'Someone else changed this at the same time. Reload and try again.' },
  VALIDATION_FAILED: { status: 400, message: 'A value is not valid.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The database is unavailable right now. Try again shortly.' },
});

/** PostgreSQL error classes we answer with a 4xx or 503 instead of a 500. */
const BY_SQLSTATE: Record<string, () => AppError> = {
  '23505': () => dbErrors.CONFLICT(), // unique_violation
  '23503': () => dbErrors.REFERENCED_RESOURCE_NOT_FOUND(), // foreign_key_violation
  '23514': () => dbErrors.VALIDATION_FAILED(), // check_violation
  '23502': () => dbErrors.VALIDATION_FAILED(), // not_null_violation
  '22P02': () => dbErrors.VALIDATION_FAILED(), // invalid_text_representation
  '22001': () => dbErrors.VALIDATION_FAILED(), // string_data_right_truncation
  '40001': () => dbErrors.CONCURRENT_UPDATE(), // serialization_failure
  '40P01': () => dbErrors.CONCURRENT_UPDATE(), // deadlock_detected
  '55P03': () => dbErrors.CONCURRENT_UPDATE(), // lock_not_available
  '57014': () => dbErrors.SERVICE_UNAVAILABLE(), // query_canceled (statement timeout)
  '57P01': () => dbErrors.SERVICE_UNAVAILABLE(), // admin_shutdown
  '53300': () => dbErrors.SERVICE_UNAVAILABLE(), // too_many_connections
};

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** Finds the SQLSTATE on a pg error, whether raw or wrapped by TypeORM (`driverError`). */
function sqlStateOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const candidate = 'driverError' in error ? error.driverError : error;
  const code = (candidate as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Translates a database error into an AppError, or returns undefined when it is not one we know. */
export function translateDatabaseError(error: unknown): AppError | undefined {
  const code = sqlStateOf(error);
  if (!code) return undefined;
  if (CONNECTION_ERRORS.has(code)) return dbErrors.SERVICE_UNAVAILABLE();
  return BY_SQLSTATE[code]?.();
}

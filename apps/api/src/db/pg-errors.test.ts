import { describe, expect, it } from 'vitest';
import { translateDatabaseError } from './pg-errors.js';

describe('translateDatabaseError', () => {
  it.each([
    ['23505', 409, 'CONFLICT'],
    ['23503', 422, 'REFERENCED_RESOURCE_NOT_FOUND'],
    ['40001', 409, 'CONCURRENT_UPDATE'],
    ['22P02', 400, 'VALIDATION_FAILED'],
    ['57014', 503, 'SERVICE_UNAVAILABLE'],
  ])('maps SQLSTATE %s to %i %s, raw or wrapped by TypeORM', (sqlState, status, code) => {
    for (const error of [{ code: sqlState }, { driverError: { code: sqlState } }]) {
      expect(translateDatabaseError(error)).toMatchObject({ status, code });
    }
  });

  it('maps a refused connection to 503', () => {
    expect(translateDatabaseError({ code: 'ECONNREFUSED' })).toMatchObject({ status: 503 });
  });

  it('leaves unknown errors alone', () => {
    expect(translateDatabaseError(new Error('boom'))).toBeUndefined();
    expect(translateDatabaseError({ code: 'XX000' })).toBeUndefined();
  });
});

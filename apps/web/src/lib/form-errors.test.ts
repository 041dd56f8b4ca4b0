import type { TRegisterRequest } from '@reachbridge/contracts';
import type { UseFormSetError } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { applyServerErrors, parseMessageToken, serverMessageToken } from './form-errors';

type Call = { name: string; message: string | undefined; shouldFocus: boolean | undefined };

function recordSetError() {
  const calls: Call[] = [];
  const setError: UseFormSetError<TRegisterRequest> = (name, error, options) => {
    calls.push({ name, message: error.message, shouldFocus: options?.shouldFocus });
  };
  return { calls, setError };
}

const FIELDS = ['email', 'password', 'displayName', 'role'] as const;

describe('applyServerErrors', () => {
  it('puts a code tied to a field on that field, focused', () => {
    const { calls, setError } = recordSetError();

    const rest = applyServerErrors(new ApiError(409, 'AUTH_EMAIL_TAKEN', 'Email taken'), setError, {
      fields: FIELDS,
      codeFields: { AUTH_EMAIL_TAKEN: 'email' },
    });

    expect(rest).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ name: 'email', shouldFocus: true });
    expect(parseMessageToken(calls[0]?.message ?? '')).toEqual({ key: 'errors.codes.AUTH_EMAIL_TAKEN' });
  });

  it('puts details on the fields their path names, focusing the first', () => {
    const { calls, setError } = recordSetError();
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid', [
      { path: 'password', message: 'Too short' },
      { path: 'displayName', message: 'Too long' },
    ]);

    expect(applyServerErrors(error, setError, { fields: FIELDS })).toBeNull();
    expect(calls).toEqual([
      { name: 'password', message: 'Too short', shouldFocus: true },
      { name: 'displayName', message: 'Too long', shouldFocus: false },
    ]);
  });

  it('leaves form-level errors (unknown paths, other codes, non-API errors) to the form', () => {
    const { calls, setError } = recordSetError();
    const partly = new ApiError(400, 'VALIDATION_FAILED', 'Invalid', [
      { path: 'email', message: 'Bad' },
      { path: '', message: 'Unknown key "x"' },
    ]);
    const credentials = new ApiError(401, 'AUTH_INVALID_CREDENTIALS', 'Invalid email or password');
    const crash = new Error('boom');

    expect(applyServerErrors(partly, setError, { fields: FIELDS })).toBe(partly);
    expect(applyServerErrors(credentials, setError, { fields: FIELDS, codeFields: { AUTH_EMAIL_TAKEN: 'email' } })).toBe(credentials);
    expect(applyServerErrors(crash, setError, { fields: FIELDS })).toBe(crash);
    expect(calls.map((call) => call.name)).toEqual(['email']);
  });
});

describe('server messages and nested paths', () => {
  it('turns the contracts’ English messages into translation tokens, numbers included', () => {
    expect(parseMessageToken(serverMessageToken('Letters, digits, dots, underscores and dashes only'))).toEqual({ key: 'validation.handle' });
    expect(parseMessageToken(serverMessageToken('Shares add up to more than 100%'))).toEqual({ key: 'validation.sharesOver100' });
    expect(parseMessageToken(serverMessageToken('Too small: expected number to be >=0'))).toEqual({ key: 'validation.min', values: { value: 0 } });
    expect(serverMessageToken('Something new')).toBe('Something new');
  });

  it('places details through resolvePath, one message per field, focusing the first', () => {
    const calls: { name: string; message: string | undefined; shouldFocus: boolean | undefined }[] = [];
    const setError: UseFormSetError<Record<string, unknown>> = (name, error, options) => {
      calls.push({ name, message: error.message, shouldFocus: options?.shouldFocus });
    };
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid', [
      { path: 'socialAccounts.0.handle', message: 'Letters, digits, dots, underscores and dashes only' },
      { path: 'niches.0', message: 'Invalid option' },
      { path: 'niches.1', message: 'Invalid option' },
    ]);
    const rest = applyServerErrors(error, setError, { resolvePath: (path) => (path.startsWith('niches') ? 'niches' : path) });
    expect(rest).toBeNull();
    expect(calls.map((call) => [call.name, call.shouldFocus])).toEqual([
      ['socialAccounts.0.handle', true],
      ['niches', false],
    ]);
  });
});

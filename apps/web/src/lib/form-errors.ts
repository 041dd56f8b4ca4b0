import type { ZLoginRequest } from '@reachbridge/contracts';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ParseKeys } from 'i18next';
import { isApiError, type ApiErrorCode } from './api-client';

/**
 * Field messages are stored in react-hook-form as tokens (a translation key and its values), not
 * as finished text, so a message already on screen follows a later language switch. Server
 * messages without a translation are stored verbatim.
 */
export interface MessageToken {
  key: ParseKeys;
  values?: Record<string, string | number>;
}

const TOKEN_PREFIX = 'i18n:';

export function toMessageToken(key: ParseKeys, values?: Record<string, string | number>): string {
  return `${TOKEN_PREFIX}${JSON.stringify({ key, values })}`;
}

export function parseMessageToken(message: string): MessageToken | null {
  if (!message.startsWith(TOKEN_PREFIX)) return null;
  try {
    return JSON.parse(message.slice(TOKEN_PREFIX.length)) as MessageToken;
  } catch {
    return null;
  }
}

/** zod's per-parse error map, typed through a contract schema (the web does not import zod itself). */
type ZodErrorMap = NonNullable<NonNullable<Parameters<(typeof ZLoginRequest)['safeParse']>[1]>['error']>;
type ZodRawIssue = Parameters<ZodErrorMap>[0];

/**
 * Turns zod issues from the contract schemas into translatable tokens. Pass it to
 * `zodResolver(schema, { error: zodIssueToToken })`.
 */
export function zodIssueToToken(issue: ZodRawIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        const minimum = Number(issue.minimum);
        return minimum <= 1 ? toMessageToken('validation.required') : toMessageToken('validation.tooShort', { count: minimum });
      }
      return toMessageToken('validation.invalid');
    case 'too_big':
      return issue.origin === 'string'
        ? toMessageToken('validation.tooLong', { count: Number(issue.maximum) })
        : toMessageToken('validation.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? toMessageToken('validation.email') : toMessageToken('validation.invalid');
    case 'invalid_value':
      return toMessageToken('validation.option');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? toMessageToken('validation.required')
        : toMessageToken('validation.invalid');
    case 'unrecognized_keys':
      return toMessageToken('validation.unknownField');
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return toMessageToken('validation.invalid');
  }
}

export const zodResolverOptions = { error: zodIssueToToken } as const;

/**
 * Shows a failed request's errors where they belong: an error code tied to one field
 * (`AUTH_EMAIL_TAKEN` → email) or `details[].path` naming a field of this form go to that field,
 * and the first one is focused. Returns the error to show at form level, or null when every part of
 * it landed on a field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  options: { fields: readonly Path<T>[]; codeFields?: Partial<Record<ApiErrorCode, Path<T>>> },
): unknown {
  if (!isApiError(error)) return error;

  const codeField = options.codeFields?.[error.code];
  if (codeField) {
    setError(codeField, { type: 'server', message: toMessageToken(`errors.codes.${error.code}` as ParseKeys) }, { shouldFocus: true });
    return null;
  }

  const known = new Set<string>(options.fields);
  const fieldDetails = error.details.filter((detail) => known.has(detail.path));
  fieldDetails.forEach((detail, index) => {
    setError(detail.path as Path<T>, { type: 'server', message: detail.message }, { shouldFocus: index === 0 });
  });
  const isFullyPlaced = fieldDetails.length > 0 && fieldDetails.length === error.details.length;
  return isFullyPlaced ? null : error;
}

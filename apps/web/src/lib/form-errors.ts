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
 * The API's field messages are English; the ones the contracts define (and zod's usual ones) are
 * turned into translation tokens so they follow the UI language. Anything else is kept verbatim.
 */
const SERVER_MESSAGES: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Letters, digits, dots, underscores and dashes only/, () => toMessageToken('validation.handle')],
  [/^Invalid URL/, () => toMessageToken('validation.url')],
  [/^Invalid email/, () => toMessageToken('validation.email')],
  [/^Shares add up to more than 100%/, () => toMessageToken('validation.sharesOver100')],
  [/^At most (\d+) entries/, (match) => toMessageToken('validation.tooManyEntries', { count: Number(match[1]) })],
  [/^Each account once/, () => toMessageToken('validation.duplicateAccount')],
  [/^One price per platform and deliverable/, () => toMessageToken('validation.duplicateRate')],
  [/^Each niche once/, () => toMessageToken('validation.duplicateNiche')],
  [/^Use an ISO 3166-1/, () => toMessageToken('validation.countryCode')],
  [/^Use an ISO 639-1/, () => toMessageToken('validation.languageCode')],
  [/^Too small: expected number to be >=?(-?[\d.]+)/, (match) => toMessageToken('validation.min', { value: Number(match[1]) })],
  [/^Too big: expected number to be <=?(-?[\d.]+)/, (match) => toMessageToken('validation.max', { value: Number(match[1]) })],
  [/^Too small: expected array to have >=?(\d+)/, (match) => toMessageToken('validation.chooseAtLeast', { count: Number(match[1]) })],
  [/^Too big: expected array to have <=?(\d+)/, (match) => toMessageToken('validation.chooseAtMost', { count: Number(match[1]) })],
  [/^Too small: expected string to have >=?1 /, () => toMessageToken('validation.required')],
  [/^Too big: expected string to have <=?(\d+)/, (match) => toMessageToken('validation.tooLong', { count: Number(match[1]) })],
  [/expected int, received number/, () => toMessageToken('validation.wholeNumber')],
  [/expected number, received/, () => toMessageToken('validation.number')],
  [/^Invalid option/, () => toMessageToken('validation.option')],
];

export function serverMessageToken(message: string): string {
  for (const [pattern, token] of SERVER_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return token(match);
  }
  return message;
}

export interface ServerErrorOptions<T extends FieldValues> {
  /** The form's fields whose names equal the server's paths. */
  fields?: readonly Path<T>[];
  /** For forms whose shape differs from the API body: the form field for a server path, or null. Tried after `fields`. */
  resolvePath?: (path: string) => string | null;
  codeFields?: Partial<Record<ApiErrorCode, Path<T>>>;
}

/**
 * Shows a failed request's errors where they belong: an error code tied to one field
 * (`AUTH_EMAIL_TAKEN` → email) or `details[].path` naming a field of this form go to that field,
 * and the first one is focused. Returns the error to show at form level, or null when every part of
 * it landed on a field.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, options: ServerErrorOptions<T>): unknown {
  if (!isApiError(error)) return error;

  const codeField = options.codeFields?.[error.code];
  if (codeField) {
    setError(codeField, { type: 'server', message: toMessageToken(`errors.codes.${error.code}` as ParseKeys) }, { shouldFocus: true });
    return null;
  }

  const known = new Set<string>(options.fields ?? []);
  const placed = new Set<string>();
  let placedCount = 0;
  for (const detail of error.details) {
    const field = known.has(detail.path) ? detail.path : (options.resolvePath?.(detail.path) ?? null);
    if (field === null) continue;
    placedCount += 1;
    // One message per field: the first is the most specific.
    if (placed.has(field)) continue;
    setError(field as Path<T>, { type: 'server', message: serverMessageToken(detail.message) }, { shouldFocus: placed.size === 0 });
    placed.add(field);
  }
  const isFullyPlaced = placedCount > 0 && placedCount === error.details.length;
  return isFullyPlaced ? null : error;
}

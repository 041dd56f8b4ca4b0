import type { ParseKeys, TFunction } from 'i18next';
import { isApiError } from '../api-client';
import { parseMessageToken } from '../form-errors';
import { en } from './locales/en';

const TRANSLATED_CODES: ReadonlySet<string> = new Set(Object.keys(en.errors.codes));

/** A field message: a translation token, or a server message shown as it came. */
export function translateMessage(t: TFunction, message: string | undefined): string {
  if (!message) return t('validation.invalid');
  const token = parseMessageToken(message);
  return token ? String(t(token.key, token.values ?? {})) : message;
}

/** What to tell the person about a failed request: the translated code, else the server's own message. */
export function describeError(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.fallback');
  if (TRANSLATED_CODES.has(error.code)) return String(t(`errors.codes.${error.code}` as ParseKeys));
  return error.message || t('errors.fallback');
}

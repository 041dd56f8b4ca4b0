import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import { toMessageToken, zodIssueToToken } from '../form-errors';
import { describeError, translateMessage } from './error-messages';
import { formatDate, formatNumber } from './format';
import { createI18nInstance } from './i18n';
import { detectLanguage, directionOf } from './languages';
import { en } from './locales/en';
import { fa } from './locales/fa';

function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => leafPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('languages', () => {
  it('starts with the stored choice, then the browser preference, then English', () => {
    expect(detectLanguage('fa', ['en-US'])).toBe('fa');
    expect(detectLanguage(null, ['de-DE', 'fa-IR', 'en'])).toBe('fa');
    expect(detectLanguage('klingon', ['de'])).toBe('en');
    expect(detectLanguage(undefined, [])).toBe('en');
  });

  it('writes Persian right to left', () => {
    expect(directionOf('fa')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});

describe('resources', () => {
  it('has every English key in Persian, none of them empty', () => {
    expect(leafPaths(fa)).toEqual(leafPaths(en));
    for (const path of leafPaths(fa)) {
      const text = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], fa);
      expect(text, path).not.toBe('');
    }
  });
});

describe('formatting', () => {
  it('uses Persian digits and the Solar Hijri calendar in Persian', () => {
    expect(formatNumber(1234567, 'fa')).toBe('۱٬۲۳۴٬۵۶۷');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    // Nowruz 1404 = 21 March 2025
    expect(formatDate('2025-03-21T12:00:00Z', 'fa', { dateStyle: 'long' })).toBe('۱ فروردین ۱۴۰۴');
    expect(formatDate('2025-03-21T12:00:00Z', 'en', { dateStyle: 'long' })).toBe('21 March 2025');
  });

  it('formats numbers inside translations with the language locale', () => {
    expect(createI18nInstance('fa').t('account.tokensCount', { count: 12 })).toBe('۱۲ توکن فعال');
    const english = createI18nInstance('en');
    expect(english.t('account.tokensCount', { count: 1 })).toBe('1 active token');
    expect(english.t('account.tokensCount', { count: 1200 })).toBe('1,200 active tokens');
  });
});

describe('messages', () => {
  const english = createI18nInstance('en');
  const persian = createI18nInstance('fa');

  it('translates zod issues from the contract schemas, in the current language', () => {
    const tooShort = zodIssueToToken({ code: 'too_small', origin: 'string', minimum: 10, input: 'short', inclusive: true });
    expect(translateMessage(english.t, tooShort)).toBe('Use at least 10 characters.');
    expect(translateMessage(persian.t, tooShort)).toBe('دست‌کم ۱۰ نویسه وارد کنید.');
    const empty = zodIssueToToken({ code: 'too_small', origin: 'string', minimum: 1, input: '', inclusive: true });
    expect(translateMessage(english.t, empty)).toBe('This field is required.');
    const email = zodIssueToToken({ code: 'invalid_format', format: 'email', input: 'nope' });
    expect(translateMessage(english.t, email)).toBe('Enter an email address like name@example.com.');
  });

  it('shows server messages without a token as they came', () => {
    expect(translateMessage(english.t, 'Must be a website')).toBe('Must be a website');
    expect(translateMessage(english.t, toMessageToken('errors.codes.AUTH_EMAIL_TAKEN'))).toMatch(/already exists/);
  });

  it('describes API errors by code, falling back to the server message for codes it does not know', () => {
    expect(describeError(persian.t, new ApiError(401, 'AUTH_INVALID_CREDENTIALS', 'Invalid email or password'))).toBe(
      'این ایمیل و گذرواژه با هیچ حسابی جور نیست.',
    );
    expect(describeError(english.t, new ApiError(409, 'OFFER_GONE', 'That offer is gone'))).toBe('That offer is gone');
    expect(describeError(english.t, new Error('boom'))).toBe('Something went wrong. Please try again.');
  });
});

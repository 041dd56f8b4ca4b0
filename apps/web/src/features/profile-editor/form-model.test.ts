import type { TInfluencerProfile } from '@reachbridge/contracts';
import { describe, expect, it } from 'vitest';
import { emptyAccount, resolveServerPath, toFormValues, toProfileInput, type ProfileFormValues } from './form-model';

function filled(): ProfileFormValues {
  const values = toFormValues(null, 'سارا احمدی');
  values.niches = ['food', 'travel'];
  values.country = 'IR';
  values.city = ' Tehran ';
  values.languages = ['fa', 'en'];
  const account = emptyAccount();
  account.handle = ' sara.cooks ';
  account.url = 'https://instagram.com/sara.cooks';
  account.followers = '۵۲٬۰۰۰';
  account.engagementRate = '۳٫۴';
  account.audience.countries = [
    { key: 'IR', share: '71' },
    { key: 'DE', share: '8' },
  ];
  account.audience.ages = account.audience.ages.map((row) => (row.key === '18-24' ? { ...row, share: '34' } : row));
  values.socialAccounts = [account];
  values.rates = [{ platform: 'instagram', deliverable: 'post', amount: '۴۵۰', currency: 'USD' }];
  return values;
}

describe('profile form → API body', () => {
  it('converts typed numbers (Persian digits too), major-unit prices and audience rows', () => {
    const input = toProfileInput(filled());
    expect(input).toMatchObject({
      displayName: 'سارا احمدی',
      niches: ['food', 'travel'],
      country: 'IR',
      city: 'Tehran',
      languages: ['fa', 'en'],
      contactPreferences: { viaPlatform: true },
      rates: [{ platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } }],
    });
    expect(input.socialAccounts[0]).toEqual({
      platform: 'instagram',
      handle: 'sara.cooks',
      url: 'https://instagram.com/sara.cooks',
      followers: 52000,
      engagementRate: 3.4,
      audience: { countries: { IR: 71, DE: 8 }, ages: { '18-24': 34 } },
    });
  });

  it('leaves out empty optional values and sends text that is not a number as it is (the server names the field)', () => {
    const values = filled();
    values.city = '';
    values.socialAccounts[0]!.audience = emptyAccount().audience;
    values.socialAccounts[0]!.posts = 'many';
    const input = toProfileInput(values);
    expect(input.city).toBeUndefined();
    expect(input.socialAccounts[0]).not.toHaveProperty('audience');
    expect(input.socialAccounts[0]).toHaveProperty('posts', 'many');
  });

  it('round-trips a saved profile', () => {
    const values = filled();
    const input = toProfileInput(values);
    const saved = {
      ...input,
      id: '00000000-0000-4000-8000-000000000000',
      city: input.city ?? null,
      contactPreferences: { viaPlatform: true },
      socialAccounts: input.socialAccounts.map((account) => ({
        ...account,
        audience: { countries: {}, ages: {}, genders: {}, languages: {}, ...account.audience },
      })),
    } as unknown as TInfluencerProfile;
    const again = toFormValues(saved, 'x');
    expect(again.socialAccounts[0]!.followers).toBe('52000');
    expect(again.socialAccounts[0]!.audience.countries).toEqual([
      { key: 'IR', share: '71' },
      { key: 'DE', share: '8' },
    ]);
    expect(again.socialAccounts[0]!.audience.ages.map((row) => row.key)).toEqual(['13-17', '18-24', '25-34', '35-44', '45-54', '55+']);
    expect(again.rates[0]).toEqual({ platform: 'instagram', deliverable: 'post', amount: '450', currency: 'USD' });
  });
});

describe('server error paths → form fields', () => {
  const values = filled();
  it.each([
    ['displayName', 'displayName'],
    ['niches.1', 'niches'],
    ['contactPreferences.publicEmail', 'publicEmail'],
    ['socialAccounts', 'socialAccounts.root'],
    ['socialAccounts.0.followers', 'socialAccounts.0.followers'],
    ['socialAccounts.0.handle', 'socialAccounts.0.handle'],
    ['socialAccounts.0.audience.countries', 'socialAccounts.0.audience.countries.root'],
    ['socialAccounts.0.audience.countries.DE', 'socialAccounts.0.audience.countries.1.share'],
    ['socialAccounts.0.audience.ages.18-24', 'socialAccounts.0.audience.ages.1.share'],
    ['socialAccounts.0.audience.languages.xx', 'socialAccounts.0.audience.languages.root'],
    ['socialAccounts.5.url', 'socialAccounts.root'],
    ['rates', 'rates.root'],
    ['rates.0.price.amount', 'rates.0.amount'],
    ['rates.0.price.currency', 'rates.0.currency'],
    ['rates.0.deliverable', 'rates.0.deliverable'],
    ['', null],
    ['somethingElse', null],
  ])('%s → %s', (path, field) => {
    expect(resolveServerPath(path, values)).toBe(field);
  });
});

import type { TInfluencerProfile, TInfluencerProfileInput } from '@reachbridge/contracts';
import { AGE_BUCKETS, CURRENCY_CODES, GENDERS, type Currency } from '@reachbridge/domain';
import { fromMinorUnits, parseLocaleNumber, toMinorUnits } from '../../lib/numbers';

/**
 * The editor's form values. Numbers are kept as the text typed (Persian digits allowed) and
 * converted on save; audience breakdowns are rows ({key, share}) so each share is its own field;
 * prices are in major units. `toProfileInput` builds the API body; `resolveServerPath` maps the
 * API's error paths back to these fields.
 */
export interface ShareRow {
  key: string;
  share: string;
}

export const AUDIENCE_DIMENSIONS = ['countries', 'ages', 'genders', 'languages'] as const;
export type AudienceDimension = (typeof AUDIENCE_DIMENSIONS)[number];

export interface AccountValues {
  platform: string;
  handle: string;
  url: string;
  followers: string;
  following: string;
  posts: string;
  avgViews: string;
  engagementRate: string;
  growth30d: string;
  audience: Record<AudienceDimension, ShareRow[]>;
}

export interface RateValues {
  platform: string;
  deliverable: string;
  amount: string;
  currency: Currency;
}

export interface ProfileFormValues {
  displayName: string;
  bio: string;
  niches: string[];
  country: string;
  city: string;
  languages: string[];
  viaPlatform: boolean;
  publicEmail: string;
  socialAccounts: AccountValues[];
  rates: RateValues[];
}

export const ACCOUNT_NUMBER_FIELDS = ['followers', 'following', 'posts', 'avgViews', 'engagementRate', 'growth30d'] as const;
export type AccountNumberField = (typeof ACCOUNT_NUMBER_FIELDS)[number];

function text(value: number | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Ages and genders always list every bucket (empty when unknown); countries and languages only the given ones. */
function audienceRows(audience: Partial<Record<AudienceDimension, Record<string, number>>> | undefined): Record<AudienceDimension, ShareRow[]> {
  const entries = (shares: Record<string, number> | undefined) =>
    Object.entries(shares ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([key, share]) => ({ key, share: text(share) }));
  return {
    countries: entries(audience?.countries),
    ages: AGE_BUCKETS.map((bucket) => ({ key: bucket, share: text(audience?.ages?.[bucket]) })),
    genders: GENDERS.map((gender) => ({ key: gender, share: text(audience?.genders?.[gender]) })),
    languages: entries(audience?.languages),
  };
}

export function emptyAccount(): AccountValues {
  return {
    platform: 'instagram',
    handle: '',
    url: '',
    followers: '',
    following: '',
    posts: '',
    avgViews: '',
    engagementRate: '',
    growth30d: '',
    audience: audienceRows(undefined),
  };
}

export function emptyRate(currency: Currency = 'USD'): RateValues {
  return { platform: 'instagram', deliverable: 'post', amount: '', currency };
}

/** The form for a saved profile, or an empty one (named after the account) before the first save. */
export function toFormValues(profile: TInfluencerProfile | null, fallbackName: string): ProfileFormValues {
  if (!profile) {
    return {
      displayName: fallbackName,
      bio: '',
      niches: [],
      country: '',
      city: '',
      languages: [],
      viaPlatform: true,
      publicEmail: '',
      socialAccounts: [emptyAccount()],
      rates: [],
    };
  }
  return {
    displayName: profile.displayName,
    bio: profile.bio,
    niches: [...profile.niches],
    country: profile.country,
    city: profile.city ?? '',
    languages: [...profile.languages],
    viaPlatform: profile.contactPreferences.viaPlatform,
    publicEmail: profile.contactPreferences.publicEmail ?? '',
    socialAccounts: profile.socialAccounts.map((account) => ({
      platform: account.platform,
      handle: account.handle,
      url: account.url,
      followers: text(account.followers),
      following: text(account.following),
      posts: text(account.posts),
      avgViews: text(account.avgViews),
      engagementRate: text(account.engagementRate),
      growth30d: text(account.growth30d),
      audience: audienceRows(account.audience),
    })),
    rates: profile.rates.map((rate) => ({
      platform: rate.platform,
      deliverable: rate.deliverable,
      amount: String(fromMinorUnits(rate.price.amount, rate.price.currency)),
      currency: rate.price.currency,
    })),
  };
}

/**
 * A typed number as the API takes it. Text that is not a number is sent as it is, so the server's
 * error lands on the field (the client checks the number format first anyway).
 */
function numberOrText(value: string): number | undefined {
  const parsed = parseLocaleNumber(value);
  if (parsed === null) return undefined;
  return Number.isNaN(parsed) ? (value as unknown as number) : parsed;
}

function shares(rows: readonly ShareRow[]): Record<string, number> | undefined {
  const result: Record<string, number> = {};
  for (const row of rows) {
    const share = numberOrText(row.share);
    if (row.key && share !== undefined) result[row.key] = share;
  }
  return Object.keys(result).length ? result : undefined;
}

function isCurrency(value: string): value is Currency {
  return (CURRENCY_CODES as readonly string[]).includes(value);
}

/** The PUT body. Optional values left empty are left out. */
export function toProfileInput(values: ProfileFormValues): TInfluencerProfileInput {
  const city = values.city.trim();
  const publicEmail = values.publicEmail.trim();
  return {
    displayName: values.displayName.trim(),
    bio: values.bio.trim(),
    niches: values.niches as TInfluencerProfileInput['niches'],
    country: values.country,
    ...(city ? { city } : {}),
    languages: values.languages,
    contactPreferences: { viaPlatform: values.viaPlatform, ...(publicEmail ? { publicEmail } : {}) },
    socialAccounts: values.socialAccounts.map((account) => {
      const audience = {
        countries: shares(account.audience.countries),
        ages: shares(account.audience.ages),
        genders: shares(account.audience.genders),
        languages: shares(account.audience.languages),
      };
      const hasAudience = Object.values(audience).some((value) => value !== undefined);
      const numbers = Object.fromEntries(
        ACCOUNT_NUMBER_FIELDS.flatMap((field) => {
          const value = numberOrText(account[field]);
          return value === undefined ? [] : [[field, value]];
        }),
      );
      return {
        platform: account.platform,
        handle: account.handle.trim(),
        url: account.url.trim(),
        ...numbers,
        ...(hasAudience
          ? { audience: Object.fromEntries(Object.entries(audience).filter((entry) => entry[1] !== undefined)) }
          : {}),
      } as TInfluencerProfileInput['socialAccounts'][number];
    }),
    rates: values.rates.map((rate) => {
      const major = parseLocaleNumber(rate.amount);
      const currency = isCurrency(rate.currency) ? rate.currency : 'USD';
      return {
        platform: rate.platform,
        deliverable: rate.deliverable,
        price: { amount: major === null || Number.isNaN(major) ? (rate.amount as unknown as number) : toMinorUnits(major, currency), currency },
      } as TInfluencerProfileInput['rates'][number];
    }),
  };
}

const TOP_LEVEL = new Set(['displayName', 'bio', 'niches', 'country', 'city', 'languages']);
const ACCOUNT_FIELDS = new Set(['platform', 'handle', 'url', ...ACCOUNT_NUMBER_FIELDS]);

/**
 * Where an API error path belongs in the form: `socialAccounts.0.followers` stays as it is,
 * `socialAccounts.0.audience.countries.IR` becomes that row's share, `rates.1.price.amount` the
 * rate's amount, list-level errors (`socialAccounts`, `rates`, a whole breakdown) go to the list's
 * `root`. Null: no field to show it on (shown at form level).
 */
export function resolveServerPath(path: string, values: ProfileFormValues): string | null {
  const parts = path.split('.');
  const [head, index, field, dimension, key] = parts;
  if (!head) return null;
  if (TOP_LEVEL.has(head)) return head;
  if (head === 'contactPreferences') return index === 'publicEmail' ? 'publicEmail' : index === 'viaPlatform' ? 'viaPlatform' : null;
  if (head === 'socialAccounts') {
    if (index === undefined) return 'socialAccounts.root';
    const account = values.socialAccounts[Number(index)];
    if (!account) return 'socialAccounts.root';
    if (field === undefined) return `socialAccounts.${index}.handle`;
    if (ACCOUNT_FIELDS.has(field)) return `socialAccounts.${index}.${field}`;
    if (field === 'audience') {
      if (!dimension || !(AUDIENCE_DIMENSIONS as readonly string[]).includes(dimension)) return `socialAccounts.${index}.audience.countries.root`;
      const base = `socialAccounts.${index}.audience.${dimension}`;
      if (key === undefined) return `${base}.root`;
      const row = account.audience[dimension as AudienceDimension].findIndex((item) => item.key === key);
      return row >= 0 ? `${base}.${row}.share` : `${base}.root`;
    }
    return null;
  }
  if (head === 'rates') {
    if (index === undefined) return 'rates.root';
    if (!values.rates[Number(index)]) return 'rates.root';
    if (field === 'platform' || field === 'deliverable') return `rates.${index}.${field}`;
    if (field === 'price') return dimension === 'currency' ? `rates.${index}.currency` : `rates.${index}.amount`;
    return `rates.${index}.amount`;
  }
  return null;
}

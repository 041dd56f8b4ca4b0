import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { ZInfluencerProfileInput, type TInfluencerProfileInput } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AccountsService, hashPassword } from '../accounts/index.js';
import type { InfluencersService } from '../influencers/index.js';

/**
 * Agencies moving in: influencer profiles with their stats from CSV or JSON.
 *
 * JSON: an array of `{ email, ...InfluencerProfileInput }` (the body of PUT /api/me/influencer-profile plus an email).
 * CSV: one row per social account; rows with the same `email` are one influencer. Columns:
 * email, displayName, bio, niches (separated by ; or spaces), country, city, languages, platform,
 * handle, url, followers, following, posts, avgViews, engagementRate, growth30d,
 * audienceCountries / audienceAges / audienceGenders / audienceLanguages (`IR:71;DE:8`),
 * currency and rate_<deliverable> (post, story, reel, video, live, thread) in minor units.
 */

export interface ImportProblem {
  /** 1-based: the CSV line (header is line 1) or the JSON array position. */
  row: number;
  path: string;
  message: string;
}

export interface ImportEntry {
  rows: number[];
  email: string;
  profile: TInfluencerProfileInput;
}

const ZEntry = ZInfluencerProfileInput.safeExtend({ email: z.email().max(254) });

const splitList = (value: string | undefined) => (value ?? '').split(/[;,\s]+/).map((v) => v.trim()).filter(Boolean);
const shares = (value: string | undefined) =>
  value ? Object.fromEntries(splitList(value).map((pair) => {
    const [key, share] = pair.split(':');
    return [key ?? '', Number(share)];
  })) : undefined;
const optionalNumber = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));

/** Turns CSV rows (one per account) into profile-shaped objects, grouped by email. */
function fromCsv(text: string): { email: string; rows: number[]; raw: Record<string, unknown> }[] {
  const records: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  const byEmail = new Map<string, { email: string; rows: number[]; raw: Record<string, unknown> & { socialAccounts: unknown[]; rates: unknown[] } }>();
  records.forEach((record, index) => {
    const email = (record.email ?? '').toLowerCase();
    let entry = byEmail.get(email);
    if (!entry) {
      entry = {
        email,
        rows: [],
        raw: {
          email,
          displayName: record.displayName,
          bio: record.bio ?? '',
          niches: splitList(record.niches),
          country: record.country,
          ...(record.city ? { city: record.city } : {}),
          languages: splitList(record.languages),
          socialAccounts: [],
          rates: [],
        },
      };
      byEmail.set(email, entry);
    }
    entry.rows.push(index + 2);
    entry.raw.socialAccounts.push(
      Object.fromEntries(
        Object.entries({
          platform: record.platform,
          handle: record.handle,
          url: record.url,
          followers: optionalNumber(record.followers),
          following: optionalNumber(record.following),
          posts: optionalNumber(record.posts),
          avgViews: optionalNumber(record.avgViews),
          engagementRate: optionalNumber(record.engagementRate),
          growth30d: optionalNumber(record.growth30d),
          audience:
            record.audienceCountries || record.audienceAges || record.audienceGenders || record.audienceLanguages
              ? Object.fromEntries(
                  Object.entries({
                    countries: shares(record.audienceCountries),
                    ages: shares(record.audienceAges),
                    genders: shares(record.audienceGenders),
                    languages: shares(record.audienceLanguages),
                  }).filter(([, v]) => v !== undefined),
                )
              : undefined,
        }).filter(([, v]) => v !== undefined),
      ),
    );
    for (const [column, value] of Object.entries(record)) {
      const deliverable = /^rate_(.+)$/.exec(column)?.[1];
      if (deliverable && value !== '') {
        entry.raw.rates.push({ platform: record.platform, deliverable, price: { amount: Number(value), currency: record.currency || 'USD' } });
      }
    }
  });
  return [...byEmail.values()];
}

/** Parses and validates a whole file; returns every problem with its row, or the entries to write. */
export function parseImport(text: string, format: 'csv' | 'json'): { entries: ImportEntry[]; problems: ImportProblem[] } {
  let candidates: { email: string; rows: number[]; raw: unknown }[];
  try {
    if (format === 'json') {
      const data: unknown = JSON.parse(text);
      if (!Array.isArray(data)) return { entries: [], problems: [{ row: 0, path: '', message: 'The JSON file must hold an array of profiles.' }] };
      candidates = data.map((raw: unknown, index) => {
        const email = (raw as { email?: unknown } | null)?.email;
        return { email: typeof email === 'string' ? email.toLowerCase() : '', rows: [index + 1], raw };
      });
    } else {
      candidates = fromCsv(text);
    }
  } catch (error) {
    return { entries: [], problems: [{ row: 0, path: '', message: `Cannot read the file: ${error instanceof Error ? error.message : String(error)}` }] };
  }

  const problems: ImportProblem[] = [];
  const entries: ImportEntry[] = [];
  const seenHandles = new Map<string, number>();
  for (const candidate of candidates) {
    const parsed = ZEntry.safeParse(candidate.raw);
    const row = candidate.rows[0] ?? 0;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // A CSV account error points at its own line.
        const accountIndex = issue.path[0] === 'socialAccounts' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
        problems.push({ row: accountIndex !== undefined ? (candidate.rows[accountIndex] ?? row) : row, path: issue.path.join('.'), message: issue.message });
      }
      continue;
    }
    for (const account of parsed.data.socialAccounts) {
      const key = `${account.platform}:${account.handle.replace(/^@/, '').toLowerCase()}`;
      const first = seenHandles.get(key);
      if (first !== undefined) problems.push({ row, path: 'socialAccounts', message: `${key} also appears on row ${first}` });
      else seenHandles.set(key, row);
    }
    const { email, ...profile } = parsed.data;
    entries.push({ rows: candidate.rows, email, profile });
  }
  const emails = new Map<string, number>();
  for (const entry of entries) {
    const first = emails.get(entry.email);
    if (first !== undefined) problems.push({ row: entry.rows[0] ?? 0, path: 'email', message: `${entry.email} also appears on row ${first}` });
    else emails.set(entry.email, entry.rows[0] ?? 0);
  }
  return { entries, problems };
}

/**
 * Writes every entry in one transaction: new influencer accounts and their profiles, queued for
 * review (or approved with `approve`). An email that already has an account is a problem, and any
 * problem means nothing is written.
 */
export async function runImport(
  dataSource: DataSource,
  influencers: InfluencersService,
  entries: ImportEntry[],
  options: { approve: boolean },
): Promise<{ imported: number; problems: ImportProblem[] }> {
  const accounts = new AccountsService(dataSource);
  const taken = await accounts.existingEmails(entries.map((entry) => entry.email));
  const problems = entries
    .filter((entry) => taken.has(entry.email))
    .map((entry): ImportProblem => ({ row: entry.rows[0] ?? 0, path: 'email', message: `${entry.email} already has an account` }));
  if (problems.length) return { imported: 0, problems };

  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  await dataSource.transaction(async (manager) => {
    for (const entry of entries) {
      const user = await accounts.createImportedInfluencer(manager, { email: entry.email, displayName: entry.profile.displayName, passwordHash });
      await influencers.writeProfile(manager, user.id, entry.profile, { reviewStatus: options.approve ? 'approved' : 'submitted' });
    }
  });
  return { imported: entries.length, problems: [] };
}

import { computeQualityScore, tierFor, type Niche, type Platform, type Provenance, type DeliverableType } from '@reachbridge/domain';
import type { DataSource } from 'typeorm';
import type { InfluencerSearchDocument } from './search.port.js';

interface ProfileRow {
  id: string;
  slug: string;
  display_name: string;
  bio: string;
  niches: Niche[];
  country: string;
  city: string | null;
  languages: string[];
  updated_at: Date;
  searchable: boolean;
}
interface AccountRow {
  profile_id: string;
  platform: Platform;
  handle: string;
  followers: string;
  following: string | null;
  engagement_rate: string | null;
  growth_30d: string | null;
  audience: InfluencerSearchDocument['audience'];
  metrics_provenance: Provenance;
}
interface RateRow {
  profile_id: string;
  platform: Platform;
  deliverable: DeliverableType;
  amount_minor: string;
  currency: string;
}

/** When a profile belongs in search, over `influencer_profiles p JOIN users u ON u.id = p.user_id`. */
export const SEARCHABLE = `p.review_status = 'approved' AND u.status = 'active'`;

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/**
 * Builds the search documents of the given profiles from PostgreSQL (three queries per batch).
 * A profile is searchable when it is approved and its user is active; the others, and ids that
 * no longer exist, come back in `removed` so the engines drop them.
 */
export async function loadSearchDocuments(
  dataSource: DataSource,
  profileIds: string[],
  versions: ReadonlyMap<string, number>,
): Promise<{ documents: InfluencerSearchDocument[]; removed: string[] }> {
  if (!profileIds.length) return { documents: [], removed: [] };
  const profiles: ProfileRow[] = await dataSource.query(
    `SELECT p.id, p.slug, p.display_name, p.bio, p.niches, p.country, p.city, p.languages, p.updated_at,
            (${SEARCHABLE}) AS searchable
       FROM influencer_profiles p JOIN users u ON u.id = p.user_id
      WHERE p.id = ANY($1::uuid[])`,
    [profileIds],
  );
  const searchable = profiles.filter((p) => p.searchable);
  const ids = searchable.map((p) => p.id);
  const [accounts, rates] = await Promise.all([
    dataSource.query<AccountRow[]>(
      `SELECT profile_id, platform, handle, followers, following, engagement_rate, growth_30d, audience, metrics_provenance
         FROM social_accounts WHERE profile_id = ANY($1::uuid[]) ORDER BY followers DESC, id`,
      [ids],
    ),
    dataSource.query<RateRow[]>(`SELECT profile_id, platform, deliverable, amount_minor, currency FROM influencer_rates WHERE profile_id = ANY($1::uuid[])`, [ids]),
  ]);
  const accountsOf = groupBy(accounts, (a) => a.profile_id);
  const ratesOf = groupBy(rates, (r) => r.profile_id);

  const documents = searchable.flatMap((profile): InfluencerSearchDocument[] => {
    const own = accountsOf.get(profile.id) ?? [];
    const main = own[0];
    if (!main) return [];
    const totalFollowers = own.reduce((sum, a) => sum + Number(a.followers), 0);
    const quality = computeQualityScore({
      followers: Number(main.followers),
      following: toNumber(main.following) ?? undefined,
      engagementRate: toNumber(main.engagement_rate) ?? undefined,
      growth30d: toNumber(main.growth_30d) ?? undefined,
    });
    return [
      {
        id: profile.id,
        version: versions.get(profile.id) ?? Date.now(),
        slug: profile.slug,
        displayName: profile.display_name,
        bio: profile.bio,
        handles: own.map((a) => a.handle),
        niches: profile.niches,
        platforms: [...new Set(own.map((a) => a.platform))],
        country: profile.country,
        city: profile.city,
        languages: profile.languages,
        totalFollowers,
        tier: tierFor(totalFollowers),
        engagementRate: toNumber(main.engagement_rate),
        growth30d: toNumber(main.growth_30d),
        qualityScore: quality.score,
        provenance: main.metrics_provenance,
        audience: main.audience,
        rates: (ratesOf.get(profile.id) ?? []).map((r) => ({
          platform: r.platform,
          deliverable: r.deliverable,
          amountMinor: Number(r.amount_minor),
          currency: r.currency,
        })),
        updatedAt: new Date(profile.updated_at).toISOString(),
      },
    ];
  });
  const built = new Set(documents.map((d) => d.id));
  return { documents, removed: profileIds.filter((id) => !built.has(id)) };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

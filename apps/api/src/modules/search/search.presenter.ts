import type { TSearchHit } from '@reachbridge/contracts';
import type { SearchHitResult } from './search.port.js';

/** A result card: an explicit whitelist of the indexed document. */
export function presentSearchHit({ document: d, highlight, price, costPerTargetedThousand }: SearchHitResult): TSearchHit {
  return {
    id: d.id,
    slug: d.slug,
    displayName: d.displayName,
    bio: d.bio,
    highlight,
    niches: d.niches,
    platforms: d.platforms,
    handles: d.handles,
    country: d.country,
    city: d.city,
    languages: d.languages,
    totalFollowers: d.totalFollowers,
    tier: d.tier,
    engagementRate: d.engagementRate,
    growth30d: d.growth30d,
    qualityScore: d.qualityScore,
    provenance: d.provenance,
    topAudienceCountries: Object.entries(d.audience.countries)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([country, share]) => ({ country, share })),
    price,
    costPerTargetedThousand,
  };
}

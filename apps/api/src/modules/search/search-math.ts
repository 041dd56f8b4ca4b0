import type { TSearchQuery } from '@reachbridge/contracts';
import { computeCostPerTargetedThousand } from '@reachbridge/domain';
import type { InfluencerSearchDocument } from './search.port.js';

/** The cheapest rate in the query's currency (for its deliverable, when it names one). */
export function matchedPrice(document: InfluencerSearchDocument, query: Pick<TSearchQuery, 'currency' | 'deliverable'>): number | null {
  const prices = document.rates
    .filter((rate) => rate.currency === query.currency && (!query.deliverable || rate.deliverable === query.deliverable))
    .map((rate) => rate.amountMinor);
  return prices.length ? Math.min(...prices) : null;
}

/** The document's audience shares for each of the query's audience filters (one list per filter). */
export function matchedAudienceShares(document: InfluencerSearchDocument, query: TSearchQuery): number[][] {
  const parts: [Record<string, number>, { key: string }[] | undefined][] = [
    [document.audience.countries, query.audienceCountry],
    [document.audience.ages, query.audienceAge],
    [document.audience.genders, query.audienceGender],
    [document.audience.languages, query.audienceLanguage],
  ];
  return parts.filter(([, filters]) => filters?.length).map(([shares, filters]) => filters!.map((filter) => shares[filter.key] ?? 0));
}

/** SPEC §5's cost per thousand targeted real followers (libs/domain), or null without a price. */
export function costPerTargetedThousand(price: number | null, document: InfluencerSearchDocument, query: TSearchQuery): number | null {
  if (price === null) return null;
  return computeCostPerTargetedThousand({
    priceMinor: price,
    followers: document.totalFollowers,
    qualityScore: document.qualityScore,
    audienceShares: matchedAudienceShares(document, query),
  });
}

/** Lowest price per currency and per currency + deliverable, for filters and sorts on price. */
export function priceIndex(rates: InfluencerSearchDocument['rates']): Record<string, number> {
  const index: Record<string, number> = {};
  for (const rate of rates) {
    for (const key of [rate.currency, `${rate.currency}:${rate.deliverable}`]) {
      index[key] = Math.min(index[key] ?? Number.POSITIVE_INFINITY, rate.amountMinor);
    }
  }
  return index;
}

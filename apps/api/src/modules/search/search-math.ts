import type { TSearchQuery } from '@reachbridge/contracts';
import type { InfluencerSearchDocument } from './search.port.js';

/** The cheapest rate in the query's currency (for its deliverable, when it names one). */
export function matchedPrice(document: InfluencerSearchDocument, query: Pick<TSearchQuery, 'currency' | 'deliverable'>): number | null {
  const prices = document.rates
    .filter((rate) => rate.currency === query.currency && (!query.deliverable || rate.deliverable === query.deliverable))
    .map((rate) => rate.amountMinor);
  return prices.length ? Math.min(...prices) : null;
}

/**
 * Share of the audience matching all the brand's audience filters, as a fraction: the product of
 * the matched shares (assumes the breakdowns are independent — platforms do not report the joint
 * distribution). 1 when the query has no audience filter.
 */
export function targetedShare(document: InfluencerSearchDocument, query: TSearchQuery): number {
  const parts: [Record<string, number>, { key: string }[] | undefined][] = [
    [document.audience.countries, query.audienceCountry],
    [document.audience.ages, query.audienceAge],
    [document.audience.genders, query.audienceGender],
    [document.audience.languages, query.audienceLanguage],
  ];
  let share = 1;
  for (const [shares, filters] of parts) {
    for (const filter of filters ?? []) share *= (shares[filter.key] ?? 0) / 100;
  }
  return share;
}

/**
 * SPEC §5: price ÷ (followers × quality × targeted share) × 1000 — what reaching a thousand real
 * followers in the brand's target costs, in minor units. Null without a price or an audience.
 */
export function costPerTargetedThousand(price: number | null, document: InfluencerSearchDocument, query: TSearchQuery): number | null {
  if (price === null) return null;
  const reached = document.totalFollowers * (document.qualityScore / 100) * targetedShare(document, query);
  return reached > 0 ? Math.round((price / reached) * 1000 * 100) / 100 : null;
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

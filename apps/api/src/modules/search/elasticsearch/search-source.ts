import type { TMoney, TSearchQuery } from '@reachbridge/contracts';
import {
  AGE_BUCKETS,
  GENDERS,
  NICHE_SEARCH_LABELS,
  attachedVariant,
  computeCostPerTargetedThousand,
  isCurrency,
  joinedVariant,
  normalizeText,
  type DeliverableType,
  type Niche,
} from '@reachbridge/domain';
import type { InfluencerSearchDocument } from '../search.port.js';
import { TOP_AUDIENCE_COUNTRY_MIN_SHARE, audienceField, type AudienceDimension } from './index-definition.js';

/** What the index stores per influencer: the document itself plus fields derived for search. */
export interface InfluencerSearchSource extends InfluencerSearchDocument {
  /** Cheapest rate in minor units, keyed `USD` (any deliverable) and `USD_post` (one deliverable). */
  price_min: Record<string, number>;
  /** Audience countries with at least `TOP_AUDIENCE_COUNTRY_MIN_SHARE` percent, for the facet. */
  audience_top_countries: string[];
  /** Niche ids with their English and Persian search labels, so `آشپزی` finds food creators. */
  niche_labels: string;
  /**
   * Spellings of name and bio with detached Persian affixes glued on (`شبکه های` → `شبکههای`),
   * which the analyzers cannot produce; the split and ZWNJ-joined forms come from the analyzers.
   */
  spelling_variants: string[];
}

/** `food food cooking recipes غذا آشپزی …` for the niches. */
export function nicheLabels(niches: readonly Niche[]): string {
  return niches.map((niche) => `${niche} ${NICHE_SEARCH_LABELS[niche].en} ${NICHE_SEARCH_LABELS[niche].fa}`).join(' ');
}

/** The glued-affix spellings of `text` that differ from its plain and ZWNJ-joined forms. */
export function extraSpellings(text: string): string[] {
  const split = normalizeText(text);
  const joined = joinedVariant(text);
  return [...new Set([attachedVariant(split), attachedVariant(joined)])].filter((variant) => variant !== split && variant !== joined);
}

const COUNTRY_KEY = /^[A-Z]{2}$/;
const LANGUAGE_KEY = /^[a-z]{2}$/;

const AGE_KEYS: ReadonlySet<string> = new Set(AGE_BUCKETS);
const GENDER_KEYS: ReadonlySet<string> = new Set(GENDERS);
const isAge = (key: string) => AGE_KEYS.has(key);
const isGender = (key: string) => GENDER_KEYS.has(key);
const isCountry = (key: string) => COUNTRY_KEY.test(key);
const isLanguage = (key: string) => LANGUAGE_KEY.test(key);

const onlyKeys = (shares: Record<string, number>, known: (key: string) => boolean): Record<string, number> =>
  Object.fromEntries(Object.entries(shares).filter(([key, share]) => known(key) && Number.isFinite(share)));

/**
 * The `_source` indexed for a document. Audience keys the mapping does not know (ages and genders
 * outside the taxonomy, countries and languages that are not ISO codes) are dropped, so the strict
 * mapping accepts every document and the dynamic country and language fields stay bounded.
 */
export function toSearchSource(doc: InfluencerSearchDocument): InfluencerSearchSource {
  const priceMin: Record<string, number> = {};
  for (const rate of doc.rates) {
    for (const key of [rate.currency, `${rate.currency}_${rate.deliverable}`]) {
      const known = priceMin[key];
      if (known === undefined || rate.amountMinor < known) priceMin[key] = rate.amountMinor;
    }
  }
  const picked = pickDocument(doc);
  const countries = onlyKeys(picked.audience.countries, isCountry);
  return {
    ...picked,
    audience: {
      countries,
      ages: onlyKeys(picked.audience.ages, isAge),
      genders: onlyKeys(picked.audience.genders, isGender),
      languages: onlyKeys(picked.audience.languages, isLanguage),
    },
    price_min: priceMin,
    audience_top_countries: Object.entries(countries)
      .filter(([, share]) => share >= TOP_AUDIENCE_COUNTRY_MIN_SHARE)
      .map(([country]) => country)
      .sort(),
    niche_labels: nicheLabels(doc.niches),
    spelling_variants: [...new Set([...extraSpellings(doc.displayName), ...extraSpellings(doc.bio)])],
  };
}

/**
 * Exactly the fields of `InfluencerSearchDocument` (extra runtime properties dropped, so the strict
 * mapping never sees a field it does not know; missing optional ones filled in).
 */
export function pickDocument(doc: InfluencerSearchDocument): InfluencerSearchDocument {
  return {
    id: doc.id,
    version: doc.version,
    slug: doc.slug,
    displayName: doc.displayName,
    bio: doc.bio,
    handles: doc.handles,
    niches: doc.niches,
    platforms: doc.platforms,
    country: doc.country,
    city: doc.city ?? null,
    languages: doc.languages,
    totalFollowers: doc.totalFollowers,
    tier: doc.tier,
    engagementRate: doc.engagementRate ?? null,
    growth30d: doc.growth30d ?? null,
    qualityScore: doc.qualityScore,
    provenance: doc.provenance,
    audience: {
      countries: doc.audience?.countries ?? {},
      ages: doc.audience?.ages ?? {},
      genders: doc.audience?.genders ?? {},
      languages: doc.audience?.languages ?? {},
    },
    rates: (doc.rates ?? []).map((rate) => ({ platform: rate.platform, deliverable: rate.deliverable, amountMinor: rate.amountMinor, currency: rate.currency })),
    updatedAt: doc.updatedAt,
  };
}

/** The document back from a hit's `_source` (the derived search fields dropped). */
export function documentFromSource(source: InfluencerSearchSource): InfluencerSearchDocument {
  return pickDocument(source);
}

/** The cheapest rate in `currency` (for `deliverable`, when given), as money. */
export function cheapestRate(doc: InfluencerSearchDocument, currency: string, deliverable?: DeliverableType): TMoney | null {
  if (!isCurrency(currency)) return null;
  let amount: number | null = null;
  for (const rate of doc.rates) {
    if (rate.currency !== currency || (deliverable && rate.deliverable !== deliverable)) continue;
    if (amount === null || rate.amountMinor < amount) amount = rate.amountMinor;
  }
  return amount === null ? null : { amount, currency };
}

/** One audience filter dimension of the query: the keys the brand targets in it. */
export interface AudienceTarget {
  dimension: AudienceDimension;
  keys: string[];
}

/**
 * The audience the brand targets, one entry per audience filter in the query. Inside one filter the
 * keys are alternatives (OR), so the targeted share of that dimension is the sum of their shares;
 * across filters the shares multiply.
 */
export function audienceTargets(query: Pick<TSearchQuery, 'audienceCountry' | 'audienceAge' | 'audienceGender' | 'audienceLanguage'>): AudienceTarget[] {
  const filters: [AudienceDimension, { key: string }[] | undefined][] = [
    ['countries', query.audienceCountry],
    ['ages', query.audienceAge],
    ['genders', query.audienceGender],
    ['languages', query.audienceLanguage],
  ];
  return filters
    .filter((entry): entry is [AudienceDimension, { key: string }[]] => entry[1] !== undefined && entry[1].length > 0)
    .map(([dimension, shares]) => ({ dimension, keys: [...new Set(shares.map((share) => share.key))] }));
}

/** The fields `audienceTargets` reads, grouped per dimension, for the sort script. */
export function audienceTargetFields(targets: AudienceTarget[]): string[][] {
  return targets.map((target) => target.keys.map((key) => audienceField(target.dimension, key)));
}

/** A share as a percentage the domain accepts (0–100), whatever the stored data says. */
const percentOf = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0);

/**
 * The domain's cost per targeted thousand (minor units, rounded to hundredths; null when nobody is
 * reached) for a document, its matched price and the brand's audience targets. The sort script in
 * the query builder computes the same number operation for operation.
 */
export function costPerTargetedThousand(doc: InfluencerSearchDocument, price: TMoney | null, targets: AudienceTarget[]): number | null {
  if (price === null) return null;
  return computeCostPerTargetedThousand({
    priceMinor: price.amount,
    followers: Math.max(0, doc.totalFollowers),
    qualityScore: percentOf(doc.qualityScore),
    audienceShares: targets.map((target) => target.keys.map((key) => percentOf(doc.audience[target.dimension][key]))),
  });
}

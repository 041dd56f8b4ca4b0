import { TIER_BOUNDS, type Tier } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/i18n/use-formatters';

/** Translated names for the taxonomy ids the API speaks in (niches, platforms, tiers, deliverables). */
export function useTaxonomy() {
  const { t } = useTranslation();
  const { formatCompact, formatNumber } = useFormatters();
  return {
    niche: (id: string) => t(`taxonomy.niches.${id}`, { defaultValue: id }),
    platform: (id: string) => t(`taxonomy.platforms.${id}`, { defaultValue: id }),
    tier: (id: string) => t(`taxonomy.tiers.${id}`, { defaultValue: id }),
    deliverable: (id: string) => t(`taxonomy.deliverables.${id}`, { defaultValue: id }),
    gender: (id: string) => t(`taxonomy.genders.${id}`, { defaultValue: id }),
    /** `18-24` → "18–24" (Persian digits in Persian); `55+` → "55+". */
    age: (bucket: string) => {
      const range = /^(\d+)-(\d+)$/.exec(bucket);
      if (range) return t('taxonomy.ageRange', { min: formatNumber(Number(range[1])), max: formatNumber(Number(range[2])) });
      const open = /^(\d+)\+$/.exec(bucket);
      return open ? t('taxonomy.agePlus', { min: formatNumber(Number(open[1])) }) : bucket;
    },
    /** "Instagram @sara.cooks", the handle isolated left to right so it reads right inside Persian text. */
    account: (platform: string, handle: string) => `${t(`taxonomy.platforms.${platform}`, { defaultValue: platform })} \u2066@${handle}\u2069`,
    /** "10K–100K followers". */
    tierRange: (tier: Tier) => {
      const { min, max } = TIER_BOUNDS[tier];
      if (min === 0 && max !== null) return t('taxonomy.tierUnder', { max: formatCompact(max) });
      if (max === null) return t('taxonomy.tierOver', { min: formatCompact(min) });
      return t('taxonomy.tierBetween', { min: formatCompact(min), max: formatCompact(max) });
    },
  };
}

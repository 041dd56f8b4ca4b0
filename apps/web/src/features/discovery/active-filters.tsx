import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { formatMoney } from '../../lib/i18n/format';
import { CURRENCY_CODES, type Currency } from '@reachbridge/domain';
import { useTaxonomy } from '../influencers/labels';
import {
  LIST_KEYS,
  readList,
  readScalar,
  readShares,
  SHARE_KEYS,
  toggleListValue,
  writeScalar,
  writeShares,
  type ListKey,
  type NumberKey,
  type ShareKey,
} from './search-params';

interface Chip {
  id: string;
  label: string;
  remove: () => URLSearchParams;
}

/** The filters in force, each removable with one click, and "Clear all". */
export function ActiveFilters({ params, onChange, onClear }: { params: URLSearchParams; onChange: (next: URLSearchParams) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { countryName, languageName, formatPercent, formatNumber, language } = useFormatters();
  const currencyParam = readScalar(params, 'currency');
  const currency: Currency = currencyParam && (CURRENCY_CODES as readonly string[]).includes(currencyParam) ? (currencyParam as Currency) : 'USD';

  const listLabel: Record<ListKey, (value: string) => string> = {
    niche: taxonomy.niche,
    platform: taxonomy.platform,
    country: (value) => t('discover.chips.country', { name: countryName(value) }),
    city: (value) => value,
    language: (value) => t('discover.chips.language', { name: languageName(value) }),
    tier: taxonomy.tier,
  };
  const shareLabel: Record<ShareKey, (key: string) => string> = {
    audienceCountry: countryName,
    audienceAge: (bucket) => t('discover.ageBucket', { bucket: taxonomy.age(bucket) }),
    audienceGender: taxonomy.gender,
    audienceLanguage: languageName,
  };
  const numberLabel = (key: NumberKey, value: string): string => {
    const number = Number(value);
    const shown = Number.isFinite(number) ? formatNumber(number) : value;
    switch (key) {
      case 'priceMax':
        return t('discover.chips.priceMax', { price: Number.isFinite(number) ? formatMoney(number, currency, language) : value });
      case 'engagementMin':
      case 'engagementMax':
      case 'growthMin':
        return t(`discover.chips.${key}`, { value: Number.isFinite(number) ? formatPercent(number, 2) : value });
      case 'followersMin':
      case 'followersMax':
      case 'qualityMin':
        return t(`discover.chips.${key}`, { value: shown });
    }
  };

  const chips: Chip[] = [];
  for (const key of LIST_KEYS) {
    for (const value of readList(params, key)) {
      chips.push({ id: `${key}:${value}`, label: listLabel[key](value), remove: () => toggleListValue(params, key, value) });
    }
  }
  for (const key of SHARE_KEYS) {
    const filters = readShares(params, key);
    for (const filter of filters) {
      chips.push({
        id: `${key}:${filter.key}`,
        label: t('discover.chips.share', { name: shareLabel[key](filter.key), value: formatPercent(filter.min, 0) }),
        remove: () => writeShares(params, key, filters.filter((item) => item.key !== filter.key)),
      });
    }
  }
  for (const key of ['followersMin', 'followersMax', 'engagementMin', 'engagementMax', 'growthMin', 'priceMax', 'qualityMin'] as const) {
    const value = readScalar(params, key);
    if (value !== undefined) chips.push({ id: key, label: numberLabel(key, value), remove: () => writeScalar(params, key, undefined) });
  }
  const deliverable = readScalar(params, 'deliverable');
  if (deliverable) chips.push({ id: 'deliverable', label: taxonomy.deliverable(deliverable), remove: () => writeScalar(params, 'deliverable', undefined) });
  if (readScalar(params, 'verifiedOnly') === 'true') {
    chips.push({ id: 'verifiedOnly', label: t('discover.filters.verifiedOnly'), remove: () => writeScalar(params, 'verifiedOnly', undefined) });
  }

  if (chips.length === 0) return null;
  return (
    <div className="active-filters">
      <h2 className="visually-hidden">{t('discover.activeFiltersTitle')}</h2>
      <ul className="active-filters__list">
        {chips.map((chip) => (
          <li key={chip.id}>
            <button type="button" className="filter-chip" onClick={() => onChange(chip.remove())} aria-label={t('discover.removeFilter', { name: chip.label })}>
              <span>{chip.label}</span>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onClear}>
        {t('discover.clearAll')}
      </button>
    </div>
  );
}

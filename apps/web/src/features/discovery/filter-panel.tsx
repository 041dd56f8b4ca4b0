import type { TSearchResponse } from '@reachbridge/contracts';
import { AGE_BUCKETS, CURRENCY_CODES, DELIVERABLE_TYPES, GENDERS, PLATFORMS, TIERS, type Currency, type Tier } from '@reachbridge/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/i18n/format';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { COUNTRY_CODES, LANGUAGE_CODES } from '../../lib/iso/codes';
import { fromMinorUnits, toMinorUnits } from '../../lib/numbers';
import { useDraft } from '../../lib/use-draft';
import { useTaxonomy } from '../influencers/labels';
import { DraftNumberField, FacetGroup, FilterSection, ShareFilterGroup, ShareSlider, type FacetOption } from './filter-controls';
import {
  parsePriceBands,
  readList,
  readScalar,
  readShares,
  SHARE_DEFAULTS,
  toggleListValue,
  writeScalar,
  writeShares,
  type ListKey,
  type NumberKey,
  type ShareKey,
} from './search-params';

type Facets = TSearchResponse['facets'];

export interface FilterPanelProps {
  params: URLSearchParams;
  facets: Facets | undefined;
  /** The counts were estimated from a sample (many matches), not counted exactly. */
  facetsAreEstimates?: boolean;
  onChange: (next: URLSearchParams) => void;
}

function isCurrency(value: string | undefined): value is Currency {
  return value !== undefined && (CURRENCY_CODES as readonly string[]).includes(value);
}

export function FilterPanel({ params, facets, facetsAreEstimates = false, onChange }: FilterPanelProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { countryName, languageName, formatNumber, language } = useFormatters();
  const priceGroupId = useId();
  const collator = new Intl.Collator(language);

  const list = (key: ListKey) => readList(params, key);
  const toggle = (key: ListKey) => (value: string) => onChange(toggleListValue(params, key, value));
  const setScalar = (key: NumberKey | 'currency' | 'deliverable' | 'verifiedOnly') => (value: string | undefined) => onChange(writeScalar(params, key, value));
  const setShares = (key: ShareKey) => (filters: { key: string; min: number }[]) => onChange(writeShares(params, key, filters));

  /** Facet buckets → options with labels; values the taxonomy knows but the results lack are left out. */
  const facetOptions = (name: keyof Facets, labelOf: (value: string) => string): FacetOption[] =>
    (facets?.[name] ?? []).map((bucket) => ({ value: bucket.value, label: labelOf(bucket.value), count: bucket.count }));

  const currencyParam = readScalar(params, 'currency');
  const currency: Currency = isCurrency(currencyParam) ? currencyParam : 'USD';
  const priceMax = readScalar(params, 'priceMax');
  const bands = parsePriceBands(facets?.priceBand ?? []);
  const cumulative = bands
    .filter((band) => band.max !== null)
    .map((band, index, all) => ({
      ...band,
      minor: toMinorUnits(band.max!, currency),
      count: all.slice(0, index + 1).reduce((sum, item) => sum + item.count, 0),
    }));
  const pricedTotal = bands.reduce((sum, band) => sum + band.count, 0);

  const audienceCountries = readShares(params, 'audienceCountry');
  const countryOptions = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => collator.compare(a.label, b.label));
  const languageOptions = LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code) })).sort((a, b) => collator.compare(a.label, b.label));
  const audienceCountryFacet = facetOptions('audienceCountry', countryName);

  const count = (...keys: (ListKey | ShareKey | NumberKey | 'deliverable' | 'verifiedOnly')[]) =>
    keys.reduce((sum, key) => {
      if (key === 'audienceCountry' || key === 'audienceAge' || key === 'audienceGender' || key === 'audienceLanguage') return sum + readShares(params, key).length;
      if (key === 'niche' || key === 'platform' || key === 'country' || key === 'city' || key === 'language' || key === 'tier') return sum + readList(params, key).length;
      if (key === 'verifiedOnly') return sum + (readScalar(params, key) === 'true' ? 1 : 0);
      return sum + (readScalar(params, key) !== undefined ? 1 : 0);
    }, 0);

  return (
    <div className="filter-panel">
      {facetsAreEstimates ? (
        <p className="muted filter-empty" data-testid="facets-estimated">
          {t('discover.facetsEstimated')}
        </p>
      ) : null}
      <FilterSection title={t('discover.filters.niche')} count={count('niche')}>
        <FacetGroup legend={t('discover.filters.niche')} hideLegend options={facetOptions('niche', taxonomy.niche)} selected={list('niche')} onToggle={toggle('niche')} />
      </FilterSection>

      <FilterSection title={t('discover.filters.platform')} count={count('platform')}>
        <FacetGroup
          legend={t('discover.filters.platform')}
          hideLegend
          options={facetOptions('platform', taxonomy.platform)}
          selected={list('platform')}
          onToggle={toggle('platform')}
          visible={PLATFORMS.length}
        />
      </FilterSection>

      <FilterSection title={t('discover.filters.size')} count={count('tier', 'followersMin', 'followersMax')}>
        <FacetGroup
          legend={t('discover.filters.tier')}
          options={facetOptions('tier', (value) => `${taxonomy.tier(value)} (${(TIERS as readonly string[]).includes(value) ? taxonomy.tierRange(value as Tier) : value})`).sort(
            (a, b) => TIERS.indexOf(a.value as Tier) - TIERS.indexOf(b.value as Tier),
          )}
          selected={list('tier')}
          onToggle={toggle('tier')}
          visible={TIERS.length}
        />
        <div className="range-pair">
          <DraftNumberField label={t('discover.filters.followersMin')} value={readScalar(params, 'followersMin')} onCommit={setScalar('followersMin')} integer />
          <DraftNumberField label={t('discover.filters.followersMax')} value={readScalar(params, 'followersMax')} onCommit={setScalar('followersMax')} integer />
        </div>
      </FilterSection>

      <FilterSection title={t('discover.filters.performance')} count={count('engagementMin', 'engagementMax', 'growthMin')}>
        <div className="range-pair">
          <DraftNumberField label={t('discover.filters.engagementMin')} value={readScalar(params, 'engagementMin')} onCommit={setScalar('engagementMin')} suffix="%" />
          <DraftNumberField label={t('discover.filters.engagementMax')} value={readScalar(params, 'engagementMax')} onCommit={setScalar('engagementMax')} suffix="%" />
        </div>
        <DraftNumberField label={t('discover.filters.growthMin')} value={readScalar(params, 'growthMin')} onCommit={setScalar('growthMin')} suffix="%" />
      </FilterSection>

      <FilterSection title={t('discover.filters.audience')} count={count('audienceCountry', 'audienceAge', 'audienceGender', 'audienceLanguage')}>
        <p className="filter-note">{t('discover.filters.audienceNote')}</p>
        <fieldset className="share-group">
          <legend className="facet__legend">{t('discover.filters.audienceCountry')}</legend>
          {audienceCountries.map((filter) => (
            <ShareSlider
              key={filter.key}
              name={countryName(filter.key)}
              value={filter.min}
              onCommit={(min) => setShares('audienceCountry')(audienceCountries.map((item) => (item.key === filter.key ? { ...item, min } : item)))}
              onRemove={() => setShares('audienceCountry')(audienceCountries.filter((item) => item.key !== filter.key))}
            />
          ))}
          <FacetGroup
            legend={t('discover.filters.audienceTopCountry')}
            options={audienceCountryFacet}
            selected={audienceCountries.map((filter) => filter.key)}
            onToggle={(value) =>
              setShares('audienceCountry')(
                audienceCountries.some((filter) => filter.key === value)
                  ? audienceCountries.filter((filter) => filter.key !== value)
                  : [...audienceCountries, { key: value, min: SHARE_DEFAULTS.audienceCountry }],
              )
            }
            visible={5}
          />
          <AddShareSelect
            label={t('discover.filters.addCountry')}
            options={countryOptions.filter((option) => !audienceCountries.some((filter) => filter.key === option.value))}
            onAdd={(key) => setShares('audienceCountry')([...audienceCountries, { key, min: SHARE_DEFAULTS.audienceCountry }])}
          />
        </fieldset>
        <ShareFilterGroup
          legend={t('discover.filters.audienceAge')}
          filters={readShares(params, 'audienceAge')}
          options={AGE_BUCKETS.map((bucket) => ({ value: bucket, label: t('discover.ageBucket', { bucket: taxonomy.age(bucket) }) }))}
          labelOf={(bucket) => t('discover.ageBucket', { bucket: taxonomy.age(bucket) })}
          defaultMin={SHARE_DEFAULTS.audienceAge}
          onChange={setShares('audienceAge')}
          addLabel={t('discover.filters.addAge')}
        />
        <ShareFilterGroup
          legend={t('discover.filters.audienceGender')}
          filters={readShares(params, 'audienceGender')}
          options={GENDERS.map((gender) => ({ value: gender, label: taxonomy.gender(gender) }))}
          labelOf={taxonomy.gender}
          defaultMin={SHARE_DEFAULTS.audienceGender}
          onChange={setShares('audienceGender')}
          addLabel={t('discover.filters.addGender')}
        />
        <ShareFilterGroup
          legend={t('discover.filters.audienceLanguage')}
          filters={readShares(params, 'audienceLanguage')}
          options={languageOptions}
          labelOf={languageName}
          defaultMin={SHARE_DEFAULTS.audienceLanguage}
          onChange={setShares('audienceLanguage')}
          addLabel={t('discover.filters.addLanguage')}
        />
      </FilterSection>

      <FilterSection title={t('discover.filters.creator')} count={count('country', 'language')} defaultOpen={false}>
        <FacetGroup legend={t('discover.filters.country')} options={facetOptions('country', countryName)} selected={list('country')} onToggle={toggle('country')} visible={5} />
        <FacetGroup legend={t('discover.filters.language')} options={facetOptions('language', languageName)} selected={list('language')} onToggle={toggle('language')} visible={5} />
      </FilterSection>

      <FilterSection title={t('discover.filters.price')} count={count('priceMax', 'deliverable')}>
        <div className="range-pair">
          <div className="field field--compact">
            <label className="field__label" htmlFor={`${priceGroupId}-currency`}>
              {t('discover.filters.currency')}
            </label>
            <select
              id={`${priceGroupId}-currency`}
              className="field__input field__select"
              value={currency}
              onChange={(event) => setScalar('currency')(event.target.value === 'USD' ? undefined : event.target.value)}
            >
              {CURRENCY_CODES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--compact">
            <label className="field__label" htmlFor={`${priceGroupId}-deliverable`}>
              {t('discover.filters.deliverable')}
            </label>
            <select
              id={`${priceGroupId}-deliverable`}
              className="field__input field__select"
              value={readScalar(params, 'deliverable') ?? ''}
              onChange={(event) => setScalar('deliverable')(event.target.value || undefined)}
            >
              <option value="">{t('discover.filters.anyDeliverable')}</option>
              {DELIVERABLE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {taxonomy.deliverable(type)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="facet">
          <legend className="facet__legend">{t('discover.filters.priceBand')}</legend>
          <ul className="facet__list">
            <li>
              <label className="facet__option">
                <input type="radio" name={`${priceGroupId}-band`} checked={priceMax === undefined} onChange={() => setScalar('priceMax')(undefined)} />
                <span className="facet__label">{t('discover.filters.anyPrice')}</span>
                <span className="facet__count">{formatNumber(pricedTotal)}</span>
              </label>
            </li>
            {cumulative.map((band) => (
              <li key={band.value}>
                <label className="facet__option">
                  <input type="radio" name={`${priceGroupId}-band`} checked={priceMax === String(band.minor)} onChange={() => setScalar('priceMax')(String(band.minor))} />
                  <span className="facet__label">{t('discover.filters.upTo', { price: formatMoney(band.minor, currency, language) })}</span>
                  <span className="facet__count">
                    {formatNumber(band.count)}
                    <span className="visually-hidden"> {t('discover.matches', { count: band.count })}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <DraftNumberField
          label={t('discover.filters.priceMax', { currency })}
          value={priceMax}
          onCommit={setScalar('priceMax')}
          toDisplay={(value) => {
            const minor = Number(value);
            return Number.isFinite(minor) ? String(fromMinorUnits(minor, currency)) : value;
          }}
          fromDisplay={(major) => String(toMinorUnits(major, currency))}
        />
        <p className="filter-note">{t('discover.filters.priceNote')}</p>
      </FilterSection>

      <FilterSection title={t('discover.filters.trust')} count={count('qualityMin', 'verifiedOnly')}>
        <QualitySlider value={readScalar(params, 'qualityMin')} onCommit={setScalar('qualityMin')} />
        <label className="checkbox">
          <input type="checkbox" checked={readScalar(params, 'verifiedOnly') === 'true'} onChange={(event) => setScalar('verifiedOnly')(event.target.checked ? 'true' : undefined)} />
          <span>
            {t('discover.filters.verifiedOnly')}
            <span className="checkbox__hint">{t('discover.filters.verifiedOnlyHint')}</span>
          </span>
        </label>
      </FilterSection>
    </div>
  );
}

function AddShareSelect({ label, options, onAdd }: { label: string; options: readonly { value: string; label: string }[]; onAdd: (key: string) => void }) {
  const id = useId();
  return (
    <div className="share-group__add">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} className="field__input field__select field__input--sm" value="" onChange={(event) => event.target.value && onAdd(event.target.value)}>
        <option value="">{label}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function QualitySlider({ value, onCommit }: { value: string | undefined; onCommit: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const id = useId();
  const numeric = value === undefined ? 0 : Math.max(0, Math.min(100, Number(value) || 0));
  const [draft, change, flush] = useDraft(numeric, (next) => onCommit(next === 0 ? undefined : String(next)), 400);
  const text = draft === 0 ? t('discover.filters.anyQuality') : t('discover.filters.qualityAtLeast', { value: formatNumber(draft) });
  return (
    <div className="share-row share-row--single">
      <label className="share-row__name" htmlFor={id}>
        {t('discover.filters.qualityMin')}
      </label>
      <output className="share-row__value" htmlFor={id}>
        {text}
      </output>
      <input
        id={id}
        className="share-row__slider"
        type="range"
        min={0}
        max={100}
        step={5}
        value={draft}
        aria-valuetext={text}
        onChange={(event) => change(Number(event.target.value))}
        onPointerUp={() => flush()}
        onKeyUp={() => flush()}
        onBlur={() => flush()}
      />
    </div>
  );
}

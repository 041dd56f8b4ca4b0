import type { TPublicInfluencerProfile } from '@reachbridge/contracts';
import { AGE_BUCKETS, GENDERS } from '@reachbridge/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/card';
import { ColumnChart, HorizontalBarChart, StackedBar } from '../../components/charts/bar-chart';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { ProvenanceBadge } from './badges';
import { useTaxonomy } from './labels';

type Account = TPublicInfluencerProfile['socialAccounts'][number];

const TOP_COUNTRIES = 8;

function sortedShares(shares: Record<string, number>): [string, number][] {
  return Object.entries(shares).sort((a, b) => b[1] - a[1]);
}

/** Audience of one account: top countries, age groups with the gender split, languages. */
export function AudienceCard({ accounts }: { accounts: readonly Account[] }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { formatPercent, countryName, languageName } = useFormatters();
  const pickerName = useId();
  const [selectedId, setSelectedId] = useState(accounts[0]?.id);
  const account = accounts.find((item) => item.id === selectedId) ?? accounts[0];
  if (!account) return null;

  const { audience } = account;
  const who = taxonomy.account(account.platform, account.handle);
  const countries = sortedShares(audience.countries);
  const shown = countries.slice(0, TOP_COUNTRIES);
  const rest = countries.slice(TOP_COUNTRIES).reduce((sum, [, share]) => sum + share, 0);
  const countryData = [
    ...shown.map(([code, share]) => ({ key: code, label: countryName(code), value: share, display: formatPercent(share) })),
    ...(rest > 0 ? [{ key: 'other', label: t('influencer.otherCountries'), value: rest, display: formatPercent(rest) }] : []),
  ];
  const ageData = AGE_BUCKETS.filter((bucket) => audience.ages[bucket] !== undefined).map((bucket) => ({
    key: bucket,
    label: taxonomy.age(bucket),
    value: audience.ages[bucket] ?? 0,
    display: formatPercent(audience.ages[bucket] ?? 0, 0),
  }));
  const genderData = GENDERS.filter((gender) => audience.genders[gender] !== undefined).map((gender) => ({
    key: gender,
    label: taxonomy.gender(gender),
    value: audience.genders[gender] ?? 0,
    display: formatPercent(audience.genders[gender] ?? 0),
  }));
  const languageData = sortedShares(audience.languages)
    .slice(0, 6)
    .map(([code, share]) => ({ key: code, label: languageName(code), value: share, display: formatPercent(share) }));
  const hasAny = countryData.length + ageData.length + genderData.length + languageData.length > 0;

  return (
    <Card heading={t('influencer.audienceTitle')} className="audience-card" data-testid="audience-card">
      {accounts.length > 1 ? (
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('influencer.audienceOf')}</legend>
          {accounts.map((item) => (
            <label key={item.id} className="segmented__option">
              <input type="radio" name={pickerName} checked={item.id === account.id} onChange={() => setSelectedId(item.id)} />
              <span>
                {taxonomy.platform(item.platform)} <bdi dir="ltr">@{item.handle}</bdi>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="audience-card__source">
        <span className="muted">{t('influencer.audienceSource')}</span> <ProvenanceBadge source={account.provenance.audience.source} asOf={account.provenance.audience.asOf} />
      </p>
      {!hasAny ? <p className="empty-state">{t('influencer.noAudience')}</p> : null}
      <div className="audience-grid-charts">
        {countryData.length ? (
          <section className="chart-block" aria-labelledby={`${pickerName}-countries`}>
            <h3 className="chart-block__title" id={`${pickerName}-countries`}>
              {t('influencer.charts.countries')}
            </h3>
            <HorizontalBarChart
              title={t('influencer.charts.countriesTitle', { who })}
              description={t('influencer.charts.countriesDesc', {
                list: shown
                  .slice(0, 3)
                  .map(([code, share]) => `${countryName(code)} ${formatPercent(share)}`)
                  .join(t('common.listSeparator')),
              })}
              data={countryData}
              maxValue={100}
              rowHeader={t('influencer.charts.country')}
              valueHeader={t('influencer.charts.share')}
            />
          </section>
        ) : null}
        {ageData.length || genderData.length ? (
          <section className="chart-block" aria-labelledby={`${pickerName}-ages`}>
            <h3 className="chart-block__title" id={`${pickerName}-ages`}>
              {t('influencer.charts.ageGender')}
            </h3>
            {ageData.length ? (
              <ColumnChart
                title={t('influencer.charts.agesTitle', { who })}
                description={t('influencer.charts.agesDesc', {
                  list: ageData.map((datum) => `${datum.label}: ${datum.display}`).join(t('common.listSeparator')),
                })}
                data={ageData}
                rowHeader={t('influencer.charts.age')}
                valueHeader={t('influencer.charts.share')}
              />
            ) : null}
            {genderData.length ? (
              <div className="gender-split">
                <h4 className="chart-block__subtitle">{t('influencer.charts.genders')}</h4>
                <StackedBar
                  title={t('influencer.charts.gendersTitle', { who })}
                  description={genderData.map((datum) => `${datum.label}: ${datum.display}`).join(t('common.listSeparator'))}
                  segments={genderData}
                  rowHeader={t('influencer.charts.gender')}
                  valueHeader={t('influencer.charts.share')}
                />
                <p className="chart-note">{t('influencer.charts.ageGenderNote')}</p>
              </div>
            ) : null}
          </section>
        ) : null}
        {languageData.length ? (
          <section className="chart-block" aria-labelledby={`${pickerName}-languages`}>
            <h3 className="chart-block__title" id={`${pickerName}-languages`}>
              {t('influencer.charts.languages')}
            </h3>
            <HorizontalBarChart
              title={t('influencer.charts.languagesTitle', { who })}
              description={languageData.map((datum) => `${datum.label} ${datum.display}`).join(t('common.listSeparator'))}
              data={languageData}
              maxValue={100}
              rowHeader={t('influencer.charts.language')}
              valueHeader={t('influencer.charts.share')}
            />
          </section>
        ) : null}
      </div>
    </Card>
  );
}

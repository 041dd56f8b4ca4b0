import type { TPublicInfluencerProfile } from '@reachbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/card';
import { LineChart, type LineSeries } from '../../components/charts/line-chart';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { useTaxonomy } from './labels';

type Profile = TPublicInfluencerProfile;

/** Follower history from the snapshots: one line per account, and their total. */
export function GrowthCard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { formatDay, formatNumber, formatCompact } = useFormatters();
  const history = profile.followerHistory;
  const xs = [...new Set(history.map((point) => point.takenOn))].sort();

  const series: LineSeries[] = profile.socialAccounts
    .map((account) => ({
      key: account.id,
      label: taxonomy.account(account.platform, account.handle),
      values: new Map(history.filter((point) => point.socialAccountId === account.id).map((point) => [point.takenOn, point.followers])),
    }))
    .filter((line) => line.values.size > 0);

  if (series.length > 1) {
    // The total only where every account has a snapshot, so a missing one never reads as a drop.
    const total = new Map<string, number>();
    for (const x of xs) {
      if (series.every((line) => line.values.has(x))) total.set(x, series.reduce((sum, line) => sum + (line.values.get(x) ?? 0), 0));
    }
    if (total.size) series.unshift({ key: 'total', label: t('influencer.charts.total'), values: total, emphasis: true });
  }

  const first = xs[0];
  const last = xs[xs.length - 1];
  const main = series[0];
  const change = main && first && last ? (main.values.get(last) ?? 0) - (main.values.get(first) ?? 0) : 0;

  return (
    <Card heading={t('influencer.growthTitle')} className="growth-card" data-testid="growth-card">
      {series.length === 0 || !first || !last ? (
        <p className="empty-state">{t('influencer.noHistory')}</p>
      ) : (
        <>
          <p className="card__lead">
            {t('influencer.growthLead', {
              from: formatDay(first),
              to: formatDay(last),
              change: formatNumber(change, { signDisplay: 'exceptZero' }),
            })}
          </p>
          <LineChart
            title={t('influencer.charts.growthTitle', { name: profile.displayName })}
            description={t('influencer.charts.growthDesc', {
              from: formatDay(first),
              to: formatDay(last),
              start: formatNumber(main?.values.get(first) ?? 0),
              end: formatNumber(main?.values.get(last) ?? 0),
            })}
            xs={xs}
            series={series}
            formatX={(x) => formatDay(x)}
            formatXShort={(x) => formatDay(x, { month: 'short', year: '2-digit' })}
            formatY={(y) => formatNumber(y)}
            formatYShort={(y) => formatCompact(y)}
            rowHeader={t('influencer.charts.date')}
          />
        </>
      )}
    </Card>
  );
}

import type { adminDashboardContract, ContractResponse } from '@reachbridge/contracts';
import { OFFER_STATUSES } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button, ButtonLink } from '../../components/button';
import { Card } from '../../components/card';
import { HorizontalBarChart } from '../../components/charts/bar-chart';
import { PageHeader } from '../../components/page-header';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useDashboard } from './queries';
import { useMoneyWords } from './use-money-words';
import '../offers/offers.css';
import './admin-money.css';

type Dashboard = ContractResponse<typeof adminDashboardContract>;
type MoneyRow = Dashboard['money'][number];
const MONEY_FIELDS = ['held', 'released', 'refunded', 'feesEarned', 'payableOutstanding'] as const satisfies readonly (keyof MoneyRow)[];
const MOVEMENT_FIELDS = ['pending', 'blocked', 'failed'] as const satisfies readonly (keyof Dashboard['queues']['movements'])[];

/** `/admin/dashboard` — offers by state, money from the ledger, open disputes and queue ages. */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.dashboard'));
  const dashboard = useDashboard();
  return (
    <>
      <PageHeader
        title={t('nav.dashboard')}
        lead={t('sections.dashboard')}
        actions={
          <Button variant="secondary" size="sm" onClick={() => void dashboard.refetch()} isBusy={dashboard.isRefetching} busyLabel={t('common.loading')}>
            {t('adminMoney.dashboard.refresh')}
          </Button>
        }
      />
      {dashboard.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {dashboard.isError ? <Alert tone="danger" live="alert" title={describeError(t, dashboard.error)} /> : null}
      {dashboard.data ? <DashboardView data={dashboard.data} /> : null}
    </>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  return (
    <div className="dashboard">
      <div className="dashboard__stats">
        <WaitingStat kind="disputes" count={data.disputes.open} oldest={data.disputes.oldestOpenedAt} />
        <WaitingStat kind="review" count={data.queues.review.waiting} oldest={data.queues.review.oldestSince} />
        <MovementsStat movements={data.queues.movements} />
      </div>
      <div className="dashboard__main">
        <OffersByState rows={data.offersByStatus} />
        <MoneyCard rows={data.money} />
      </div>
    </div>
  );
}

/** A count with the age of the oldest thing waiting, and a way there. */
function WaitingStat({ kind, count, oldest }: { kind: 'disputes' | 'review'; count: number; oldest: string | null }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const { age } = useMoneyWords();
  return (
    <Card heading={t(kind === 'disputes' ? 'adminMoney.dashboard.disputesTitle' : 'adminMoney.dashboard.reviewTitle')} className="stat-card" data-testid={`dashboard-${kind}`}>
      <p className="stat-card__value">{formatNumber(count)}</p>
      <p className="muted">{oldest && count > 0 ? t('adminMoney.dashboard.oldest', { age: age(oldest) }) : t('adminMoney.dashboard.noneWaiting')}</p>
      <ButtonLink to={kind === 'disputes' ? '/admin/disputes' : '/admin/review-queue'} variant="ghost" size="sm">
        {t(kind === 'disputes' ? 'adminMoney.dashboard.goToDisputes' : 'adminMoney.dashboard.goToQueue')}
      </ButtonLink>
    </Card>
  );
}

function MovementsStat({ movements }: { movements: Dashboard['queues']['movements'] }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  return (
    <Card heading={t('adminMoney.dashboard.movementsTitle')} className="stat-card" data-testid="dashboard-movements">
      <dl className="stat-card__list">
        {MOVEMENT_FIELDS.map((field) => (
          <div key={field} className={field !== 'pending' && movements[field] > 0 ? 'stat-card__alert' : undefined}>
            <dt>{t(`adminMoney.dashboard.movements.${field}`)}</dt>
            <dd>{formatNumber(movements[field])}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function OffersByState({ rows }: { rows: Dashboard['offersByStatus'] }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const counts = new Map(rows.map((row) => [row.status, row.count]));
  // The lifecycle's order, not the alphabet's; states with no offers are left out.
  const data = OFFER_STATUSES.filter((status) => (counts.get(status) ?? 0) > 0).map((status) => {
    const count = counts.get(status) ?? 0;
    return { key: status, label: t(`offers.status.${status}`), value: count, display: formatNumber(count) };
  });
  return (
    <Card heading={t('adminMoney.dashboard.offersTitle')} className="dashboard-offers" data-testid="dashboard-offers">
      {data.length === 0 ? (
        <p className="muted">{t('adminMoney.dashboard.offersEmpty')}</p>
      ) : (
        <HorizontalBarChart
          title={t('adminMoney.dashboard.offersTitle')}
          description={t('adminMoney.dashboard.offersDescription')}
          data={data}
          rowHeader={t('adminMoney.dashboard.state')}
          valueHeader={t('adminMoney.dashboard.count')}
        />
      )}
    </Card>
  );
}

function MoneyCard({ rows }: { rows: Dashboard['money'] }) {
  const { t } = useTranslation();
  const { exact } = useMoneyWords();
  return (
    <Card heading={t('adminMoney.dashboard.moneyTitle')} className="dashboard-money" data-testid="dashboard-money">
      <p className="card__lead">{t('adminMoney.dashboard.moneyLead')}</p>
      {rows.length === 0 ? <p className="muted">{t('adminMoney.dashboard.moneyEmpty')}</p> : null}
      {rows.map((row) => (
        <section key={row.currency} className="dashboard-money__currency" aria-label={row.currency} data-testid={`dashboard-money-${row.currency}`}>
          <h3 className="dashboard-money__code">{row.currency}</h3>
          <dl className="fact-list">
            {MONEY_FIELDS.map((field) => (
              <div key={field} data-testid={`dashboard-${field}`}>
                <dt>{t(`adminMoney.dashboard.money.${field}`)}</dt>
                <dd>{exact(row[field], row.currency)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Card>
  );
}

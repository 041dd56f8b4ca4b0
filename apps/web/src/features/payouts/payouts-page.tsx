import type { ContractResponse, paymentsContracts } from '@reachbridge/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, type AlertTone } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { FullPageError, FullPageLoader } from '../../components/full-page-state';
import { PageHeader } from '../../components/page-header';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useConnectStatus, usePaymentHistory, useStartOnboarding } from '../offers/queries';
import { BalanceSummary } from './balance-summary';

type ConnectStatus = ContractResponse<typeof paymentsContracts.connectStatus>;

const STATUS_TONES: Record<ConnectStatus['status'], AlertTone> = { not_started: 'info', onboarding_required: 'warning', ready: 'success' };

/** `/payouts` — the influencer's payout account, balances and the money movements on their offers. */
export function PayoutsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.payouts'));
  const status = useConnectStatus();
  const [params] = useSearchParams();
  const returned = params.get('onboarding');
  const { refetch } = status;

  // Back from Stripe's onboarding: read the status again (the webhook may have updated it).
  useEffect(() => {
    if (returned) void refetch();
  }, [returned, refetch]);

  if (status.isPending) return <FullPageLoader />;
  if (status.isError) return <FullPageError error={status.error} onRetry={() => void status.refetch()} />;
  return (
    <>
      <PageHeader title={t('nav.payouts')} lead={t('sections.payouts')} />
      <div className="payouts-layout">
        <PayoutAccountCard status={status.data} />
        <BalanceSummary variant="influencer" />
      </div>
      <HistoryCard />
    </>
  );
}

function PayoutAccountCard({ status }: { status: ConnectStatus }) {
  const { t } = useTranslation();
  const onboarding = useStartOnboarding();

  function start() {
    onboarding.mutate(undefined, {
      onSuccess: (next) => {
        // Stripe: finish on Stripe's page, which comes back to /payouts. Simulated: ready already (cached).
        if (next.onboardingUrl) window.location.assign(next.onboardingUrl);
      },
    });
  }

  return (
    <Card heading={t('payouts.accountTitle')} className="payout-account" data-testid="payout-account">
      <Alert tone={STATUS_TONES[status.status]} title={t(`payouts.status.${status.status}`)}>
        <p>{t(`payouts.statusBody.${status.status}`)}</p>
        {status.requirementsDue.length ? (
          <p>
            {t('payouts.requirements')} <bdi dir="ltr">{status.requirementsDue.join(', ')}</bdi>
          </p>
        ) : null}
      </Alert>
      {status.testMoney ? <p className="test-money">{t('offers.payment.testMoney')}</p> : null}
      {status.status !== 'ready' ? (
        <Button onClick={start} isBusy={onboarding.isPending} busyLabel={t('payouts.connecting')}>
          {status.status === 'not_started' ? t('payouts.connect') : t('payouts.continue')}
        </Button>
      ) : null}
      {onboarding.isError ? <Alert tone="danger" live="alert" title={describeError(t, onboarding.error)} /> : null}
    </Card>
  );
}

function HistoryCard() {
  const { t } = useTranslation();
  const { formatMoney, formatDateTime } = useFormatters();
  const history = usePaymentHistory();
  return (
    <Card heading={t('payouts.historyTitle')} className="payout-history">
      {history.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {history.isError ? <p className="field__error">{describeError(t, history.error)}</p> : null}
      {history.isSuccess && history.data.items.length === 0 ? <p className="muted">{t('payouts.noHistory')}</p> : null}
      {history.data?.items.length ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('payouts.historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('payouts.when')}</th>
                <th scope="col">{t('payouts.what')}</th>
                <th scope="col">{t('payouts.counterpart')}</th>
                <th scope="col">{t('payouts.movementStatus')}</th>
                <th scope="col" className="data-table__number">
                  {t('payouts.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((item) => (
                <tr key={`${item.offerId}:${item.kind}:${item.at}`}>
                  <td>{formatDateTime(item.at)}</td>
                  <td>
                    <Link to={`/offers/${item.offerId}`}>{t(`offers.payment.movements.${item.kind}`)}</Link>
                  </td>
                  <td>{item.counterpart}</td>
                  <td>{t(`offers.payment.movementStatus.${item.status}`)}</td>
                  <td className="data-table__number">{formatMoney(item.amount, item.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}

import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { describeError } from '../../lib/i18n/error-messages';
import { usePageTitle } from '../../lib/use-page-title';
import { DisputeItem } from './dispute-item';
import { useDisputes, type DisputeStatus } from './queries';
import '../offers/offers.css';
import '../admin/admin.css';
import './admin-money.css';

const STATUSES: readonly DisputeStatus[] = ['open', 'resolved'];

/** `/admin/disputes` — open disputes oldest first (or the resolved ones), each with everything needed to decide. */
export function DisputesPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.disputes'));
  const [params, setParams] = useSearchParams();
  const status: DisputeStatus = params.get('status') === 'resolved' ? 'resolved' : 'open';
  const disputes = useDisputes(status);
  const items = disputes.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('nav.disputes')}
        lead={t('sections.disputes')}
        actions={
          <Button variant="secondary" size="sm" onClick={() => void disputes.refetch()} isBusy={disputes.isRefetching} busyLabel={t('common.loading')}>
            {t('adminMoney.disputes.refresh')}
          </Button>
        }
      />
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('adminMoney.disputes.show')}</legend>
        {STATUSES.map((candidate) => (
          <label key={candidate} className="segmented__option">
            <input type="radio" name="dispute-status" checked={candidate === status} onChange={() => setParams(candidate === 'open' ? {} : { status: candidate })} />
            <span>{t(`adminMoney.disputes.${candidate}`)}</span>
          </label>
        ))}
      </fieldset>
      {disputes.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {disputes.isError ? <Alert tone="danger" live="alert" title={describeError(t, disputes.error)} /> : null}
      {disputes.isSuccess && items.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t(status === 'open' ? 'adminMoney.disputes.emptyOpenTitle' : 'adminMoney.disputes.emptyResolvedTitle')}</p>
          {status === 'open' ? <p>{t('adminMoney.disputes.emptyOpenBody')}</p> : null}
        </div>
      ) : null}
      {items.length ? (
        <ol className="dispute-queue" aria-label={t(status === 'open' ? 'adminMoney.disputes.openListLabel' : 'adminMoney.disputes.resolvedListLabel')}>
          {items.map((item) => (
            <li key={item.dispute.id}>
              <DisputeItem item={item} onStale={() => void disputes.refetch()} />
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

import { OFFER_STATUSES, type OfferStatus } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button, ButtonLink } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { describeError } from '../../lib/i18n/error-messages';
import { usePageTitle } from '../../lib/use-page-title';
import { useRequiredUser } from '../auth/session';
import { BalanceSummary } from '../payouts/balance-summary';
import { OfferRow } from './offer-row';
import { useOffers, type OfferListQuery } from './queries';
import './offers.css';

type StatusFilter = 'open' | 'finished' | 'all' | OfferStatus;

function readFilter(params: URLSearchParams): { status: StatusFilter; myTurn: boolean } {
  const status = params.get('status') ?? 'open';
  const known = status === 'open' || status === 'finished' || status === 'all' || (OFFER_STATUSES as readonly string[]).includes(status);
  return { status: known ? (status as StatusFilter) : 'open', myTurn: params.get('myTurn') === 'true' };
}

/** `/offers` — the offers a brand sent or an influencer received, filtered in the URL. */
export function OffersPage() {
  const { t } = useTranslation();
  const user = useRequiredUser();
  usePageTitle(t('nav.offers'));
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const query: OfferListQuery = {
    ...(filter.status === 'all' ? {} : { status: filter.status }),
    ...(filter.myTurn ? { myTurn: 'true' as const } : {}),
    limit: 25,
  };
  const offers = useOffers(query);
  const items = offers.data?.pages.flatMap((page) => page.items) ?? [];

  function update(next: Partial<{ status: StatusFilter; myTurn: boolean }>) {
    const merged = { ...filter, ...next };
    const search = new URLSearchParams();
    if (merged.status !== 'open') search.set('status', merged.status);
    if (merged.myTurn) search.set('myTurn', 'true');
    setParams(search, { replace: true });
  }

  return (
    <>
      <PageHeader
        title={t('nav.offers')}
        lead={t(user.role === 'brand' ? 'offers.inbox.leadBrand' : 'offers.inbox.leadInfluencer')}
        actions={
          user.role === 'brand' ? (
            <ButtonLink to="/discover" size="sm">
              {t('offers.inbox.findInfluencers')}
            </ButtonLink>
          ) : (
            <ButtonLink to="/payouts" size="sm" variant="secondary">
              {t('nav.payouts')}
            </ButtonLink>
          )
        }
      />
      {user.role === 'brand' ? <BalanceSummary variant="brand" /> : null}
      <div className="offer-filters" role="group" aria-label={t('offers.inbox.filters')}>
        <div className="field field--compact">
          <label className="field__label" htmlFor="offer-status-filter">
            {t('offers.inbox.status')}
          </label>
          <select id="offer-status-filter" className="field__input field__select field__input--sm" value={filter.status} onChange={(event) => update({ status: event.target.value as StatusFilter })}>
            <option value="open">{t('offers.inbox.open')}</option>
            <option value="finished">{t('offers.inbox.finished')}</option>
            <option value="all">{t('offers.inbox.all')}</option>
            <optgroup label={t('offers.inbox.singleStatus')}>
              {OFFER_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`offers.status.${status}`)}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <label className="checkbox checkbox--pill">
          <input type="checkbox" checked={filter.myTurn} onChange={(event) => update({ myTurn: event.target.checked })} />
          <span>{t('offers.inbox.myTurn')}</span>
        </label>
      </div>
      {offers.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {offers.isError ? (
        <Alert tone="danger" live="alert" title={describeError(t, offers.error)}>
          <Button variant="secondary" size="sm" onClick={() => void offers.refetch()}>
            {t('account.retry')}
          </Button>
        </Alert>
      ) : null}
      {offers.isSuccess && items.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('offers.inbox.emptyTitle')}</p>
          <p>{t(user.role === 'brand' ? 'offers.inbox.emptyBrand' : 'offers.inbox.emptyInfluencer')}</p>
        </div>
      ) : null}
      {items.length ? (
        <ul className="offer-list" aria-label={t('nav.offers')}>
          {items.map((offer) => (
            <li key={offer.id}>
              <OfferRow offer={offer} viewer={user.role} />
            </li>
          ))}
        </ul>
      ) : null}
      {offers.hasNextPage ? (
        <Button variant="secondary" onClick={() => void offers.fetchNextPage()} isBusy={offers.isFetchingNextPage} busyLabel={t('common.loading')}>
          {t('offers.inbox.more')}
        </Button>
      ) : null}
    </>
  );
}

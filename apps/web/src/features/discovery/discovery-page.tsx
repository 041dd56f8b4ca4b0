import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { Spinner } from '../../components/spinner';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useRequiredUser } from '../auth/session';
import { InfluencerCard } from '../influencers/influencer-card';
import { AddToListMenu } from '../lists/add-to-list';
import { ActiveFilters } from './active-filters';
import { FilterPanel } from './filter-panel';
import { useInfluencerSearch } from './queries';
import { SavedSearches } from './saved-searches';
import { SearchBox } from './search-box';
import {
  activeFilterCount,
  canonicalQuery,
  clearFilters,
  effectiveSort,
  invalidParams,
  readScalar,
  readShares,
  removeParam,
  SHARE_KEYS,
  toApiQuery,
  toggleListValue,
  writeScalar,
} from './search-params';
import { SEARCH_SORTS } from './search-types';

export function DiscoveryPage() {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  usePageTitle(t('discover.title'));
  const user = useRequiredUser();
  const navigate = useNavigate();
  const [urlParams, setUrlParams] = useSearchParams();
  // Router navigations render as transitions; the controls show the new query at once (a checkbox
  // must not flip back while the URL catches up).
  const [pending, setPending] = useState<URLSearchParams | null>(null);
  const params = pending ?? urlParams;
  useEffect(() => {
    setPending(null);
  }, [urlParams]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const sortId = useId();

  const canonical = canonicalQuery(params);
  const apiQuery = toApiQuery(params);
  const search = useInfluencerSearch(apiQuery, canonical);
  const firstPage = search.data?.pages[0];
  const hits = search.data?.pages.flatMap((page) => page.hits) ?? [];
  const sort = effectiveSort(params);
  const filterCount = activeFilterCount(params);
  const q = readScalar(params, 'q') ?? '';
  const deliverable = readScalar(params, 'deliverable');
  const isUpdating = search.isPlaceholderData;
  const invalid = invalidParams(search.error);

  function update(next: URLSearchParams) {
    // Every change is a history entry (back undoes it); a change to the same query is none.
    if (canonicalQuery(next) === canonicalQuery(params)) return;
    setPending(next);
    setUrlParams(next);
  }

  return (
    <>
      <PageHeader title={t('discover.title')} lead={t('discover.lead')} actions={<SavedSearches query={urlParams.toString()} />} />
      <div className="discovery">
        <SearchBox
          value={q}
          onSearch={(text) => update(writeScalar(params, 'q', text || undefined))}
          onPickInfluencer={(id) => void navigate(`/influencers/${id}`)}
          onPickNiche={(niche) => update(params.getAll('niche').includes(niche) ? params : toggleListValue(params, 'niche', niche))}
        />

        <div className="discovery__toolbar">
          <button
            ref={toggleRef}
            type="button"
            className="button button--secondary button--sm discovery__filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls={panelId}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="button__icon">
              <path d="M3 5h14M6 10h8M8.5 15h3" />
            </svg>
            {filterCount ? t('discover.filtersButtonCount', { count: filterCount }) : t('discover.filtersButton')}
          </button>
          <p className="discovery__total" role="status" aria-live="polite" data-testid="result-total">
            {firstPage
              ? firstPage.totalIsLowerBound
                ? t('discover.totalLowerBound', { count: firstPage.total, value: formatNumber(firstPage.total) })
                : t('discover.total', { count: firstPage.total, value: formatNumber(firstPage.total) })
              : search.isPending
                ? t('common.loading')
                : ''}
          </p>
          <div className="discovery__sort">
            <label htmlFor={sortId}>{t('discover.sortLabel')}</label>
            <select
              id={sortId}
              className="field__input field__select field__input--sm"
              value={sort}
              onChange={(event) => update(writeScalar(params, 'sort', event.target.value))}
            >
              {SEARCH_SORTS.map((option) => (
                <option key={option} value={option} disabled={option === 'relevance' && !q}>
                  {t(`discover.sorts.${option}`)}
                </option>
              ))}
            </select>
          </div>
        </div>

        {sort === 'costPerTargetedThousand' ? (
          <p className="discovery__explain" data-testid="cost-explain">
            {t('discover.cptExplain')}
            {SHARE_KEYS.some((key) => readShares(params, key).length > 0) ? null : ` ${t('discover.cptAddAudience')}`}
          </p>
        ) : null}

        <ActiveFilters params={params} onChange={update} onClear={() => update(clearFilters(params))} />

        <div className="discovery__layout">
          <aside className="discovery__filters" id={panelId} data-open={filtersOpen} aria-label={t('discover.filtersTitle')}>
            <h2 className="discovery__filters-title">{t('discover.filtersTitle')}</h2>
            <FilterPanel params={params} facets={firstPage?.facets} facetsAreEstimates={firstPage?.facetsAreEstimates ?? false} onChange={update} />
            <div className="discovery__filters-done">
              <Button
                className="discovery__filters-done-button"
                onClick={() => {
                  setFiltersOpen(false);
                  toggleRef.current?.focus();
                }}
              >
                {firstPage ? t('discover.showResults', { count: firstPage.total, value: formatNumber(firstPage.total) }) : t('discover.closeFilters')}
              </Button>
            </div>
          </aside>

          <section className="discovery__results" aria-label={t('discover.resultsTitle')} aria-busy={search.isFetching || undefined}>
            {invalid.length ? (
              <Alert tone="warning" title={t('discover.invalidTitle')} live="alert">
                <ul className="invalid-params">
                  {invalid.map(({ param, message }) => (
                    <li key={param}>
                      <span>
                        <strong>{t(`discover.params.${param}`, { defaultValue: param })}</strong>: {message}
                      </span>
                      <Button variant="secondary" size="sm" onClick={() => update(removeParam(params, param))}>
                        {t('discover.removeInvalid')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : search.isError && !search.data ? (
              <Alert tone="danger" title={t('discover.errorTitle')} live="alert">
                <p>{describeError(t, search.error)}</p>
                <Button variant="secondary" size="sm" onClick={() => void search.refetch()}>
                  {t('account.retry')}
                </Button>
              </Alert>
            ) : null}

            {search.isPending && !search.isError ? (
              <ul className="result-list" aria-hidden="true">
                {[0, 1, 2, 3].map((index) => (
                  <li key={index} className="influencer-card influencer-card--skeleton" />
                ))}
              </ul>
            ) : null}

            {search.isSuccess && hits.length === 0 && !invalid.length ? (
              <div className="empty-state empty-state--large">
                <p className="empty-state__title">{t('discover.emptyTitle')}</p>
                <p>{filterCount || q ? t('discover.emptyBody') : t('discover.emptyNoData')}</p>
                {filterCount ? (
                  <Button variant="secondary" onClick={() => update(clearFilters(params))}>
                    {t('discover.clearAll')}
                  </Button>
                ) : null}
              </div>
            ) : null}

            {hits.length ? (
              <ul className={`result-list${isUpdating ? ' result-list--stale' : ''}`}>
                {hits.map((hit) => (
                  <li key={hit.id}>
                    <InfluencerCard
                      hit={hit}
                      showCostPerTargeted={sort === 'costPerTargetedThousand'}
                      deliverable={deliverable}
                      headingLevel={2}
                      actions={user.role === 'brand' ? <AddToListMenu influencerId={hit.id} influencerName={hit.displayName} /> : null}
                    />
                  </li>
                ))}
              </ul>
            ) : null}

            {search.hasNextPage ? (
              <div className="load-more">
                <Button variant="secondary" isBusy={search.isFetchingNextPage} busyLabel={t('discover.loadingMore')} onClick={() => void search.fetchNextPage()}>
                  {t('discover.loadMore')}
                </Button>
                <p className="muted">{t('discover.shown', { shown: formatNumber(hits.length), total: formatNumber(firstPage?.total ?? hits.length) })}</p>
              </div>
            ) : null}
            {q && sort === 'relevance' && !search.hasNextPage && firstPage && hits.length > 0 && hits.length < firstPage.total ? (
              // Relevance ranks a bounded set of the best matches; other orders page through all of them.
              <p className="muted load-more">{t('discover.rankedEnd', { shown: formatNumber(hits.length), total: formatNumber(firstPage.total) })}</p>
            ) : null}
            {search.isFetchNextPageError ? (
              <Alert tone="danger" live="alert" title={describeError(t, search.error)} />
            ) : null}
            {isUpdating ? (
              <p className="visually-hidden" role="status">
                <Spinner /> {t('discover.updating')}
              </p>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}
